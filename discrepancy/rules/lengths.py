"""Uncertain lengths as the rule language compares them.

A length in a rule is one of three things, and each is honest about what it does not know:

- a stated calendar duration (`DurationRange`), which has no fixed real length until it is
  anchored at a start: a month is 28 to 31 days, a year 365 or 366;
- a real elapsed range (`ElapsedRange`), the result of ``instant - instant``;
- a `DayCount`, a length counted in whole calendar dates, for endpoints stated only to the
  day ("from Thursday until February 1").  People count such windows inclusively or not
  ("the 43-day shutdown" from October 1 to November 12 is 42 date steps), so a day count of
  ``[a, b]`` agrees with any stated length from ``a`` to ``b + 1`` days.

`bounds` turns any of them into the ``(shortest, longest)`` real lengths it admits, which is
all the comparisons need.  `counted` and `anchored` are the two ways to turn instants and
durations into lengths; they are exposed to rules as the functions ``counted`` and
``length``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Optional, Union

import attrs

from ..temporal.values import Duration, DurationRange, ElapsedRange, Grain, Instant

FOREVER = timedelta.max
"""The longest a length with no upper limit ("more than a week") may be."""

CLOCK_LEVEL = frozenset({Grain.SECOND, Grain.MINUTE, Grain.HOUR})
"""Grains of an instant stated to the clock ("12:01 a.m.", "9 p.m."), not to a part of the day."""

DATE_LEVEL = frozenset({Grain.DAY, Grain.WEEK, Grain.MONTH, Grain.QUARTER, Grain.SEASON,
                        Grain.HALF_YEAR, Grain.YEAR, Grain.DECADE, Grain.CENTURY})


@attrs.frozen
class DayCount:
    """A length counted in whole calendar dates: between ``min_days`` and ``max_days`` steps."""

    min_days: int
    max_days: int

    def __attrs_post_init__(self) -> None:
        if self.max_days < self.min_days:
            raise ValueError(f"day count max {self.max_days} below min {self.min_days}")

    def as_elapsed(self) -> ElapsedRange:
        """The date steps as a real range, without the inclusive extra day (for reports)."""
        return ElapsedRange(timedelta(days=self.min_days), timedelta(days=self.max_days))


Length = Union[DurationRange, ElapsedRange, DayCount]


def _shortest(duration: Duration) -> timedelta:
    days = duration.years * 365 + duration.months * 28 + duration.weeks * 7 + duration.days
    return timedelta(days=days) + duration.clock_part


def _longest(duration: Duration) -> timedelta:
    days = duration.years * 366 + duration.months * 31 + duration.weeks * 7 + duration.days
    return timedelta(days=days) + duration.clock_part


def bounds(length: Length) -> tuple[timedelta, timedelta]:
    """The shortest and longest real length ``length`` admits, as comparisons see it."""
    if isinstance(length, ElapsedRange):
        return length.min, length.max
    if isinstance(length, DayCount):
        return timedelta(days=length.min_days), timedelta(days=length.max_days + 1)
    if isinstance(length, DurationRange):
        longest = FOREVER if length.max is None else _longest(length.max)
        return _shortest(length.min), longest
    if isinstance(length, timedelta):
        return length, length
    raise TypeError(f"not a length: {length!r}")


def reported(length: Length) -> tuple[timedelta, timedelta]:
    """The ``(min, max)`` a finding reports: day counts without the inclusive extra day."""
    if isinstance(length, DayCount):
        elapsed = length.as_elapsed()
        return elapsed.min, elapsed.max
    return bounds(length)


def anchored(duration: DurationRange, start: Instant) -> ElapsedRange:
    """The real length of a stated duration that starts at ``start`` (months become exact).

    A duration that runs past year 9999 from its start ("a 9000-year truce") has no
    calendar to be counted on; it gets the honest bounds of any start instead.
    """
    try:
        return duration.elapsed_from_instant(start)
    except (OverflowError, ValueError):  # datetime overflows; dateutil says "year 11026 is out of range"
        return unanchored(duration)


def unanchored(duration: DurationRange) -> ElapsedRange:
    """The real length of a stated duration over every possible start: a month is 28 to 31
    days, a year 365 to 366, and lengths past what `timedelta` holds are `FOREVER`."""

    def length(amount: Duration, month_days: int, year_days: int) -> timedelta:
        try:
            return timedelta(days=amount.years * year_days + amount.months * month_days + amount.weeks * 7
                             + amount.days) + amount.clock_part
        except OverflowError:
            return FOREVER

    low = length(duration.min, 28, 365)
    high = FOREVER if duration.max is None else length(duration.max, 31, 366)
    return ElapsedRange(low, max(low, high))


def is_date_level(instant: Instant) -> bool:
    return instant.grain in DATE_LEVEL


def _occurrence_dates(instant: Instant) -> tuple[date, date]:
    """First and last calendar date on which an event at ``instant`` may have happened."""
    # Not ``instant.days()``: a century-long instant ("the 20th century") would list 36,500 days.
    return instant.first_day, instant.last_day


def _boundary_dates(instant: Instant) -> tuple[date, date]:
    """First and last date whose start the boundary ``instant`` may be.

    "until February 1" stops when February 1 begins or when it ends, i.e. at the start of
    February 1 or of February 2; a range of midnights names every date in between.
    """
    return instant.earliest.date(), instant.latest.date()


def counted(start: Instant, end: Instant, end_is_boundary: bool = False) -> Union[ElapsedRange, DayCount]:
    """The length from ``start`` to ``end`` as people count it.

    When the end is stated to the clock the length is real elapsed time (in UTC, so a
    spring-forward night is an hour short): exact when the start is too, a range over the
    start's day when it is stated only to the day.  When either end is stated only to the
    day (or the end only to a part of it, "overnight Monday"),
    the length is counted in calendar dates, each end contributing every date it may fall
    on (and, as people count, perhaps the end date itself); an end that is a *boundary* (an
    end bound's value) contributes the dates it may start, unless it is pinned to one
    midnight ("through July 17") after a start stated to the clock: then it is a moment
    and the length real time.
    """
    if not is_date_level(start) and not is_date_level(end):
        return end - start
    if end.grain in CLOCK_LEVEL:
        # An end stated to the clock ("expires at 12:01 a.m. on March 4") leaves no question of
        # whether its last date counts: the length is the real time to it from every moment
        # the start may be, although the start is known only to the day.
        return end - start
    if end_is_boundary and end.earliest == end.latest and start.grain in CLOCK_LEVEL:
        # "From one minute before midnight on Friday, July 10, through Friday, July 17": a bound
        # pinned to one midnight is a moment, and from a start stated to the clock the length
        # to it is real time (seven days and a minute), not a count of dates the start only
        # touched.
        return end - start
    start_first, start_last = _occurrence_dates(start)
    end_first, end_last = _boundary_dates(end) if end_is_boundary else _occurrence_dates(end)
    return DayCount((end_first - start_last).days, (end_last - start_first).days)


def not_negative(length: Union[ElapsedRange, DayCount]) -> Union[ElapsedRange, DayCount]:
    """A length whose shortest reading would end before it starts, from zero instead.

    Readings in which the end comes before the start are not honest readings of a window
    ("midnight" read as the one before a 6 a.m. start), so they are left out of the range.
    """
    if isinstance(length, DayCount):
        return length if length.min_days >= 0 else DayCount(0, max(0, length.max_days))
    if length.min >= timedelta(0):
        return length
    return ElapsedRange(timedelta(0), max(timedelta(0), length.max))


def plus(moment: timedelta, amount: timedelta) -> timedelta:
    """``moment + amount``, saturating at `FOREVER` rather than overflowing."""
    if moment == FOREVER or amount == FOREVER:
        return FOREVER
    try:
        return moment + amount
    except OverflowError:
        return FOREVER if amount > timedelta(0) else timedelta.min


def shorter(a: Length, b: Length, tolerance: Optional[Length] = None) -> bool:
    """``a`` is shorter than ``b`` by more than ``tolerance`` over their whole ranges."""
    _, a_longest = bounds(a)
    b_shortest, _ = bounds(b)
    slack = bounds(tolerance)[1] if tolerance is not None else timedelta(0)
    return a_longest != FOREVER and plus(a_longest, slack) < b_shortest


def longer(a: Length, b: Length, tolerance: Optional[Length] = None) -> bool:
    return shorter(b, a, tolerance)


def differs(a: Length, b: Length, tolerance: Optional[Length] = None) -> bool:
    return shorter(a, b, tolerance) or longer(a, b, tolerance)


def matches(a: Length, b: Length, within: Optional[Length] = None) -> bool:
    """Some length ``a`` admits lies within ``within`` of some length ``b`` admits."""
    a_low, a_high = bounds(a)
    b_low, b_high = bounds(b)
    slack = bounds(within)[1] if within is not None else timedelta(0)
    return a_low <= plus(b_high, slack) and b_low <= plus(a_high, slack)
