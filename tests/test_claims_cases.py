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
        if "kind" in expected:
            assert window.kind == expected["kind"]
        if "inferred_start" in expected:
            assert [claim.inferred for claim in window.starts] == [expected["inferred_start"]] * len(window.starts)
        for claim in (*window.durations, *window.bounds, *window.starts, *window.observations):
            assert claim.span.text_of(document.text) == claim.text


def test_consolidation_is_idempotent_on_every_case_and_example():
    """The builder consolidates twice (again after timing relative ends): a second pass changes nothing."""
    from discrepancy.claims.consolidate import consolidate
    from discrepancy.documents import read_document

    examples = sorted((Path(__file__).parent.parent / "seeds" / "examples").glob("*.txt"))
    documents = [as_document(case["text"], date.fromisoformat(case["reference"]), case["tz"]) for case in CASES]
    documents += [read_document(path, tz="UTC") for path in examples]
    checker = checker_for()
    windows = [window for document in documents for window in checker.windows(document)]
    assert len(windows) > len(CASES)
    for window in windows:
        assert consolidate(window) == window, window.id
