"""The development scenarios (``../shared/scenarios``) and our own examples (``seeds/examples``), end to end.

Each case is a news text and the findings it should produce (none for controls); matching
follows the scenarios' README (see `discrepancy.evaluation`).  Cases the extractor does
not yet read correctly are listed in ``KNOWN_GAPS`` with the reason, as strict expected
failures: when one starts passing, the test fails until it is taken off the list.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from discrepancy.api import checker_for
from discrepancy.documents import read_document
from discrepancy.evaluation import score

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO.parent / "shared" / "scenarios"
EXAMPLES = REPO / "seeds" / "examples"

KNOWN_GAPS: dict[str, str] = {}


def cases():
    if not SCENARIOS.is_dir():
        return []
    return sorted(path.stem for path in SCENARIOS.glob("*.json"))


def marks(stem):
    if stem in KNOWN_GAPS:
        return [pytest.mark.xfail(reason=KNOWN_GAPS[stem], strict=True)]
    return []


@pytest.mark.skipif(not SCENARIOS.is_dir(), reason="../shared/scenarios is not available here")
@pytest.mark.parametrize("stem", [pytest.param(stem, marks=marks(stem)) for stem in cases()] or ["none"])
def test_scenario(stem):
    assert_case_matches(SCENARIOS, stem)


def assert_case_matches(folder: Path, stem: str) -> None:
    case = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    document = read_document(folder / f"{stem}.txt", tz=case["timezone"] or "UTC")
    findings = [finding.to_json() for finding in checker_for().check(document).findings]
    result = score(case["findings"], findings)
    assert result.exact, f"missed {result.missed}, unexpected {result.unexpected}"


@pytest.mark.parametrize("stem", sorted(path.stem for path in EXAMPLES.glob("*.json")))
def test_own_example(stem):
    assert_case_matches(EXAMPLES, stem)
