"""The compiler: checked rule declarations become plain Python closures.

Every expression becomes a function of an environment (the names a rule binds for one
combination of claims); nothing is ever handed to ``eval`` or ``exec``, so a rule file can
compute with the values it is given and nothing else.  Field reads, operators and
functions are looked up once, at compile time.

Binding semantics (see docs/rules.md): a rule runs once for every combination of the
claims its ``with`` list names, in text order; a field named twice (``w.duration as first
and w.duration as second``) takes distinct claims in text order, so each pair is seen once.
"""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Callable, Iterator, Optional, Sequence

from ..claims.model import Evidence, Finding, Severity, Window
from ..temporal.values import DurationRange
from . import ast, formatting, lengths, operators
from .errors import Source
from .functions import FunctionRegistry
from .ruleset import Example, Expectation, Rule
from .types import RUNTIME_TYPE, WINDOW_CLAIMS, field_getter, value_of

Env = dict
Compiled = Callable[[Env], object]


def _constant(value: object) -> Compiled:
    return lambda env: value


class _RuleCompiler:
    def __init__(self, rule: ast.RuleDecl, functions: FunctionRegistry):
        self.rule = rule
        self.functions = functions
        target = rule.target
        assert target is not None
        self.variable = target.variable
        self.binding_names = {binding.name for binding in target.bindings}

    def expr(self, node: ast.Expr) -> Compiled:
        if isinstance(node, (ast.DurationLiteral, ast.NumberLiteral, ast.StringLiteral)):
            return _constant(node.value)
        if isinstance(node, ast.Name):
            name = node.name
            return lambda env: env[name]
        if isinstance(node, ast.Field):
            return self.field(node)
        if isinstance(node, ast.Call):
            function = self.functions.get(node.name)
            assert function is not None  # the checker refused unknown functions
            args = tuple(self.expr(arg) for arg in node.args)
            return lambda env: function(*(arg(env) for arg in args))
        if isinstance(node, ast.Binary):
            left, right = self.expr(node.left), self.expr(node.right)
            operate = operators.add if node.op == "+" else operators.subtract
            return lambda env: operate(left(env), right(env))
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Not):
            operand = self.expr(node.operand)
            return lambda env: not operand(env)
        if isinstance(node, ast.BoolOp):
            operands = tuple(self.expr(operand) for operand in node.operands)
            if node.op == "and":
                return lambda env: all(operand(env) for operand in operands)
            return lambda env: any(operand(env) for operand in operands)
        raise TypeError(f"unknown expression node {node!r}")

    def field(self, node: ast.Field) -> Compiled:
        dotted = node.dotted()
        if dotted in self.binding_names and isinstance(node.target, ast.Name):
            return lambda env: env[dotted]
        target = self.expr(node.target)
        name = node.name
        getters = {kind: getter for kind in RUNTIME_TYPE.values() if (getter := field_getter(kind, name))}

        def read(env: Env) -> object:
            owner = target(env)
            if owner is None:
                return None
            return getters[RUNTIME_TYPE[type(owner)]](owner)

        return read

    def compare(self, node: ast.Compare) -> Compiled:
        left, right = self.expr(node.left), self.expr(node.right)
        op = node.op
        if node.tolerance is None:
            return lambda env: operators.compare(op, left(env), right(env))
        tolerance = self.expr(node.tolerance)

        def within_tolerance(env: Env) -> bool:
            # A tolerance that is missing ("slack" of a length that could not be measured)
            # makes the comparison unknown, so it does not hold, like any missing operand.
            slack = tolerance(env)
            return slack is not None and operators.compare(op, left(env), right(env), slack)

        return within_tolerance

    def template(self, template: ast.Template) -> Callable[[Env], str]:
        parts: list[Callable[[Env], str]] = []
        for part in template.parts:
            if isinstance(part, str):
                parts.append(_constant(part))  # type: ignore[arg-type]
            else:
                value = self.expr(part.expr)
                show = formatting.iso if part.spec == "iso" else formatting.describe
                parts.append(lambda env, value=value, show=show: show(value(env)))
        return lambda env: "".join(part(env) for part in parts)


def _combinations(window: Window, bindings: Sequence[ast.Binding]) -> Iterator[tuple]:
    """Every combination of the window's claims for the bindings, in text order.

    A field bound more than once takes strictly increasing positions, so two names never
    hold the same claim and each unordered pair is produced once.
    """
    pools = []
    for binding in bindings:
        claims = getattr(window, WINDOW_CLAIMS[binding.field][1])
        if not isinstance(claims, tuple):
            claims = () if claims is None else (claims,)
        pools.append(tuple(enumerate(claims)))
    for combination in itertools.product(*pools):
        last_index: dict[str, int] = {}
        distinct = True
        for binding, (index, _claim) in zip(bindings, combination):
            if last_index.get(binding.field, -1) >= index:
                distinct = False
                break
            last_index[binding.field] = index
        if distinct:
            yield tuple(claim for _index, claim in combination)


def _length(value: object) -> Optional[object]:
    """A length as a finding stores it: a claim's value; day counts as their (un-widened) real range."""
    value = value_of(value)
    if isinstance(value, lengths.DayCount):
        return value.as_elapsed()
    return value


def _effective(value: object) -> Optional[tuple[timedelta, timedelta]]:
    value = value_of(value)
    if value is None:
        return None
    low, high = lengths.reported(value)  # type: ignore[arg-type]
    return low, high


def compile_rule(rule: ast.RuleDecl, functions: FunctionRegistry, source: Source) -> Rule:
    """One checked rule declaration as a `Rule` whose ``run`` yields findings for a window."""
    compiler = _RuleCompiler(rule, functions)
    target = rule.target
    assert target is not None and rule.condition is not None and rule.report is not None
    bindings = target.bindings
    variable = target.variable
    lets = tuple((let.name, compiler.expr(let.expr)) for let in rule.lets)
    condition = compiler.expr(rule.condition)
    message = compiler.template(rule.report)
    claimed = compiler.expr(rule.claimed) if rule.claimed is not None else _constant(None)
    effective = compiler.expr(rule.effective) if rule.effective is not None else _constant(None)
    severity = Severity(rule.severity.value)  # type: ignore[union-attr]
    kind = rule.kind.value  # type: ignore[union-attr]
    roles = tuple(binding.alias or binding.field for binding in bindings)

    def run(window: Window) -> Iterator[Finding]:
        for claims in _combinations(window, bindings):
            env: Env = {variable: window}
            env.update(zip((binding.name for binding in bindings), claims))
            for name, value in lets:
                env[name] = value(env)
            if not condition(env):
                continue
            evidence = tuple(
                Evidence(role=role, text=claim.text, span=claim.span, value=claim.value, said_by=claim.said_by)
                for role, claim in zip(roles, claims)
            )
            yield Finding(rule=rule.id, kind=kind, severity=severity, message=message(env), window=window.id,
                          claimed=_length(claimed(env)), effective=_effective(effective(env)), evidence=evidence)

    position = source.position(rule.offset)
    return Rule(
        id=rule.id, kind=kind, severity=severity, description=rule.description,
        window_kinds=tuple(word.value for word in target.kinds),
        examples=tuple(compile_example(example, kind, source) for example in rule.examples),
        location=f"{position.path}:{position.line}", run=run,
    )


def _range(value: DurationRange) -> tuple[timedelta, timedelta]:
    low, high = lengths.bounds(value)
    return low, high


def compile_example(example: ast.Example, kind: str, source: Source) -> Example:
    expectations = []
    for expect in example.expects:
        if expect.kind is None:
            continue
        effective = None
        if expect.effective is not None:
            effective = (_range(expect.effective[0])[0], _range(expect.effective[1])[1])
        expectations.append(Expectation(
            kind=expect.kind.value,
            claimed=_range(expect.claimed) if expect.claimed is not None else None,
            effective=effective,
            line=source.position(expect.offset).line,
        ))
    position = source.position(example.offset)
    return Example(text=example.text, reference=example.reference,
                   zone=example.zone.value if example.zone is not None else "UTC",
                   expectations=tuple(expectations), location=f"{position.path}:{position.line}")


