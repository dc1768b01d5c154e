"""Hostile rule files: bytes that are not UTF-8, huge files, one enormous line, binary junk.

Each must end in positioned `RuleErrors` (or load), in bounded time, never a traceback.
The error messages of ordinary mistakes are data in ``tests/cases/rule_errors/``; deep
nesting and long files are in ``test_rules_grammar.py``; include cycles in
``test_rules_loader.py``.
"""

from __future__ import annotations

import time

import pytest

from discrepancy.cli import main
from discrepancy.rules import RuleErrors, RuleSyntaxError, load_rules


def _errors(path, **options) -> list:
    with pytest.raises(RuleErrors) as caught:
        load_rules([path], builtin=False, **options)
    return list(caught.value)


def test_non_utf8_rule_file_points_at_the_bad_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "latin1.rules"
    path.write_bytes('window w:\n    called "pause", "café"\n'.encode("latin-1"))
    [error] = _errors(path)
    assert isinstance(error, RuleSyntaxError)
    assert (error.position.path, error.position.line, error.position.column) == ("latin1.rules", 2, 25)
    assert "not valid UTF-8 (byte 0xe9 at byte offset 34)" in error.message
    assert error.render().splitlines()[1:] == ['    called "pause", "caf\ufffd"', " " * 24 + "^"]


def test_non_utf8_included_file_is_reported_at_its_own_bad_byte(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "main.rules").write_text('include "words.rules"\n', encoding="utf-8")
    (tmp_path / "words.rules").write_bytes(b'\xff\xfewindow w:\n')
    [error] = _errors(tmp_path / "main.rules")
    assert (error.position.path, error.position.line, error.position.column) == ("words.rules", 1, 1)


def test_non_utf8_rule_file_through_the_cli_exits_two_with_a_position(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.rules").write_bytes(b"# \x80 comment\n")
    status = main(["rules", "check", "bad.rules", "--no-builtin"])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("bad.rules:1:3: not valid UTF-8")


def test_binary_junk_as_a_rule_file_is_refused_quickly(tmp_path):
    path = tmp_path / "junk.rules"
    path.write_bytes(bytes(range(256)) * 400)
    started = time.process_time()
    errors = _errors(path)
    assert errors and time.process_time() - started < 2


def test_one_enormous_line_is_refused_in_bounded_time(tmp_path):
    path = tmp_path / "line.rules"
    path.write_text('rule r:\n    "d"\n    when ' + "a and " * 200_000 + "b\n", encoding="utf-8")
    started = time.process_time()
    errors = _errors(path)
    assert any("too long" in error.message for error in errors)
    assert time.process_time() - started < 5


def test_a_megabyte_of_comments_and_blank_lines_loads(tmp_path):
    path = tmp_path / "big.rules"
    path.write_text(("# " + "x" * 70 + "\n\n") * 14_000 + 'window w:\n    called "pause"\n', encoding="utf-8")
    started = time.process_time()
    ruleset = load_rules([path], builtin=False)
    assert [spec.name for spec in ruleset.windows] == ["w"]
    assert time.process_time() - started < 5


def test_an_unterminated_string_at_the_very_end_of_the_file(tmp_path):
    path = tmp_path / "open.rules"
    path.write_text('window w:\n    called "pause', encoding="utf-8")
    [error] = _errors(path)
    assert error.position.line == 2 and "unterminated string" in error.message
