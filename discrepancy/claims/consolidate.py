"""Reducing a window's claims to the distinct statements rules should compare.

News repeats itself: "a 36-hour truce" in the headline and "a period of 36 hours" in the
body are one claim, and "noon on Friday" (Moscow) and "11 a.m. on Friday" (Kyiv) are one
start.  Rules compare every combination of a window's claims, so repeated or merely
restated claims would multiply findings without adding any.  Consolidation keeps:

* durations: one claim per distinct length (the first stated); the length of an
  extension ("a 24-hour extension of the truce") only when the window's own is not stated;
* starts: the stated ones over one inferred from an announcement, and among them the most
  precise; claims of the same moment collapse to the narrowest; "midnight on D" is the
  midnight ending D when the window was announced only after D began;
* bounds: claims of overlapping moments collapse to the narrowest ("midnight on Saturday"
  and "at the end of Saturday, January 7" are one bound); a bound vaguer than a day ("due
  to lapse this week") is too loose to count days to and is left out; a bound at
  "midnight" is the one of its two midnights that an exact start plus the one stated
  length lands on, when it lands on one;
* a bound later than one told as the original plan ("initially set ... until December
  13") is an extension: the window now runs to it;
* observations: the first observed end (a window ends once), and the latest extension
  (of extensions to overlapping moments, "to mid-September" and "until September 13",
  the narrowest), unless the observed end falls within it and is narrower ("ran on into
  Monday ... restored at 4 a.m. on Monday" is one end), or the window's own end came after
  it ("extended by eight weeks in March ... suspended in October": the end tells the length);
  "would remain in force until" the very end the start and the one stated length give is
  the plan restated, so it is a bound, not an extension;
* a window with a length told after the fact ("had lasted 76 days") and no stated end
  bound: its observed end is where its lengths are measured to, so it serves as their
  end bound.  The text tells the window as completed, not as a plan an observed end
  broke; when its lengths disagree with the dates, the statements disagree.

Claims that really disagree stay apart, so rules still see contradictions between them.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Sequence, TypeVar

import attrs

from ..temporal.values import Grain, Instant, to_utc
from .model import EndBound, Observation, ObservationKind, StatedDuration, StatedStart, Window

Claim = TypeVar("Claim", EndBound, StatedStart, Observation)


def consolidate(window: Window) -> Window:
    """The window with its claims reduced as the module docstring says; idempotent."""
    starts = _best_starts(window.starts)
    if len(starts) == 1 and window.announced is not None:
        starts = (_not_before_announcement(starts[0], window.announced.value),)
    observations = window.observations
    if len(starts) == 1:
        observations = _after_start(observations, starts[0].value)
    bounds = _narrowest_per_moment([claim for claim in window.bounds if claim.value.grain.rank <= Grain.DAY.rank])
    bounds, observations = _later_than_original(bounds, observations)
    durations = _distinct_durations([claim for claim in window.durations if not claim.extension] or window.durations)
    if len(starts) == 1 and len(durations) == 1:
        bounds = tuple(_midnight_the_length_gives(bound, starts[0].value, durations[0]) for bound in bounds)
    if not bounds and len(starts) == 1 and len(durations) == 1:
        bounds, observations = _plan_restated(observations, starts[0].value, durations[0])
    observations = _decisive_observations(observations)
    if any(claim.reported for claim in window.durations) and not bounds:
        bounds, observations = _reported_end_as_bound(observations)
    return attrs.evolve(
        window,
        durations=durations,
        starts=starts,
        bounds=bounds,
        observations=observations,
    )


# Extension cues that only say the window goes on ("would remain in force until April 3").
_STAYING = ("remain", "stay")


def _plan_restated(observations: Sequence[Observation], start: Instant,
                   duration: StatedDuration) -> tuple[tuple[EndBound, ...], tuple[Observation, ...]]:
    """ "The 14-day lockdown imposed on March 20 would remain in force until April 3": the plan.

    A window said to stay in force until the very end its start and length give is not
    extended; that end is its bound.  Staying on past that end ("guidelines issued March 16
    as 15 days ... would remain in place until April 30") is an extension and stays one.
    """
    length = duration.value
    if length.max is None:
        return (), tuple(observations)
    try:
        planned = Instant(length.min.add_to(start.earliest), length.max.add_to(start.latest), start.grain)
    except (OverflowError, ValueError):
        return (), tuple(observations)  # a length that runs past year 9999 plans nothing to compare
    for observation in observations:
        if (observation.kind is ObservationKind.EXTENDED and observation.event.startswith(_STAYING)
                and observation.value.overlaps(planned)):
            bound = EndBound(text=observation.text, span=observation.span, value=observation.value,
                             cue=observation.event, said_by=observation.said_by, said_at=observation.said_at)
            return (bound,), tuple(o for o in observations if o is not observation)
    return (), tuple(observations)


def _later_than_original(bounds: Sequence[EndBound], observations: Sequence[Observation]
                         ) -> tuple[tuple[EndBound, ...], tuple[Observation, ...]]:
    """ "Initially set for two weeks, until December 13" and "will keep it closed until January
    14": the bound after the one told as the original plan is where the window now runs to.
    """
    originals = [bound for bound in bounds if bound.original]
    if not originals:
        return tuple(bounds), tuple(observations)
    last_planned = max(to_utc(bound.value.latest) for bound in originals)
    later = [bound for bound in bounds if not bound.original and to_utc(bound.value.earliest) >= last_planned]
    extended = tuple(Observation(text=bound.text, span=bound.span, value=bound.value, kind=ObservationKind.EXTENDED,
                                 event=bound.cue, said_by=bound.said_by, said_at=bound.said_at) for bound in later)
    return tuple(bound for bound in bounds if bound not in later), tuple(observations) + extended


def _reported_end_as_bound(observations: Sequence[Observation]) -> tuple[tuple[EndBound, ...], tuple[Observation, ...]]:
    """The observed end (not an extension, not one stated as time since the start) as a bound."""
    ends = [o for o in observations if o.kind is ObservationKind.ENDED and o.elapsed is None]
    if not ends:
        return (), tuple(observations)
    end = ends[0]
    bound = EndBound(text=end.text, span=end.span, value=end.value, cue=end.event,
                     said_by=end.said_by, said_at=end.said_at)
    return (bound,), tuple(o for o in observations if o is not end)


def _midnight_pair(instant: Instant) -> bool:
    """Whether a clock time is "midnight on D": the start or the end of D, nothing between."""
    first, last = instant.earliest, instant.latest
    return (instant.grain.rank < Grain.DAY.rank and first != last
            and first.time() == last.time() == time(0) and last.date() - first.date() == timedelta(days=1))


def _not_before_announcement(start: StatedStart, announced: Instant) -> StatedStart:
    """ "announced late on Monday, in force from midnight on Monday": the midnight that ends Monday.

    Of the two midnights "midnight on D" may be, one before the window was even announced
    is not an honest reading of when it began.
    """
    if _midnight_pair(start.value) and to_utc(announced.earliest) > to_utc(start.value.earliest):
        return attrs.evolve(start, value=Instant.exact(start.value.latest, start.value.grain))
    return start


def _midnight_the_length_gives(bound: EndBound, start: Instant, duration: StatedDuration) -> EndBound:
    """ "a 24-hour extension from midnight (Tuesday 00:00) until midnight on Tuesday": the later one.

    When the start is exact and the stated length lands on one of the two midnights a bound
    may be, the other midnight would contradict the text for no reason; a length that lands
    on neither leaves the bound as it is, so rules still see the disagreement.
    """
    length = duration.value
    if not (_midnight_pair(bound.value) and start.is_exact and length.max is not None and length.min == length.max):
        return bound
    end = length.min.add_to(start.earliest)
    for reading in (bound.value.earliest, bound.value.latest):
        if to_utc(reading) == to_utc(end):
            return attrs.evolve(bound, value=Instant.exact(reading, bound.value.grain))
    return bound


def _after_start(observations: Sequence[Observation], start: Instant) -> tuple[Observation, ...]:
    """Observations as they can be: an end cannot come before the window began.

    An event wholly before the start (shelling the morning before a truce began) did not
    end the window and is dropped; one whose range straddles the start ("collapsed on
    Friday" for a truce that began at 8 a.m. on Friday) is narrowed to after it.
    """
    kept: list[Observation] = []
    for claim in observations:
        value = claim.value
        if to_utc(value.latest) <= to_utc(start.earliest):
            continue
        if to_utc(value.earliest) < to_utc(start.earliest):
            value = Instant(start.earliest.astimezone(value.zone), value.latest, value.grain)
            claim = attrs.evolve(claim, value=value)
        kept.append(claim)
    return tuple(kept)


def _distinct_durations(durations: Sequence[StatedDuration]) -> tuple[StatedDuration, ...]:
    kept: list[StatedDuration] = []
    for claim in durations:
        if not any(_same_length(claim, other) for other in kept):
            kept.append(claim)
    return tuple(kept)


def _same_length(one: StatedDuration, other: StatedDuration) -> bool:
    return one.value.min.nominal() == other.value.min.nominal() and (
        (one.value.max is None and other.value.max is None)
        or (one.value.max is not None and other.value.max is not None
            and one.value.max.nominal() == other.value.max.nominal())
    )


# Cues that say the window itself began, as opposed to a document being signed or issued.
EFFECT_CUES = frozenset({
    "took effect", "take effect", "takes effect", "taking effect", "went into effect", "came into force",
    "come into force", "entered into force", "in force from", "began", "begin", "begins", "started",
    "starting", "start", "from", "effective",
})


def _best_starts(starts: Sequence[StatedStart]) -> tuple[StatedStart, ...]:
    """The start claims rules should use: stated over inferred, in effect over signed, most precise."""
    stated = [claim for claim in starts if not claim.inferred] or list(starts)
    in_effect = [claim for claim in stated if claim.cue in EFFECT_CUES or not claim.cue]
    stated = in_effect or stated
    if not stated:
        return ()
    finest = min(claim.value.grain.rank for claim in stated)
    return _narrowest_per_moment([claim for claim in stated if claim.value.grain.rank == finest])


def _narrowest_per_moment(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """One claim per group of claims whose instants overlap: the narrowest of the group."""
    kept: list[Claim] = []
    for claim in claims:
        for index, other in enumerate(kept):
            if claim.value.overlaps(other.value):
                if _width(claim.value) < _width(other.value):
                    kept[index] = claim
                break
        else:
            kept.append(claim)
    return tuple(sorted(kept, key=lambda c: (c.span.start, c.span.end)))


def _width(instant: Instant):
    return to_utc(instant.latest) - to_utc(instant.earliest)


def _decisive_observations(observations: Sequence[Observation]) -> tuple[Observation, ...]:
    # "Collapsed on Friday" and "fighting broke out at 9:30 a.m." are one end, told twice.
    ended = _narrowest_per_moment([o for o in observations if o.kind is not ObservationKind.EXTENDED])
    # "Extended to mid-September" and "until September 13" are one new end, told twice.
    extended = _narrowest_per_moment([o for o in observations if o.kind is ObservationKind.EXTENDED])
    kept: list[Observation] = []
    if ended:
        kept.append(min(ended, key=lambda o: (to_utc(o.value.earliest), to_utc(o.value.latest))))
        # "Ran on into Monday: services were restored at 4 a.m. on Monday": the end tells
        # exactly when the longer run stopped, so the extension to that moment adds nothing;
        # nor does one to the very moment the end names ("extended by 48 and then 72 hours
        # ... declared it over at 7 p.m.").
        extended = [o for o in extended if not (o.value.overlaps(kept[0].value)
                                                 and _width(kept[0].value) <= _width(o.value))]
        if kept[0].kind is ObservationKind.ENDED:
            # "Extended by eight weeks in March ... suspended the strike in October": the
            # window ran on past that extension to its own end, which tells how long it lasted.
            extended = [o for o in extended if to_utc(o.value.latest) > to_utc(kept[0].value.earliest)]
    if extended:
        kept.append(max(extended, key=lambda o: (to_utc(o.value.latest), to_utc(o.value.earliest))))
    return tuple(sorted(kept, key=lambda c: (c.span.start, c.span.end)))
