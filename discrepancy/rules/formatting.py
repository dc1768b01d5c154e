"""Values written for people, as report templates show them.

``{w.duration}`` reads "7 days", a day count "2-3 days", a real range "5 days to 5 days 16
hours", an instant "1 February 2026" or "18:00 on 23 January 2024 (UTC+01:00)".  ``{x:iso}``
writes the ISO 8601 / TIMEX3 form instead.  A missing value reads "unknown".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Optional

from ..claims.model import Window, iso_value
from ..temporal.values import Duration, DurationRange, ElapsedRange, Grain, Instant
from .lengths import DayCount

_UNITS = (("years", "year"), ("months", "month"), ("weeks", "week"), ("days", "day"),
          ("hours", "hour"), ("minutes", "minute"), ("seconds", "second"))


def _plural(amount: int, unit: str) -> str:
    return f"{amount} {unit}" if abs(amount) == 1 else f"{amount} {unit}s"


def describe_duration(duration: Duration) -> str:
    """``P7D`` -> "7 days", ``P1Y6M`` -> "1 year 6 months", ``PT0S`` -> "0 days"."""
    parts = [_plural(getattr(duration, field), unit) for field, unit in _UNITS if getattr(duration, field)]
    return " ".join(parts) if parts else "0 days"


def _single_unit(duration: Duration) -> Optional[tuple[int, str]]:
    present = [(getattr(duration, field), unit) for field, unit in _UNITS if getattr(duration, field)]
    return present[0] if len(present) == 1 else None


def describe_duration_range(value: DurationRange) -> str:
    if value.max is None:
        return f"at least {describe_duration(value.min)}"
    if value.is_exact:
        return describe_duration(value.min)
    low, high = _single_unit(value.min), _single_unit(value.max)
    if low and high and low[1] == high[1]:
        return f"{low[0]}-{_plural(high[0], high[1])}"
    return f"{describe_duration(value.min)} to {describe_duration(value.max)}"


def describe_timedelta(length: timedelta) -> str:
    """A real length in the largest units that keep it exact: "5 days", "36 hours", "5 days 16 hours"."""
    if length == timedelta.max:
        return "no limit"
    sign = "-" if length < timedelta(0) else ""
    seconds = abs(int(length.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days and (hours or minutes or seconds) and days < 2:
        hours, days = hours + 24 * days, 0
    parts = [_plural(amount, unit) for amount, unit in
             ((days, "day"), (hours, "hour"), (minutes, "minute"), (seconds, "second")) if amount]
    return sign + (" ".join(parts) if parts else "0 hours")


def describe_elapsed(low: timedelta, high: timedelta) -> str:
    if low == high:
        return describe_timedelta(low)
    whole = timedelta(days=1)
    if low % whole == timedelta(0) and high % whole == timedelta(0) and low >= timedelta(0):
        return f"{low // whole}-{_plural(high // whole, 'day')}"
    return f"{describe_timedelta(low)} to {describe_timedelta(high)}"


# Month names written out here rather than by strftime's %B, which follows the process's
# LC_TIME: a host application that calls setlocale must not change the messages.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def _month(moment: "date") -> str:
    return MONTHS[moment.month - 1]


def _day(moment: datetime) -> str:
    return f"{moment.day} {_month(moment)} {moment.year}"


def _clock(moment: datetime) -> str:
    zone = moment.tzname() or moment.strftime("%z")
    return f"{moment:%H:%M} on {_day(moment)} ({zone})"


def describe_instant(instant: Instant) -> str:
    if instant.is_exact:
        if instant.grain in (Grain.SECOND, Grain.MINUTE, Grain.HOUR) or instant.earliest.time() != instant.earliest.time().min:
            return _clock(instant.earliest)
        return f"the start of {_day(instant.earliest)}"
    if instant.grain in (Grain.SECOND, Grain.MINUTE, Grain.HOUR, Grain.PART_OF_DAY):
        return f"between {_clock(instant.earliest)} and {_clock(instant.latest)}"
    first, last = instant.first_day, instant.last_day
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {_month(last)} {last.year}"
    if first.year == last.year:
        return f"{first.day} {_month(first)} - {_day(last)}"
    return f"{_day(first)} - {_day(last)}"


def describe(value: object) -> str:
    """Any value of the rule language, for people."""
    if value is None:
        return "unknown"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, DurationRange):
        return describe_duration_range(value)
    if isinstance(value, Duration):
        return describe_duration(value)
    if isinstance(value, DayCount):
        return describe_elapsed(timedelta(days=value.min_days), timedelta(days=value.max_days))
    if isinstance(value, ElapsedRange):
        return describe_elapsed(value.min, value.max)
    if isinstance(value, timedelta):
        return describe_timedelta(value)
    if isinstance(value, Instant):
        return describe_instant(value)
    if isinstance(value, Window):
        return value.text
    claim_value = getattr(value, "value", None)
    if claim_value is not None:
        return describe(claim_value)
    return str(value)


def iso(value: object) -> str:
    """The ISO 8601 / TIMEX3 form, for ``{x:iso}``."""
    if value is None:
        return "unknown"
    if isinstance(value, DayCount):
        return str(value.as_elapsed())
    if isinstance(value, Window):
        return value.id
    if hasattr(value, "span") and hasattr(value, "value"):
        value = value.value
    if isinstance(value, (Instant, DurationRange, ElapsedRange, Duration, timedelta)):
        return iso_value(value) or "unknown"
    return describe(value)
