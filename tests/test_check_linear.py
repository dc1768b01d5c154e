"""The whole check (tag, extraction, rules) stays linear on hostile text.

`benchmarks/adversarial.py` gives the figures; these tests guard the fixes it led to, at
sizes small enough for the normal run.
"""

from __future__ import annotations

import time
from datetime import date

from discrepancy.api import checker_for
from discrepancy.claims.sentences import MAX_SENTENCE, split_sentences
from discrepancy.documents import Document, parse_document
from discrepancy.rules.formatting import describe_instant
from discrepancy.rules.lengths import counted
from discrepancy.temporal.values import Grain, Instant

ONE_LONG_SENTENCE = "a weeklong truce began Thursday until February 1 and strikes resumed overnight Monday, "


def _check_seconds(text: str) -> float:
    checker = checker_for()
    document = Document("<t>", text, date(2026, 2, 3), "UTC")
    started = time.process_time()
    checker.check(document)
    return time.process_time() - started


def test_a_sentence_that_never_ends_costs_linear_time():
    # Before sentences were capped, extraction compared every cue with every time of the
    # sentence: four times the text cost sixteen times as much.
    small = _check_seconds(ONE_LONG_SENTENCE * 100)
    large = _check_seconds(ONE_LONG_SENTENCE * 800)
    assert large < 8 * small * 2.5 + 0.05, (small, large)


def test_overlong_sentences_are_cut_at_clause_marks_and_keep_every_character():
    text = ONE_LONG_SENTENCE * 100
    spans = split_sentences(text)
    assert all(len(span) <= MAX_SENTENCE for span in spans)
    assert all(text[span.end - 1] == "," for span in spans[:-1])
    covered = "".join(text[span.start:span.end] for span in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")
    no_marks = "x" * (3 * MAX_SENTENCE + 7)
    assert [len(span) for span in split_sentences(no_marks)] == [MAX_SENTENCE] * 3 + [7]


def test_news_sentences_are_not_cut():
    text = "date 2026-02-03 T\n" + " ".join(["The truce, agreed on Thursday, held."] * 3)
    assert len(split_sentences(text, 18)) == 3


def test_counting_from_a_century_does_not_list_its_days():
    zone = parse_document("x", "<t>", date(2026, 2, 3)).zone
    century = Instant.of_days(date(1901, 1, 1), date(2000, 12, 31), zone, Grain.CENTURY)
    day = Instant.of_day(date(2026, 2, 3), zone)
    started = time.process_time()
    for _ in range(200):
        count = counted(century, day)
        describe_instant(century)
    assert time.process_time() - started < 0.5
    assert (count.min_days, count.max_days) == ((date(2026, 2, 3) - date(2000, 12, 31)).days,
                                                (date(2026, 2, 3) - date(1901, 1, 1)).days)
    assert describe_instant(century) == "1 January 1901 - 31 December 2000"
