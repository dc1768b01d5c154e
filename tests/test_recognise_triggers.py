"""The trigger conditions never hide a match: trying each rule at every word start finds
exactly what `scan` finds by trying it only where the rule's trigger conditions hold.

Guards `patterns.RULE_TRIGGERS`: a reach too short or a trigger word missing for a pattern
(after a pattern or the lexicon changes) shows up here as a phrase the scan no longer sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discrepancy.temporal import recognise
from discrepancy.temporal.patterns import RULES

from rule_matches import first_matches

CASES = Path(__file__).parent / "cases" / "temporal"

# Phrases that stretch the reaches: long openings, digits by shape, words singled out.
STRETCHES = [
    "It fell in the corresponding prior-year quarter and the year-earlier period.",
    "Profit in next year's first quarter, the 1998 year-earlier calendar fourth quarter, Q3 2025.",
    "about one and a half weeks ago, more than three days later, some 30 years earlier",
    "the fiscal year 1998, the year nineteen ninety-six, the 1990's, the '90s, the twenties",
    "the seventeenth-century house, the 20th century, the first two quarters of 1990",
    "on 11/02/89, on 19980303, the 31st, the 8-11 of May, previous Monday, Tuesday nights",
    "twice a week, several times per month, every Monday, 12 times a year, daily",
    "the following fiscal year, the fourth week of March, the full year, the near future",
    "in the early hours of Tuesday, late on Saturday, 0001 GMT, six o'clock, 9 in the morning",
    "these days, more recently, at present, right now, recent weeks, soon after, as soon as",
]


def _texts() -> list[str]:
    texts = list(STRETCHES)
    for path in sorted(CASES.glob("*.json")):
        texts.extend(case["text"] for case in json.loads(path.read_text(encoding="utf-8"))["cases"])
    return texts


@pytest.mark.parametrize("rule, pattern", RULES, ids=[rule for rule, _pattern in RULES])
def test_trigger_conditions_hide_no_match(rule, pattern):
    for text in _texts():
        word_starts, by_kind = recognise._triggers(text)
        everywhere = first_matches(text, pattern, word_starts)
        where_triggered = first_matches(text, pattern, recognise._rule_starts(rule, text, word_starts, by_kind, {}))
        assert where_triggered == everywhere, text
