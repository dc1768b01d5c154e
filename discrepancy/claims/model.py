"""What a text claims about one window, and the findings the rules report about it.

A *window* is a stretch of time that some text talks about: a pause in strikes, a
ceasefire, a strike, a lockdown.  Its *claims* are what the text states about it: how
long it lasts (`StatedDuration`), when it ends (`EndBound`), when it starts
(`StatedStart`), when it was announced (`Announcement`), and what was later seen to end,
break or extend it (`Observation`).  Every claim keeps the exact words and their span so a
finding can quote its evidence, and who said it and when, because contradictions are
often between speakers.

These are plain frozen values.  Finding claims in text is the extractor's job (it
produces `Window` objects); judging them is the rule engine's job (it produces
`Finding` objects).  This module does neither and imports nothing above `temporal`.
"""

from __future__ import annotations

import enum
from datetime import timedelta
from typing import Optional, Union

import attrs

from ..temporal.timex import format_instant
from ..temporal.values import Duration, DurationRange, ElapsedRange, Grain, Instant, Span, format_timedelta


def _tuple_of(kind: type):
    return attrs.validators.deep_iterable(attrs.validators.instance_of(kind), attrs.validators.instance_of(tuple))


_OPTIONAL_TEXT = attrs.validators.optional(attrs.validators.instance_of(str))
_OPTIONAL_INSTANT = attrs.validators.optional(attrs.validators.instance_of(Instant))


@attrs.frozen
class Mention:
    """One place the text names the window ("the pause", "the truce", "it")."""

    text: str
    span: Span


@attrs.frozen(kw_only=True)
class StatedDuration:
    """A stated length of the window: "a one-week pause", "for six months".

    ``reported`` marks a length told after the fact ("the lockdown had lasted 76 days"):
    it describes the window as it turned out, not a plan, so its end is the window's
    reported end rather than a deadline it was held to.  ``extension`` marks the length
    of an extension ("a 24-hour extension of the ceasefire"): the phase a text's start and
    end then describe, which counts as the window's length only when no other is stated.
    """

    text: str
    span: Span
    value: DurationRange
    reported: bool = False
    extension: bool = False
    said_by: Optional[str] = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    said_at: Optional[Instant] = attrs.field(default=None, validator=_OPTIONAL_INSTANT)


@attrs.frozen(kw_only=True)
class EndBound:
    """A stated end: "until February 1", "through Monday", "expires on July 20".

    ``value`` is the instant at which the window stops, as wide as the cue is ambiguous:
    "until February 1" may stop when that day begins or when it ends, so its value spans
    the day; "through February 1" stops exactly when February 2 begins.
    """

    text: str
    span: Span
    value: Instant
    cue: str = ""
    inclusive: Optional[bool] = None
    said_by: Optional[str] = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    said_at: Optional[Instant] = attrs.field(default=None, validator=_OPTIONAL_INSTANT)
    # Told as the first plan that was since changed ("initially set for two weeks, until
    # December 13"): a later bound of the same window is then its extension.
    original: bool = False


@attrs.frozen(kw_only=True)
class StatedStart:
    """When the window began or begins: "from 5 p.m.", "took effect on January 20".

    ``inferred`` marks a start the extractor derived from other evidence (the
    announcement's day) rather than one the text states; its doubt shows as a wider value.
    """

    text: str
    span: Span
    value: Instant
    cue: str = ""
    inferred: bool = False
    said_by: Optional[str] = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    said_at: Optional[Instant] = attrs.field(default=None, validator=_OPTIONAL_INSTANT)


@attrs.frozen(kw_only=True)
class Announcement:
    """When and by whom the window was announced or agreed: "announced at a Cabinet meeting Thursday"."""

    text: str
    span: Span
    value: Instant
    said_by: Optional[str] = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    said_at: Optional[Instant] = attrs.field(default=None, validator=_OPTIONAL_INSTANT)


class ObservationKind(enum.Enum):
    """What an observed event says about the window's real end."""

    ENDED = "ended"  # it stopped then: "lifted", "reopened", "collapsed"
    RESUMED = "resumed"  # what it halted started again: "strikes resumed", maybe well after it lapsed
    EXTENDED = "extended"  # it ran at least until then: "was extended to", "the calm held until"


@attrs.frozen(kw_only=True)
class Observation:
    """An observed event that ended, broke or extended the window, with when it happened."""

    text: str
    span: Span
    value: Instant
    kind: ObservationKind = ObservationKind.ENDED
    event: str = ""
    # Set when the text states the end as time since the start ("called off after 24
    # hours"): the length is then known even where the start itself is uncertain.
    elapsed: Optional[DurationRange] = None
    said_by: Optional[str] = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    said_at: Optional[Instant] = attrs.field(default=None, validator=_OPTIONAL_INSTANT)


Claim = Union[StatedDuration, EndBound, StatedStart, Announcement, Observation]


def _in_text_order(claims) -> tuple:
    return tuple(sorted(claims, key=lambda claim: (claim.span.start, claim.span.end)))


@attrs.frozen(kw_only=True)
class Window:
    """Everything one text claims about one window.

    ``kind`` names a window declared in the rule files ("pause", "strike").  Claim tuples
    are kept in text order, which is the order rules bind them in.
    """

    id: str
    kind: str
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=tuple, validator=_tuple_of(Mention))
    durations: tuple[StatedDuration, ...] = attrs.field(default=(), converter=_in_text_order, validator=_tuple_of(StatedDuration))
    bounds: tuple[EndBound, ...] = attrs.field(default=(), converter=_in_text_order, validator=_tuple_of(EndBound))
    starts: tuple[StatedStart, ...] = attrs.field(default=(), converter=_in_text_order, validator=_tuple_of(StatedStart))
    observations: tuple[Observation, ...] = attrs.field(default=(), converter=_in_text_order, validator=_tuple_of(Observation))
    announced: Optional[Announcement] = None

    @property
    def text(self) -> str:
        """The first words naming the window, for messages."""
        return self.mentions[0].text if self.mentions else self.kind


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


Length = Union[Duration, DurationRange, ElapsedRange, timedelta]


def iso_length(value: Optional[Length]) -> Optional[str]:
    """ISO 8601 for any length a finding may carry; a range of lengths as ``MIN..MAX``."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        return format_timedelta(value)
    if isinstance(value, (Duration, DurationRange, ElapsedRange)):
        return value.to_iso() if not isinstance(value, ElapsedRange) else str(value)
    raise TypeError(f"not a length: {value!r}")


def iso_value(value: object) -> Optional[str]:
    """The TIMEX3 / ISO 8601 form of a claim's value, for the findings JSON."""
    if value is None:
        return None
    if isinstance(value, Instant):
        if value.grain is Grain.DAY and len(value.days()) > 1:
            # "that day or the next": a range of days, written as TIMEX3 days joined by "..".
            days = value.days()
            return f"{days[0].isoformat()}..{days[-1].isoformat()}"
        # A range of clock times has no TIMEX3 form at its grain; show both ends.
        exact_enough = value.is_exact or value.grain not in (Grain.SECOND, Grain.MINUTE, Grain.HOUR)
        return format_instant(value) if exact_enough else str(value)
    return iso_length(value)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class Evidence:
    """One claim a finding rests on, quoted exactly: ``span`` slices the original text."""

    role: str
    text: str
    span: Span
    value: object = None
    said_by: Optional[str] = None

    def to_json(self) -> dict:
        return {"role": self.role, "text": self.text, "start": self.span.start, "end": self.span.end,
                "value": iso_value(self.value), "said_by": self.said_by}


@attrs.frozen(kw_only=True)
class Finding:
    """A contradiction a rule found in one window.

    ``claimed`` is the length the text states (or implies); ``effective`` is the
    ``(min, max)`` real length the other evidence allows.  The finding exists because the
    claimed length lies outside that range by more than the rule's tolerance.
    """

    rule: str
    kind: str
    severity: Severity
    message: str
    window: str
    claimed: Optional[Length] = None
    effective: Optional[tuple[timedelta, timedelta]] = None
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=tuple)

    def to_json(self) -> dict:
        """The finding in the findings JSON format (issue 4)."""
        effective = None
        if self.effective is not None:
            effective = {"min": format_timedelta(self.effective[0]), "max": format_timedelta(self.effective[1])}
        return {
            "rule": self.rule,
            "kind": self.kind,
            "severity": self.severity.value,
            "message": self.message,
            "window": self.window,
            "claimed": iso_length(self.claimed),
            "effective": effective,
            "evidence": [item.to_json() for item in self.evidence],
        }
