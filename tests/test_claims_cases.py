"""Claims extraction, case by case from data: which claims each window gets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from discrepancy.api import as_document, checker_for

CASES = json.loads((Path(__file__).parent / "cases" / "claims" / "windows.json").read_text(encoding="utf-8"))["cases"]


def summary(window):
    return {
        "durations": [claim.text for claim in window.durations],
        "bounds": [claim.text for claim in window.bounds],
        "starts": [claim.text for claim in window.starts],
        "observations": [[claim.kind.value, claim.text] for claim in window.observations],
    }


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_window_claims(case):
    document = as_document(case["text"], date.fromisoformat(case["reference"]), case["tz"])
    windows = checker_for().windows(document)
    assert [summary(window) for window in windows] == [
        {field: expected[field] for field in ("durations", "bounds", "starts", "observations")}
        for expected in case["windows"]
    ]
    for window, expected in zip(windows, case["windows"]):
        if "inferred_start" in expected:
            assert [claim.inferred for claim in window.starts] == [expected["inferred_start"]] * len(window.starts)
        for claim in (*window.durations, *window.bounds, *window.starts, *window.observations):
            assert claim.span.text_of(document.text) == claim.text
