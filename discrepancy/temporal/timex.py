"""TIMEX3 value strings: formatting uncertain instants and durations, and reading them back.

TIMEX3 (TimeML) writes a date at the grain it was stated: ``2026-02-01`` (day),
``2026-02`` (month), ``2026-W05`` (week), ``2026-Q1`` (quarter), ``2026-WI`` (season),
``202`` (decade), ``2026-02-02TNI`` (part of day), ``2026-02-02T23:00`` (clock time);
durations as ISO 8601 (``P7D``, ``PXD`` when the number is vague); and values it cannot
anchor with ``X`` placeholders (``XXXX-WXX-1``: any Monday) or the reference tokens
``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF``.

Anchored values parse back to `Instant` or `DurationRange`; the rest parse to `TimexPattern`,
which keeps the fields it has and makes no guess about the ones it lacks.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from fractions import Fraction
from typing import Optional, Union

import attrs

from ..errors import ValueFormatError
from .values import Duration, DurationRange, Grain, Instant, ZoneMemo, localize, start_of_day

# Part-of-day codes and the wall-clock hours each covers, as [start, end) on a 0-30 axis
# where hours past 24 fall on the next day (a night runs into the following morning).
PARTS_OF_DAY: dict[str, tuple[int, int]] = {
    "MO": (5, 12),   # morning
    "MI": (11, 14),  # midday
    "AF": (12, 18),  # afternoon
    "EV": (17, 22),  # evening
    "NI": (20, 30),  # night, into the next morning
    "DT": (6, 18),   # daytime
}

SEASONS: dict[str, tuple[int, int]] = {
    # Meteorological seasons of the northern hemisphere, as [first month, last month];
    # winter runs from December of the stated year into the next.
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 14),
}

REFERENCE_TOKENS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


@attrs.frozen
class TimexPattern:
    """A TIMEX3 value that names no single range: ``XXXX-WXX-1``, ``PRESENT_REF``, ``1998-XX``."""

    value: str


TimexValue = Union[Instant, DurationRange, TimexPattern]


def _add_months(day: date, months: int) -> date:
    year, month_index = divmod(day.month - 1 + months, 12)
    return date(day.year + year, month_index + 1, 1)


def format_instant(instant: Instant) -> str:
    """The TIMEX3 value of an instant at its grain, in its own zone."""
    start = instant.earliest
    grain = instant.grain
    # Years are padded by hand: strftime's %Y writes year 999 as "999", not "0999".
    day = f"{start.year:04d}-{start.month:02d}-{start.day:02d}"
    if grain in (Grain.SECOND, Grain.MINUTE, Grain.HOUR):
        clock = f"{start.hour:02d}:{start.minute:02d}"
        return f"{day}T{clock}:{start.second:02d}" if grain is Grain.SECOND else f"{day}T{clock}"
    if grain is Grain.PART_OF_DAY:
        return f"{day}T{part_of_day_code(instant)}"
    if grain is Grain.DAY:
        return day
    if grain is Grain.WEEK:
        iso_year, iso_week, _ = start.date().isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    if grain is Grain.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if grain is Grain.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if grain is Grain.HALF_YEAR:
        return f"{start.year:04d}-H{(start.month - 1) // 6 + 1}"
    if grain is Grain.SEASON:
        for code, (first, _last) in SEASONS.items():
            if start.month == first:
                return f"{start.year:04d}-{code}"
        raise ValueFormatError(f"season instant does not start on a season: {instant}")
    if grain is Grain.YEAR:
        return f"{start.year:04d}"
    if grain is Grain.DECADE:
        return f"{start.year // 10:03d}"
    if grain is Grain.CENTURY:
        return f"{start.year // 100:02d}"
    raise ValueFormatError(f"no TIMEX3 form for grain {grain}")


def part_of_day_code(instant: Instant) -> str:
    """The part-of-day code whose hours best match the instant's range."""
    start_hour = instant.earliest.hour
    span_hours = round(instant.width.total_seconds() / 3600)
    for code, (first, last) in PARTS_OF_DAY.items():
        if first == start_hour and last - first == span_hours:
            return code
    for code, (first, _last) in PARTS_OF_DAY.items():
        if first == start_hour:
            return code
    return "NI" if start_hour >= 20 or start_hour < 5 else "DT"


def part_of_day(day: date, code: str, zone: tzinfo) -> Instant:
    """The range of a part of day: ``part_of_day(d, "NI", z)`` runs from 20:00 on d to 06:00 the next day."""
    first, last = PARTS_OF_DAY[code]
    base = datetime.combine(day, time())
    return Instant(
        localize(base + timedelta(hours=first), zone),
        localize(base + timedelta(hours=last), zone),
        Grain.PART_OF_DAY,
    )


def format_duration(duration: DurationRange, vague_unit: Optional[str] = None) -> str:
    """``P7D`` for an exact duration; ``PX`` and a unit (``PXW``, ``PTXH``) for a vague one.

    ``vague_unit`` is ``Y``, ``M``, ``W``, ``D``, ``TH``, ``TM`` or ``TS``; by default the
    largest unit of the range's lower end.
    """
    if duration.is_exact:
        return duration.min.to_iso()
    unit = vague_unit or _largest_unit(duration.min)
    return f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"


def _largest_unit(duration: Duration) -> str:
    for field, unit in (("years", "Y"), ("months", "M"), ("weeks", "W"), ("days", "D"),
                        ("hours", "TH"), ("minutes", "TM"), ("seconds", "TS")):
        if getattr(duration, field):
            return unit
    return "D"


_DATE_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?:(?P<part>MO|MI|AF|EV|NI|DT)"
    r"|(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?))?)?"
    r"|W(?P<week>\d{2})|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<century>\d{2})$")
_VAGUE_DURATION = re.compile(r"^PT?X(?:[YMWDHSQ]|[A-Z]{2})?$")
# TIMEX3 units beyond ISO 8601 that have an exact calendar length: quarter, decade,
# century, millennium ("P2Q", "P1DE").  Weekends and parts of day have none.
_TIMEX_UNIT_DURATION = re.compile(r"^P(?P<amount>\d+)(?P<unit>Q|DE|CE|ML)$")
_TIMEX_UNIT_MONTHS = {"Q": 3, "DE": 120, "CE": 1200, "ML": 12000}
# A value with X placeholders has the shape of an anchored value, with X for any digit,
# and may name a weekday or the weekend of a week, with a time ("XXXX-WXX-1",
# "XXXX-WXX-7TNI": Sunday nights, "2026-W05-WE").
_PATTERN_TIME = r"(?:T(?:MO|MI|AF|EV|NI|DT|[\dX]{2}(?::[\dX]{2}(?::[\dX]{2})?)?))?"
_PATTERN = re.compile(
    r"^[\dX]{2,4}(?:-(?:[\dX]{2}(?:-[\dX]{2}" + _PATTERN_TIME + r")?"
    r"|W[\dX]{2}(?:-(?:[1-7X]|WE)" + _PATTERN_TIME + r")?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?$"
)


_PART_MONTHS = re.compile(r"P(\d+\.\d+)M\Z")


# `parse_timex` results: a text names the same month or day many times, and every value
# object is frozen, so one parse serves them all.  Only instants hold a zone.
_PARSED = ZoneMemo(lambda parsed: parsed.earliest.tzinfo if isinstance(parsed, Instant) else None)


def parse_timex(value: str, zone: tzinfo) -> TimexValue:
    """Read a TIMEX3 value back into a value object; dates are taken in ``zone``."""
    cached = _PARSED.get(value, zone)
    return cached if cached is not None else _PARSED.put(value, zone, _parse_timex(value, zone))


def _parse_timex(value: str, zone: tzinfo) -> TimexValue:
    value = value.strip()
    if not value:
        raise ValueFormatError("empty TIMEX3 value")
    if value in REFERENCE_TOKENS:
        return TimexPattern(value)
    if value.startswith("P"):
        if _VAGUE_DURATION.match(value):
            return TimexPattern(value)
        match = _TIMEX_UNIT_DURATION.match(value)
        if match:
            months = int(match.group("amount")) * _TIMEX_UNIT_MONTHS[match.group("unit")]
            return DurationRange.exact(Duration(years=months // 12, months=months % 12))
        part_months = _PART_MONTHS.match(value)
        if part_months:
            return DurationRange.of_months(Fraction(part_months.group(1)))  # "P1.5M": a month and a half
        return DurationRange.exact(Duration.from_iso(value))
    if "X" in value:
        # Only the shapes of real values: any string with an X in it used to pass.
        if _PATTERN.match(value):
            return TimexPattern(value)
        raise ValueFormatError(f"not a TIMEX3 value: {value!r}")
    try:
        return _anchored_instant(value, zone)
    except OverflowError:
        # The range of a value near year 1 or 9999 reaches past what datetime can hold.
        raise ValueFormatError(f"TIMEX3 value {value!r} lies outside the supported years 1-9999") from None


def _anchored_instant(value: str, zone: tzinfo) -> Instant:
    match = _DATE_VALUE.match(value)
    if match:
        return _instant_from_match(match, zone, value)
    match = _DECADE.match(value)
    if match:
        first = int(match.group("decade")) * 10
        return _years(first, first + 9, zone, Grain.DECADE)
    match = _CENTURY.match(value)
    if match:
        first = int(match.group("century")) * 100
        return _years(first, first + 99, zone, Grain.CENTURY)
    raise ValueFormatError(f"not a TIMEX3 value: {value!r}")


def _years(first: int, last: int, zone: tzinfo, grain: Grain) -> Instant:
    """Years ``first`` to ``last``; year 0 (in decade ``000`` or century ``00``) is left out.

    Year 0 does not exist in the calendar ``datetime`` uses, so the value ``0000`` is an
    error rather than an empty range at 0001-01-01; the end of year 9999 cannot be held.
    """
    if last < 1:
        raise ValueFormatError(f"year {last} does not exist; the first year is 1")
    if last >= 9999:
        raise OverflowError(f"the end of year {last} cannot be represented")
    return Instant(start_of_day(date(max(first, 1), 1, 1), zone), start_of_day(date(last + 1, 1, 1), zone), grain)


def _instant_from_match(match: re.Match, zone: tzinfo, value: str) -> Instant:
    year = int(match.group("year"))
    try:
        if match.group("week"):
            monday = date.fromisocalendar(year, int(match.group("week")), 1)
            return Instant.of_days(monday, monday + timedelta(days=6), zone, Grain.WEEK)
        if match.group("quarter"):
            first = date(year, 3 * int(match.group("quarter")) - 2, 1)
            return Instant.of_days(first, _add_months(first, 3) - timedelta(days=1), zone, Grain.QUARTER)
        if match.group("half"):
            first = date(year, 6 * int(match.group("half")) - 5, 1)
            return Instant.of_days(first, _add_months(first, 6) - timedelta(days=1), zone, Grain.HALF_YEAR)
        if match.group("season"):
            first_month, last_month = SEASONS[match.group("season")]
            first = date(year, first_month, 1)
            return Instant.of_days(first, _add_months(first, last_month - first_month + 1) - timedelta(days=1), zone, Grain.SEASON)
        if match.group("month") is None:
            return _years(year, year, zone, Grain.YEAR)
        month = int(match.group("month"))
        if match.group("day") is None:
            first = date(year, month, 1)
            return Instant.of_days(first, _add_months(first, 1) - timedelta(days=1), zone, Grain.MONTH)
        day = date(year, month, int(match.group("day")))
    except ValueError as error:
        raise ValueFormatError(f"impossible date in TIMEX3 value {value!r}: {error}") from None
    if match.group("part"):
        return part_of_day(day, match.group("part"), zone)
    if match.group("hour") is None:
        return Instant.of_day(day, zone)
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    if hour == 24 and minute == 0 and second == 0:
        return Instant.exact(start_of_day(day + timedelta(days=1), zone), Grain.MINUTE)
    try:
        wall = datetime.combine(day, time(hour, minute, second))
    except ValueError as error:
        raise ValueFormatError(f"impossible time in TIMEX3 value {value!r}: {error}") from None
    grain = Grain.SECOND if match.group("second") else Grain.MINUTE if match.group("minute") else Grain.HOUR
    return Instant.exact(localize(wall, zone), grain)
