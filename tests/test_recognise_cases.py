"""The recogniser's behaviour as data: every case in ``tests/cases/temporal/*.json``.

Each file holds one dimension (dates, clock times, weekdays...) with a default reference
date and zone; each case gives a text and the expressions expected in it, by their text.
Only the fields a case names are checked, so a case says exactly what it is about.  An empty
``expected`` list means the text must yield no expression at all.

Run one file with ``TEMPORAL_CASES=bounds python3 -m pytest tests/test_recognise_cases.py``.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from discrepancy.temporal import find_times

CASES_DIR = Path(__file__).parent / "cases" / "temporal"


def _load_cases():
    only = os.environ.get("TEMPORAL_CASES")
    for path in sorted(CASES_DIR.glob("*.json")):
        if only and path.stem != only:
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for index, case in enumerate(data["cases"]):
            case = {"reference": data["reference"], "tz": data["tz"], **case}
            yield pytest.param(case, id=f"{path.stem}-{index}-{case['text'][:40]}")


def _find(expressions, text):
    for expression in expressions:
        if expression.text == text:
            return expression
    found = [e.text for e in expressions]
    raise AssertionError(f"no expression {text!r}; found {found}")


def _check(expression, expected: dict) -> None:
    if "type" in expected:
        assert expression.type.value == expected["type"]
    if "value" in expected:
        assert expression.value == expected["value"]
    if "mod" in expected:
        assert expression.mod == expected["mod"]
    if "earliest" in expected:
        assert expression.instant is not None and expression.instant.earliest.isoformat() == expected["earliest"]
    if "latest" in expected:
        assert expression.instant is not None and expression.instant.latest.isoformat() == expected["latest"]
    if "min" in expected:
        assert expression.duration is not None and expression.duration.min.to_iso() == expected["min"]
    if "max" in expected:
        maximum = expression.duration.max if expression.duration is not None else "missing"
        assert (maximum.to_iso() if maximum is not None else None) == expected["max"]
    if "role" in expected:
        assert (expression.role.value if expression.role else None) == expected["role"]
    if "cue" in expected:
        assert expression.cue == expected["cue"]
    if "inclusive" in expected:
        assert expression.bound is not None and expression.bound.inclusive == expected["inclusive"]
    if "end_earliest" in expected:
        assert expression.bound.end.earliest.isoformat() == expected["end_earliest"]
    if "end_latest" in expected:
        assert expression.bound.end.latest.isoformat() == expected["end_latest"]
    if "end_grain" in expected:
        assert expression.bound.end.grain.value == expected["end_grain"]


@pytest.mark.parametrize("case", list(_load_cases()))
def test_case(case):
    text = case["text"]
    expressions = find_times(text, date.fromisoformat(case["reference"]), case["tz"])
    for expression in expressions:
        assert text[expression.start:expression.end] == expression.text
        if expression.cue_span is not None:
            assert expression.cue_span.end <= expression.start, "the cue lies outside the TIMEX span"
    if not case["expected"]:
        assert [e.text for e in expressions] == []
        return
    for expected in case["expected"]:
        _check(_find(expressions, expected["text"]), expected)
