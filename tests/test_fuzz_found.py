"""Regression tests for the bugs the fuzzers (and the probing they led to) found, each named after what it guards.

``docs/reliability.md`` lists how each was found; the inputs here are the shrunk ones.
"""

from __future__ import annotations

from datetime import date

import pytest

import discrepancy
from discrepancy.cli import main
from discrepancy.documents import Document, parse_document
from discrepancy.errors import DocumentError
from discrepancy.rules.lengths import anchored, unanchored
from discrepancy.temporal.values import Duration, DurationRange, Instant

ANNOUNCED = "Trump first spoke of a weeklong ceasefire at a Cabinet meeting on Thursday."


@pytest.mark.parametrize("reference", [date(9999, 12, 31), date(1, 1, 1), date(99, 12, 31), date(9900, 1, 1)])
def test_a_reference_date_at_the_ends_of_the_calendar_is_a_clear_document_error(reference):
    # Found by mutation: with reference 9999-12-31, the start inferred from an announcement
    # ("the day of the meeting or the next") overflowed datetime in the extractor.
    with pytest.raises(DocumentError, match="outside the supported range 0100-01-01 to 9899-12-31"):
        discrepancy.check(ANNOUNCED, reference=reference)
    with pytest.raises(DocumentError, match="outside the supported range"):
        parse_document(f"date {reference.isoformat()} T\n{ANNOUNCED}", "edge.txt")


@pytest.mark.parametrize("reference", [date(100, 1, 1), date(9899, 12, 31)])
def test_the_supported_range_ends_still_check(reference):
    assert discrepancy.check(ANNOUNCED + " Strikes resumed two days later.", reference=reference) is not None


def test_an_unsupported_date_argument_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "-", "--date", "9999-12-31"])
    assert exit_info.value.code == 2 and "outside the supported range" in capsys.readouterr().err


def test_a_stated_length_running_past_year_9999_is_compared_not_a_rule_failure():
    # Found probing the overflow the mutation fuzzer showed: "the 9000-year truce" made length(w.duration,
    # w.start) raise "year 11026 is out of range", and the whole document failed.
    findings = discrepancy.check("The 9000-year truce began Thursday. Strikes resumed Monday.",
                                 reference=date(2026, 2, 3))
    assert [f.kind for f in findings] == ["duration-vs-observed"]
    assert findings[0].message.startswith("claimed 9000 years (9000-year), effective 4 days")


def test_a_length_that_cannot_be_anchored_gets_the_bounds_of_any_start():
    start = Instant.of_day(date(9000, 1, 1), Document("x", "", date(2026, 1, 1)).zone)
    length = anchored(DurationRange.exact(Duration(years=2000, months=1)), start)
    days = 2000 * 365 + 28, 2000 * 366 + 31
    assert (length.min.days, length.max.days) == days
    assert unanchored(DurationRange(Duration(days=10**12), None)).max == unanchored(
        DurationRange(Duration(days=1), None)).max


def test_an_impossible_timeml_creation_date_is_a_document_error():
    # Found reading the document code for the fuzz oracles: <DCT> value="1998-02-30" raised
    # ValueError from date(), an internal error instead of a document error.
    text = '<?xml version="1.0"?><TimeML><DCT><TIMEX3 value="1998-02-30"/></DCT><TEXT>Monday</TEXT></TimeML>'
    with pytest.raises(DocumentError, match=r"<DCT> date '1998-02-30' is not a real calendar date"):
        parse_document(text, "bad.tml")
