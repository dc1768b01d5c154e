"""The on-disk cache of parsed rule files: reused by the next process, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from discrepancy.rules import RuleErrors, clear_cache, grammar, load_rules, parsecache

REPO = Path(__file__).resolve().parent.parent
RULES = '''window pause:
    called "pause"
    ended by "resumed"

rule long-pause:
    "A pause longer than a day."
    kind long-pause
    severity info
    for window w in pause with w.duration
    when w.duration longer than 1 day
    report "long"
'''


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("DISCREPANCY_CACHE_DIR", str(root))
    clear_cache()
    yield root
    clear_cache()


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The paths the grammar is asked to parse from now on."""
    seen: list[str] = []
    original = grammar.parse_rules

    def counting(text, path="<rules>"):
        seen.append(path)
        return original(text, path)

    monkeypatch.setattr(grammar, "parse_rules", counting)
    return seen


def _rule_file(tmp_path: Path, text: str = RULES) -> Path:
    path = tmp_path / "house.rules"
    path.write_text(text, encoding="utf-8")
    return path


def _summary(ruleset) -> list:
    return [(rule.id, rule.kind, rule.severity, rule.location, rule.description) for rule in ruleset.rules] + \
        [(spec.name, spec.called, spec.ended_by) for spec in ruleset.windows]


def test_a_parse_is_read_back_by_the_next_load_instead_of_parsing(cache, parses, tmp_path):
    path = _rule_file(tmp_path)
    first = load_rules(path, builtin=False)
    assert len(parses) == 1 and len(list(cache.glob("*.rules.pickle"))) == 1
    clear_cache()  # as a new process would start
    second = load_rules(path, builtin=False)
    assert len(parses) == 1
    assert second is not first and _summary(second) == _summary(first)


def test_changed_text_is_parsed_again(cache, parses, tmp_path):
    path = _rule_file(tmp_path)
    first = load_rules(path, builtin=False)
    _rule_file(tmp_path, RULES.replace("long-pause", "longer-pause"))
    clear_cache()
    changed = load_rules(path, builtin=False)
    assert len(parses) == 2 and len(list(cache.glob("*.rules.pickle"))) == 2
    assert [rule.id for rule in changed.rules] == ["longer-pause"] and changed.digest != first.digest


def test_a_corrupt_entry_only_means_parsing_again(cache, parses, tmp_path):
    path = _rule_file(tmp_path)
    first = load_rules(path, builtin=False)
    for entry in cache.glob("*.rules.pickle"):
        entry.write_bytes(b"not a pickle")
    clear_cache()
    assert _summary(load_rules(path, builtin=False)) == _summary(first)
    assert len(parses) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_an_entry_others_could_have_written_is_not_read(cache, parses, tmp_path):
    path = _rule_file(tmp_path)
    load_rules(path, builtin=False)
    (entry,) = cache.glob("*.rules.pickle")
    assert entry.stat().st_mode & 0o077 == 0 and cache.stat().st_mode & 0o077 == 0
    entry.chmod(0o666)
    clear_cache()
    load_rules(path, builtin=False)
    assert len(parses) == 2


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, parses):
    monkeypatch.setenv("DISCREPANCY_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert parsecache.directory() is None
    path = _rule_file(tmp_path)
    clear_cache()
    load_rules(path, builtin=False)
    clear_cache()
    load_rules(path, builtin=False)
    assert len(parses) == 2 and not (tmp_path / "xdg").exists()
    clear_cache()


def test_files_with_errors_are_not_cached_and_fail_every_time(cache, tmp_path):
    path = _rule_file(tmp_path, RULES.replace("when w.duration", "when w.duration longer"))
    for _ in range(2):
        clear_cache()
        with pytest.raises(RuleErrors) as raised:
            load_rules(path, builtin=False)
        assert "house.rules" in raised.value.render()
    assert not list(cache.glob("*.rules.pickle"))


def test_a_warm_check_does_not_import_the_grammar(cache, tmp_path):
    """The point of the cache: a process checking with known rule files never loads pyparsing."""
    document = tmp_path / "a.txt"
    document.write_text("date 2026-02-03 T\nA 48-hour pause began Friday and the talks resumed Saturday.\n")
    probe = ("import sys; from discrepancy.cli import main; status = main(sys.argv[1:]); "
             "print('pyparsing' in sys.modules, status)")
    argv = [sys.executable, "-c", probe, "check", str(document), "--format", "jsonl"]
    env = dict(os.environ, PYTHONPATH=str(REPO), DISCREPANCY_CACHE_DIR=str(cache))
    cold = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    warm = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    assert cold.stdout.splitlines()[-1].startswith("True")
    assert warm.stdout.splitlines()[-1].startswith("False")
    assert warm.stdout.splitlines()[:-1] == cold.stdout.splitlines()[:-1]  # the same findings
