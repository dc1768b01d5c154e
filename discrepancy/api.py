"""The public verbs of `discrepancy`, over documents or plain strings.

`tag` finds the time expressions of a document; `check` reports its findings.  The
command line calls nothing but these.
"""

from __future__ import annotations

from datetime import date, datetime
import os
from typing import Optional, Sequence, Union

from .claims.model import Finding
from .claims.structured import ClaimsDocument, looks_like_claims, parse_claims
from .documents import Document, decode, parse_document
from .pipeline import Checker
from .rules import RuleSet, load_rules
from .temporal import find_times
from .temporal.expressions import TimeExpression

TextOrDocument = Union[str, Document]
PathLike = Union[str, "os.PathLike[str]"]


def as_document(source: TextOrDocument, reference: Optional[Union[date, datetime]] = None, tz: Optional[str] = None) -> Document:
    """A `Document` for a string (a seed-format text or plain text with ``reference``) or as given."""
    if isinstance(source, Document):
        return source
    ref = reference.date() if isinstance(reference, datetime) else reference
    return parse_document(source, "<text>", ref, tz or "UTC")


def tag(source: TextOrDocument, reference: Optional[Union[date, datetime]] = None, tz: Optional[str] = None) -> list[TimeExpression]:
    """Every time expression in the document, in text order, with offsets into its text."""
    document = as_document(source, reference, tz)
    return find_times(document.scan_text, document.reference, document.zone)


def check(
    source: TextOrDocument,
    rules: Union[None, RuleSet, Sequence[PathLike]] = None,
    reference: Optional[Union[date, datetime]] = None,
    tz: Optional[str] = None,
    builtin: bool = True,
) -> list[Finding]:
    """The findings of a document: where its stated windows contradict each other or what was observed.

    ``rules`` is a compiled `RuleSet` or rule file paths (loaded after the built-in pack
    unless ``builtin`` is false).
    """
    return list(checker_for(rules, builtin).check(as_document(source, reference, tz)).findings)


def checker_for(rules: Union[None, RuleSet, Sequence[PathLike]] = None, builtin: bool = True) -> Checker:
    """A `Checker` for a rule set or rule file paths; compiled rule sets are cached by content."""
    if isinstance(rules, RuleSet):
        return Checker(rules)
    return Checker(load_rules(list(rules or ()), builtin=builtin))


def read_input(
    path: str,
    data: bytes,
    reference: Optional[date] = None,
    tz: str = "UTC",
    encoding: str = "utf-8",
    encoding_errors: str = "strict",
    claims: bool = False,
) -> Union[Document, ClaimsDocument]:
    """One input's bytes as a document, or (with ``claims``) as a structured claims document."""
    text = decode(data, path, encoding, encoding_errors)
    if claims and looks_like_claims(text):
        return parse_claims(text, path)
    return parse_document(text, path, reference, tz)
