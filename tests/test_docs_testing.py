"""The user's property test shown in docs/testing.md, run as it is written there."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SNIPPET = re.compile(r"<!-- test: tests/test_docs_testing.py -->\n```python\n(.*?)```", re.S)


@lru_cache(maxsize=1)
def _snippet_tests() -> dict:
    text = (REPO / "docs" / "testing.md").read_text(encoding="utf-8")
    [code] = SNIPPET.findall(text)
    namespace: dict = {}
    exec(compile(code, "docs/testing.md", "exec"), namespace)  # noqa: S102 - our own documentation
    return {name: value for name, value in namespace.items() if name.startswith("test_")}


def test_the_snippet_defines_three_tests():
    assert len(_snippet_tests()) == 3


@pytest.mark.parametrize("name", sorted(["test_my_rules_keep_the_builtin_findings",
                                         "test_my_rules_are_quiet_when_nothing_disagrees",
                                         "test_every_written_length_my_texts_use_is_read"]))
def test_the_users_property_test_in_the_docs_passes(name, monkeypatch):
    monkeypatch.chdir(REPO)  # the snippet names its rule file relative to the checkout
    _snippet_tests()[name]()
