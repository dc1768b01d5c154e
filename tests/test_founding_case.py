"""The founding case: the time phrases of the Trump-Putin energy pause, read as the issue states.

Runs on our restatement in ``seeds/`` and, when the shared folder sits beside the repository,
on the verbatim article in ``../shared/seeds/`` too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from discrepancy.temporal import Role, find_times

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "founding_case.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_6540adc8052b4e17.txt"
REFERENCE = date(2026, 2, 3)
ZONE = "Europe/Kyiv"


def _expressions(path: Path):
    text = path.read_text(encoding="utf-8")
    first_line, body = text.split("\n", 1)
    assert first_line.strip().lstrip("\ufeff").startswith("date 2026-02-03")
    offset = len(first_line) + 1
    found = find_times(body, REFERENCE, ZONE)
    for expression in found:
        assert text[offset + expression.start: offset + expression.end] == expression.text
    return body, found


def _first(found, text, after: str = "", body: str = ""):
    for expression in found:
        if expression.text == text and (not after or after in body[max(0, expression.start - 160): expression.start]):
            return expression
    raise AssertionError(f"{text!r} not found in {[e.text for e in found]}")


SOURCES = [pytest.param(SEED, id="restated")]
if SHARED_SEED.exists():
    SOURCES.append(pytest.param(SHARED_SEED, id="verbatim"))


@pytest.mark.parametrize("path", SOURCES)
def test_weekdays_follow_their_clauses(path):
    body, found = _expressions(path)
    values = {e.text: e.value for e in found}
    assert _first(found, "Monday", "Oval Office", body).value == "2026-02-02"
    if "Thursday" in values:
        assert values["Thursday"] == "2026-01-29"
    if "Wednesday" in values:
        assert values["Wednesday"] == "2026-02-04"


@pytest.mark.parametrize("path", SOURCES)
def test_stated_lengths(path):
    _body, found = _expressions(path)
    durations = {e.text: e for e in found if e.duration is not None}
    assert durations["one week"].duration.min.to_iso() == "P7D"
    assert durations["one week"].duration.is_exact
    week_words = [e for e in found if e.text.lower().replace("-", "") in ("weeklong", "a weeklong")]
    if week_words:
        assert all(e.duration.min.to_iso() == "P7D" for e in week_words)


def test_restated_seed_in_full():
    body, found = _expressions(SEED)
    by_text = {}
    for expression in found:
        by_text.setdefault(expression.text, expression)
    assert by_text["Thursday"].value == "2026-01-29"
    assert by_text["Wednesday"].value == "2026-02-04"
    assert by_text["weeklong"].duration.min.to_iso() == "P7D"
    until = by_text["February 1"]
    assert until.value == "2026-02-01" and until.role is Role.BOUND and until.cue == "until"
    assert body[until.cue_span.start: until.cue_span.end] == "until"
    overnight = by_text["overnight Monday"]
    assert overnight.value == "2026-02-02TNI"
    assert overnight.instant.earliest.date() == date(2026, 2, 2)
    assert overnight.instant.latest.date() == date(2026, 2, 3)
    assert by_text["early Tuesday"].value == "2026-02-03"
    assert by_text["two days"].value == "P2D"


def test_the_readme_shows_what_check_prints_on_the_seed(capsys):
    """The README's example output is the real output of its Quick start command, line for line."""
    from discrepancy.cli import main

    assert main(["check", str(SEED), "--tz", ZONE, "--color", "never"]) == 1
    printed = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = printed[1:]  # the first line names the path as given
    assert printed[0].endswith("founding_case.txt (reference 2026-02-03)")
    assert body and [line for line in body if line not in readme] == []
