"""The types of the rule language and the fields a rule can read from windows and claims.

This is the schema both halves of the language share: the `checker` uses the tables to
reject ``w.durration`` or an instant added to an instant before anything runs, and the
`compiler` uses the same tables to read the fields at run time, so the two cannot drift
apart.
"""

from __future__ import annotations

import enum
from typing import Callable, Optional

from ..claims.model import Announcement, EndBound, Observation, StatedDuration, StatedStart, Window
from ..temporal.values import DurationRange, ElapsedRange, Instant
from .lengths import DayCount


class Type(enum.Enum):
    """A type in the rule language; claim types stand for their value where one is needed."""

    DURATION = "duration"  # a stated calendar length (DurationRange)
    ELAPSED = "elapsed"  # a real length range (ElapsedRange or DayCount)
    LENGTH = "length"  # either of the two above (parameters only)
    INSTANT = "instant"
    TEXT = "text"
    NUMBER = "number"
    CONDITION = "condition"
    WINDOW = "window"
    ANY = "any"
    STATED_DURATION = "stated duration"
    END_BOUND = "end bound"
    STATED_START = "stated start"
    OBSERVATION = "observation"
    ANNOUNCEMENT = "announcement"

    @property
    def article(self) -> str:
        """The type with "a"/"an", for messages."""
        noun = {Type.ELAPSED: "elapsed length", Type.CONDITION: "condition (true or false)"}.get(self, self.value)
        return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


CLAIM_VALUE = {
    Type.STATED_DURATION: Type.DURATION,
    Type.END_BOUND: Type.INSTANT,
    Type.STATED_START: Type.INSTANT,
    Type.OBSERVATION: Type.INSTANT,
    Type.ANNOUNCEMENT: Type.INSTANT,
}

WINDOW_CLAIMS = {
    "duration": (Type.STATED_DURATION, "durations"),
    "bound": (Type.END_BOUND, "bounds"),
    "start": (Type.STATED_START, "starts"),
    "observation": (Type.OBSERVATION, "observations"),
    "announced": (Type.ANNOUNCEMENT, "announced"),
}
"""Claim fields of a window: the field name, the claim type and the `Window` attribute."""

Getter = Callable[[object], object]


def _attr(name: str) -> Getter:
    return lambda obj: getattr(obj, name)


_COMMON: dict[str, tuple[Type, Getter]] = {
    "text": (Type.TEXT, _attr("text")),
    "said_by": (Type.TEXT, _attr("said_by")),
    "said_at": (Type.INSTANT, _attr("said_at")),
}

FIELDS: dict[Type, dict[str, tuple[Type, Getter]]] = {
    Type.WINDOW: {
        "id": (Type.TEXT, _attr("id")),
        "kind": (Type.TEXT, _attr("kind")),
        "text": (Type.TEXT, _attr("text")),
    },
    Type.STATED_DURATION: {**_COMMON, "value": (Type.DURATION, _attr("value"))},
    Type.END_BOUND: {
        **_COMMON,
        "value": (Type.INSTANT, _attr("value")),
        "end": (Type.INSTANT, _attr("value")),
        "cue": (Type.TEXT, _attr("cue")),
    },
    Type.STATED_START: {
        **_COMMON,
        "value": (Type.INSTANT, _attr("value")),
        "cue": (Type.TEXT, _attr("cue")),
        "inferred": (Type.CONDITION, _attr("inferred")),
    },
    Type.OBSERVATION: {
        **_COMMON,
        "value": (Type.INSTANT, _attr("value")),
        "at": (Type.INSTANT, _attr("value")),
        "event": (Type.TEXT, _attr("event")),
        "kind": (Type.TEXT, lambda obs: obs.kind.value),
    },
    Type.ANNOUNCEMENT: {**_COMMON, "value": (Type.INSTANT, _attr("value"))},
}

RUNTIME_TYPE = {
    Window: Type.WINDOW,
    StatedDuration: Type.STATED_DURATION,
    EndBound: Type.END_BOUND,
    StatedStart: Type.STATED_START,
    Observation: Type.OBSERVATION,
    Announcement: Type.ANNOUNCEMENT,
}


def value_type(type_: Type) -> Type:
    """The type a claim stands for in arithmetic and comparisons."""
    return CLAIM_VALUE.get(type_, type_)


def accepts(expected: Type, actual: Type) -> bool:
    """Whether a value of ``actual`` type may be given where ``expected`` is asked for."""
    if expected is Type.ANY or expected is actual:
        return True
    actual = value_type(actual)
    if expected is Type.LENGTH:
        return actual in (Type.DURATION, Type.ELAPSED)
    return expected is actual


def value_of(value: object) -> object:
    """A claim's value (a bound's end, a stated duration's range); other values unchanged."""
    if type(value) in RUNTIME_TYPE and not isinstance(value, Window):
        return value.value  # type: ignore[attr-defined]
    return value


def runtime_matches(expected: Type, value: object) -> bool:
    """Whether a custom function's return value is of its declared type."""
    if value is None or expected is Type.ANY:
        return True
    checks = {
        Type.DURATION: (DurationRange,), Type.ELAPSED: (ElapsedRange, DayCount),
        Type.LENGTH: (DurationRange, ElapsedRange, DayCount), Type.INSTANT: (Instant,),
        Type.TEXT: (str,), Type.NUMBER: (int, float), Type.CONDITION: (bool,), Type.WINDOW: (Window,),
    }
    if expected in checks:
        return isinstance(value, checks[expected]) and not (expected is Type.NUMBER and isinstance(value, bool))
    return RUNTIME_TYPE.get(type(value)) is expected


def parse_type(spec: object) -> Type:
    """A `Type` from itself or its name ("instant", "duration", "elapsed length")."""
    if isinstance(spec, Type):
        return spec
    if isinstance(spec, str):
        for member in Type:
            if spec.strip().lower() in (member.value, member.name.lower()):
                return member
    raise ValueError(f"unknown rule type {spec!r}; use one of {', '.join(t.value for t in Type)}")


def field_getter(type_: Optional[Type], name: str) -> Optional[Getter]:
    entry = FIELDS.get(type_, {}).get(name) if type_ is not None else None
    return entry[1] if entry else None
