"""Hypothesis strategies for the temporal values of `discrepancy`, for property tests.

Public strategies, for this project's tests and for users testing their own rules:

- `zones()`: time zones that break naive date arithmetic (DST zones, zones far from UTC).
- `reference_dates(edge=True)`: dates, weighted towards the edges of the calendar: leap
  days, month ends, year ends and the days the clocks change in a zone.
- `moments(zone)`: aware datetimes whose wall time exists in the zone.
- `durations()`: calendar `Duration` values.
- `instants(zone)`: `Instant` ranges at every grain (and vague ranges), built from the
  calendar directly rather than through `timex`, so they can test it.
- `timex_values()`: canonical TIMEX3 value strings of anchored instants.

`clock_changes(zone, first_year, last_year)` lists a zone's clock changes, which tests
need to say whether a change lies between two moments.

Importing this module needs Hypothesis (``pip install 'discrepancy[testing]'``); the
library itself never imports it.  Strategies for phrases will join these later.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Optional, Sequence, Union

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "discrepancy.strategies needs Hypothesis; install it with "
        "`pip install 'discrepancy[testing]'` or `pip install hypothesis`"
    ) from error

import attrs
from zoneinfo import ZoneInfo

from .temporal.timex import PARTS_OF_DAY, SEASONS, part_of_day
from .temporal.values import Duration, Grain, Instant, localize, start_of_day

__all__ = [
    "ClockChange", "DST_ZONES", "FAR_ZONES", "MIDNIGHT_DST_ZONES", "clock_changes", "durations",
    "instants", "moments", "reference_dates", "timex_values", "zones",
]

# Zones whose clocks change, at different local hours (London 01:00, Kyiv 03:00, New York 02:00).
DST_ZONES: tuple[str, ...] = ("Europe/Kyiv", "Europe/London", "America/New_York")
# Zones far from UTC, where "the same day" is a different UTC stretch: +14, -11, +5:45.
FAR_ZONES: tuple[str, ...] = ("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu")
# Zones whose clocks jump at midnight, so some days begin at 01:00.
MIDNIGHT_DST_ZONES: tuple[str, ...] = ("America/Havana",)

DEFAULT_MIN_YEAR = 1971
DEFAULT_MAX_YEAR = 2099

TzStrategy = Union[tzinfo, "st.SearchStrategy[tzinfo]", None]


def zones(*, dst: bool = True, far: bool = True, midnight: bool = False, utc: bool = False) -> st.SearchStrategy[tzinfo]:
    """Time zones: DST zones, far-from-UTC zones, optionally midnight-DST zones and UTC."""
    names = (DST_ZONES if dst else ()) + (FAR_ZONES if far else ()) + (MIDNIGHT_DST_ZONES if midnight else ())
    choices: list[tzinfo] = [ZoneInfo(name) for name in names]
    if utc:
        choices.append(timezone.utc)
    if not choices:
        raise ValueError("zones() needs at least one kind of zone")
    return st.sampled_from(choices)


@attrs.frozen
class ClockChange:
    """A moment at which a zone's UTC offset changes, and the offsets either side."""

    moment: datetime  # the first moment (UTC) with the new offset
    before: timedelta
    after: timedelta

    @property
    def shift(self) -> timedelta:
        """Positive when clocks go forward (a wall-clock hour is skipped)."""
        return self.after - self.before

    def day(self, zone: tzinfo) -> date:
        """The local date on which the change happens."""
        return self.moment.astimezone(zone).date()


def clock_changes(zone: tzinfo, first_year: int, last_year: int) -> tuple[ClockChange, ...]:
    """Every change of ``zone``'s UTC offset from the start of ``first_year`` to the end of ``last_year``."""
    return _clock_changes(zone, first_year, last_year)


@lru_cache(maxsize=64)
def _clock_changes(zone: tzinfo, first_year: int, last_year: int) -> tuple[ClockChange, ...]:
    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(zone).utcoffset()  # type: ignore[return-value]

    utc = timezone.utc
    moment = datetime(first_year, 1, 1, tzinfo=utc)
    end = datetime(last_year, 12, 31, tzinfo=utc)
    changes = []
    # Real zones change at most once a day; scan by day and bisect to the microsecond.
    while moment < end:
        following = moment + timedelta(days=1)
        if offset(moment) != offset(following):
            low, high = moment, following
            while high - low > timedelta(microseconds=1):
                middle = low + (high - low) / 2
                if offset(middle) == offset(moment):
                    low = middle
                else:
                    high = middle
            changes.append(ClockChange(high, offset(moment), offset(following)))
        moment = following
    return tuple(changes)


def _zone_strategy(zone: TzStrategy) -> st.SearchStrategy[tzinfo]:
    if zone is None:
        return zones()
    if isinstance(zone, st.SearchStrategy):
        return zone
    return st.just(zone)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def reference_dates(
    edge: bool = True,
    zone: Optional[tzinfo] = None,
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[date]:
    """Dates to use as the reference date of a document.

    With ``edge`` (the default) most draws are edge cases: February 29, the last day of a
    month, December 31 / January 1, and the days the clocks change in ``zone`` (in every
    zone of `DST_ZONES` when no zone is given); the rest are any date.
    """
    years = st.integers(min_year, max_year)
    anywhere = st.dates(date(min_year, 1, 1), date(max_year, 12, 31))
    if not edge:
        return anywhere
    leap_years = [year for year in range(min_year, max_year + 1) if calendar.isleap(year)]
    leap_days = st.sampled_from(leap_years).map(lambda year: date(year, 2, 29))
    month_ends = st.builds(_last_day, years, st.integers(1, 12))
    year_ends = years.flatmap(lambda year: st.sampled_from([date(year, 12, 31), date(year, 1, 1)]))
    change_zones = [zone] if zone is not None else [ZoneInfo(name) for name in DST_ZONES]
    change_days = sorted({
        change.day(each) for each in change_zones
        for change in clock_changes(each, min_year, max_year)
    })
    strategies = [anywhere, leap_days, month_ends, year_ends]
    if change_days:
        strategies.append(st.sampled_from(change_days))
    return st.one_of(strategies)


def moments(
    zone: TzStrategy = None,
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
    resolution: timedelta = timedelta(minutes=1),
) -> st.SearchStrategy[datetime]:
    """Aware datetimes in ``zone`` whose wall time exists, truncated to ``resolution``.

    Ambiguous wall times (the repeated hour of a fall-back night) come with either fold.
    Moments fall on whole multiples of ``resolution`` of wall time (whole minutes by
    default, as stated times do).
    """

    def existing(moment: datetime) -> bool:
        wall = moment.replace(tzinfo=None)
        return moment.astimezone(timezone.utc).astimezone(moment.tzinfo).replace(tzinfo=None, fold=0) == wall.replace(fold=0)

    walls = st.datetimes(datetime(min_year, 1, 1), datetime(max_year, 12, 31)).map(
        lambda wall: wall - (wall - datetime.min) % resolution
    )
    return st.builds(
        lambda wall, zone, fold: wall.replace(tzinfo=zone, fold=fold),
        walls, _zone_strategy(zone), st.integers(0, 1),
    ).filter(existing)


def durations(
    *,
    calendar: bool = True,
    clock: bool = True,
    signed: bool = False,
    max_years: int = 3,
) -> st.SearchStrategy[Duration]:
    """Calendar durations; every component non-negative unless ``signed`` (then all may flip).

    Components are mostly zero, as stated durations are ("two weeks", "P1Y6M").
    """
    if not (calendar or clock):
        raise ValueError("durations() needs calendar or clock units")

    def part(limit: int, enabled: bool) -> st.SearchStrategy[int]:
        if not enabled:
            return st.just(0)
        return st.one_of(st.just(0), st.just(0), st.integers(1, limit))

    made = st.builds(
        Duration,
        years=part(max_years, calendar), months=part(24, calendar), weeks=part(10, calendar),
        days=part(60, calendar), hours=part(72, clock), minutes=part(180, clock), seconds=part(120, clock),
    )
    if signed:
        made = st.tuples(made, st.booleans()).map(lambda pair: -pair[0] if pair[1] else pair[0])
    return made


_INSTANT_GRAINS: tuple[Grain, ...] = tuple(Grain)


def _add_months(first: date, months: int) -> date:
    year, index = divmod(first.month - 1 + months, 12)
    return date(first.year + year, index + 1, 1)


def _instant_of(grain: Grain, day: date, zone: tzinfo, clock: time, part: str) -> Instant:
    """The instant of ``grain`` that holds ``day`` (and ``clock`` for clock grains)."""
    if grain in (Grain.SECOND, Grain.MINUTE, Grain.HOUR):
        clock = clock.replace(microsecond=0)
        if grain is Grain.HOUR:
            clock = clock.replace(minute=0, second=0)
        elif grain is Grain.MINUTE:
            clock = clock.replace(second=0)
        return Instant.exact(localize(datetime.combine(day, clock), zone), grain)
    if grain is Grain.PART_OF_DAY:
        return part_of_day(day, part, zone)
    if grain is Grain.DAY:
        return Instant.of_day(day, zone)
    if grain is Grain.WEEK:
        monday = day - timedelta(days=day.weekday())
        return Instant.of_days(monday, monday + timedelta(days=6), zone, Grain.WEEK)
    if grain in (Grain.MONTH, Grain.QUARTER, Grain.HALF_YEAR):
        size = {Grain.MONTH: 1, Grain.QUARTER: 3, Grain.HALF_YEAR: 6}[grain]
        first = date(day.year, (day.month - 1) // size * size + 1, 1)
        return Instant.of_days(first, _add_months(first, size) - timedelta(days=1), zone, grain)
    if grain is Grain.SEASON:
        # The season named by the year it starts in: January and February are the winter
        # of the year before.
        year = day.year - 1 if day.month < 3 else day.year
        month = 12 if day.month in (12, 1, 2) else (day.month - 3) // 3 * 3 + 3
        first = date(year, month, 1)
        return Instant.of_days(first, _add_months(first, 3) - timedelta(days=1), zone, Grain.SEASON)
    size = {Grain.YEAR: 1, Grain.DECADE: 10, Grain.CENTURY: 100}[grain]
    first_year = day.year // size * size
    return Instant(
        start_of_day(date(max(first_year, 1), 1, 1), zone),
        start_of_day(date(first_year + size, 1, 1), zone),
        grain,
    )


def instants(
    zone: TzStrategy = None,
    *,
    grains: Sequence[Grain] = _INSTANT_GRAINS,
    vague: bool = True,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[Instant]:
    """Instants in ``zone`` at each of ``grains``, and with ``vague`` arbitrary ranges.

    A grained instant is the whole calendar unit holding a drawn date (a whole month, an
    ISO week, a meteorological season ...); a vague one runs between two moments up to
    about forty days apart, at ``Grain.MINUTE``.  Built from the calendar, not `timex`.
    """
    if max_year >= 9900 and Grain.CENTURY in grains:
        raise ValueError("a century instant needs its end year to exist; lower max_year")
    zone_strategy = _zone_strategy(zone)
    grained = st.builds(
        _instant_of,
        st.sampled_from(list(grains)),
        st.dates(date(min_year, 3, 1), date(max_year, 11, 30)),
        zone_strategy,
        st.times(),
        st.sampled_from(sorted(PARTS_OF_DAY)),
    )
    if not vague:
        return grained

    def between(start: datetime, length: timedelta) -> Instant:
        zone_of_start = start.tzinfo
        end = (start.astimezone(timezone.utc) + length).astimezone(zone_of_start)
        return Instant(start, end, Grain.MINUTE)

    ranges = zone_strategy.flatmap(
        lambda each: st.builds(
            between,
            moments(each, min_year=min_year, max_year=max_year),
            st.timedeltas(timedelta(0), timedelta(days=40)).map(lambda length: length - length % timedelta(minutes=1)),
        )
    )
    return st.one_of(grained, ranges)


def timex_values(
    grains: Sequence[Grain] = _INSTANT_GRAINS,
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[str]:
    """Canonical TIMEX3 values of anchored instants: ``format_instant`` writes exactly these."""

    def value(grain: Grain, day: date, clock: time, part: str, season: str) -> str:
        ymd = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        if grain is Grain.SECOND:
            return f"{ymd}T{clock.hour:02d}:{clock.minute:02d}:{clock.second:02d}"
        if grain in (Grain.MINUTE, Grain.HOUR):
            minute = clock.minute if grain is Grain.MINUTE else 0
            return f"{ymd}T{clock.hour:02d}:{minute:02d}"
        if grain is Grain.PART_OF_DAY:
            return f"{ymd}T{part}"
        if grain is Grain.DAY:
            return ymd
        if grain is Grain.WEEK:
            iso_year, week, _ = day.isocalendar()
            return f"{iso_year:04d}-W{week:02d}"
        if grain is Grain.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        if grain is Grain.QUARTER:
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if grain is Grain.HALF_YEAR:
            return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
        if grain is Grain.SEASON:
            return f"{day.year:04d}-{season}"
        if grain is Grain.YEAR:
            return f"{day.year:04d}"
        if grain is Grain.DECADE:
            return f"{day.year // 10:03d}"
        return f"{day.year // 100:02d}"

    return st.builds(
        value,
        st.sampled_from(list(grains)),
        st.dates(date(min_year, 1, 1), date(max_year, 12, 31)),
        st.times(),
        st.sampled_from(sorted(PARTS_OF_DAY)),
        st.sampled_from(sorted(SEASONS)),
    )
