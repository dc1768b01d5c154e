"""The end-to-end check: document -> time expressions -> windows -> findings.

This is the one place the layers meet.  A `Checker` holds a compiled rule set and the
extractor built from that rule set's window vocabulary, so a batch compiles both once.
"""

from __future__ import annotations

import os
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
                            ended_by=spec.ended_by, extended_by=spec.extended_by, resumed_by=spec.resumed_by)


@attrs.frozen
class CheckResult:
    """Everything the check found in one document."""

    document: Document
    expressions: tuple[TimeExpression, ...]
    windows: tuple[Window, ...]
    findings: tuple[Finding, ...]


class WindowWordFilter:
    """Whether a text can name a window at all: a necessary condition, far cheaper than extraction.

    A window exists only where one of its names is mentioned, and a mention needs the
    first word of a name somewhere in the text.  Most news documents name no window, so
    looking for those words with plain substring search skips most of the work.
    """

    # Characters that case-insensitive matching takes for an ASCII letter but ``str.lower``
    # does not turn into one (dotted and dotless i, long s, Kelvin sign): with any of them
    # in the text, the filter cannot decide and lets the text through.
    _CASE_ODDITIES = ("\u0130", "\u0131", "\u017f", "\u212a")

    def __init__(self, names: Iterable[str]):
        self.words = tuple(sorted({_first_word(name) for name in names} - {""}))

    def may_name_a_window(self, text: str) -> bool:
        if any(odd in text for odd in self._CASE_ODDITIES):
            return True
        lowered = text.lower()
        return any(word in lowered for word in self.words)


def _first_word(name: str) -> str:
    return next((word.lower() for word in name.split() if word != "..."), "")


class Checker:
    """A rule set and its extractor, ready to check many documents."""

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset
        self.extractor = Extractor([vocabulary_of(spec) for spec in ruleset.windows])
        self.window_words = WindowWordFilter(name for spec in ruleset.windows for name in spec.called)

    @classmethod
    def from_paths(cls, paths: Iterable[PathLike] = (), builtin: bool = True) -> "Checker":
        return cls(load_rules(list(paths), builtin=builtin))

    def windows(self, document: Document, expressions: Optional[Sequence[TimeExpression]] = None) -> tuple[Window, ...]:
        if not self.window_words.may_name_a_window(document.text):
            return ()
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
