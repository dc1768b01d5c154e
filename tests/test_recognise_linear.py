"""The scan stays linear: adversarial inputs cost per character about what news text costs.

Each hostile input is timed at two sizes; the larger must not cost more per character than a
generous multiple of the smaller (a quadratic scan would double its per-character cost with
each doubling), and no input may cost per character more than a generous multiple of news.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from discrepancy.temporal import find_times

NEWS = (
    "Russia resumed strikes overnight Monday, firing some 450 drones at power plants. "
    "Trump said Thursday that Putin had agreed to a weeklong pause until February 1, and talks "
    "are due to resume on Wednesday in Abu Dhabi at 11 a.m. Kyiv time for a period of one week. "
)

HOSTILE = {
    "digits": "1234567890",
    "months": "March May June ",
    "until": "until ",
    "punctuation": ".,;:-/'()",
    "no spaces": "MondayFebruary1st2026weeklong",
    "numbers and units": "1 2 3 4 5 6 7 8 9 10 days ",
    "dates without words": "1/2/3/4/5/6/",
    "clock soup": "11:11:11 p.m.a.m. ",
    "hyphens": "week-long-day-long-",
    "words": "the the last next more than a ",
}


def _cost_per_char(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        find_times(text, date(2026, 2, 3), "UTC")
        best = min(best, time.process_time() - started)
    return best / max(len(text), 1)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_linear(name):
    unit = HOSTILE[name]
    small = unit * (20_000 // len(unit))
    large = unit * (80_000 // len(unit))
    news = _cost_per_char(NEWS * (20_000 // len(NEWS)))
    small_cost = _cost_per_char(small)
    large_cost = _cost_per_char(large)
    assert large_cost < small_cost * 3 + 1e-7, f"{name}: per-char cost grows with size"
    assert large_cost < news * 10 + 2e-6, f"{name}: {large_cost * 1e9:.0f} ns/char vs news {news * 1e9:.0f}"


def test_a_megabyte_of_digits_finishes():
    started = time.process_time()
    find_times("7" * 1_000_000, date(2026, 2, 3), "UTC")
    assert time.process_time() - started < 20
