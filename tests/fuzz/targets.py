"""What the fuzzers run, and what must hold for every input: the oracles.

Four targets, each taking one input and raising on a bug (an `AssertionError` when an
invariant fails, any other exception when one escapes that should have been a
`DiscrepancyError`):

* `text_pipeline(text, reference, tz)`: `find_times` and `Checker.check` on any text.
  Spans lie inside the text and slice to the expression's text, expressions come sorted,
  every instant is a well-formed range, evidence quotes the text it points at, records
  serialise to JSON, a second run gives the same records, and the time taken is bounded.
* `document_bytes(data)`: any bytes as an input file: a `DocumentError` naming the file,
  or a document the pipeline then checks.
* `rule_text(text)`: any rule text: a `RuleSet`, or `RuleErrors` whose positions lie in
  the text; a rule set that loads also runs over the founding case's windows.
* `claims_json(text)`: any text as a structured claims document.

`TOKENS` and `RULE_TOKENS` are the vocabularies the generators build hostile texts from.
The Hypothesis tests (`tests/test_fuzz.py`) and the long runs (`tests/fuzz/run.py`) share
all of this, so a bug found by hand is a test case at once.
"""

from __future__ import annotations

import json
import time
from datetime import date
from functools import lru_cache
from typing import Optional

from discrepancy.api import read_input
from discrepancy.claims.structured import parse_claims
from discrepancy.documents import MAX_REFERENCE, MIN_REFERENCE, Document
from discrepancy.errors import DocumentError
from discrepancy.pipeline import Checker
from discrepancy.records import check_record, dumps, expression_record
from discrepancy.rules import RuleErrors, load_rules
from discrepancy.temporal import find_times

# Seconds an input may take: a fixed allowance plus a per-character one far above the
# slowest measured cost (a few microseconds), so only a blow-up trips it.
TIME_ALLOWANCE = 3.0
TIME_PER_CHARACTER = 200e-6

TOKENS = (
    # dates, weekdays, months, relative words
    "January", "Feb.", "February 1", "March", "May", "may", "June", "August", "Sept.", "Dec", "Monday", "Tuesday",
    "Thursday", "Sunday", "Fri", "today", "tomorrow", "yesterday", "tonight", "overnight", "night", "morning",
    "noon", "midnight", "the 1st", "31st", "2026", "1999", "'90s", "the 1990s", "Q3", "the third quarter",
    "last", "next", "this", "the following day", "ago", "earlier", "later", "a week", "weeks", "Christmas", "Easter",
    # numbers, clock and lengths
    "0", "1", "7", "12", "24", "29", "30", "31", "48", "72", "99", "100", "2026-02-30", "2026-02-01", "11/02/89",
    "19980303", "23:59", "24:00", "11 p.m.", "a.m.", "12:01 a.m.", "o'clock", "one", "two", "seven", "ninety",
    "a fortnight", "48-hour", "30-day", "weeklong", "week-long", "1 1/2", "hours", "days", "months", "years",
    "a couple of", "several", "more than", "up to", "at least", "half", "full",
    # bounds, starts and window words
    "until", "till", "through", "by", "before", "after", "from", "to", "between", "and", "since", "starting",
    "as of", "effective", "expires", "runs out", "at the end of", "no later than", "for", "within",
    "truce", "ceasefire", "pause", "strike", "lockdown", "moratorium", "ban", "deal", "took effect", "began",
    "ended", "resumed strikes", "lifted", "extended", "expired", "collapsed", "due to", "will", "would", "said",
    # zones and speakers
    "Kyiv time", "EST", "GMT", "UTC+2", "local time", "Eastern time", "Peskov said", "\"", "\u201c", "\u201d",
    # punctuation and layout
    ".", ",", ";", ":", "-", "\u2014", "/", "(", ")", "'s", "!", "?", "...", "\n", "\r\n", "\n\n", "\t", " ", "  ",
    "Mr.", "U.S.", "No.", "St.", "\u00e9", "\u041a\u0438\u0457\u0432", "\ufffd", "\u200b", "\U0001f600",
)

RULE_TOKENS = (
    "rule", "window", "include", "disable", "override", "extend", "for", "w", "with", "and", "or", "not",
    "let", "=", "when", "report", "kind", "severity", "error", "warning", "info", "example", "on", "expect",
    "none", "claimed", "effective", "shorter", "longer", "differs", "from", "than", "by", "more", "before",
    "after", "matches", "within", "is", "12", "hours", "days", "P7D", "PT12H", "P", "..", "2026-02-03",
    "2026-02-30", "in", "Europe/Kyiv", "Mars/Base", "w.duration", "w.bound", "w.start", "w.observation",
    "w.kind", "w.duration.text", "counted", "length", "counted(w.start, w.bound)", "length(w.duration, w.start)",
    "(", ")", ",", ":", "\"", "\"text {w.duration}\"", "\"{effective:iso}\"", "{", "}", "{{", "#", "\n",
    "\n    ", "\n        ", " ", "\t", "called", "ended", "started", "broken", "extended", "+", "-", "\u00e4",
    "\\", "truce", "strike", "r", "x-y", "_", "0", "99999999999999999999",
)


@lru_cache(maxsize=1)
def checker() -> Checker:
    return Checker(load_rules())


@lru_cache(maxsize=1)
def founding_windows() -> tuple:
    from pathlib import Path

    from discrepancy.documents import read_document

    seed = Path(__file__).resolve().parents[2] / "seeds" / "founding_case.txt"
    return checker().windows(read_document(seed, tz="Europe/Kyiv"))


def _bounded(started: float, size: int, what: str) -> None:
    took = time.perf_counter() - started
    assert took < TIME_ALLOWANCE + TIME_PER_CHARACTER * size, f"{what}: {took:.2f} s for {size} characters"


def text_pipeline(text: str, reference: date = date(2026, 2, 3), tz: str = "UTC") -> None:
    started = time.perf_counter()
    expressions = find_times(text, reference, tz)  # the tagger takes any date datetime can hold
    previous = None
    for expression in expressions:
        span = expression.span
        assert 0 <= span.start < span.end <= len(text), (span, len(text))
        assert text[span.start:span.end] == expression.text
        key = (span.start, span.end)
        assert previous is None or previous <= key, "expressions out of order"
        previous = key
        if expression.instant is not None:
            assert expression.instant.earliest <= expression.instant.latest
        if expression.duration is not None and expression.duration.max is not None:
            assert expression.duration.min.to_iso() and expression.duration.max.to_iso()
        if expression.bound is not None:
            assert expression.bound.end.earliest <= expression.bound.end.latest
            cue = expression.bound.cue_span
            assert 0 <= cue.start <= cue.end <= len(text)
        json.dumps(expression_record(expression, text))
    try:
        document = Document("<fuzz>", text, reference, tz)
    except DocumentError as error:
        assert not MIN_REFERENCE <= reference <= MAX_REFERENCE, error
        assert "outside the supported range" in error.reason
        return
    result = checker().check(document)
    for finding in result.findings:
        for item in finding.evidence:
            assert text[item.span.start:item.span.end] == item.text, (item, finding.rule)
    first = dumps(check_record(result))
    assert dumps(check_record(checker().check(document))) == first, "a second check gave other output"
    _bounded(started, len(text), "text pipeline")


def document_bytes(data: bytes, reference: Optional[date] = None) -> None:
    started = time.perf_counter()
    try:
        document = read_input("fuzz.txt", data, reference, "UTC", claims=True)
    except DocumentError as error:
        assert error.path == "fuzz.txt" and error.reason, error
        assert str(error).startswith("fuzz.txt: ")
        return
    if isinstance(document, Document):
        assert 0 <= document.scan_from <= len(document.text)
        assert len(document.scan_text) == len(document.text)
        checker().check(document)
    else:
        checker().check_claims(document)
    _bounded(started, len(data), "document")


def rule_text(text: str) -> None:
    started = time.perf_counter()
    try:
        ruleset = load_rules(text=text, name="fuzz.rules", builtin=False)
    except RuleErrors as errors:
        lines = text.split("\n")
        for error in errors:
            position = error.position
            assert error.message
            if position.path == "fuzz.rules":
                assert 1 <= position.line <= len(lines), (position, len(lines))
                assert 1 <= position.column <= len(lines[position.line - 1]) + 1, position
        _bounded(started, len(text), "rule file")
        return
    for _finding in ruleset.evaluate(founding_windows()):
        pass
    _bounded(started, len(text), "rule file")


def claims_json(text: str) -> None:
    try:
        claims = parse_claims(text, "fuzz.json")
    except DocumentError as error:
        assert error.path == "fuzz.json" and error.reason
        return
    try:
        result = checker().check_claims(claims)
    except DocumentError as error:  # a reference date outside the supported range
        assert error.path == "fuzz.json" and "outside the supported range" in error.reason, error
        return
    for finding in result.findings:
        json.dumps(finding.to_json())


def claims_value(value: object) -> None:
    """A JSON value (as Python data) as a claims document."""
    claims_json(json.dumps(value))


REFERENCE_EDGES = (date(2026, 2, 3), date(2024, 2, 29), date(1999, 12, 31), date(2000, 1, 1), date(1, 1, 1),
                   date(9999, 12, 31), MIN_REFERENCE, MAX_REFERENCE, date(2026, 3, 29), date(2026, 10, 25))
ZONES = ("UTC", "Europe/Kyiv", "America/Havana", "Pacific/Kiritimati", "Asia/Kathmandu", "America/St_Johns")

__all__ = ["RULE_TOKENS", "TOKENS", "REFERENCE_EDGES", "ZONES", "claims_json", "claims_value", "document_bytes",
           "rule_text", "text_pipeline"]
