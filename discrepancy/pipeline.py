"""The end-to-end check: document -> time expressions -> windows -> findings.

This is the one place the layers meet.  A `Checker` holds a compiled rule set and the
extractor built from that rule set's window vocabulary, so a batch compiles both once.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union

import attrs

from .claims.extract import Extractor
from .claims.model import Finding, Window
from .claims.structured import ClaimsDocument
from .claims.vocabulary import WindowVocabulary
from .documents import Document, parse_document
from .rules import RuleSet, load_rules
from .rules.ruleset import WindowSpec
from .temporal import find_times
from .temporal.expressions import TimeExpression

PathLike = Union[str, "os.PathLike[str]"]


def vocabulary_of(spec: WindowSpec) -> WindowVocabulary:
    """The extractor's view of a rule file's window: its names and event words.

    "Broken by" words (violations) are deliberately left out: a breach while a window is
    still treated as in force does not end it.
    """
    return WindowVocabulary(kind=spec.name, called=spec.called, started_by=spec.started_by,
                            ended_by=spec.ended_by, extended_by=spec.extended_by)


@attrs.frozen
class CheckResult:
    """Everything the check found in one document."""

    document: Document
    expressions: tuple[TimeExpression, ...]
    windows: tuple[Window, ...]
    findings: tuple[Finding, ...]


class Checker:
    """A rule set and its extractor, ready to check many documents."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self.extractor = Extractor([vocabulary_of(spec) for spec in ruleset.windows])

    @classmethod
    def from_paths(cls, paths: Iterable[PathLike] = (), builtin: bool = True) -> "Checker":
        return cls(load_rules(list(paths), builtin=builtin))

    def windows(self, document: Document, expressions: Optional[Sequence[TimeExpression]] = None) -> tuple[Window, ...]:
        if expressions is None:
            expressions = find_times(document.scan_text, document.reference, document.zone)
        return tuple(self.extractor.extract(document.text, expressions, document.scan_from))

    def check_claims(self, claims: ClaimsDocument) -> CheckResult:
        """Run the rules over windows given as data (no text analysis)."""
        document = Document(claims.path, claims.text, claims.reference, claims.tz, form="claims")
        return CheckResult(document, (), claims.windows, tuple(self.ruleset.evaluate(claims.windows)))

    def check(self, document: Document) -> CheckResult:
        expressions = tuple(find_times(document.scan_text, document.reference, document.zone))
        windows = self.windows(document, expressions)
        findings = self.ruleset.evaluate(windows)
        return CheckResult(document, expressions, windows, tuple(findings))



_CHECKERS: dict[str, Checker] = {}


def extract_windows_for(text: str, reference, tz, ruleset: RuleSet) -> Sequence[Window]:
    """The extractor the rule examples run through (`rules test`, the pytest plugin).

    One `Checker` per rule set, by content digest, so a file of many examples compiles
    its vocabulary once.
    """
    checker = _CHECKERS.get(ruleset.digest)
    if checker is None:
        checker = _CHECKERS[ruleset.digest] = Checker(ruleset)
    document = parse_document(text, "<example>", reference, getattr(tz, "key", str(tz)))
    return checker.windows(document)
