"""The checker: what a parsed rule file means, and every way it cannot mean anything.

It merges the declarations of all loaded files in order (windows defined, overridden,
extended or disabled; rules defined, overridden or disabled), then checks each rule:
names and fields exist (with a suggestion for a misspelt one), instants are not mixed with
durations, functions are called with the right number and types of arguments, every
``let`` is used, example expectations name the rule's kind and a real time zone.  All
errors are collected and raised together as one `RuleErrors`.

It checks and merges; it does not compile.  The result feeds `compiler`.
"""

from __future__ import annotations

import functools
import zoneinfo
from typing import Optional, Sequence

import attrs

from . import ast
from .errors import RuleErrors, RuleSemanticError, Source, did_you_mean
from .functions import FunctionRegistry
from ..documents import supported_reference
from .keywords import KEYWORDS
from .ruleset import WindowSpec
from .types import FIELDS, WINDOW_CLAIMS, Type, accepts, value_type

_LENGTHS = (Type.DURATION, Type.ELAPSED)
_ROLE_ATTRIBUTES = {"called": "called", "started by": "started_by", "ended by": "ended_by",
                    "resumed by": "resumed_by", "broken by": "broken_by", "extended by": "extended_by"}


@attrs.frozen
class Checked:
    """The merged, checked declarations, ready to compile."""

    rules: tuple[ast.RuleDecl, ...]
    windows: tuple[WindowSpec, ...]


@functools.lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.lru_cache(maxsize=256)
def _is_zone(name: str) -> bool:
    # Listing every zone reads the whole tz database; only do that to suggest a spelling.
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _describe(expr: object) -> str:
    """How an expression is quoted in messages."""
    if isinstance(expr, ast.Field):
        return expr.dotted()
    if isinstance(expr, ast.Name):
        return expr.name
    if isinstance(expr, ast.DurationLiteral):
        return expr.text
    if isinstance(expr, ast.NumberLiteral):
        return str(expr.value)
    if isinstance(expr, ast.StringLiteral):
        return f'"{expr.value}"'
    if isinstance(expr, ast.Call):
        return f"{expr.name}(...)"
    if isinstance(expr, ast.Binary):
        return f"{_describe(expr.left)} {expr.op} {_describe(expr.right)}"
    return "the expression"


_PHRASES = {"shorter": "shorter than", "longer": "longer than", "differs": "differs from",
            "matches": "matches", "before": "before", "after": "after", "is": "is", "is not": "is not"}


class _RuleScope:
    """Names visible in one rule, their types, and which were used."""

    def __init__(self, variable: str):
        self.variable = variable
        self.types: dict[str, Optional[Type]] = {variable: Type.WINDOW}
        self.bound_fields: dict[str, list[str]] = {}
        self.used: set[str] = set()


class Checker:
    def __init__(self, sources: dict[str, Source], functions: FunctionRegistry):
        self.sources = sources
        self.functions = functions
        self.errors: list[RuleSemanticError] = []

    def error(self, path: str, offset: int, message: str) -> None:
        self.errors.append(self.sources[path].semantic_error(message, offset))

    def where(self, path: str, offset: int) -> str:
        position = self.sources[path].position(offset)
        return f"{position.path}:{position.line}"

    # Merging declarations ---------------------------------------------------------------

    def check(self, declarations: Sequence[ast.Declaration]) -> Checked:
        windows: dict[str, tuple[dict[str, list[str]], ast.WindowDecl]] = {}
        rules: dict[str, ast.RuleDecl] = {}
        all_rules: list[ast.RuleDecl] = []
        disables: list[ast.Disable] = []
        for declaration in declarations:
            if isinstance(declaration, ast.WindowDecl):
                self.merge_window(declaration, windows)
            elif isinstance(declaration, ast.RuleDecl):
                all_rules.append(declaration)
                self.merge_rule(declaration, rules)
            elif isinstance(declaration, ast.Disable):
                disables.append(declaration)
        for disable in disables:
            table = rules if disable.what == "rule" else windows
            if disable.id not in table:
                self.error(disable.path, disable.offset,
                           f"cannot disable unknown {disable.what} '{disable.id}'{did_you_mean(disable.id, table)}")
            else:
                del table[disable.id]
        specs = tuple(self.window_spec(words, decl) for words, decl in windows.values())
        known_windows = {spec.name for spec in specs}
        for rule in all_rules:
            self.check_rule(rule, known_windows)
        if self.errors:
            raise RuleErrors(self.errors)
        return Checked(tuple(rules.values()), specs)

    def merge_window(self, decl: ast.WindowDecl, windows: dict) -> None:
        existing = windows.get(decl.name)
        words: dict[str, list[str]] = {role: [] for role in _ROLE_ATTRIBUTES}
        for line in decl.vocabulary:
            for word in line.words:
                if not word.strip():
                    self.error(decl.path, line.offset, f"empty word in '{line.role}' of window '{decl.name}'")
                elif word not in words[line.role]:
                    words[line.role].append(word)
        if decl.mode == "define":
            if existing is not None:
                first = existing[1]
                self.error(decl.path, decl.offset,
                           f"window '{decl.name}' is already defined at {self.where(first.path, first.offset)}; "
                           f"write 'override window {decl.name}:' to replace it or 'extend window {decl.name}:' to add words")
                return
            windows[decl.name] = (words, decl)
        elif existing is None:
            self.error(decl.path, decl.offset,
                       f"cannot {decl.mode} unknown window '{decl.name}'{did_you_mean(decl.name, windows)}")
        elif decl.mode == "override":
            windows[decl.name] = (words, decl)
        else:
            merged = {role: existing[0][role] + [w for w in words[role] if w not in existing[0][role]] for role in words}
            windows[decl.name] = (merged, existing[1])
        if decl.mode != "extend" and decl.name in windows and not windows[decl.name][0]["called"]:
            self.error(decl.path, decl.offset,
                       f"window '{decl.name}' has no 'called' words, so no text could ever mention it")

    def window_spec(self, words: dict[str, list[str]], decl: ast.WindowDecl) -> WindowSpec:
        fields = {attribute: tuple(words[role]) for role, attribute in _ROLE_ATTRIBUTES.items()}
        return WindowSpec(decl.name, source=self.where(decl.path, decl.offset), **fields)

    def merge_rule(self, decl: ast.RuleDecl, rules: dict[str, ast.RuleDecl]) -> None:
        existing = rules.get(decl.id)
        if decl.override:
            if existing is None:
                self.error(decl.path, decl.offset,
                           f"cannot override unknown rule '{decl.id}'{did_you_mean(decl.id, rules)}")
            else:
                rules[decl.id] = decl  # keeps the overridden rule's place in the order
        elif existing is not None:
            self.error(decl.path, decl.offset,
                       f"duplicate rule id '{decl.id}' (first defined at {self.where(existing.path, existing.offset)}); "
                       f"write 'override rule {decl.id}:' to replace it")
        else:
            rules[decl.id] = decl

    # Checking one rule ------------------------------------------------------------------

    def check_rule(self, rule: ast.RuleDecl, known_windows: set[str]) -> None:
        path = rule.path
        target = rule.target
        assert target is not None  # the parser refuses a rule without a 'for' clause
        scope = _RuleScope(target.variable)
        self.shadows_function(path, target.variable, target.offset)
        for kind in target.kinds:
            if kind.value not in known_windows:
                self.error(path, kind.offset, f"unknown window '{kind.value}'{did_you_mean(kind.value, known_windows)}")
        for binding in target.bindings:
            self.bind(path, binding, scope)
        let_offsets: dict[str, int] = {}
        for let in rule.lets:
            found = self.infer(path, let.expr, scope)
            if let.name in scope.types or let.name in KEYWORDS:
                self.error(path, let.offset, f"'{let.name}' is already bound; choose another name")
                continue
            self.shadows_function(path, let.name, let.offset)  # reported, but bound: no cascade
            scope.types[let.name] = found
            let_offsets[let.name] = let.offset
        self.expect_type(path, rule.condition, scope, (Type.CONDITION,), "'when' needs a condition")
        if rule.report is not None:
            for part in rule.report.parts:
                if isinstance(part, ast.Placeholder):
                    self.infer(path, part.expr, scope)
                    if part.spec not in (None, "iso"):
                        self.error(path, part.offset, f"unknown format '{part.spec}' in report message; the one format is 'iso'")
        self.expect_type(path, rule.claimed, scope, _LENGTHS, "'claimed' must be a length")
        self.expect_type(path, rule.effective, scope, _LENGTHS, "'effective' must be a length")
        for name, offset in let_offsets.items():
            if name not in scope.used:
                self.error(path, offset, f"unused binding '{name}'; use it in 'when', 'report', 'claimed' or 'effective', or remove it")
        for example in rule.examples:
            self.check_example(rule, example)

    def shadows_function(self, path: str, name: str, offset: int) -> bool:
        """Refuse a name that is also a function's: ``let counted = counted(...)`` parses, but
        a reader cannot tell which one a later ``counted`` means."""
        function = self.functions.get(name)
        if function is None:
            return False
        self.error(path, offset, f"'{name}' is the name of the function {function.signature()}; "
                                 "choose another name so the two are not confused")
        return True

    def bind(self, path: str, binding: ast.Binding, scope: _RuleScope) -> None:
        if binding.variable != scope.variable:
            self.error(path, binding.offset,
                       f"unknown window variable '{binding.variable}'; the rule's window is '{scope.variable}'")
            return
        if binding.field not in WINDOW_CLAIMS:
            candidates = [f"{scope.variable}.{field}" for field in WINDOW_CLAIMS]
            written = f"{binding.variable}.{binding.field}"
            self.error(path, binding.offset, f"unknown claim '{written}'{did_you_mean(written, candidates)}")
            return
        name = binding.name
        if name in scope.types:
            hint = (f"; name each one: 'with {name} as first and {name} as second'" if binding.alias is None
                    else "")
            self.error(path, binding.offset, f"'{name}' is bound twice{hint}")
            return
        if binding.alias is not None and binding.alias in KEYWORDS:
            self.error(path, binding.offset, f"'{binding.alias}' is a keyword and cannot name a claim")
            return
        if binding.alias is not None:
            self.shadows_function(path, binding.alias, binding.offset)
        scope.types[name] = WINDOW_CLAIMS[binding.field][0]
        scope.bound_fields.setdefault(binding.field, []).append(name)

    def expect_type(self, path: str, expr: Optional[ast.Expr], scope: _RuleScope,
                    wanted: tuple[Type, ...], message: str) -> None:
        if expr is None:
            return
        found = self.infer(path, expr, scope)
        if found is not None and found is not Type.ANY and value_type(found) not in wanted:
            self.error(path, expr.offset, f"{message}, but '{_describe(expr)}' is {found.article}")

    def check_example(self, rule: ast.RuleDecl, example: ast.Example) -> None:
        try:
            supported_reference(example.reference, "example date")
        except ValueError as error:
            self.error(rule.path, example.offset, str(error))
        if example.zone is not None and not _is_zone(example.zone.value):
            zone = example.zone
            self.error(rule.path, zone.offset, f"unknown time zone '{zone.value}'{did_you_mean(zone.value, _zone_names())}")
        kinds = [expect for expect in example.expects if expect.kind is not None]
        if kinds and len(kinds) != len(example.expects):
            none = next(expect for expect in example.expects if expect.kind is None)
            self.error(rule.path, none.offset, "'expect none' cannot be combined with other 'expect' lines")
        rule_kind = rule.kind.value if rule.kind else ""
        for expect in kinds:
            if expect.kind.value != rule_kind:  # type: ignore[union-attr]
                self.error(rule.path, expect.offset,
                           f"example expects kind '{expect.kind.value}', but rule '{rule.id}' reports kind "  # type: ignore[union-attr]
                           f"'{rule_kind}'{did_you_mean(expect.kind.value, [rule_kind])}")  # type: ignore[union-attr]

    # Types of expressions ---------------------------------------------------------------

    def infer(self, path: str, expr: ast.Expr, scope: _RuleScope) -> Optional[Type]:
        """The type of ``expr``, or None after reporting why it has none."""
        if isinstance(expr, ast.DurationLiteral):
            return Type.DURATION
        if isinstance(expr, ast.NumberLiteral):
            return Type.NUMBER
        if isinstance(expr, ast.StringLiteral):
            return Type.TEXT
        if isinstance(expr, ast.Name):
            return self.name(path, expr, scope)
        if isinstance(expr, ast.Field):
            return self.field(path, expr, scope)
        if isinstance(expr, ast.Call):
            return self.call(path, expr, scope)
        if isinstance(expr, ast.Binary):
            return self.binary(path, expr, scope)
        if isinstance(expr, ast.Compare):
            return self.compare(path, expr, scope)
        if isinstance(expr, ast.Not):
            self.expect_type(path, expr.operand, scope, (Type.CONDITION,), "'not' needs a condition")
            return Type.CONDITION
        if isinstance(expr, ast.BoolOp):
            for operand in expr.operands:
                self.expect_type(path, operand, scope, (Type.CONDITION,), f"'{expr.op}' joins conditions")
            return Type.CONDITION
        raise TypeError(f"unknown expression node {expr!r}")

    def name(self, path: str, expr: ast.Name, scope: _RuleScope) -> Optional[Type]:
        if expr.name in scope.types:
            scope.used.add(expr.name)
            return scope.types[expr.name]
        candidates = [name for name in scope.types if "." not in name]
        self.error(path, expr.offset, f"unknown name '{expr.name}'{did_you_mean(expr.name, candidates)}")
        return None

    def field(self, path: str, expr: ast.Field, scope: _RuleScope) -> Optional[Type]:
        target = expr.target
        if isinstance(target, ast.Name) and target.name == scope.variable and expr.name in WINDOW_CLAIMS:
            key = f"{scope.variable}.{expr.name}"
            if key in scope.types:
                scope.used.add(key)
                return scope.types[key]
            aliases = scope.bound_fields.get(expr.name)
            if aliases:
                self.error(path, expr.offset, f"'{key}' is bound as {' and '.join(repr(a) for a in aliases)}; use those names")
            else:
                self.error(path, expr.offset,
                           f"'{key}' is not bound; add it to the 'for' clause: 'with ... and {key}'")
            return None
        owner = self.infer(path, target, scope)
        if owner is None:
            return None
        fields = FIELDS.get(owner)
        if fields is None:
            self.error(path, expr.offset, f"'{_describe(target)}' is {owner.article} and has no fields")
            return None
        if expr.name not in fields:
            prefix = _describe(target)
            names = list(fields) + (list(WINDOW_CLAIMS) if owner is Type.WINDOW else [])
            candidates = [f"{prefix}.{name}" for name in names]
            self.error(path, expr.offset, f"unknown field '{expr.dotted()}'{did_you_mean(expr.dotted(), candidates)}")
            return None
        return fields[expr.name][0]

    def call(self, path: str, expr: ast.Call, scope: _RuleScope) -> Optional[Type]:
        argument_types = [self.infer(path, arg, scope) for arg in expr.args]
        function = self.functions.get(expr.name)
        if function is None:
            self.error(path, expr.offset, f"unknown function '{expr.name}'{did_you_mean(expr.name, self.functions.names())}")
            return None
        if len(expr.args) != len(function.params):
            count = len(function.params)
            self.error(path, expr.offset,
                       f"'{expr.name}' takes {count} argument{'s' if count != 1 else ''} ({function.signature()}), "
                       f"but {len(expr.args)} {'were' if len(expr.args) != 1 else 'was'} given")
            return function.returns
        for index, (arg, wanted, found) in enumerate(zip(expr.args, function.params, argument_types), start=1):
            if found is not None and found is not Type.ANY and not accepts(wanted, found):
                self.error(path, arg.offset,
                           f"argument {index} of '{expr.name}' must be {wanted.article}, but '{_describe(arg)}' is {found.article}")
        return function.returns

    def binary(self, path: str, expr: ast.Binary, scope: _RuleScope) -> Optional[Type]:
        left = self.infer(path, expr.left, scope)
        right = self.infer(path, expr.right, scope)
        if left is None or right is None:
            return None
        if Type.ANY in (left, right):
            return Type.ANY
        a, b = value_type(left), value_type(right)
        for side, found in ((expr.left, a), (expr.right, b)):
            if found not in (Type.INSTANT, Type.DURATION, Type.ELAPSED):
                self.error(path, side.offset,
                           f"'{expr.op}' works on instants and lengths, but '{_describe(side)}' is {value_type(found).article}")
                return None
        if a is Type.INSTANT and b is Type.INSTANT:
            if expr.op == "-":
                return Type.ELAPSED
            self.error(path, expr.offset,
                       f"cannot add two instants ('{_describe(expr.left)}' + '{_describe(expr.right)}'); "
                       "subtract them to get the time between")
            return None
        if b is Type.INSTANT and expr.op == "-":
            self.error(path, expr.offset,
                       f"cannot subtract an instant from a length ('{_describe(expr.left)}' - '{_describe(expr.right)}'); "
                       "instants and durations do not mix that way: write instant - length")
            return None
        if Type.INSTANT in (a, b):
            return Type.INSTANT
        if a is Type.DURATION and b is Type.DURATION and expr.op == "+":
            return Type.DURATION
        return Type.ELAPSED

    def compare(self, path: str, expr: ast.Compare, scope: _RuleScope) -> Type:
        left = self.infer(path, expr.left, scope)
        right = self.infer(path, expr.right, scope)
        phrase = _PHRASES[expr.op]
        if expr.op in ("is", "is not"):
            if left is not None and right is not None and Type.ANY not in (left, right) \
                    and value_type(left) is not value_type(right):
                self.error(path, expr.offset,
                           f"'{phrase}' compares values of one type, but '{_describe(expr.left)}' is "
                           f"{value_type(left).article} and '{_describe(expr.right)}' is {value_type(right).article}")
            return Type.CONDITION
        if expr.op in ("before", "after"):
            wanted, what, hint = (Type.INSTANT,), "instants", ""
        else:
            wanted, what = _LENGTHS, "lengths"
            hint = ": instants and durations do not mix; the length between two instants is 'counted(start, end)'"
        for side, found in ((expr.left, left), (expr.right, right)):
            if found is not None and found is not Type.ANY and value_type(found) not in wanted:
                self.error(path, side.offset, f"'{phrase}' compares {what}, but '{_describe(side)}' is "
                                              f"{value_type(found).article}{hint if value_type(found) is Type.INSTANT else ''}")
        if expr.tolerance is not None:
            self.expect_type(path, expr.tolerance, scope, _LENGTHS, "a tolerance must be a length")
        return Type.CONDITION


def check(declarations: Sequence[ast.Declaration], sources: dict[str, Source], functions: FunctionRegistry) -> Checked:
    """Merge and check declarations in load order; raises `RuleErrors` listing every problem."""
    return Checker(sources, functions).check(declarations)
