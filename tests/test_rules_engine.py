"""The engine and compiler on hand-built windows: binding, comparison, counting, formatting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from discrepancy.claims import ObservationKind, Severity, Window
from discrepancy.rules import evaluate, load_rules
from discrepancy.temporal.values import Duration

from window_builders import (Text, bound, clock, day, duration, founding_case, observed, start, until_day,
                             vague_duration)

D = timedelta(days=1)
H = timedelta(hours=1)


@pytest.fixture(scope="module")
def builtin():
    return load_rules()


def _by_kind(findings):
    return {finding.kind: finding for finding in findings}


def test_founding_case_gives_exactly_the_two_expected_findings(builtin):
    text, window = founding_case()
    findings = evaluate(builtin, [window])
    assert [f.kind for f in findings] == ["duration-vs-bound", "duration-vs-observed"]
    bound_finding, observed_finding = findings
    assert bound_finding.to_json()["claimed"] == "P7D"
    assert bound_finding.effective == (2 * D, 4 * D)
    assert observed_finding.effective == (3 * D, 5 * D)
    assert bound_finding.message == "claimed 7 days (weeklong), effective 2-4 days (start 29-30 January 2026, end until February 1)"
    assert observed_finding.message.startswith("claimed 7 days (weeklong), effective 3-5 days")
    for finding in findings:
        for evidence in finding.to_json()["evidence"]:
            assert text[evidence["start"]:evidence["end"]] == evidence["text"]


def test_findings_json_has_the_issue_4_shape(builtin):
    _, window = founding_case()
    data = evaluate(builtin, [window])[0].to_json()
    assert set(data) == {"rule", "kind", "severity", "message", "window", "claimed", "effective", "evidence"}
    assert data["severity"] == "error" and data["window"] == "w1"
    assert data["effective"] == {"min": "P2D", "max": "P4D"}
    roles = [item["role"] for item in data["evidence"]]
    assert roles == ["duration", "bound", "start"]
    assert data["evidence"][1]["said_by"] == "Dmitry Peskov"
    assert data["evidence"][1]["value"] == "2026-02-01"


def test_inclusive_counting_is_not_a_finding(builtin):
    # "the 43-day shutdown from October 1 to November 12": 42 date steps, 43 days counted inclusively.
    t = Text()
    window = Window(id="s", kind="closure", durations=(duration(t, "43-day", days=43),),
                    starts=(start(t, "October 1", day(2025, 10, 1)),),
                    bounds=(bound(t, "to November 12", until_day(2025, 11, 12)),))
    assert evaluate(builtin, [window]) == ()


def test_through_bound_counts_the_last_day(builtin):
    # "from Monday, June 29, through Monday, July 6" is 8 days; an 8-day claim agrees.
    t = Text()
    through = day(2015, 7, 7)
    through = type(through)(through.earliest, through.earliest, through.grain)  # the midnight starting July 7
    window = Window(id="g", kind="closure", durations=(duration(t, "eight-day", days=8),),
                    starts=(start(t, "June 29", day(2015, 6, 29)),), bounds=(bound(t, "through July 6", through),))
    assert evaluate(builtin, [window]) == ()


def test_a_clock_end_leaves_no_inclusive_day_to_count(builtin):
    # Agreed on Monday, February 3, to "a 30-day pause" that "expires at 12:01 a.m. on March 4":
    # from any moment of February 3 that is 28 to 29 days, and no reading counts March 4 in.
    t = Text()
    window = Window(id="p", kind="closure", durations=(duration(t, "30-day", days=30),),
                    starts=(start(t, "Monday", day(2025, 2, 3)),),
                    bounds=(bound(t, "at 12:01 a.m. on March 4", clock(2025, 3, 4, 0)),))
    [finding] = evaluate(builtin, [window])
    assert finding.kind == "duration-vs-bound"
    low, high = finding.effective
    assert 28 * D <= low < high <= 29 * D + H


def test_a_clock_end_after_a_dated_start_measures_real_time():
    from discrepancy.rules.lengths import DayCount, counted
    from discrepancy.temporal.values import ElapsedRange

    assert counted(day(2025, 2, 3), clock(2025, 3, 4, 0)) == ElapsedRange(28 * D, 29 * D)
    # A date-level end is still counted in dates, each end's dates and perhaps the last one.
    assert counted(clock(2025, 2, 3, 18), day(2025, 3, 4)) == DayCount(29, 29)


def test_clock_times_give_exact_elapsed_findings(builtin):
    t = Text()
    window = Window(id="gdl", kind="strike", durations=(duration(t, "six full days", days=6),),
                    starts=(start(t, "6 p.m. on Tuesday", clock(2024, 1, 23, 18)),),
                    bounds=(bound(t, "until 6 p.m. on Monday", clock(2024, 1, 29, 18)),),
                    observations=(observed(t, "stopped at 6 p.m. on Sunday", clock(2024, 1, 28, 18)),))
    findings = _by_kind(evaluate(builtin, [window]))
    assert set(findings) == {"duration-vs-observed", "bound-vs-observed"}
    assert findings["duration-vs-observed"].effective == (5 * D, 5 * D)
    assert findings["bound-vs-observed"].to_json()["claimed"] == "P6D"


def test_resumption_soon_after_lapse_is_not_an_end_but_a_long_extension_is(builtin):
    t = Text()
    base = dict(durations=(duration(t, "72-hour", hours=72),), starts=(start(t, "8 a.m. Tuesday", clock(2014, 8, 5, 8)),))
    soon = Window(id="a", kind="truce", observations=(
        observed(t, "resumed at 8 p.m. on Friday", clock(2014, 8, 8, 20), kind=ObservationKind.RESUMED),), **base)
    assert evaluate(builtin, [soon]) == ()
    # The window's own end twelve hours late is news: it lasted longer than stated.
    late = Window(id="c", kind="truce", observations=(observed(t, "ended at 8 p.m. on Friday", clock(2014, 8, 8, 20)),),
                  **base)
    assert [f.kind for f in evaluate(builtin, [late])] == ["duration-vs-observed"]
    extended = Window(id="b", kind="truce", observations=(
        observed(t, "extended to Saturday", clock(2014, 8, 9, 8), kind=ObservationKind.EXTENDED),), **base)
    assert [f.kind for f in evaluate(builtin, [extended])] == ["duration-vs-observed"]


def test_vague_durations_only_fire_when_the_whole_range_disagrees(builtin):
    t = Text()
    couple = vague_duration(t, "a couple of days", Duration(days=2), Duration(days=3))
    three = duration(t, "three days", days=3)
    assert evaluate(builtin, [Window(id="v", kind="truce", durations=(couple, three))]) == ()
    week = duration(t, "a week", days=7)
    findings = evaluate(builtin, [Window(id="v", kind="truce", durations=(couple, week))])
    assert [f.message for f in findings] == ["one length given as 2-3 days (a couple of days), another as 7 days (a week)"]
    open_ended = vague_duration(t, "more than a week", Duration(days=7), None)
    assert evaluate(builtin, [Window(id="o", kind="truce", durations=(open_ended, week))]) == ()


def test_duration_pairs_are_each_seen_once_in_text_order(builtin):
    t = Text()
    one, two, three = (duration(t, f"{n} days", days=n) for n in (1, 2, 3))
    findings = evaluate(builtin, [Window(id="p", kind="truce", durations=(three, one, two))])
    pairs = [tuple(e.text for e in f.evidence) for f in findings]
    assert pairs == [("1 days", "2 days"), ("1 days", "3 days"), ("2 days", "3 days")]
    assert all(f.to_json()["claimed"] == f"P{f.evidence[0].text[0]}D" for f in findings)


def test_every_combination_of_bindings_is_evaluated():
    ruleset = load_rules(text='''
window pause:
    called "pause"

rule pairs:
    "Every duration with every bound."
    kind pair
    severity info
    for window w in pause with w.duration and w.bound
    when w.kind is "pause"
    report "{w.duration.text} / {w.bound.text}"
''', builtin=False)
    t = Text()
    window = Window(id="x", kind="pause", durations=(duration(t, "d1", days=1), duration(t, "d2", days=2)),
                    bounds=(bound(t, "b1", day(2026, 1, 1)), bound(t, "b2", day(2026, 1, 2))))
    assert [f.message for f in evaluate(ruleset, [window])] == ["d1 / b1", "d1 / b2", "d2 / b1", "d2 / b2"]
    assert evaluate(ruleset, [Window(id="y", kind="other", durations=window.durations, bounds=window.bounds)]) == ()
    assert evaluate(ruleset, [Window(id="z", kind="pause", durations=window.durations)]) == ()


RULE = '''
rule r:
    "A test rule."
    kind k
    severity warning
    for window w with w.duration and w.bound and w.start
    {lets}
    when {condition}
    report "{report}"
'''


def _window() -> Window:
    t = Text()
    return Window(id="w", kind="truce", durations=(duration(t, "one week", days=7),),
                  starts=(start(t, "at 10:00 on 1 March", clock(2026, 3, 1, 10)),),
                  bounds=(bound(t, "until 22:00 on 3 March", clock(2026, 3, 3, 22), said_by="Kremlin"),))


def _fires(condition: str, lets: str = "", report: str = "x") -> list[str]:
    ruleset = load_rules(text=RULE.format(lets=lets, condition=condition, report=report), builtin=False)
    return [finding.message for finding in evaluate(ruleset, [_window()])]


@pytest.mark.parametrize(("condition", "fires"), [
    ("w.bound - w.start shorter than w.duration", True),
    ("w.bound - w.start shorter than w.duration by more than 4 days", True),
    ("w.bound - w.start shorter than w.duration by more than 5 days", False),
    ("w.bound - w.start longer than w.duration", False),
    ("w.bound - w.start differs from w.duration by more than 1 day", True),
    ("w.bound - w.start matches 60 hours", True),
    ("w.bound - w.start matches 2 days within 11 hours", False),
    ("w.bound - w.start matches 2 days within 12 hours", True),
    ("w.start before w.bound by more than 2 days", True),
    ("w.start before w.bound by more than 3 days", False),
    ("w.bound after w.start + w.duration", False),
    ("w.start + w.duration after w.bound by more than 4 days", True),
    ("w.bound - 2 days before w.start + 1 day", True),
    ("w.bound.said_by is \"Kremlin\" and not (w.start.said_by is \"Kremlin\")", True),
    ("w.start.said_by is \"Kremlin\" or w.kind is \"strike\"", False),
    ("known(w.bound.said_by) and not known(w.start.said_at)", True),
    ("w.start.said_at before w.bound", False),
    ("not (w.start.said_at before w.bound)", True),
    ("counted(w.start, w.bound) matches PT60H", True),
    ("length(w.duration, w.start) longer than P6DT23H", True),
    ("shortest(w.duration) matches longest(w.duration)", True),
    ("earliest(w.bound) is latest(w.bound)", True),
    ("w.duration + 1 day longer than w.duration", True),
    ("days(3) longer than hours(71)", True),
])
def test_comparisons_respect_ranges_and_tolerance(condition, fires):
    assert bool(_fires(condition)) is fires


def test_lets_chain_and_report_formats_values_for_people():
    messages = _fires(
        "gap shorter than w.duration",
        lets="let gap = w.bound - w.start\n    let end = w.start + w.duration",
        report="{w.duration.text}: {w.duration}; gap {gap} ({gap:iso}); planned end {end}; by {w.bound.said_by}; "
               "start said by {w.start.said_by}; {{braces}}",
    )
    assert messages == ["one week: 7 days; gap 2 days 12 hours (P2DT12H); planned end 10:00 on 8 March 2026 (EET); "
                        "by Kremlin; start said by unknown; {braces}"]


def test_rule_file_severity_kind_and_order_are_kept():
    ruleset = load_rules(text=RULE.format(lets="", condition="w.kind is \"truce\"", report="one") +
                         RULE.replace("rule r:", "rule s:").replace("severity warning", "severity info")
                         .format(lets="", condition="w.kind is \"truce\"", report="two"), builtin=False)
    findings = evaluate(ruleset, [_window()])
    assert [(f.rule, f.severity) for f in findings] == [("r", Severity.WARNING), ("s", Severity.INFO)]
    assert evaluate(ruleset, [_window()], rules=["s"])[0].rule == "s"


def test_identical_findings_from_different_combinations_are_reported_once():
    ruleset = load_rules(text='''
rule same:
    "Fires with the same message for every start."
    kind k
    severity info
    for window w with w.start
    when w.kind is "truce"
    report "window {w.id}"
''', builtin=False)
    t = Text()
    window = Window(id="w", kind="truce", starts=(start(t, "a", day(2026, 1, 1)), start(t, "b", day(2026, 1, 2))))
    assert len(evaluate(ruleset, [window])) == 1


def test_custom_function_errors_name_the_rule():
    from discrepancy.rules import FunctionRegistry, RuleEvaluationError, rule_function, BUILTINS

    registry = BUILTINS.child()

    @rule_function(args=("instant",), returns="condition", registry=registry)
    def explode(moment):
        raise ZeroDivisionError("boom")

    ruleset = load_rules(text=RULE.format(lets="", condition="explode(w.start)", report="x"), builtin=False,
                         functions=registry)
    with pytest.raises(RuleEvaluationError, match="rule 'r' failed on window 'w': boom"):
        evaluate(ruleset, [_window()])
    assert isinstance(registry, FunctionRegistry)


def test_date_level_observation_days_of_a_part_of_day(builtin):
    # "overnight into Wednesday" may fall on Tuesday or Wednesday.
    t = Text()
    window = Window(id="n", kind="truce", durations=(duration(t, "five-day", days=5),),
                    starts=(start(t, "Friday", day(2026, 1, 2)),),
                    observations=(observed(t, "resumed overnight into Wednesday", day(2026, 1, 6).union(day(2026, 1, 7))),))
    # 4 or 5 date steps from Friday; a five-day pause agrees, a ten-day one does not.
    assert evaluate(builtin, [window]) == ()
    shorter = Window(id="m", kind="truce", durations=(duration(t, "ten-day", days=10),),
                     starts=window.starts, observations=window.observations)
    (finding,) = evaluate(builtin, [shorter])
    assert finding.kind == "duration-vs-observed" and finding.effective == (4 * D, 5 * D)


def test_custom_function_returning_the_wrong_type_is_reported_with_the_rule():
    from discrepancy.rules import RuleEvaluationError, rule_function, BUILTINS

    registry = BUILTINS.child()

    @rule_function(args=("instant",), returns="condition", registry=registry)
    def not_a_condition(moment):
        return "yes"

    ruleset = load_rules(text=RULE.format(lets="", condition="not_a_condition(w.start)", report="x"), builtin=False,
                         functions=registry)
    with pytest.raises(RuleEvaluationError, match="rule 'r' failed on window 'w': rule function 'not_a_condition' "
                                                  "returned str, but declares a condition"):
        evaluate(ruleset, [_window()])


def test_a_missing_tolerance_makes_a_comparison_not_hold():
    """`slack()` of a length that could not be measured is missing: no finding, not zero slack."""
    ruleset = load_rules(text='''
rule r:
    "x"
    kind x
    severity info
    for window w with w.bound and w.observation and w.start
    let claimed_length = counted(w.start, w.bound)
    when w.observation after w.bound by more than slack(claimed_length)
    report "x"
''', builtin=False)
    t = Text()
    window = Window(id="m", kind="truce", starts=(start(t, "May 1, 2000", day(2000, 5, 1)),),
                    bounds=(bound(t, "May 31, 1999", day(1999, 5, 31)),),
                    observations=(observed(t, "June 9, 2000", day(2000, 6, 9)),))
    assert evaluate(ruleset, [window]) == ()


def test_an_end_partly_before_the_start_counts_from_zero():
    from discrepancy.rules.lengths import DayCount, not_negative
    from discrepancy.temporal.values import ElapsedRange

    assert not_negative(ElapsedRange(-6 * H, 18 * H)) == ElapsedRange(timedelta(0), 18 * H)
    assert not_negative(DayCount(-1, 2)) == DayCount(0, 2)
    assert not_negative(DayCount(1, 2)) == DayCount(1, 2)
