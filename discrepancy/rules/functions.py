"""Functions a rule can call: the built-ins, and custom ones registered from Python.

A function declares the types of its parameters and of its result, so that a rule file
calling it with the wrong number or kind of arguments is rejected when it loads, not when
it runs on someone's article::

    from discrepancy.rules import rule_function

    @rule_function(args=("instant",), returns="text")
    def weekday(moment):
        "The weekday an instant starts on."
        return moment.earliest.strftime("%A")

Arguments arrive as values: a claim is passed as its value (a bound as its end instant, a
stated duration as its `DurationRange`) unless the function is registered with
``claims=True``.  A missing argument (a claim with no ``said_at``, say) makes the call's
result missing without calling the function, unless it is registered with
``missing=True``.  Registering twice under one name is an error; so is shadowing a
built-in.
"""

from __future__ import annotations

import hashlib
import inspect
from datetime import timedelta
from typing import Callable, Iterable, Iterator, Optional, Sequence

import attrs

from ..claims.model import EndBound, Observation
from ..errors import DiscrepancyError
from ..temporal.values import Duration, DurationRange, ElapsedRange, Instant, to_utc
from . import lengths
from .types import Type, parse_type, runtime_matches, value_of


class RuleFunctionError(DiscrepancyError):
    """A function cannot be registered, or returned a value of the wrong type."""


@attrs.frozen
class RuleFunction:
    """A function callable from rules, with its declared signature."""

    name: str
    params: tuple[Type, ...]
    param_names: tuple[str, ...]
    returns: Type
    implementation: Callable = attrs.field(eq=False, repr=False)
    doc: str = ""
    claims: bool = False
    missing: bool = False

    def signature(self) -> str:
        params = ", ".join(f"{name}: {type_.value}" for name, type_ in zip(self.param_names, self.params))
        return f"{self.name}({params}) -> {self.returns.value}"

    def __call__(self, *args: object) -> object:
        if not self.missing and any(arg is None for arg in args):
            return None
        if not self.claims:
            args = tuple(value_of(arg) for arg in args)
        result = self.implementation(*args)
        if not runtime_matches(self.returns, result):
            raise RuleFunctionError(
                f"rule function '{self.name}' returned {type(result).__name__}, but declares {self.returns.article}")
        return result


class FunctionRegistry:
    """Named rule functions; a registry may sit on a parent whose names it cannot shadow."""

    def __init__(self, parent: Optional["FunctionRegistry"] = None):
        self.parent = parent
        self._functions: dict[str, RuleFunction] = {}

    def register(self, function: RuleFunction) -> RuleFunction:
        if self.get(function.name) is not None:
            raise RuleFunctionError(f"a rule function named '{function.name}' is already registered")
        self._functions[function.name] = function
        return function

    def unregister(self, name: str) -> None:
        """Remove a function registered here (tests and interactive sessions use this)."""
        self._functions.pop(name, None)

    def get(self, name: str) -> Optional[RuleFunction]:
        found = self._functions.get(name)
        if found is None and self.parent is not None:
            return self.parent.get(name)
        return found

    def names(self) -> tuple[str, ...]:
        inherited = self.parent.names() if self.parent is not None else ()
        return tuple(sorted(set(inherited) | set(self._functions)))

    def __iter__(self) -> Iterator[RuleFunction]:
        return (self.get(name) for name in self.names())  # type: ignore[misc]

    def fingerprint(self) -> str:
        """Changes whenever a function is added, removed or replaced (for rule-set caching)."""
        digest = hashlib.sha256()
        for function in self:
            digest.update(f"{function.signature()}|{id(function.implementation)}\n".encode())
        return digest.hexdigest()

    def child(self) -> "FunctionRegistry":
        return FunctionRegistry(parent=self)


BUILTINS = FunctionRegistry()
"""The functions every rule file can call."""

CUSTOM = BUILTINS.child()
"""Where `rule_function` registers by default; rule files see these and the built-ins."""


def rule_function(
    name: Optional[str] = None,
    *,
    args: Sequence[object],
    returns: object,
    registry: Optional[FunctionRegistry] = None,
    claims: bool = False,
    missing: bool = False,
) -> Callable[[Callable], Callable]:
    """Register the decorated Python function for rule files, with its parameter and result types.

    Types are `Type` members or their names: ``"instant"``, ``"duration"``, ``"elapsed"``,
    ``"length"`` (duration or elapsed), ``"text"``, ``"number"``, ``"condition"``,
    ``"any"``, or a claim type such as ``"end bound"``.  The function itself is returned
    unchanged, so it stays callable from Python.
    """
    params = tuple(parse_type(arg) for arg in args)
    result = parse_type(returns)

    def register(function: Callable) -> Callable:
        try:
            names = tuple(inspect.signature(function).parameters)[: len(params)]
        except (TypeError, ValueError):
            names = ()
        if len(names) != len(params):
            names = tuple(f"arg{index + 1}" for index in range(len(params)))
        (registry or CUSTOM).register(RuleFunction(
            name or function.__name__, params, names, result, function,
            inspect.getdoc(function) or "", claims, missing))
        return function

    return register


def _builtin(*args: object, returns: object, claims: bool = False, missing: bool = False):
    return rule_function(args=args, returns=returns, registry=BUILTINS, claims=claims, missing=missing)


@_builtin("instant", "instant", returns="elapsed", claims=True)
def counted(start, end):
    """The length from start to end as people count it.

    Exact elapsed time when both ends are clock times; otherwise a count of calendar
    dates, which comparisons read inclusively (a count of N date steps agrees with a
    stated N or N+1 days).  An end bound's value is read as a boundary: "until
    February 1" may stop at the start of February 1 or of February 2.  An observation
    stated as time since the start ("after 24 hours") is that length.
    """
    if to_utc(value_of(end).latest) < to_utc(value_of(start).earliest):
        return None  # an end wholly before the start measures nothing ("take effect on August 1 after a pause")
    if isinstance(end, Observation) and end.elapsed is not None:
        # "called off after 24 hours": the text gives the length itself, measured from the
        # start, so the start's own uncertainty does not widen it.
        return end.elapsed.elapsed_from_instant(value_of(start))
    return lengths.not_negative(lengths.counted(value_of(start), value_of(end), end_is_boundary=isinstance(end, EndBound)))


@_builtin("instant", "instant", returns="elapsed")
def elapsed(start, end):
    """Real elapsed time from start to end (their whole ranges), in UTC."""
    return end - start


@_builtin("duration", "instant", returns="elapsed")
def length(duration, start):
    """The real length of a stated duration beginning at start (a month from 4 February is 28 days)."""
    return lengths.anchored(duration, start)


@_builtin("length", returns="elapsed")
def shortest(value):
    """The shortest length a length may be, as an exact length."""
    low, _ = lengths.reported(value)
    return ElapsedRange.exact(low)


@_builtin("length", returns="elapsed")
def longest(value):
    """The longest length a length may be, as an exact length (missing when unlimited)."""
    _, high = lengths.reported(value)
    return None if high == lengths.FOREVER else ElapsedRange.exact(high)


_HALF_DAY = timedelta(hours=12)


@_builtin("length", returns="elapsed")
def slack(value):
    """How far a real length may stray from a stated or counted one before it is news.

    Half a day for a length stated or counted in days or coarser units, which day-level
    counting and rounding already blur.  For one stated in hours or measured to the clock,
    a tenth of it, at least an hour (a night when clocks change) and at most half a day:
    a 24-hour truce broken after 17 hours is news; a "two-day" truce of 36 hours is not.
    """
    if isinstance(value, lengths.DayCount):
        return ElapsedRange.exact(_HALF_DAY)
    if isinstance(value, DurationRange):
        stated = value.min
        if stated.years or stated.months or stated.weeks or stated.days:
            return ElapsedRange.exact(_HALF_DAY)
    low, _ = lengths.bounds(value)
    if low == lengths.FOREVER:
        return ElapsedRange.exact(_HALF_DAY)
    return ElapsedRange.exact(max(timedelta(hours=1), min(_HALF_DAY, low / 10)))


@_builtin("instant", returns="instant")
def earliest(moment):
    """The earliest moment an instant may be."""
    return Instant.exact(moment.earliest, moment.grain)


@_builtin("instant", returns="instant")
def latest(moment):
    """The latest moment an instant may be."""
    return Instant.exact(moment.latest, moment.grain)


@_builtin("any", returns="condition", missing=True)
def known(value):
    """Whether a value is present (a claim's speaker, a statement's time)."""
    return value is not None


@_builtin("number", returns="duration")
def days(amount):
    """A number of calendar days as a duration."""
    return DurationRange.exact(Duration(days=int(amount)))


@_builtin("number", returns="duration")
def hours(amount):
    """A number of hours as a duration."""
    return DurationRange.exact(Duration(hours=int(amount)))


def builtin_functions() -> Iterable[RuleFunction]:
    return iter(BUILTINS)
