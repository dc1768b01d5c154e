"""Ends and extensions stated relative to another time of the window.

"Called off after 24 hours", "seven hours before it was due to expire", "extended by
three weeks": each names no time of its own, only a length from the window's start, from
its stated end, or past its end.  They are kept as claims in waiting (`ElapsedEnd`,
`OffsetEnd`, `ExtendedBy`) and become `Observation`s only once the window's other claims
are consolidated (`builder.WindowBuilder`), so they live apart from the reading of plain
dates and times.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

import attrs

from ..temporal.expressions import Role, TimeExpression, TimexType
from ..temporal.values import Duration, DurationRange, Instant, Span, to_utc
from .cues import CUE_REACH, Cue
from .grammar import CLAUSE_BREAK
from .lengths import modifies_next_noun
from .model import EndBound, Observation, ObservationKind, Window


@attrs.frozen(kw_only=True)
class ElapsedEnd:
    """An end stated as time since the start: "called off after 24 hours", "collapsed within hours".

    It becomes an `Observation` once the window's start is known: the start's range moved
    by the length (from zero, for "within").
    """

    text: str
    span: Span
    length: DurationRange
    within: bool
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]
    resumption: bool = False

    def at(self, start: Instant) -> Observation:
        low = Duration() if self.within else self.length.min
        high = self.length.max if self.length.max is not None else _vague_ceiling(self.length.min)
        value = Instant(low.add_to(start.earliest), high.add_to(start.latest), start.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=_ending_kind(self.resumption),
                           event=self.event, said_by=self.said_by, said_at=self.said_at,
                           elapsed=DurationRange(low, high))


_ELAPSED_CUE = re.compile(r"\b(after|within)\s+(?:(?:just|only|barely|less\s+than|more\s+than|about|some)\s+)?$", re.I)
_ELAPSED_CUE_INSIDE = re.compile(r"(after|within)\b", re.I)


# "nine days after invoking it", "a week after imposing them": time since the window's start.
_AFTER_STARTING_IT = re.compile(r"\s+after\s+(?:first\s+)?[a-z]+ing\s+(?:it|them)\b", re.I)


# "held for only 18 hours before shelling resumed": how long the window held, then its end.
_HELD_FOR = re.compile(r"\b(held|lasted|survived)\s+(?:for\s+)?(?:(?:just|only|barely|about|some)\s+)?$", re.I)
_THEN_ENDED = re.compile(r"\s+(?:before|until|when)\s", re.I)


def held_then_ended(text: str, expression: TimeExpression) -> bool:
    """Whether a length is how long the window held before an end: "held for only 18 hours
    before shelling resumed" (an observed end), unlike "lasted just two days" (commentary)."""
    return bool(_HELD_FOR.search(text, max(0, expression.span.start - 30), expression.span.start)
                and _THEN_ENDED.match(text, expression.span.end))


def elapsed_end(text: str, expression: TimeExpression, cues: Sequence[Cue], common: dict) -> Optional[ElapsedEnd]:
    """ "was called off after 24 hours": an end stated as time since the start, or None.

    Only a reported end qualifies: an end cue, not planned, just before "after"/"within",
    or just after "held for N before" ("held for only 18 hours before shelling resumed").
    """
    if held_then_ended(text, expression):
        held = _HELD_FOR.search(text, max(0, expression.span.start - 30), expression.span.start)
        ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet
                  and 0 <= cue.span.start - expression.span.end <= CUE_REACH // 3
                  and not CLAUSE_BREAK.search(text, expression.span.end, cue.span.start)]
        if ending:
            span = Span(held.start(1), expression.span.end)
            return ElapsedEnd(text=span.text_of(text), span=span, length=expression.duration, within=False,
                              event=ending[0].phrase, resumption=ending[0].resumption,
                              said_by=common["said_by"], said_at=common["said_at"])
    since_start = _AFTER_STARTING_IT.match(text, expression.span.end)
    if since_start is not None and not _ELAPSED_CUE.search(text, max(0, expression.span.start - 30),
                                                            expression.span.start):
        # "revoked the emergency nine days after invoking it": the length runs from the start
        # the pronoun's verb made.
        ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet
                  and 0 <= expression.span.start - cue.span.end <= CUE_REACH
                  and not CLAUSE_BREAK.search(text, cue.span.end, expression.span.start)]
        if ending:
            span = Span(expression.span.start, since_start.end())
            return ElapsedEnd(text=span.text_of(text), span=span, length=expression.duration, within=False,
                              event=ending[-1].phrase, resumption=ending[-1].resumption,
                              said_by=common["said_by"], said_at=common["said_at"])
    before = _ELAPSED_CUE.search(text, max(0, expression.span.start - 30), expression.span.start)
    if before is None:
        # The tagger may keep the preposition inside the expression: "within minutes".
        before = _ELAPSED_CUE_INSIDE.match(text, expression.span.start, expression.span.end)
    if before is None:
        return None
    if modifies_next_noun(text, expression):
        return None  # "reopens after two-week closure": the length of the closure, not a time since
    ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet
              and 0 <= before.start() - cue.span.end <= CUE_REACH // 2]
    if not ending:
        return None
    span = Span(before.start(1), expression.span.end)
    return ElapsedEnd(text=span.text_of(text), span=span, length=expression.duration,
                      within=before.group(1).lower() == "within", event=ending[-1].phrase,
                      resumption=ending[-1].resumption,
                      said_by=common["said_by"], said_at=common["said_at"])


@attrs.frozen(kw_only=True)
class OffsetEnd:
    """An end stated as time before the window's stated end: "seven hours before it was due to expire".

    It becomes an `Observation` once the window's bounds are settled: the stated end it
    counts back from is the window's bound at that moment, which consolidation may have
    narrowed ("midnight" on a day read as its start or its end), else the time as tagged.
    "About" widens a clock offset by a tenth either way.
    """

    text: str
    span: Span
    low: Duration
    high: Duration
    approximate: bool
    stated_end: Instant
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]
    resumption: bool = False

    def at(self, bounds: Sequence[EndBound]) -> Optional[Observation]:
        try:
            return self._at(bounds)
        except (OverflowError, ValueError):
            return None  # counted back past year 1

    def _at(self, bounds: Sequence[EndBound]) -> Observation:
        end = next((bound.value for bound in bounds if bound.value.overlaps(self.stated_end)), self.stated_end)
        if self.approximate and not (self.low.calendar_part or self.high.calendar_part):
            low, high = self.low.clock_part * 0.9, self.high.clock_part * 1.1
            earliest = (to_utc(end.earliest) - high).astimezone(end.earliest.tzinfo)
            latest = (to_utc(end.latest) - low).astimezone(end.latest.tzinfo)
        else:
            earliest = self.high.subtract_from(end.earliest)
            latest = self.low.subtract_from(end.latest)
        value = Instant(earliest, latest, end.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=_ending_kind(self.resumption),
                           event=self.event, said_by=self.said_by, said_at=self.said_at)


_BEFORE_AFTER_LENGTH = re.compile(r"\s+before\b", re.I)
_APPROXIMATELY = re.compile(r"\b(?:about|around|roughly|approximately|some|nearly|almost)\s+$", re.I)
_STATED_END = re.compile(r"\b(?:deadline|expir\w*|due\s+to\s+(?:end|expire|run\s+out|lapse))\b", re.I)
# How far after "before" the end it counts back from may be.
OFFSET_REACH = 100


def offset_end(text: str, expression: TimeExpression, cues: Sequence[Cue], times: Sequence[TimeExpression],
               sentence: Span, common: dict) -> Optional[OffsetEnd]:
    """ "rockets were fired about seven hours before the extension was due to run out at
    midnight": an end stated as time before the window's stated end, or None.

    Only a reported end qualifies (an end cue earlier in the sentence, not planned), and
    only when a time after "before" names the stated end it counts back from.
    """
    before = _BEFORE_AFTER_LENGTH.match(text, expression.span.end)
    if before is None or expression.duration.max is None:
        return None
    ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet and cue.span.end <= expression.span.start]
    if not ending:
        return None
    for anchor in times:
        if anchor.span.start < before.end() or anchor.span.start - before.end() > OFFSET_REACH:
            continue
        if anchor.type not in (TimexType.DATE, TimexType.TIME) or anchor.instant is None:
            continue
        if CLAUSE_BREAK.search(text, before.end(), anchor.span.start):
            break
        planned = any(cue.role == "planned_end" or (cue.role == "end" and cue.not_yet)
                      for cue in cues if before.end() <= cue.span.start < anchor.span.start)
        if not (anchor.role is Role.BOUND or planned or _STATED_END.search(text, before.end(), anchor.span.start)):
            continue
        approximate = _APPROXIMATELY.search(text, max(sentence.start, expression.span.start - 16), expression.span.start)
        start = approximate.start() if approximate else expression.span.start
        span = Span(start, before.end())
        low, high = expression.duration.min, expression.duration.max
        return OffsetEnd(text=span.text_of(text), span=span, low=low, high=high, approximate=bool(approximate),
                         stated_end=anchor.bound.end if anchor.bound is not None else anchor.instant,
                         event=ending[-1].phrase, resumption=ending[-1].resumption,
                         said_by=common["said_by"], said_at=common["said_at"])
    return None


@attrs.frozen(kw_only=True)
class ExtendedBy:
    """An extension stated as a length added to the window's end ("extended by three weeks").

    It becomes an `Observation` that the window ran on to its stated end bound plus that
    length, or, with no bound, to its start plus its one stated length plus that length.
    """

    text: str
    span: Span
    length: DurationRange
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]

    def at(self, window: Window) -> Optional[Observation]:
        try:
            return self._at(window)
        except (OverflowError, ValueError):
            return None  # a length that runs past year 9999 gives no end to compare

    def _at(self, window: Window) -> Optional[Observation]:
        if len(window.bounds) == 1:
            end = window.bounds[0].value
        elif not window.bounds and len(window.starts) == 1 and len(window.durations) == 1:
            stated = window.durations[0].value
            if stated.max is None:
                return None
            start = window.starts[0].value
            end = Instant(stated.min.add_to(start.earliest), stated.max.add_to(start.latest), start.grain)
        else:
            return None
        value = Instant(self.length.min.add_to(end.earliest), self.length.max.add_to(end.latest), end.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=ObservationKind.EXTENDED,
                           event=self.event, said_by=self.said_by, said_at=self.said_at)


def chained(extensions: Sequence[ExtendedBy]) -> list[ExtendedBy]:
    """Successive lengths added by one extension verb add up to one extension.

    "agreed to extend it by 48 hours and later by a further 72 hours": both lengths hang on
    the one verb, so the window ran on 120 hours past its first stated end, and the first
    step (48 hours) is not an end of its own.  Extensions told by different verbs are left
    alone: "extended by a week ... the extension by a week" is one extension told twice as
    often as two.
    """
    totals: dict[int, ExtendedBy] = {}  # where the verb is -> its extension with the lengths so far
    for extension in sorted(extensions, key=lambda e: (e.span.start, e.span.end)):
        total = totals.get(extension.span.start)
        if total is not None and total.length.max is not None and extension.length.max is not None:
            extension = attrs.evolve(extension, length=DurationRange(total.length.min + extension.length.min,
                                                                     total.length.max + extension.length.max))
        totals[extension.span.start] = extension
    return list(totals.values())


# "extended the pause by three weeks", "was extended on Monday for another five days": the
# added length, also after an object that carries a clause of its own ("extend the restrictions
# that shut pubs and restaurants by one week").
_BY_LENGTH = re.compile(r"^(?:[^.;:,]{0,30}?\b(?:that|which)\s+[^.;:,]{0,50}?|[^.;:,]{0,30}?)\b(?:by|for)\s+(?:another\s+|a\s+further\s+|an\s+extra\s+|an\s+additional\s+)?$",
                        re.IGNORECASE)


# "extended the New START nuclear arms treaty for five years": an object that holds the
# window word itself may be a longer name.
_BY_LENGTH_AFTER_WINDOW = re.compile(r"^[^.;:,]{0,60}?\b(?:by|for)\s+(?:another\s+|a\s+further\s+|an\s+extra\s+"
                                     r"|an\s+additional\s+)?$", re.IGNORECASE)
# What may stand between an extension verb and the window word it governs ("extended its").
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|its|their|his|her|our|this|that|a|an)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def extended_by(text: str, expression: TimeExpression, cues: Sequence[Cue], common: dict,
                mentions: Sequence[Span] = ()) -> Optional[ExtendedBy]:
    """ "it was extended by three weeks": an extension stated as a length added to the end.

    The verb's object may be the window under a long name ("extended its moratorium on loan
    repayments by three months"): the added length is then read from the window word on.
    """
    if expression.duration is None or expression.duration.max is None:
        return None
    for cue in cues:
        if cue.role == "extend" and not cue.not_yet and cue.span.end <= expression.span.start:
            gap = text[cue.span.end : expression.span.start]
            names_window = any(cue.span.end <= span.start and span.end <= expression.span.start for span in mentions)
            objects = [span for span in mentions if cue.span.end <= span.start and span.end <= expression.span.start
                       and _OBJECT_GAP.match(text, cue.span.end, span.start)]
            if (_BY_LENGTH.match(gap) or (names_window and _BY_LENGTH_AFTER_WINDOW.match(gap))
                    or any(_BY_LENGTH.match(text[span.end : expression.span.start]) for span in objects)):
                span = Span(cue.span.start, expression.span.end)
                return ExtendedBy(text=span.text_of(text), span=span, length=expression.duration, event=cue.phrase,
                                  said_by=common["said_by"], said_at=common["said_at"])
    return None


def _ending_kind(resumption: bool) -> ObservationKind:
    return ObservationKind.RESUMED if resumption else ObservationKind.ENDED


def _vague_ceiling(least: Duration) -> Duration:
    """The most a vague count of a unit can mean: "minutes" stay under an hour, "hours" under a day."""
    if least.years or least.months:
        return Duration(years=max(1, least.years + 1))
    if least.weeks:
        return Duration(months=2)
    if least.days:
        return Duration(weeks=2)
    if least.hours:
        return Duration(days=1)
    return Duration(hours=1)
