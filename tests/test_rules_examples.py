"""The example runner, ``discrepancy rules`` and the pytest plugin, with an injected fake extractor."""

from __future__ import annotations

import argparse
import io
from datetime import date


from discrepancy.cli import rules_cmd
from discrepancy.rules import load_rules, run_examples

from window_builders import founding_case

pytest_plugins = ["pytester"]

RULES = '''window pause:
    called "pause"

rule short:
    "Bound leaves less than the stated length."
    kind short
    severity error
    for window w in pause with w.duration and w.bound and w.start
    let effective = counted(w.start, w.bound)
    when effective shorter than w.duration by more than 12 hours
    report "{effective}"
    claimed w.duration
    effective effective
    example on 2026-02-03 in Europe/Kyiv:
        "FOUNDING"
        expect short claimed P7D effective P2D..P3D
    example on 2026-02-03:
        "EMPTY"
        expect none
    example on 2026-02-03:
        "FOUNDING"
        expect none
    example on 2026-02-03:
        "EMPTY"
        expect short claimed P7D
    example on 2026-02-03:
        "BROKEN"
        expect none
'''


def fake_extract(text, reference, tz, ruleset):
    """Stands in for claims extraction: a fixed window per keyword."""
    assert isinstance(reference, date) and ruleset.window("pause") is not None
    if text == "BROKEN":
        raise RuntimeError("extractor crashed")
    if text == "FOUNDING":
        _, window = founding_case()
        return [type(window)(id=window.id, kind="pause", durations=window.durations, bounds=window.bounds,
                             starts=window.starts)]
    return []


def test_every_example_runs_and_failures_are_reported_per_rule(tmp_path):
    ruleset = load_rules(text=RULES, builtin=False)
    report = run_examples(ruleset, fake_extract)
    (rule,) = report.rules
    assert [result.passed for result in rule.results] == [True, True, False, False, False]
    assert len(rule.results[2].unexpected) == 1 and rule.results[3].missed[0].kind == "short"
    assert "RuntimeError: extractor crashed" in rule.results[4].error
    assert not report.ok and report.failures == 3
    rendered = report.render()
    assert rendered.splitlines()[0].startswith("FAIL short: 2 passed, 3 failed (<rules>:4)")
    assert "unexpected <rules>:20: short claimed P7D effective P2D..P4D: 2-4 days" in rendered
    assert "missed <rules>:23: expected short claimed P7D (line 25)" in rendered
    assert rendered.splitlines()[-1] == "2 of 5 examples passed in 1 rules"


def _cli(argv, extractor=None):
    parser = argparse.ArgumentParser(prog="discrepancy")
    rules_cmd.add_parser(parser.add_subparsers(dest="command"), extractor=extractor)
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    import sys
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = args.run(args)
    finally:
        sys.stdout, sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def test_cli_exit_statuses(tmp_path):
    good = tmp_path / "good.rules"
    good.write_text(RULES.split("    example on 2026-02-03:\n        \"FOUNDING\"\n        expect none")[0], encoding="utf-8")
    bad = tmp_path / "bad.rules"
    bad.write_text('window w:\n    calld "x"\n', encoding="utf-8")
    assert _cli(["rules", "check", str(good)])[0] == 0
    status, _, err = _cli(["rules", "check", str(bad)])
    assert status == 2 and "bad.rules:2:5: expected 'called'" in err and "    ^" in err
    status, out, _ = _cli(["rules", "list", str(good)])
    assert status == 0 and "duration-vs-bound" in out and "short" in out and "windows:" in out
    status, out, _ = _cli(["rules", "test", str(good)], extractor=fake_extract)
    assert status == 0 and out.startswith("ok   short: 2 passed, 0 failed")
    failing = tmp_path / "failing.rules"
    failing.write_text(RULES, encoding="utf-8")
    status, out, _ = _cli(["rules", "test", str(failing)], extractor=fake_extract)
    assert status == 1 and "FAIL short" in out
    status, _, err = _cli(["rules", "test", str(good)])
    assert status == 2 and "claims extraction is not available" in err
    assert _cli(["rules", "test", str(bad)], extractor=fake_extract)[0] == 2


def _plugin_args() -> list[str]:
    """Load the plugin by name unless its pytest11 entry point (an installed package) already does."""
    from importlib.metadata import entry_points

    installed = any(ep.value == "discrepancy.pytest_plugin" for ep in entry_points(group="pytest11"))
    return [] if installed else ["-p", "discrepancy.pytest_plugin"]


def test_pytest_plugin_collects_rule_files(pytester):
    pytester.makefile(".rules", mine=RULES.replace('"EMPTY"\n        expect short claimed P7D', '"EMPTY"\n        expect none'))
    pytester.makepyfile(extract_stub=f"""
from datetime import date
import sys
sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
from test_rules_examples import fake_extract as extract
""")
    pytester.makeini("[pytest]\nrules_extractor = extract_stub:extract\n")
    pytester.syspathinsert()
    result = pytester.runpytest(*_plugin_args(), "--rules-examples", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*FAIL short: 3 passed, 2 failed*", "*extractor crashed*"])


def test_pytest_plugin_skips_without_an_extractor(pytester):
    pytester.makefile(".rules", mine=RULES)
    pytester.makeini("[pytest]\nrules_extractor =\n")
    result = pytester.runpytest(*_plugin_args(), "--rules-examples", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*claims extraction is not available*"])


def test_rule_examples_fixture(pytester, tmp_path):
    rules = tmp_path / "fixture.rules"
    rules.write_text(RULES.split("    example on 2026-02-03:\n        \"FOUNDING\"\n        expect none")[0], encoding="utf-8")
    pytester.makepyfile(f"""
import sys
sys.path.insert(0, {str(__import__('pathlib').Path(__file__).parent)!r})
from test_rules_examples import fake_extract

def test_mine(rule_examples):
    report = rule_examples({str(rules)!r}, extractor=fake_extract)
    assert report.ok and report.examples == 2
""")
    result = pytester.runpytest(*_plugin_args())
    result.assert_outcomes(passed=1)


def test_built_in_pack_examples_pass_through_the_real_extractor(pytester):
    rules_dir = __import__("pathlib").Path(__file__).resolve().parent.parent / "rules"
    result = pytester.runpytest(*_plugin_args(), "--rules-examples", "-p", "no:cacheprovider", str(rules_dir))
    result.assert_outcomes(passed=4)


def test_tutorial_rule_file_examples_pass_through_the_real_extractor(capsys):
    from discrepancy.cli import main

    tutorial = __import__("pathlib").Path(__file__).resolve().parent.parent / "docs" / "examples" / "tariffs.rules"
    assert main(["rules", "test", str(tutorial)]) == 0
    assert "3 of 3 examples passed" in capsys.readouterr().out


def test_rules_test_runs_the_named_files_even_when_they_are_the_built_in_pack(capsys):
    """Naming a built-in file (or its directory) runs its examples rather than none."""
    from discrepancy.cli import main

    rules_dir = __import__("pathlib").Path(__file__).resolve().parent.parent / "rules"
    assert main(["rules", "test", str(rules_dir / "core.rules")]) == 0
    named = capsys.readouterr().out
    assert main(["rules", "test", str(rules_dir)]) == 0
    whole = capsys.readouterr().out
    assert "0 of 0" not in named and named.splitlines()[-1] == whole.splitlines()[-1]


def test_a_directory_of_rule_files_loads_every_file_in_name_order(tmp_path):
    from discrepancy.rules import load_rules

    (tmp_path / "b.rules").write_text('window levy:\n    called "levy"\n', encoding="utf-8")
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "a.rules").write_text('window toll:\n    called "toll"\n', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a rule file", encoding="utf-8")
    kinds = [window.name for window in load_rules([tmp_path], builtin=False).windows]
    assert kinds == ["levy", "toll"]


def test_a_window_word_two_kinds_share_does_not_split_a_window():
    """A user's kind that also calls its window "truce" must not take the ceasefire's end
    away from it, while two kinds each named by words of their own do split."""
    from datetime import date

    from discrepancy import check, load_rules

    shared = load_rules(text='window trade-truce:\n    called "trade truce", "truce"\n')
    story = ("A 6-day ceasefire took effect on January 1, 2000. "
             "Officials said the truce would hold until January 2, 2000.")
    assert [f.kind for f in check(story, shared, reference=date(2000, 1, 3), tz="UTC")] == ["duration-vs-bound"]
    own_words = ("Drivers began a 48-hour strike at 6 a.m. on Tuesday, September 16, and an overtime ban that "
                 "will run until the end of the month. The strike ended at 6 a.m. on Thursday, as planned.")
    assert check(own_words, load_rules(), reference=date(2025, 9, 19), tz="Europe/London") == []
