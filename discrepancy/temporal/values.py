"""Value types for time as people state it: uncertain instants, calendar durations, intervals, spans.

Every value that crosses a layer of `discrepancy` is one of these frozen ``attrs`` classes.
They carry their uncertainty honestly: an instant is a range ``[earliest, latest]`` of the
moments it may be, a vague duration is a range ``[min, max]`` of calendar durations, and
arithmetic on ranges gives ranges.

Calendar arithmetic is delegated to python-dateutil (``relativedelta``: one month after
January 31 is February 28/29) and zoneinfo (DST), never hand-rolled.  Elapsed time is
always measured in UTC, so "48 hours" and "two days" differ by exactly the DST shift when a
clock change lies between them.

This module deliberately knows nothing of text, TIMEX3 strings (see `timex`) or claims.
"""

from __future__ import annotations

import enum
import math
import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from fractions import Fraction
from functools import total_ordering
from typing import Any, Callable, Hashable, Optional

import attrs
from dateutil.relativedelta import relativedelta

from ..errors import ValueFormatError

UTC = timezone.utc


def _require_aware(instance, attribute, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{attribute.name} must be time-zone aware, got {value!r}")


def to_utc(moment: datetime) -> datetime:
    """The same moment in UTC; aware datetimes in one zone subtract by wall clock otherwise."""
    return moment.astimezone(UTC)


def elapsed(start: datetime, end: datetime) -> timedelta:
    """Real time from ``start`` to ``end``, correct across DST changes and zones."""
    return to_utc(end) - to_utc(start)


class ZoneMemo:
    """A bounded memo of a pure step that takes a value and a zone (a wall time's instant, a
    day's range, a parsed TIMEX3 value).

    Zone conversions dominate such steps, and a text names the same few days over and over.
    Keys hold the zone's identity, not its equality: two zones that compare equal (fixed
    offsets with different names) still give datetimes that print differently.  An identity
    may be reused once its zone is gone, so an entry counts only while the result still holds
    that very zone (``zone_of``; a result that holds no zone, such as a duration, always
    counts).  When full, the memo is emptied and starts again.
    """

    __slots__ = ("_entries", "_zone_of", "_limit")

    def __init__(self, zone_of: Callable[[Any], Optional[tzinfo]], limit: int = 4096) -> None:
        self._entries: dict[tuple[Hashable, int], Any] = {}
        self._zone_of = zone_of
        self._limit = limit

    def get(self, key: Hashable, zone: tzinfo) -> Any:
        """The remembered result for ``key`` in ``zone``, or None."""
        cached = self._entries.get((key, id(zone)))
        if cached is not None:
            held = self._zone_of(cached)
            if held is None or held is zone:
                return cached
        return None

    def put(self, key: Hashable, zone: tzinfo, result: Any) -> Any:
        """Remember ``result`` for ``key`` in ``zone``; returns it."""
        if len(self._entries) >= self._limit:
            self._entries.clear()
        self._entries[(key, id(zone))] = result
        return result


_LOCALIZED = ZoneMemo(lambda aware: aware.tzinfo)


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """Attach ``zone`` to a naive wall-clock time.

    A wall time that does not exist (skipped by a spring-forward change) is moved forward
    by the gap, as clocks are; an ambiguous one (repeated by a fall-back change) takes its
    first occurrence.  Both are what a person reading "02:30" on such a night would assume.
    Pure, so remembered (bounded) per wall time and zone.
    """
    if wall.tzinfo is not None:
        return _localize(wall, zone)  # aware datetimes compare by instant, not by wall time
    cached = _LOCALIZED.get(wall, zone)
    return cached if cached is not None else _LOCALIZED.put(wall, zone, _localize(wall, zone))


def _localize(wall: datetime, zone: tzinfo) -> datetime:
    aware = wall.replace(tzinfo=zone, fold=0)
    round_trip = to_utc(aware).astimezone(zone)
    if round_trip.replace(tzinfo=None) != wall:
        # Non-existent local time: the UTC round trip lands after the gap.
        return round_trip
    return aware


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """The first moment of ``day`` in ``zone`` (not always 00:00 where DST starts at midnight)."""
    return localize(datetime.combine(day, time()), zone)


@total_ordering
class Grain(enum.Enum):
    """The precision at which a time was stated, finest first.

    Grains are totally ordered by fineness (``Grain.DAY < Grain.MONTH``); ``total_ordering``
    supplies ``<=``, ``>`` and ``>=``, which an ``Enum`` would otherwise refuse.
    """

    SECOND = "second"
    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    HALF_YEAR = "half_year"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"

    @property
    def rank(self) -> int:
        return _GRAIN_ORDER[self]

    def __lt__(self, other: "Grain") -> bool:
        return self.rank < other.rank


_GRAIN_ORDER = {grain: index for index, grain in enumerate(Grain)}
_DAY_RANGES = ZoneMemo(lambda instant: instant.earliest.tzinfo)


@attrs.frozen(order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into the source text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()

    @end.validator
    def _end_after_start(self, attribute, value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} before start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def text_of(self, source: str) -> str:
        return source[self.start : self.end]

    def cover(self, other: "Span") -> "Span":
        """The smallest span holding both."""
        return Span(min(self.start, other.start), max(self.end, other.end))

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)


@attrs.frozen
class Instant:
    """A moment known only to lie within ``[earliest, latest]``, stated at some grain.

    A clock time ("11 p.m.") is exact: ``earliest == latest``.  A day ("Thursday") is the
    range of its moments, from its first moment to the first moment of the next day, so
    that a day is exactly as long as it really is (23 or 25 hours on DST days).  A vaguer
    statement ("overnight Monday", "early 2025") is simply a wider range.
    """

    earliest: datetime = attrs.field(validator=_require_aware)
    latest: datetime = attrs.field(validator=_require_aware)
    grain: Grain = Grain.MINUTE

    def __attrs_post_init__(self) -> None:
        if to_utc(self.latest) < to_utc(self.earliest):
            raise ValueError(f"latest {self.latest.isoformat()} before earliest {self.earliest.isoformat()}")

    @classmethod
    def exact(cls, moment: datetime, grain: Grain = Grain.MINUTE) -> "Instant":
        return cls(moment, moment, grain)

    @classmethod
    def of_day(cls, day: date, zone: tzinfo) -> "Instant":
        """Any moment of the calendar ``day`` in ``zone``."""
        return cls.of_days(day, day, zone, Grain.DAY)

    @classmethod
    def of_days(cls, first: date, last: date, zone: tzinfo, grain: Grain = Grain.DAY) -> "Instant":
        """Any moment from the start of ``first`` to the end of ``last`` (inclusive days).

        Instants are frozen, so the same range is built once and shared (bounded cache,
        keyed like `localize` on the zone's identity).
        """
        key = (first, last, grain)
        cached = _DAY_RANGES.get(key, zone) if cls is Instant else None
        if cached is not None:
            return cached
        instant = cls(start_of_day(first, zone), start_of_day(last + timedelta(days=1), zone), grain)
        return _DAY_RANGES.put(key, zone, instant) if cls is Instant else instant

    @classmethod
    def day_boundary(cls, day: date, zone: tzinfo) -> "Instant":
        """Exactly the midnight that starts ``day``: a boundary, as "through Friday" ends at."""
        moment = start_of_day(day, zone)
        return cls(moment, moment, Grain.DAY)

    @property
    def zone(self) -> tzinfo:
        return self.earliest.tzinfo  # type: ignore[return-value]

    @property
    def is_exact(self) -> bool:
        return to_utc(self.earliest) == to_utc(self.latest)

    @property
    def width(self) -> timedelta:
        return elapsed(self.earliest, self.latest)

    @property
    def first_day(self) -> date:
        return self.earliest.date()

    @property
    def last_day(self) -> date:
        """The last calendar day this instant may fall on (a day's end boundary is excluded).

        The end boundary is the first moment of ``latest``'s day, which is not always 00:00:
        where DST starts at midnight (America/Havana, Asia/Beirut) a day begins at 01:00, and
        comparing with 00:00 would count the day after the range as one of its days.  The day
        before is the local date of the moment just before that boundary, not the calendar's
        previous date: Pacific/Kiritimati skipped 31 December 1994 altogether.
        """
        end_day = self.latest.date()
        if self.is_exact or to_utc(self.latest) != to_utc(start_of_day(end_day, self.latest.tzinfo)):
            return end_day
        return (to_utc(self.latest) - timedelta(microseconds=1)).astimezone(self.latest.tzinfo).date()

    def days(self) -> tuple[date, ...]:
        """Every calendar day, in this instant's zone, on which it may fall."""
        first, last = self.first_day, self.last_day
        return tuple(first + timedelta(days=n) for n in range((last - first).days + 1))

    def in_zone(self, zone: tzinfo) -> "Instant":
        return Instant(self.earliest.astimezone(zone), self.latest.astimezone(zone), self.grain)

    def shift(self, duration: "Duration") -> "Instant":
        """Both ends moved by a calendar duration (forward; use ``-duration`` to go back).

        A range of days moves its first and last days (the end boundary is not a day of it).
        At coarser grains the ends are day boundaries and stay day boundaries: a
        day's first moment moves to the first moment of the day ``duration`` later.  Moving
        its wall time instead went wrong where a day begins after 00:00 (DST at midnight in
        America/Havana; Asia/Kathmandu moving to +5:45): the day before such a day ends at
        01:00, and a day after that is 01:00 of a day that begins at 00:00.
        """
        if self.grain is Grain.DAY and not self.is_exact and not duration.clock_part:
            # Days move day by day: "a month after February 28" is March 28, whereas moving
            # the day's end (March 1) would give April 1 and a range of four days.
            return Instant(
                _shift_boundary(self.earliest, duration),
                start_of_day(_shift_date(self.last_day, duration) + timedelta(days=1), self.latest.tzinfo),
                self.grain,
            )
        if self.grain >= Grain.DAY and not duration.clock_part:
            return Instant(_shift_boundary(self.earliest, duration), _shift_boundary(self.latest, duration), self.grain)
        return Instant(duration.add_to(self.earliest), duration.add_to(self.latest), self.grain)

    def union(self, other: "Instant") -> "Instant":
        """The smallest instant range holding both (the coarser grain wins)."""
        earliest = min(self.earliest, other.earliest, key=to_utc)
        latest = max(self.latest, other.latest, key=to_utc)
        grain = max(self.grain, other.grain, key=lambda g: g.rank)
        return Instant(earliest, latest.astimezone(earliest.tzinfo), grain)

    def overlaps(self, other: "Instant") -> bool:
        return to_utc(self.earliest) <= to_utc(other.latest) and to_utc(other.earliest) <= to_utc(self.latest)

    def surely_before(self, other: "Instant") -> bool:
        return to_utc(self.latest) < to_utc(other.earliest)

    def __sub__(self, other: "Instant") -> "ElapsedRange":
        """The range of real time from ``other`` to ``self``: a range minus a range."""
        if not isinstance(other, Instant):
            return NotImplemented
        return ElapsedRange(elapsed(other.latest, self.earliest), elapsed(other.earliest, self.latest))

    def __str__(self) -> str:
        if self.is_exact:
            return self.earliest.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


def _shift_boundary(moment: datetime, duration: "Duration") -> datetime:
    """``moment`` moved by a calendar ``duration``, keeping a day's first moment a first moment."""
    zone = moment.tzinfo
    day = moment.date()
    if to_utc(moment) != to_utc(start_of_day(day, zone)):
        return duration.add_to(moment)
    return start_of_day(_shift_date(day, duration), zone)


def _shift_date(day: date, duration: "Duration") -> date:
    return (datetime.combine(day, time()) + duration.calendar_part).date()


@attrs.frozen
class ElapsedRange:
    """A range ``[min, max]`` of real elapsed time, the result of instant arithmetic.

    Ordering compares ranges only where the comparison holds across both whole ranges;
    ``<`` means "certainly shorter".
    """

    min: timedelta
    max: timedelta

    def __attrs_post_init__(self) -> None:
        if self.max < self.min:
            raise ValueError(f"elapsed range max {self.max} below min {self.min}")

    @classmethod
    def exact(cls, length: timedelta) -> "ElapsedRange":
        return cls(length, length)

    @property
    def is_exact(self) -> bool:
        return self.min == self.max

    def __add__(self, other: "ElapsedRange") -> "ElapsedRange":
        return ElapsedRange(self.min + other.min, self.max + other.max)

    def __sub__(self, other: "ElapsedRange") -> "ElapsedRange":
        return ElapsedRange(self.min - other.max, self.max - other.min)

    def contains(self, length: timedelta, slack: timedelta = timedelta(0)) -> bool:
        return self.min - slack <= length <= self.max + slack

    def overlaps(self, other: "ElapsedRange", slack: timedelta = timedelta(0)) -> bool:
        return self.min - slack <= other.max and other.min - slack <= self.max

    # Each comparison is spelled out: ``functools.total_ordering`` would derive ``>`` as
    # "neither < nor ==", so two overlapping ranges were each "greater" than the other.
    def __lt__(self, other: "ElapsedRange") -> bool:
        return self.max < other.min

    def __gt__(self, other: "ElapsedRange") -> bool:
        return self.min > other.max

    def __le__(self, other: "ElapsedRange") -> bool:
        return self < other or self == other

    def __ge__(self, other: "ElapsedRange") -> bool:
        return self > other or self == other

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ElapsedRange):
            return NotImplemented
        return self.min == other.min and self.max == other.max

    def __hash__(self) -> int:
        return hash((self.min, self.max))

    def __str__(self) -> str:
        low, high = format_timedelta(self.min), format_timedelta(self.max)
        return low if low == high else f"{low}..{high}"


def format_timedelta(length: timedelta) -> str:
    """An ISO 8601 duration for a real length: whole days as ``PnD``, the rest in hours and minutes."""
    sign = "-" if length < timedelta(0) else ""
    total = abs(int(length.total_seconds()))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if not (hours or minutes or seconds):
        return f"{sign}P{days}D"
    text = f"{sign}P{days}D" if days else f"{sign}P"
    text += "T"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds:
        text += f"{seconds}S"
    return text


_ISO_DURATION = re.compile(
    r"^(?P<sign>-)?P(?!$)"
    r"(?:(?P<years>\d+(?:\.\d+)?)Y)?(?:(?P<months>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?=\d)(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?$"
)

_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")
# How a fraction of a unit is carried down into whole smaller units ("1.5 years" = 18 months).
_FRACTION_CARRY = {"years": ("months", 12), "weeks": ("days", 7), "days": ("hours", 24),
                   "hours": ("minutes", 60), "minutes": ("seconds", 60)}


@attrs.frozen
class Duration:
    """An exact calendar duration.

    Years, months, weeks and days are calendar units: they move the wall clock by whole
    calendar steps (one month after January 31 is the last day of February; a day across a
    DST change is 23 or 25 real hours).  Hours, minutes and seconds are real elapsed time.
    Components may be negative only all together (see ``__neg__``).
    """

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: int = 0

    @classmethod
    def of(cls, amount: float, unit: str) -> "Duration":
        """``Duration.of(1.5, "years")`` == 18 months; fractions carry down to smaller units."""
        if unit not in _UNITS:
            raise ValueError(f"unknown duration unit {unit!r}")
        whole = int(amount)
        fraction = amount - whole
        parts = {unit: whole}
        while fraction and unit in _FRACTION_CARRY:
            unit, factor = _FRACTION_CARRY[unit]
            carried = fraction * factor
            whole = int(round(carried, 6))
            parts[unit] = parts.get(unit, 0) + whole
            fraction = round(carried - whole, 6)
        if fraction:
            raise ValueError(f"{amount} {unit} is not a whole number of any unit")
        return cls(**parts)

    @classmethod
    def from_iso(cls, text: str) -> "Duration":
        match = _ISO_DURATION.match(text.strip())
        if not match:
            raise ValueFormatError(f"not an ISO 8601 duration: {text!r}")
        result = cls()
        for unit in _UNITS:
            amount = match.group(unit)
            if amount is not None:
                try:
                    result = result + cls.of(float(amount) if "." in amount else int(amount), unit)
                except ValueError as error:
                    # "P1.5M" or "PT0.5S": a fraction no smaller unit can hold exactly.  A
                    # bad string is the caller's error, so it is a ValueFormatError.
                    raise ValueFormatError(f"not an exact ISO 8601 duration: {text!r} ({error})") from None
        return -result if match.group("sign") else result

    def to_iso(self) -> str:
        """ISO 8601: ``P7D``, ``P1W``, ``PT48H``, ``P1Y6M``; weeks fold into days when mixed.

        A negative duration is written with a leading ``-``.  ISO 8601 has no form for mixed
        signs ("a month less a day"), so those raise ``ValueError`` (negating them would only
        swap which components are negative, and used to recurse forever).
        """
        values = attrs.astuple(self)
        if any(value < 0 for value in values):
            if any(value > 0 for value in values):
                raise ValueError(f"ISO 8601 cannot write a duration with mixed signs: {self!r}")
            return "-" + (-self).to_iso()
        weeks, days = self.weeks, self.days
        date_part_mixed = self.years or self.months or self.days or self.hours or self.minutes or self.seconds
        if weeks and date_part_mixed:
            weeks, days = 0, days + 7 * weeks
        text = "P"
        for amount, letter in ((self.years, "Y"), (self.months, "M"), (weeks, "W"), (days, "D")):
            if amount:
                text += f"{amount}{letter}"
        clock = ""
        for amount, letter in ((self.hours, "H"), (self.minutes, "M"), (self.seconds, "S")):
            if amount:
                clock += f"{amount}{letter}"
        if clock:
            text += "T" + clock
        return text if text != "P" else "P0D"

    def __str__(self) -> str:
        try:
            return self.to_iso()
        except ValueError:
            return repr(self)

    @property
    def calendar_part(self) -> relativedelta:
        return relativedelta(years=self.years, months=self.months, weeks=self.weeks, days=self.days)

    @property
    def clock_part(self) -> timedelta:
        return timedelta(hours=self.hours, minutes=self.minutes, seconds=self.seconds)

    @property
    def is_zero(self) -> bool:
        return not any(attrs.astuple(self))

    def add_to(self, moment: datetime) -> datetime:
        """``moment`` moved by this duration: calendar units on the wall clock, clock units in real time."""
        if moment.tzinfo is None:
            return moment + self.calendar_part + self.clock_part
        zone = moment.tzinfo
        wall = moment.replace(tzinfo=None) + self.calendar_part
        shifted = localize(wall, zone) if self.calendar_part else moment
        return (to_utc(shifted) + self.clock_part).astimezone(zone)

    def subtract_from(self, moment: datetime) -> datetime:
        return (-self).add_to(moment)

    def elapsed_from(self, moment: datetime) -> timedelta:
        """How much real time this duration spans when it starts at ``moment``."""
        return elapsed(moment, self.add_to(moment))

    def elapsed_from_instant(self, start: Instant) -> ElapsedRange:
        """Real length of this duration over every possible start in ``start``'s range.

        The length is not monotonic in the start, so the two ends of the range do not bound
        it: a week holding a spring-forward night holds a 23-hour day though its first and
        last days have 24 hours, and "a month" from some day of a year is anything from 28 to
        31 days though it is 31 from both January 1 and the next January 1.  Every start is
        taken in ``start``'s zone (that of ``earliest``).  See `_starts_to_try`.
        """
        if not self.calendar_part:
            return ElapsedRange.exact(self.clock_part)
        lengths = [self.elapsed_from(moment) for moment in _starts_to_try(self.calendar_part, start)]
        return ElapsedRange(min(lengths), max(lengths))

    def nominal(self) -> timedelta:
        """A context-free length (month = 30.436875 days, year = 365.2425) for ordering only."""
        days = self.years * 365.2425 + self.months * 30.436875 + self.weeks * 7 + self.days
        return timedelta(days=days) + self.clock_part

    def __add__(self, other: "Duration") -> "Duration":
        if not isinstance(other, Duration):
            return NotImplemented
        return Duration(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other))))

    def __neg__(self) -> "Duration":
        return Duration(*(-value for value in attrs.astuple(self)))

    def __mul__(self, factor: int) -> "Duration":
        return Duration(*(value * factor for value in attrs.astuple(self)))

    __rmul__ = __mul__

    # Ordering is by nominal length, equality by components, so P1W and P7D are equally
    # long yet unequal; every comparison is spelled out because ``total_ordering`` would
    # derive ``>`` as "neither < nor ==" and make each of them "greater" than the other.
    def __lt__(self, other: "Duration") -> bool:
        return self.nominal() < other.nominal()

    def __le__(self, other: "Duration") -> bool:
        return self.nominal() <= other.nominal()

    def __gt__(self, other: "Duration") -> bool:
        return self.nominal() > other.nominal()

    def __ge__(self, other: "Duration") -> bool:
        return self.nominal() >= other.nominal()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Duration):
            return NotImplemented
        return attrs.astuple(self) == attrs.astuple(other)

    def __hash__(self) -> int:
        return hash(attrs.astuple(self))


_SCAN_STEP = timedelta(days=1)
_TICK = timedelta(microseconds=1)


def _starts_to_try(calendar_part: relativedelta, start: Instant) -> list[datetime]:
    """Starts in ``start`` at which a calendar duration takes each of its real lengths.

    From a start ``s`` with wall time ``W`` the duration ends at wall time ``E = W + calendar``
    and lasts ``(E - W) + offset(s) - offset(E)`` plus its clock part (``localize`` reads
    ``E`` with its first offset, also inside a gap).  ``E - W`` depends only on the date of
    ``W``, and only on the 1st and the 29th-31st of a month, where month arithmetic starts
    clipping; the offsets change only at clock changes.  So the length is constant between
    those moments, and its extremes are among the range's ends, the first moment of each
    such date, and each moment one of the offsets changes (with the moment just before it).
    Clock changes are found by scanning day by day and bisecting to the microsecond, which
    assumes no zone changes its clocks twice within one day.
    """
    zone = start.earliest.tzinfo
    low, high = to_utc(start.earliest), to_utc(start.latest)

    def start_offset(moment: datetime) -> Optional[timedelta]:
        return moment.astimezone(zone).utcoffset()

    def end_offset(moment: datetime) -> Optional[timedelta]:
        wall = moment.astimezone(zone).replace(tzinfo=None) + calendar_part
        return wall.replace(tzinfo=zone, fold=0).utcoffset()

    starts = [low, high]
    for key in (start_offset, end_offset):
        for change in _changes(key, low, high):
            starts += [change, change - _TICK]
    if calendar_part.years or calendar_part.months:
        day, last = low.astimezone(zone).date(), high.astimezone(zone).date()
        while day <= last:
            if day.day == 1 or day.day >= 29:
                moment = to_utc(start_of_day(day, zone))
                starts += [moment, moment - _TICK]
            day += timedelta(days=1)
    return [moment.astimezone(zone) for moment in starts if low <= moment <= high]


def _changes(key, low: datetime, high: datetime) -> list[datetime]:
    """The first moments in ``(low, high]`` at which ``key`` takes a new value (at most one a day)."""
    changes = []
    left, left_key = low, key(low)
    while left < high:
        right = min(left + _SCAN_STEP, high)
        right_key = key(right)
        if right_key != left_key:
            before, after = left, right
            while after - before > _TICK:
                middle = before + (after - before) / 2
                if key(middle) == left_key:
                    before = middle
                else:
                    after = middle
            changes.append(after)
        left, left_key = right, right_key
    return changes


@attrs.frozen
class DurationRange:
    """A stated length, exact (``min == max``) or vague with a range.

    "one week" is ``[P7D, P7D]``; "a couple of days" ``[P2D, P3D]``; "more than a week"
    ``[P7D, None]``: ``max`` is ``None`` when the text sets no upper limit.
    """

    min: Duration
    max: Optional[Duration]

    def __attrs_post_init__(self) -> None:
        if self.max is not None and self.max.nominal() < self.min.nominal():
            raise ValueError(f"duration range max {self.max} below min {self.min}")

    @classmethod
    def of_months(cls, months: Fraction) -> "DurationRange":
        """A number of months with a part of a month ("a month and a half", ``P1.5M``): the part
        has no fixed number of days, so it is that part of the shortest and of the longest
        month (half a month is 14 to 16 days)."""
        whole = int(months)
        part = months - whole
        return cls(Duration(months=whole, days=math.floor(part * 28)), Duration(months=whole, days=math.ceil(part * 31)))

    @classmethod
    def exact(cls, duration: Duration) -> "DurationRange":
        return cls(duration, duration)

    @property
    def is_exact(self) -> bool:
        return self.max is not None and self.min == self.max

    def elapsed_from_instant(self, start: Instant) -> ElapsedRange:
        """Real elapsed range over every start in ``start`` and every length in this range.

        An open upper end is represented by ``timedelta.max`` so comparisons stay honest.
        """
        low = self.min.elapsed_from_instant(start)
        if self.max is None:
            return ElapsedRange(low.min, timedelta.max)
        high = self.max.elapsed_from_instant(start)
        return ElapsedRange(low.min, high.max)

    def to_iso(self) -> str:
        if self.is_exact:
            return self.min.to_iso()
        return f"{self.min.to_iso()}..{self.max.to_iso() if self.max is not None else ''}"

    def __str__(self) -> str:
        return self.to_iso()


@attrs.frozen
class Interval:
    """A stretch of time between two uncertain instants, each end inclusive or exclusive.

    "from May 8 to May 11" includes both days; "until Friday" excludes its end.  Either end
    may be unknown (``None``): "starting Monday" has no end.
    """

    start: Optional[Instant]
    end: Optional[Instant]
    start_inclusive: bool = True
    end_inclusive: bool = False

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and to_utc(self.end.latest) < to_utc(self.start.earliest):
            raise ValueError("interval ends before it starts")

    def length(self) -> Optional[ElapsedRange]:
        if self.start is None or self.end is None:
            return None
        return self.end - self.start
