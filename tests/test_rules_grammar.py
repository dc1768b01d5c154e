"""The grammar: what parses into which tree, and that parsing stays bounded on any input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from discrepancy.rules import RuleErrors
from discrepancy.rules import ast
from discrepancy.rules.grammar import MAX_NESTING, parse_expression, parse_rules


def test_expression_precedence_and_offsets():
    expr = parse_expression("not a shorter than b + 1 day by more than 12 hours or c before d and e after f")
    assert isinstance(expr, ast.BoolOp) and expr.op == "or"
    negated, conjunction = expr.operands
    assert isinstance(negated, ast.Not) and negated.offset == 0
    compare = negated.operand
    assert compare.op == "shorter" and compare.offset == 6
    assert isinstance(compare.right, ast.Binary) and compare.right.op == "+"
    assert compare.right.right.text == "1 day"
    assert compare.tolerance.text == "12 hours"
    assert [operand.op for operand in conjunction.operands] == ["before", "after"]


def test_paths_calls_literals():
    expr = parse_expression('f(w.bound.end, P1Y6M, 3, "x\\"y", g())')
    assert isinstance(expr, ast.Call) and expr.name == "f"
    path, iso, number, string, call = expr.args
    assert path.dotted() == "w.bound.end" and path.offset == 2
    assert str(iso.value) == "P1Y6M" and number.value == 3 and string.value == 'x"y'
    assert call == ast.Call("g", (), 33)


def test_is_not_and_matches_within():
    expr = parse_expression('a is not "b"')
    assert expr.op == "is not"
    expr = parse_expression("a matches b within 2 hours")
    assert expr.op == "matches" and expr.tolerance.text == "2 hours"


def test_rule_file_structure():
    parsed = parse_rules('''# heading comment
include "other.rules"   # trailing comment
disable rule old-rule

extend window truce:
    called "lull",
        "quiet"
    ended by "resumed"

override rule r-1:
    "Line one"
        "and two."
    kind k
    severity info
    for window w in truce, strike with w.duration as first and w.duration as second
    when first differs from second
    report "{first} vs {second:iso}" " and more"
    example on 2026-02-03 in Europe/Kyiv:
        "Text one,"
        "text two."
        expect k claimed P7D effective 2 days..P3D
        expect k
''', "f.rules")
    include, disable, window, rule = parsed.declarations
    assert include.path == "other.rules" and disable.what == "rule" and disable.id == "old-rule"
    assert window.mode == "extend" and window.vocabulary[0].words == ("lull", "quiet")
    assert rule.override and rule.description == "Line one and two."
    assert [k.value for k in rule.target.kinds] == ["truce", "strike"]
    assert [b.name for b in rule.target.bindings] == ["first", "second"]
    assert rule.report.parts[1] == " vs " and rule.report.parts[2].spec == "iso" and rule.report.parts[3] == " and more"
    example = rule.examples[0]
    assert example.text == "Text one, text two." and example.zone.value == "Europe/Kyiv"
    assert str(example.expects[0].effective[0]) == "P2D" and example.expects[1].claimed is None


# Hang guards, not speed targets (those are benchmarks): CPU time of this process, which a
# busy machine does not inflate the way it does wall time, against a bound that only an
# exponential or runaway parse could reach.
HANG_GUARD_SECONDS = 20.0


def _bounded(text: str):
    began = time.process_time()
    try:
        parse_rules(text, "t.rules")
    except RuleErrors:
        pass
    assert time.process_time() - began < HANG_GUARD_SECONDS


def test_deep_nesting_is_refused_quickly_not_by_the_stack():
    for depth in (MAX_NESTING, MAX_NESTING + 1, 500, 20000):
        text = f'rule r:\n    "d"\n    when {"(" * depth}a{")" * depth}\n'
        _bounded(text)
    _bounded('rule r:\n    "d"\n    when ' + "not " * 5000 + "a\n")
    for terms in (300, 5000):
        _bounded('rule r:\n    "d"\n    when ' + " + ".join(["a"] * terms) + "\n")
        _bounded('rule r:\n    "d"\n    when ' + " and ".join(["a before b"] * terms) + "\n")


def test_overlong_clauses_are_refused():
    with pytest.raises(RuleErrors, match="clause too long"):
        parse_rules('rule r:\n    "d"\n    when ' + " + ".join(["a"] * 600) + "\n")


def test_a_long_file_parses_in_linear_time():
    block = '''rule r{n}:
    "Rule number {n}."
    kind k
    severity info
    for window w with w.duration and w.bound and w.start
    let gap = counted(w.start, w.bound)
    when gap shorter than w.duration by more than 12 hours
    report "{{gap}}"

'''
    small = "".join(block.format(n=n) for n in range(20))
    large = "".join(block.format(n=n) for n in range(200))
    began = time.process_time()
    parse_rules(small)
    small_time = time.process_time() - began
    began = time.process_time()
    parsed = parse_rules(large)
    large_time = time.process_time() - began
    assert len(parsed.declarations) == 200
    # Ten times the text; a quadratic parse would take a hundred times as long.
    assert large_time < max(40 * small_time, 1.0)


def test_errors_in_many_blocks_are_all_reported():
    text = "".join(f'rule r{n}:\n    "d"\n    whn x\n\n' for n in range(30))
    with pytest.raises(RuleErrors) as caught:
        parse_rules(text)
    assert len(caught.value) == 30


_TOKENS = st.sampled_from([
    "rule", "window", "include", "disable", "override", "extend", "for", "window", "w", "with", "and", "or", "not",
    "let", "=", "when", "report", "kind", "severity", "error", "example", "on", "expect", "none", "claimed",
    "effective", "shorter", "than", "by", "more", "12", "hours", "P7D", "..", "2026-02-03", "in", "Europe/Kyiv",
    "w.duration", "w.bound", "(", ")", ",", ":", '"', '"text {w.duration}"', "{", "}", "#", "\n", "\n    ",
    "\n        ", " ", "\t", "called", "ended", "by", "-", "+", "ä", "\\",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(_TOKENS, max_size=80).map("".join)))
def test_any_text_parses_or_raises_positioned_errors_inside_the_input(text):
    began = time.process_time()
    try:
        parsed = parse_rules(text, "fuzz.rules")
    except RuleErrors as errors:
        lines = text.split("\n")
        for error in errors:
            position = error.position
            assert position.path == "fuzz.rules"
            assert 1 <= position.line <= len(lines)
            assert 1 <= position.column <= len(lines[position.line - 1]) + 1
    else:
        assert isinstance(parsed, ast.RuleFile)
    assert time.process_time() - began < HANG_GUARD_SECONDS
