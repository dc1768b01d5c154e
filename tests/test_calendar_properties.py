"""Calendar laws the value layer must keep: leap days, month ends, year ends, weekdays,
clock changes in DST zones and zones far from UTC.

Calendar units move the wall clock (dateutil ``relativedelta``); clock units are real UTC
time.  These properties hold for every date and zone the strategies draw, and pin the
places where intuition fails (adding and removing a month is not always identity).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from discrepancy.strategies import (
    DST_ZONES, FAR_ZONES, clock_changes, durations, instants, moments, reference_dates, zones,
)
from discrepancy.temporal.timex import format_instant, parse_timex
from discrepancy.temporal.values import Duration, Grain, Instant, elapsed, localize, start_of_day, to_utc

PROPERTY = settings(max_examples=200, deadline=None)

UTC = timezone.utc
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
DST = [ZoneInfo(name) for name in DST_ZONES]
FAR = [ZoneInfo(name) for name in FAR_ZONES]
KIRITIMATI, PAGO_PAGO, KATHMANDU = FAR

FIRST_YEAR, LAST_YEAR = 1971, 2099
times_of_day = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def wall(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def wall_exists(naive: datetime, zone) -> bool:
    return wall(localize(naive, zone)) == naive


def day_exists(day: date, zone) -> bool:
    """False only for a day a zone skipped (Kiritimati's 1994-12-31, when it crossed the date line)."""
    return start_of_day(day, zone).date() == day


def last_of_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def shifts_between(zone, start: datetime, end: datetime) -> timedelta:
    """The total clock shift of ``zone``'s changes after ``start`` up to and including ``end``."""
    low, high = sorted((to_utc(start), to_utc(end)))
    changes = clock_changes(zone, low.year - 1, high.year + 1)
    total = sum((change.shift for change in changes if low < change.moment <= high), timedelta(0))
    return total if to_utc(start) <= to_utc(end) else -total


@st.composite
def moments_near_clock_changes(draw, zones_to_use=DST):
    """Moments up to three days before (and a few hours after) a clock change in a DST zone."""
    zone = draw(st.sampled_from(zones_to_use))
    change = draw(st.sampled_from(clock_changes(zone, 2000, 2040)))
    minutes = draw(st.integers(-72 * 60, 6 * 60))
    return (change.moment + timedelta(minutes=minutes)).astimezone(zone)


dst_moments = st.one_of(moments(st.sampled_from(DST)), moments_near_clock_changes())


# --- Leap days, month ends, year ends -----------------------------------------------------

@PROPERTY
@given(reference_dates(), times_of_day, zones())
def test_one_year_after_february_29_is_february_28(reference, clock, zone):
    leap = date(reference.year if calendar.isleap(reference.year) else 2024, 2, 29)
    start = localize(datetime.combine(leap, clock), zone)
    later = Duration(years=1).add_to(start)
    assert later.date() == date(leap.year + 1, 2, 28)
    assert Instant.of_day(leap, zone).shift(Duration(years=1)) == Instant.of_day(date(leap.year + 1, 2, 28), zone)


@PROPERTY
@given(st.sampled_from([year for year in range(1904, 2400) if calendar.isleap(year)]), st.integers(1, 200))
def test_years_from_february_29_land_on_29_only_in_leap_years(leap_year, years):
    later = Duration(years=years).add_to(datetime(leap_year, 2, 29))
    assert later.date() == date(leap_year + years, 2, 29 if calendar.isleap(leap_year + years) else 28)


@PROPERTY
@given(st.integers(FIRST_YEAR, LAST_YEAR), zones())
def test_one_month_after_january_31_is_the_last_day_of_february(year, zone):
    start = Instant.of_day(date(year, 1, 31), zone)
    assert start.shift(Duration(months=1)).first_day == date(year, 2, last_of_month(year, 2))


@PROPERTY
@given(reference_dates(), st.integers(-30, 30))
def test_months_keep_the_day_of_month_or_clip_to_the_month_end(reference, months):
    later = Duration(months=months).add_to(datetime.combine(reference, time()))
    index = reference.year * 12 + reference.month - 1 + months
    year, month = divmod(index, 12)
    assert later.date() == date(year, month + 1, min(reference.day, last_of_month(year, month + 1)))


@PROPERTY
@given(reference_dates(), st.integers(1, 30))
def test_adding_then_removing_months_returns_only_where_nothing_was_clipped(reference, months):
    start = datetime.combine(reference, time())
    there = Duration(months=months).add_to(start)
    back = Duration(months=months).subtract_from(there)
    assert back <= start
    assert (back == start) == (there.day == reference.day)


def test_a_month_after_january_31_and_back_is_january_28():
    there = Duration(months=1).add_to(datetime(2026, 1, 31))
    assert there == datetime(2026, 2, 28)
    assert Duration(months=1).subtract_from(there) == datetime(2026, 1, 28)


@PROPERTY
@given(reference_dates(), st.integers(-800, 800), zones(midnight=True))
def test_adding_then_removing_days_is_always_identity(reference, days, zone):
    assume(day_exists(reference, zone) and day_exists(reference + timedelta(days=days), zone))
    day = Instant.of_day(reference, zone)
    assert day.shift(Duration(days=days)) == Instant.of_day(reference + timedelta(days=days), zone)
    assert day.shift(Duration(days=days)).shift(-Duration(days=days)) == day
    start = datetime.combine(reference, time(12))
    assert Duration(days=days).subtract_from(Duration(days=days).add_to(start)) == start


@PROPERTY
@given(st.integers(FIRST_YEAR, LAST_YEAR), zones(midnight=True, utc=True))
def test_a_day_after_december_31_is_new_year(year, zone):
    # Kiritimati skipped 1994-12-31 entirely (see test_values); there is no day to step from.
    assume(day_exists(date(year, 12, 31), zone))
    new_years_eve = Instant.of_day(date(year, 12, 31), zone)
    new_year = new_years_eve.shift(Duration(days=1))
    assert new_year.days() == (date(year + 1, 1, 1),)
    assert format_instant(new_year) == f"{year + 1:04d}-01-01"
    assert Duration.from_iso("P1D").add_to(datetime(year, 12, 31, 23, 59)) == datetime(year + 1, 1, 1, 23, 59)


@PROPERTY
@given(reference_dates(), st.integers(1, 12), zones(midnight=True))
def test_month_ends_stay_in_their_month(reference, months, zone):
    month_end = date(reference.year, reference.month, last_of_month(reference.year, reference.month))
    index = reference.year * 12 + reference.month - 1 + months
    year, month = divmod(index, 12)
    assume(day_exists(month_end, zone))
    assume(day_exists(date(year, month + 1, min(month_end.day, last_of_month(year, month + 1))), zone))
    instant = Instant.of_day(month_end, zone).shift(Duration(months=months))
    assert instant.days() == (instant.first_day,)
    assert instant.first_day.replace(day=1) == date(year, month + 1, 1)
    assert instant.first_day.day == min(month_end.day, last_of_month(year, month + 1))


# --- Every weekday as the reference -------------------------------------------------------

@PROPERTY
@given(reference_dates(), st.integers(0, 6), zones(midnight=True), st.integers(-20, 20))
def test_weeks_keep_the_weekday_from_every_weekday(reference, offset, zone, weeks):
    day = reference + timedelta(days=offset)
    assume(day_exists(day, zone) and day_exists(day + timedelta(weeks=weeks), zone))
    start = Instant.of_day(day, zone)
    assert start.shift(Duration(weeks=weeks)) == Instant.of_day(day + timedelta(weeks=weeks), zone)
    assert start.shift(Duration(weeks=weeks)) == start.shift(Duration(days=7 * weeks))
    assert start.shift(Duration(weeks=weeks)).first_day.weekday() == day.weekday()


@PROPERTY
@given(reference_dates(), st.integers(0, 6), zones())
def test_the_iso_week_of_every_weekday_holds_it(reference, offset, zone):
    day = reference + timedelta(days=offset)
    iso_year, iso_week, weekday = day.isocalendar()
    week = parse_timex(f"{iso_year:04d}-W{iso_week:02d}", zone)
    assert week.first_day == day - timedelta(days=weekday - 1)
    assert day in week.days() and len(week.days()) == 7
    assert week.overlaps(Instant.of_day(day, zone))


# --- Clock changes ------------------------------------------------------------------------

@PROPERTY
@given(dst_moments)
def test_48_hours_and_two_days_differ_by_exactly_the_clock_shift_between(start):
    zone = start.tzinfo
    by_hours = Duration(hours=48).add_to(start)
    by_days = Duration(days=2).add_to(start)
    assert elapsed(start, by_hours) == timedelta(hours=48)
    target = wall(start) + timedelta(days=2)
    assume(wall_exists(target, zone))
    assert wall(by_days) == target
    shift = shifts_between(zone, start, by_days)
    assert elapsed(by_days, by_hours) == shift
    assert (by_days == by_hours) == (shift == timedelta(0))
    assert shift in (timedelta(0), HOUR, -HOUR)


def test_two_days_to_a_skipped_wall_time_last_48_hours():
    # 02:30 on March 10 does not exist in New York; the clocks are read forward to 03:30,
    # which is 48 real hours after 02:30 on March 8 though a change lies between.
    new_york = ZoneInfo("America/New_York")
    start = localize(datetime(2026, 3, 6, 2, 30), new_york)
    assert elapsed(start, Duration(days=2).add_to(start)) == timedelta(hours=48)
    start = localize(datetime(2026, 3, 7, 2, 30), new_york)
    assert wall(Duration(days=1).add_to(start)) == datetime(2026, 3, 8, 3, 30)
    assert elapsed(start, Duration(days=1).add_to(start)) == timedelta(hours=24)


@PROPERTY
@given(st.sampled_from(DST + [ZoneInfo("America/Havana")]), reference_dates(zone=None))
def test_a_day_lasts_24_hours_less_its_clock_shift(zone, day):
    instant = Instant.of_day(day, zone)
    # A change at the day's first moment (clocks jumping at midnight, as in Kyiv until
    # 1984 and Havana now) shortens this day; one at its end moment belongs to the next.
    tick = timedelta(microseconds=1)
    shift = shifts_between(zone, to_utc(instant.earliest) - tick, to_utc(instant.latest) - tick)
    assert instant.width == DAY - shift
    if day.year >= 2000:
        assert instant.width in (timedelta(hours=23), DAY, timedelta(hours=25))


@pytest.mark.parametrize("zone", DST, ids=str)
def test_each_year_has_one_short_and_one_long_day(zone):
    widths = [Instant.of_day(date(2026, 1, 1) + timedelta(days=n), zone).width for n in range(365)]
    assert widths.count(timedelta(hours=23)) == 1 and widths.count(timedelta(hours=25)) == 1
    assert sum(widths, timedelta(0)) == timedelta(days=365)


@st.composite
def clock_change_walls(draw):
    """A clock change and a wall time inside the hour it skips or repeats."""
    zone = draw(st.sampled_from(DST))
    change = draw(st.sampled_from(clock_changes(zone, 1990, 2060)))
    first_wall_after = wall(change.moment.astimezone(zone))
    # The skipped or repeated hour starts, in wall time, `shift` before the first wall
    # time after a spring forward, and at the first wall time after a fall back.
    start = first_wall_after - change.shift if change.shift > timedelta(0) else first_wall_after
    minutes = draw(st.integers(0, abs(change.shift) // timedelta(minutes=1) - 1))
    return zone, change, start + timedelta(minutes=minutes)


@PROPERTY
@given(clock_change_walls())
def test_localize_reads_skipped_times_forward_and_repeated_times_first(case):
    zone, change, naive = case
    moment = localize(naive, zone)
    if change.shift > timedelta(0):
        assert not wall_exists(naive, zone)
        assert wall(moment) == naive + change.shift
        assert moment.utcoffset() == change.after
        assert to_utc(moment) >= change.moment
    else:
        assert wall(moment) == naive
        assert moment.utcoffset() == change.before
        assert to_utc(moment) < change.moment
        second = naive.replace(tzinfo=zone, fold=1)
        assert elapsed(moment, second) == -change.shift


@PROPERTY
@given(dst_moments, st.timedeltas(timedelta(0), timedelta(days=10)), zones(utc=True), zones(utc=True))
def test_elapsed_is_real_time_whatever_the_zones(start, length, here, there):
    end = (to_utc(start) + length).astimezone(start.tzinfo)
    assert elapsed(start, end) == length
    assert elapsed(start.astimezone(here), end.astimezone(there)) == length
    assert elapsed(end, start) == -length
    # Python subtracts same-zone datetimes by wall clock; elapsed corrects by the shift.
    assert elapsed(start, end) == (end - start) - shifts_between(start.tzinfo, start, end)


@PROPERTY
@given(dst_moments, durations(calendar=False))
def test_clock_units_ignore_the_wall_clock(start, duration):
    assert elapsed(start, duration.add_to(start)) == duration.clock_part


@PROPERTY
@example(instant=Instant(datetime(2052, 3, 30, 1, 55, tzinfo=ZoneInfo("Europe/London")),
                         datetime(2052, 3, 30, 2, 0, tzinfo=ZoneInfo("Europe/London")), Grain.DAY),
         duration=Duration(days=1))
@given(instants(zone=st.sampled_from(DST), grains=[Grain.DAY, Grain.WEEK, Grain.MONTH]),
       st.sampled_from([Duration(days=1), Duration(days=2), Duration(weeks=1), Duration(months=1)]))
def test_a_calendar_duration_from_a_range_spans_each_clock_shift(instant, duration):
    bounds = duration.elapsed_from_instant(instant)
    # Sample every hour of the range: the bounds hold each length and are reached.
    lengths = set()
    moment = to_utc(instant.earliest)
    while moment <= to_utc(instant.latest):
        lengths.add(duration.elapsed_from(moment.astimezone(instant.zone)))
        moment += HOUR if instant.width <= timedelta(days=8) else 6 * HOUR
    # The range's last moment too: hourly steps from the first can miss it, and it may be the
    # only start whose end lands after a spring-forward gap (02:00 GMT + 1 day = 02:00 BST).
    lengths.add(duration.elapsed_from(instant.latest))
    assert bounds.min <= min(lengths) and max(lengths) <= bounds.max
    if instant.width <= timedelta(days=8):
        assert bounds.min == min(lengths) and bounds.max == max(lengths)


# --- Zones far from UTC -------------------------------------------------------------------

@PROPERTY
@given(moments(st.sampled_from(FAR)), zones(utc=True))
def test_far_zones_convert_to_the_same_instant(moment, other):
    converted = moment.astimezone(other)
    assert to_utc(converted) == to_utc(moment)
    assert converted.astimezone(moment.tzinfo) == moment
    assert wall(converted.astimezone(moment.tzinfo)) == wall(moment)


@PROPERTY
@given(instants(zone=st.sampled_from(FAR)), zones(utc=True))
def test_in_zone_preserves_the_earliest_and_latest_moments(instant, other):
    moved = instant.in_zone(other)
    assert to_utc(moved.earliest) == to_utc(instant.earliest)
    assert to_utc(moved.latest) == to_utc(instant.latest)
    assert moved.in_zone(instant.zone) == instant
    assert (moved - instant).contains(timedelta(0))


@PROPERTY
@given(reference_dates(min_year=1995))
def test_the_same_date_in_kiritimati_ends_before_it_begins_in_pago_pago(day):
    kiritimati, pago_pago = Instant.of_day(day, KIRITIMATI), Instant.of_day(day, PAGO_PAGO)
    assert kiritimati.surely_before(pago_pago)
    assert elapsed(kiritimati.earliest, pago_pago.earliest) == timedelta(hours=25)
    assert (pago_pago - kiritimati) == type(pago_pago - kiritimati)(timedelta(hours=1), timedelta(hours=49))


@PROPERTY
@given(reference_dates(min_year=1987))
def test_a_kathmandu_day_starts_at_a_quarter_to_six_utc_the_day_before(day):
    kathmandu = Instant.of_day(day, KATHMANDU)
    assert wall(kathmandu.earliest.astimezone(UTC)) == datetime.combine(day, time()) - timedelta(hours=5, minutes=45)
    assert kathmandu.in_zone(UTC).days() == (day - DAY, day)
    assert kathmandu.width == DAY


@PROPERTY
@given(st.integers(1995, LAST_YEAR), st.sampled_from(FAR))
def test_new_year_in_far_zones_is_a_different_utc_day(year, zone):
    new_year = Instant.of_day(date(year, 1, 1), zone)
    utc_days = new_year.in_zone(UTC).days()
    assert len(utc_days) == 2
    assert (date(year - 1, 12, 31) in utc_days) == (zone.utcoffset(datetime(year, 1, 1)) > timedelta(0))
    assert format_instant(new_year) == f"{year:04d}-01-01"


def test_a_day_before_a_skipped_day_is_one_day():
    """Kiritimati skipped 31 December 1994: the day before it still lists only itself."""
    zone = ZoneInfo("Pacific/Kiritimati")
    assert Instant.of_day(date(1994, 12, 30), zone).days() == (date(1994, 12, 30),)
