"""Loading: includes (relative, cycles, missing, diamonds), overrides, disables, caching, custom functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from discrepancy.rules import (BUILTINS, RuleErrors, RuleFunctionError, builtin_rules_dir, clear_cache, load_rules,
                               rule_function)
from discrepancy.rules.loader import builtin_rule_files

WINDOW = 'window pause:\n    called "pause"\n    ended by "resumed"\n'
RULE = '''rule {id}:
    "Rule {id}."
    kind {id}
    severity info
    for window w in pause with w.duration
    when w.duration longer than 1 day
    report "{id}"
'''


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_pack_is_found_and_loads():
    assert builtin_rules_dir().name in ("rules", "builtin_rules")
    assert {p.name for p in builtin_rule_files()} >= {"core.rules", "windows.rules"}
    ruleset = load_rules()
    assert [rule.id for rule in ruleset.rules] == [
        "duration-vs-bound", "duration-vs-observed", "bound-vs-observed", "duration-vs-duration"]
    assert all(rule.examples for rule in ruleset.rules)
    assert any(not example.expectations for rule in ruleset.rules for example in rule.examples)
    truce = ruleset.window("truce")
    assert "ceasefire" in truce.called and truce.ended_by and "extended" in truce.extended_by


def test_includes_are_relative_to_the_including_file(tmp_path):
    write(tmp_path / "shared" / "windows.rules", WINDOW)
    write(tmp_path / "shared" / "more.rules", 'include "windows.rules"\n')
    main = write(tmp_path / "domain" / "main.rules", 'include "../shared/more.rules"\n\n' + RULE.format(id="a"))
    ruleset = load_rules(main, builtin=False)
    assert [rule.id for rule in ruleset.rules] == ["a"] and ruleset.window("pause") is not None


def test_a_file_reached_twice_is_read_once(tmp_path):
    write(tmp_path / "windows.rules", WINDOW)
    write(tmp_path / "a.rules", 'include "windows.rules"\n' + RULE.format(id="a"))
    write(tmp_path / "b.rules", 'include "windows.rules"\n' + RULE.format(id="b"))
    ruleset = load_rules([tmp_path / "a.rules", tmp_path / "b.rules"], builtin=False)
    assert [rule.id for rule in ruleset.rules] == ["a", "b"]


def test_include_cycles_are_reported_with_the_chain(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.rules", 'include "b.rules"\n')
    write(tmp_path / "b.rules", WINDOW + '\ninclude "c.rules"\n')
    write(tmp_path / "c.rules", 'include "a.rules"\n')
    with pytest.raises(RuleErrors) as caught:
        load_rules("a.rules", builtin=False)
    (error,) = caught.value
    assert error.headline() == "c.rules:1:1: include cycle: a.rules -> b.rules -> c.rules -> a.rules"


def test_missing_include_and_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.rules", WINDOW + '\ninclude "nowhere.rules"\n')
    with pytest.raises(RuleErrors) as caught:
        load_rules(["a.rules", "absent.rules"], builtin=False)
    assert [error.headline() for error in caught.value] == [
        "a.rules:5:1: cannot read included file 'nowhere.rules': No such file or directory",
        "absent.rules:1:1: cannot read rule file: No such file or directory",
    ]


def test_override_replaces_a_builtin_rule_in_place_and_disable_removes_one(tmp_path):
    user = write(tmp_path / "user.rules", '''
override rule duration-vs-bound:
    "Stricter."
    kind duration-vs-bound
    severity warning
    for window w with w.duration and w.bound and w.start
    let effective = counted(w.start, w.bound)
    when effective shorter than w.duration by more than 1 day
    report "shorter: {effective}"

disable rule duration-vs-duration
''')
    ruleset = load_rules(user)
    assert [rule.id for rule in ruleset.rules] == ["duration-vs-bound", "duration-vs-observed", "bound-vs-observed"]
    assert ruleset.rule("duration-vs-bound").description == "Stricter."
    assert ruleset.rule("duration-vs-bound").location.endswith("user.rules:2")


def test_windows_extend_override_and_disable(tmp_path):
    user = write(tmp_path / "user.rules", '''
extend window truce:
    called "quiet spell"
override window strike:
    called "walkout"
disable window deal
''')
    ruleset = load_rules(user)
    assert ruleset.window("truce").called[-1] == "quiet spell" and "truce" in ruleset.window("truce").called
    assert ruleset.window("strike").called == ("walkout",) and ruleset.window("strike").ended_by == ()
    assert ruleset.window("deal") is None


def test_compiled_rule_sets_are_cached_by_content(tmp_path):
    clear_cache()
    first = load_rules()
    assert load_rules() is first  # the same compiled set, not a second compilation of the same text
    path = write(tmp_path / "x.rules", WINDOW + "\n" + RULE.format(id="a"))
    one = load_rules(path, builtin=False)
    assert load_rules(path, builtin=False) is one
    write(path, WINDOW + "\n" + RULE.format(id="b"))
    changed = load_rules(path, builtin=False)
    assert changed is not one and changed.rules[0].id == "b"
    assert load_rules(text=WINDOW + "\n" + RULE.format(id="b"), builtin=False).digest != changed.digest


def test_custom_functions_are_type_checked_at_load(tmp_path):
    registry = BUILTINS.child()

    @rule_function(args=("instant", "number"), returns="instant", registry=registry)
    def nudge(moment, hours):
        "Move an instant by a number of hours."
        return moment

    text = WINDOW.replace("pause", "p") + '''
rule r:
    "Uses nudge."
    kind r
    severity info
    for window w with w.bound
    when nudge(w.bound, {arg}) before w.bound
    report "x"
'''
    assert load_rules(text=text.format(arg="3"), builtin=False, functions=registry).rule("r")
    with pytest.raises(RuleErrors, match="argument 2 of 'nudge' must be a number, but '\"3\"' is a text"):
        load_rules(text=text.format(arg='"3"'), builtin=False, functions=registry)
    with pytest.raises(RuleErrors, match="unknown function 'nudge'"):
        load_rules(text=text.format(arg="3"), builtin=False, functions=BUILTINS.child())
    assert registry.get("nudge").signature() == "nudge(moment: instant, hours: number) -> instant"
    with pytest.raises(RuleFunctionError, match="already registered"):
        rule_function(name="counted", args=(), returns="text", registry=registry)(lambda: "x")
    with pytest.raises(ValueError, match="unknown rule type"):
        rule_function(args=("moment",), returns="text", registry=registry)


def test_registering_a_function_changes_the_cache_key():
    registry = BUILTINS.child()
    before = load_rules(functions=registry)
    rule_function(name="extra", args=(), returns="text", registry=registry)(lambda: "x")
    assert load_rules(functions=registry) is not before


def test_rule_files_cannot_run_code():
    import discrepancy.rules as package

    source = "".join(path.read_text() for path in Path(package.__file__).parent.glob("*.py"))
    assert "eval(" not in source and "exec(" not in source


def test_tutorial_rule_file_loads_and_finds_both_extensions():
    from datetime import date

    from discrepancy.claims import ObservationKind, Window
    from discrepancy.rules import evaluate
    from window_builders import Text, day, duration, observed, start

    repo = Path(__file__).resolve().parent.parent
    ruleset = load_rules(repo / "docs" / "examples" / "tariffs.rules")
    assert ruleset.window("tariff-pause").extended_by[0] == "extended"
    t = Text()
    window = Window(id="t", kind="tariff-pause", durations=(duration(t, "90 days", days=90),),
                    starts=(start(t, "April 9", day(2025, 4, 9)),),
                    observations=(observed(t, "extended the pause to August 1", day(2025, 8, 1), ObservationKind.EXTENDED),
                                  observed(t, "extended it again, to October 1", day(2025, 10, 1), ObservationKind.EXTENDED)))
    mine = [f for f in evaluate(ruleset, [window]) if f.rule == "pause-outlived-its-length"]
    assert [f.to_json()["effective"]["min"] for f in mine] == ["P114D", "P175D"]
    assert mine[0].message == "the 90 days pause from 9 April 2025 now runs 114 days, until 1 August 2025"
    assert date(2025, 8, 1) - date(2025, 4, 9) == __import__("datetime").timedelta(days=114)


def test_rule_snippets_in_the_docs_parse():
    import re

    from discrepancy.rules.grammar import parse_rules

    doc = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```\n((?:window |rule |include |# )[^`]*?)```", doc)
    assert len(blocks) >= 4
    for block in blocks:
        parse_rules(block, "docs/rules.md")
