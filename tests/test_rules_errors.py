"""Every rule-file error message, as data: bad rule text -> expected messages and positions.

The cases live in ``tests/cases/rule_errors/*.json`` (``{"cases": [{"name", "rules",
"errors": [{"message", "line", "column"}], "builtin"?}]}``).  Set RULE_ERRORS_FILE=NAME.json
to run one file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from discrepancy.rules import RuleErrors, RuleSemanticError, RuleSyntaxError, load_rules

CASES_DIR = Path(__file__).parent / "cases" / "rule_errors"


def _cases():
    only = os.environ.get("RULE_ERRORS_FILE")
    for path in sorted(CASES_DIR.glob("*.json")):
        if only and path.name != only:
            continue
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize(("family", "case"), list(_cases()))
def test_error_message(family, case, monkeypatch):
    monkeypatch.chdir(CASES_DIR.parent.parent.parent)  # built-in paths show as rules/...
    with pytest.raises(RuleErrors) as caught:
        load_rules(text=case["rules"], builtin=case.get("builtin", False))
    found = [{"line": e.position.line, "column": e.position.column, "message": e.message} for e in caught.value]
    assert found == case["errors"]
    expected_class = RuleSyntaxError if family == "syntax" else RuleSemanticError
    assert all(isinstance(error, expected_class) for error in caught.value)


def test_errors_render_file_line_column_and_caret():
    text = 'window w:\n    calld "x"\n'
    with pytest.raises(RuleErrors) as caught:
        load_rules(text=text, name="pause.rules", builtin=False)
    rendered = caught.value.render()
    assert rendered.splitlines() == [
        "pause.rules:2:5: expected 'called', 'started by', 'ended by', 'resumed by', 'broken by' or 'extended by', found 'calld'",
        '    calld "x"',
        "    ^",
    ]
    assert str(caught.value) == rendered.splitlines()[0]


def test_every_case_file_is_valid_json_with_cases():
    for path in CASES_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["cases"], path
