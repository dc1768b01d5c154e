"""The value layer: spans, grains, uncertain instants, durations and their ranges.

Examples pin behaviour a reader can check by hand; properties (Hypothesis) check the laws
that must hold for every value.  Regression tests are named after what they guard.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from discrepancy.errors import DiscrepancyError, ValueFormatError
from discrepancy.strategies import durations, instants, moments, reference_dates, zones
from discrepancy.temporal.values import (
    Duration, DurationRange, ElapsedRange, Grain, Instant, Interval, Span, elapsed, format_timedelta,
    localize, start_of_day, to_utc,
)

PROPERTY = settings(max_examples=150, deadline=None)
FEW = settings(max_examples=60, deadline=None)

UTC = timezone.utc
KYIV = ZoneInfo("Europe/Kyiv")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
HAVANA = ZoneInfo("America/Havana")

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def points_in(instant: Instant, fractions: list[float]) -> list[datetime]:
    """Moments inside ``instant``'s range at the given fractions of its width (UTC)."""
    start = to_utc(instant.earliest)
    return [start + instant.width * fraction for fraction in fractions]


fractions = st.lists(st.floats(0, 1), min_size=1, max_size=4)
spans = st.builds(lambda start, length: Span(start, start + length), st.integers(0, 200), st.integers(0, 50))
elapsed_ranges = st.builds(
    lambda low, extra: ElapsedRange(low, low + extra),
    st.timedeltas(-timedelta(days=30), timedelta(days=30)),
    st.timedeltas(timedelta(0), timedelta(days=30)),
)


# --- Span ---------------------------------------------------------------------------------

def test_span_rejects_end_before_start():
    with pytest.raises(ValueError, match="before start"):
        Span(5, 4)


def test_span_rejects_negative_start():
    with pytest.raises(ValueError):
        Span(-1, 3)


def test_span_text_of_and_length():
    assert Span(6, 11).text_of("until Friday") == "Frida"
    assert len(Span(6, 11)) == 5


@PROPERTY
@given(spans, spans)
def test_span_cover_is_the_smallest_span_holding_both(a, b):
    cover = a.cover(b)
    assert cover == b.cover(a)
    assert cover.start == min(a.start, b.start) and cover.end == max(a.end, b.end)
    assert cover.start <= a.start and a.end <= cover.end


@PROPERTY
@given(spans, spans)
def test_span_overlap_is_symmetric_and_means_a_shared_character(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    if len(a) and len(b):
        shared = set(range(a.start, a.end)) & set(range(b.start, b.end))
        assert a.overlaps(b) == bool(shared)


@PROPERTY
@given(spans, st.integers(0, 100))
def test_span_shift_keeps_length_and_order(span, offset):
    moved = span.shifted(offset)
    assert len(moved) == len(span)
    assert moved.shifted(-offset) == span


def test_spans_order_by_start_then_end():
    assert sorted([Span(3, 4), Span(1, 9), Span(1, 2)]) == [Span(1, 2), Span(1, 9), Span(3, 4)]


# --- Grain --------------------------------------------------------------------------------

def test_grains_are_ordered_finest_first():
    assert list(Grain) == sorted(Grain)
    assert Grain.DAY < Grain.WEEK < Grain.MONTH < Grain.YEAR < Grain.CENTURY


def test_grain_supports_every_comparison():
    # Regression: Grain defined only __lt__, so `<=` and `>=` raised TypeError.
    assert Grain.DAY <= Grain.DAY <= Grain.MONTH
    assert Grain.YEAR >= Grain.MONTH > Grain.DAY


# --- Instant validators -------------------------------------------------------------------

def test_instant_rejects_naive_earliest():
    with pytest.raises(ValueError, match="earliest must be time-zone aware"):
        Instant(datetime(2026, 2, 1), datetime(2026, 2, 1, tzinfo=UTC))


def test_instant_rejects_naive_latest():
    with pytest.raises(ValueError, match="latest must be time-zone aware"):
        Instant(datetime(2026, 2, 1, tzinfo=UTC), datetime(2026, 2, 1))


def test_instant_rejects_latest_before_earliest():
    with pytest.raises(ValueError, match="before earliest"):
        Instant(datetime(2026, 2, 2, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC))


def test_instant_compares_ends_as_moments_not_wall_times():
    # 08:00 in Kyiv is earlier than 07:00 in London on the same winter day.
    Instant(datetime(2026, 2, 1, 8, tzinfo=KYIV), datetime(2026, 2, 1, 7, tzinfo=LONDON))
    with pytest.raises(ValueError):
        Instant(datetime(2026, 2, 1, 7, tzinfo=LONDON), datetime(2026, 2, 1, 8, tzinfo=KYIV))


@PROPERTY
@given(moments(), moments())
def test_instant_accepts_exactly_ordered_ends(a, b):
    if to_utc(b) < to_utc(a):
        with pytest.raises(ValueError):
            Instant(a, b)
    else:
        assert Instant(a, b).width == elapsed(a, b) >= timedelta(0)


# --- Instant behaviour --------------------------------------------------------------------

@pytest.mark.parametrize("zone, day, hours", [
    (KYIV, date(2026, 3, 29), 23), (KYIV, date(2026, 10, 25), 25), (KYIV, date(2026, 2, 1), 24),
    (LONDON, date(2026, 3, 29), 23), (LONDON, date(2026, 10, 25), 25),
    (NEW_YORK, date(2026, 3, 8), 23), (NEW_YORK, date(2026, 11, 1), 25), (NEW_YORK, date(2026, 7, 4), 24),
    (HAVANA, date(2026, 3, 8), 23), (HAVANA, date(2026, 11, 1), 25),
])
def test_a_day_lasts_as_long_as_it_really_does(zone, day, hours):
    assert Instant.of_day(day, zone).width == timedelta(hours=hours)


def test_a_day_where_clocks_jump_at_midnight_starts_at_one():
    first = start_of_day(date(2026, 3, 8), HAVANA)
    assert first.replace(tzinfo=None) == datetime(2026, 3, 8, 1, 0)


def test_last_day_where_days_start_at_one_in_the_morning():
    # Regression: last_day compared latest with 00:00, so a range ending where March 9
    # begins in Havana (00:00 on the 9th exists) was fine, but one ending where March 8
    # begins (01:00) counted March 8 as one of its days.
    saturday = Instant.of_day(date(2026, 3, 7), HAVANA)
    assert saturday.latest.hour == 1
    assert saturday.days() == (date(2026, 3, 7),)
    assert Instant.of_days(date(2026, 3, 1), date(2026, 3, 7), HAVANA).last_day == date(2026, 3, 7)


@PROPERTY
@given(instants(grains=[Grain.DAY, Grain.WEEK, Grain.MONTH, Grain.QUARTER, Grain.SEASON,
                        Grain.HALF_YEAR, Grain.YEAR], vague=False, zone=zones(midnight=True)))
def test_a_calendar_range_falls_on_exactly_its_days(instant):
    days = instant.days()
    assert days[0] == instant.first_day == instant.earliest.date()
    assert days[-1] == instant.last_day
    assert start_of_day(days[-1] + DAY, instant.zone) == instant.latest
    assert all(b - a == DAY for a, b in zip(days, days[1:]))


def test_an_exact_instant_falls_on_its_own_day_even_at_midnight():
    midnight = Instant.exact(datetime(2026, 2, 2, tzinfo=KYIV))
    assert midnight.days() == (date(2026, 2, 2),)
    assert Instant.day_boundary(date(2026, 2, 2), KYIV).is_exact


@PROPERTY
@given(instants(), zones(utc=True))
def test_in_zone_keeps_the_same_moments(instant, zone):
    moved = instant.in_zone(zone)
    assert to_utc(moved.earliest) == to_utc(instant.earliest)
    assert to_utc(moved.latest) == to_utc(instant.latest)
    assert moved.width == instant.width and moved.grain == instant.grain
    assert moved.zone is zone


@PROPERTY
@given(instants(), instants())
def test_union_holds_both_and_is_symmetric(a, b):
    union = a.union(b)
    flipped = b.union(a)
    assert to_utc(union.earliest) == to_utc(flipped.earliest) == min(to_utc(a.earliest), to_utc(b.earliest))
    assert to_utc(union.latest) == to_utc(flipped.latest) == max(to_utc(a.latest), to_utc(b.latest))
    assert union.grain == flipped.grain == max(a.grain, b.grain)
    assert union.overlaps(a) and union.overlaps(b)


@PROPERTY
@given(instants(), instants())
def test_overlap_is_symmetric_and_excludes_certain_order(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    assert a.overlaps(a)
    if a.surely_before(b):
        assert not a.overlaps(b) and not b.surely_before(a)
    assert a.overlaps(b) or a.surely_before(b) or b.surely_before(a)


@PROPERTY
@given(instants(), instants(), fractions, fractions)
def test_instant_difference_bounds_every_pairwise_difference(later, earlier, at_later, at_earlier):
    difference = later - earlier
    for end in points_in(later, at_later):
        for start in points_in(earlier, at_earlier):
            assert difference.min <= end - start <= difference.max
    # The bounds are reached: they are differences of the ranges' ends.
    assert difference.min == elapsed(earlier.latest, later.earliest)
    assert difference.max == elapsed(earlier.earliest, later.latest)


def test_instant_minus_a_non_instant_is_not_supported():
    with pytest.raises(TypeError):
        Instant.exact(datetime(2026, 2, 1, tzinfo=UTC)) - timedelta(hours=1)


@pytest.mark.parametrize("zone, day", [
    (HAVANA, date(2026, 3, 7)), (HAVANA, date(2026, 3, 8)), (ZoneInfo("Asia/Kathmandu"), date(1985, 12, 31)),
])
def test_a_day_shifted_by_a_day_is_the_next_day_where_days_start_after_midnight(zone, day):
    # Regression: shift moved each end's wall time, so the day before a day beginning at
    # 01:00 (its end) moved to 01:00 of a day beginning at 00:00, an hour into that day.
    assert Instant.of_day(day, zone).shift(Duration(days=1)) == Instant.of_day(day + DAY, zone)
    assert Instant.of_day(day + DAY, zone).shift(-Duration(days=1)) == Instant.of_day(day, zone)


@pytest.mark.parametrize("first, last, months, expected_first, expected_last", [
    (date(2026, 2, 28), date(2026, 2, 28), 1, date(2026, 3, 28), date(2026, 3, 28)),
    (date(2024, 2, 29), date(2024, 2, 29), 12, date(2025, 2, 28), date(2025, 2, 28)),
    (date(2026, 1, 31), date(2026, 1, 31), 1, date(2026, 2, 28), date(2026, 2, 28)),
    (date(2026, 4, 28), date(2026, 4, 30), 1, date(2026, 5, 28), date(2026, 5, 30)),
])
def test_a_month_after_some_days_is_the_same_days_a_month_later(first, last, months, expected_first, expected_last):
    # Regression: shift moved the day's end boundary (March 1) to April 1, so "a month
    # after February 28" ran from March 28 to the end of March.
    shifted = Instant.of_days(first, last, KYIV).shift(Duration(months=months))
    assert shifted == Instant.of_days(expected_first, expected_last, KYIV)


def test_a_month_after_a_month_is_the_whole_next_month():
    february = Instant.of_days(date(2026, 2, 1), date(2026, 2, 28), KYIV, Grain.MONTH)
    assert february.shift(Duration(months=1)) == Instant.of_days(date(2026, 3, 1), date(2026, 3, 31), KYIV, Grain.MONTH)


def test_shift_of_a_clock_time_moves_the_wall_clock():
    moment = Instant.exact(localize(datetime(2026, 3, 8, 1, 0), HAVANA))
    assert moment.shift(Duration(days=1)).earliest.replace(tzinfo=None) == datetime(2026, 3, 9, 1, 0)


@PROPERTY
@given(instants(grains=[grain for grain in Grain if grain >= Grain.DAY], vague=False, zone=zones(midnight=True)),
       durations(clock=False, max_years=2))
def test_shifting_a_calendar_range_by_days_and_back_is_identity(instant, duration):
    days_only = Duration(weeks=duration.weeks, days=duration.days)
    assert instant.shift(days_only).shift(-days_only) == instant


def test_str_of_exact_and_ranged_instants():
    moment = datetime(2026, 2, 1, 23, tzinfo=UTC)
    assert str(Instant.exact(moment)) == "2026-02-01T23:00:00+00:00"
    assert str(Instant.of_day(date(2026, 2, 1), UTC)) == "2026-02-01T00:00:00+00:00..2026-02-02T00:00:00+00:00"


# --- ElapsedRange -------------------------------------------------------------------------

def test_elapsed_range_rejects_max_below_min():
    with pytest.raises(ValueError):
        ElapsedRange(DAY, HOUR)


@PROPERTY
@given(elapsed_ranges, elapsed_ranges, st.floats(0, 1), st.floats(0, 1))
def test_elapsed_range_sum_and_difference_hold_every_sum_and_difference(a, b, u, v):
    x = a.min + (a.max - a.min) * u
    y = b.min + (b.max - b.min) * v
    assert (a + b).contains(x + y)
    assert (a - b).contains(x - y)
    assert (a + b) == (b + a)
    assert (a - b).min == -(b - a).max and (a - b).max == -(b - a).min


@PROPERTY
@given(elapsed_ranges, elapsed_ranges)
def test_elapsed_range_laws(a, b):
    assert ((a + b) - b).contains(a.min) and ((a + b) - b).contains(a.max)
    assert (a + ElapsedRange.exact(timedelta(0))) == a
    assert a.overlaps(b) == b.overlaps(a)
    assert (a - a).contains(timedelta(0))
    assert a.is_exact == (a.min == a.max)


@PROPERTY
@given(elapsed_ranges, elapsed_ranges)
def test_elapsed_range_order_means_certainly_shorter(a, b):
    # Regression: total_ordering derived `>` as "neither < nor ==", so two overlapping
    # ranges were each greater than the other.
    assert (a < b) == (b > a) == (a.max < b.min)
    assert not (a < b and b < a) and not (a > b and b > a)
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (a > b or a == b)
    if a.overlaps(b):
        assert not a < b and not a > b


def test_overlapping_elapsed_ranges_are_neither_longer_nor_shorter():
    a, b = ElapsedRange(timedelta(days=1), timedelta(days=3)), ElapsedRange(timedelta(days=2), timedelta(days=4))
    assert not a > b and not b > a and not a < b and not b < a


def test_elapsed_range_contains_with_slack():
    week = ElapsedRange.exact(timedelta(days=7))
    assert week.contains(timedelta(days=7))
    assert not week.contains(timedelta(days=7, hours=1))
    assert week.contains(timedelta(days=7, hours=1), slack=HOUR)


def test_elapsed_range_str():
    assert str(ElapsedRange.exact(timedelta(days=2))) == "P2D"
    assert str(ElapsedRange(timedelta(hours=47), timedelta(hours=49))) == "P1DT23H..P2DT1H"


@pytest.mark.parametrize("length, text", [
    (timedelta(0), "P0D"), (timedelta(days=7), "P7D"), (timedelta(hours=23), "PT23H"),
    (timedelta(days=1, minutes=5, seconds=3), "P1DT5M3S"), (-timedelta(hours=1), "-PT1H"),
    (-timedelta(days=2, hours=1), "-P2DT1H"),
])
def test_format_timedelta(length, text):
    assert format_timedelta(length) == text


@PROPERTY
@given(st.timedeltas(-timedelta(days=400), timedelta(days=400)).map(lambda t: t - t % timedelta(seconds=1)))
def test_format_timedelta_reads_back_as_the_same_length(length):
    text = format_timedelta(length)
    duration = Duration.from_iso(text)
    assert duration.days * DAY + duration.clock_part == length


# --- Duration -----------------------------------------------------------------------------

@pytest.mark.parametrize("amount, unit, expected", [
    (1.5, "years", Duration(years=1, months=6)),
    (1.5, "hours", Duration(hours=1, minutes=30)),
    (0.5, "days", Duration(hours=12)),
    (1.5, "weeks", Duration(weeks=1, days=3, hours=12)),
    (2, "months", Duration(months=2)),
    (-1.5, "hours", Duration(hours=-1, minutes=-30)),
    (0.1, "hours", Duration(minutes=6)),
])
def test_duration_of_carries_fractions_down(amount, unit, expected):
    assert Duration.of(amount, unit) == expected


def test_duration_of_rejects_unknown_units_and_inexact_fractions():
    with pytest.raises(ValueError, match="unknown duration unit"):
        Duration.of(1, "fortnights")
    with pytest.raises(ValueError, match="not a whole number"):
        Duration.of(1.5, "months")


@pytest.mark.parametrize("text, expected", [
    ("P7D", Duration(days=7)), ("P1W", Duration(weeks=1)), ("PT48H", Duration(hours=48)),
    ("P1Y6M", Duration(years=1, months=6)), ("PT1.5H", Duration(hours=1, minutes=30)),
    ("P1.5Y", Duration(years=1, months=6)), ("P0.5D", Duration(hours=12)),
    ("-P2D", Duration(days=-2)), ("-PT1.5H", Duration(hours=-1, minutes=-30)),
    ("P1Y2M3W4DT5H6M7S", Duration(1, 2, 3, 4, 5, 6, 7)), (" P1D ", Duration(days=1)),
    ("P0D", Duration()),
])
def test_duration_from_iso(text, expected):
    assert Duration.from_iso(text) == expected


def test_fractional_hours_equal_hours_and_minutes():
    assert Duration.from_iso("PT1.5H") == Duration.from_iso("PT1H30M")


@pytest.mark.parametrize("text", [
    "", "P", "PT", "P1DT", "1D", "P-1D", "P1H", "PT1D", "P1.5M", "PT0.5S", "P1,5D", "PD", "P1D1Y", "-", "xP1D",
])
def test_duration_from_iso_rejects_with_value_format_error(text):
    # Regression: fractions no unit can hold (P1.5M) raised a plain ValueError.
    with pytest.raises(ValueFormatError):
        Duration.from_iso(text)


def test_value_format_error_is_both_a_library_error_and_a_value_error():
    with pytest.raises(DiscrepancyError):
        Duration.from_iso("P1.5M")
    with pytest.raises(ValueError):
        Duration.from_iso("nonsense")


def normal_form(duration: Duration) -> Duration:
    """What ``to_iso`` keeps: weeks stay weeks only when nothing else is stated."""
    if duration.weeks and duration != Duration(weeks=duration.weeks):
        return Duration(duration.years, duration.months, 0, duration.days + 7 * duration.weeks,
                        duration.hours, duration.minutes, duration.seconds)
    return duration


@PROPERTY
@given(durations(signed=True))
def test_iso_round_trip_up_to_folding_weeks_into_days(duration):
    text = duration.to_iso()
    assert Duration.from_iso(text) == normal_form(duration)
    assert Duration.from_iso(text).to_iso() == text


@PROPERTY
@given(durations())
def test_negative_duration_is_written_with_a_leading_minus(duration):
    assume(not duration.is_zero)
    assert (-duration).to_iso() == "-" + duration.to_iso()
    assert Duration.from_iso("-" + duration.to_iso()) == -normal_form(duration)


def test_mixed_signs_cannot_be_written_in_iso():
    # Regression: to_iso negated a mixed-sign duration and recursed until RecursionError.
    month_less_a_day = Duration(months=1) + Duration(days=-1)
    with pytest.raises(ValueError, match="mixed signs"):
        month_less_a_day.to_iso()
    assert "months=1" in str(month_less_a_day)


@pytest.mark.parametrize("duration, text", [
    (Duration(weeks=1), "P1W"), (Duration(weeks=1, days=1), "P8D"), (Duration(), "P0D"),
    (Duration(weeks=2, hours=1), "P14DT1H"), (Duration(hours=48), "PT48H"),
])
def test_to_iso_folds_weeks_only_when_mixed(duration, text):
    assert duration.to_iso() == text


@PROPERTY
@given(durations(), durations())
def test_duration_arithmetic_laws(a, b):
    assert a + b == b + a
    assert a + Duration() == a
    assert (a + b) + (-b) == a
    assert -(-a) == a
    assert 2 * a == a + a == a * 2
    assert (a + b).is_zero == (a.is_zero and b.is_zero)


@PROPERTY
@given(durations(), durations())
def test_duration_order_is_by_nominal_length(a, b):
    # Regression: total_ordering derived `>` as "neither < nor ==", so P1W > P7D and
    # P7D > P1W were both true.
    assert (a < b) == (b > a) == (a.nominal() < b.nominal())
    assert (a <= b) == (b >= a) == (a.nominal() <= b.nominal())
    assert not (a < b and b < a)


def test_a_week_and_seven_days_are_equally_long_but_not_equal():
    week, seven_days = Duration(weeks=1), Duration(days=7)
    assert week != seven_days
    assert not week > seven_days and not seven_days > week
    assert week <= seven_days and seven_days <= week


def test_equal_durations_hash_alike():
    assert len({Duration(days=7), Duration(days=7), Duration(weeks=1)}) == 2


def test_calendar_and_clock_parts():
    duration = Duration(1, 2, 3, 4, 5, 6, 7)
    assert duration.clock_part == timedelta(hours=5, minutes=6, seconds=7)
    assert datetime(2026, 1, 1) + duration.calendar_part == datetime(2027, 3, 26)


def test_add_to_a_naive_datetime_moves_the_wall_clock():
    assert Duration(months=1, hours=1).add_to(datetime(2026, 1, 31)) == datetime(2026, 2, 28, 1)


@PROPERTY
@given(moments(), durations(signed=True))
def test_add_to_keeps_the_zone(moment, duration):
    assert duration.add_to(moment).tzinfo is moment.tzinfo


@PROPERTY
@given(moments(), durations(calendar=False))
def test_clock_units_are_real_elapsed_time(moment, duration):
    assert duration.elapsed_from(moment) == duration.clock_part
    assert to_utc(duration.subtract_from(duration.add_to(moment))) == to_utc(moment)


# --- DurationRange ------------------------------------------------------------------------

def test_duration_range_rejects_max_below_min():
    with pytest.raises(ValueError, match="below min"):
        DurationRange(Duration(days=3), Duration(days=2))


def test_duration_range_forms():
    assert DurationRange.exact(Duration(weeks=1)).to_iso() == "P1W"
    assert DurationRange(Duration(days=2), Duration(days=3)).to_iso() == "P2D..P3D"
    assert DurationRange(Duration(weeks=1), None).to_iso() == "P1W.."
    assert not DurationRange(Duration(weeks=1), None).is_exact


@FEW
@given(instants(grains=[Grain.MINUTE, Grain.PART_OF_DAY, Grain.DAY, Grain.WEEK, Grain.MONTH,
                        Grain.QUARTER, Grain.YEAR], zone=zones(midnight=True)),
       durations(clock=False, max_years=1), fractions)
def test_duration_elapsed_from_instant_holds_the_length_from_every_start(instant, duration, where):
    bounds = duration.elapsed_from_instant(instant)
    for start in points_in(instant, where) + [to_utc(instant.earliest), to_utc(instant.latest)]:
        assert bounds.contains(duration.elapsed_from(start.astimezone(instant.zone)))


@FEW
@given(instants(grains=[Grain.DAY, Grain.WEEK, Grain.MONTH]), durations(max_years=1), durations(max_years=1))
def test_duration_range_elapsed_from_instant_spans_both_ends(instant, shorter, longer):
    assume(shorter.nominal() <= longer.nominal())
    both = DurationRange(shorter, longer).elapsed_from_instant(instant)
    low, high = shorter.elapsed_from_instant(instant), longer.elapsed_from_instant(instant)
    assert both.min == low.min and both.max == high.max
    open_ended = DurationRange(shorter, None).elapsed_from_instant(instant)
    assert open_ended.min == low.min and open_ended.max == timedelta.max


def test_a_week_with_a_spring_forward_night_holds_a_23_hour_day():
    # Regression: elapsed_from_instant looked only at the range's ends, both 24-hour days.
    last_week_of_march = Instant.of_days(date(2026, 3, 25), date(2026, 3, 31), KYIV)
    assert Duration(days=1).elapsed_from_instant(last_week_of_march) == ElapsedRange(timedelta(hours=23), DAY)


def test_a_month_from_some_day_of_a_year_lasts_28_to_31_days():
    # Regression: from both January 1 and the next January 1 "a month" is 31 days.
    year = Instant.of_days(date(2026, 1, 1), date(2026, 12, 31), UTC)
    assert Duration(months=1).elapsed_from_instant(year) == ElapsedRange(timedelta(days=28), timedelta(days=31))


def test_elapsed_from_an_exact_instant_is_exact():
    moment = Instant.exact(datetime(2026, 3, 28, 12, tzinfo=KYIV))
    assert Duration(days=1).elapsed_from_instant(moment) == ElapsedRange.exact(timedelta(hours=23))
    assert Duration(hours=5).elapsed_from_instant(moment) == ElapsedRange.exact(timedelta(hours=5))


# --- Interval -----------------------------------------------------------------------------

def test_interval_rejects_an_end_before_its_start():
    with pytest.raises(ValueError, match="ends before it starts"):
        Interval(Instant.of_day(date(2026, 2, 3), UTC), Instant.of_day(date(2026, 2, 1), UTC))
    # An end that may be the start's first moment is allowed: February 1 may end as February 2 begins.
    Interval(Instant.of_day(date(2026, 2, 2), UTC), Instant.of_day(date(2026, 2, 1), UTC))


def test_interval_length_and_open_ends():
    may_8, may_11 = Instant.of_day(date(2026, 5, 8), UTC), Instant.of_day(date(2026, 5, 11), UTC)
    interval = Interval(may_8, may_11, end_inclusive=True)
    assert interval.length() == ElapsedRange(timedelta(days=2), timedelta(days=4))
    assert Interval(may_8, None).length() is None
    assert Interval(None, may_11).length() is None


@PROPERTY
@given(instants(), instants())
def test_interval_accepts_any_ends_that_may_be_in_order(a, b):
    if to_utc(b.latest) < to_utc(a.earliest):
        with pytest.raises(ValueError):
            Interval(a, b)
    else:
        assert Interval(a, b).length() == b - a


# --- localize and start_of_day ------------------------------------------------------------

@pytest.mark.parametrize("zone, wall, expected_wall, offset_hours", [
    (NEW_YORK, datetime(2026, 3, 8, 2, 30), datetime(2026, 3, 8, 3, 30), -4),
    (LONDON, datetime(2026, 3, 29, 1, 15), datetime(2026, 3, 29, 2, 15), 1),
    (KYIV, datetime(2026, 3, 29, 3, 0), datetime(2026, 3, 29, 4, 0), 3),
    (HAVANA, datetime(2026, 3, 8, 0, 0), datetime(2026, 3, 8, 1, 0), -4),
])
def test_localize_moves_a_skipped_wall_time_forward_by_the_gap(zone, wall, expected_wall, offset_hours):
    moment = localize(wall, zone)
    assert moment.replace(tzinfo=None) == expected_wall
    assert moment.utcoffset() == timedelta(hours=offset_hours)


@pytest.mark.parametrize("zone, wall, offset_hours", [
    (NEW_YORK, datetime(2026, 11, 1, 1, 30), -4),
    (LONDON, datetime(2026, 10, 25, 1, 30), 1),
    (KYIV, datetime(2026, 10, 25, 3, 30), 3),
])
def test_localize_takes_the_first_of_two_repeated_wall_times(zone, wall, offset_hours):
    moment = localize(wall, zone)
    assert moment.replace(tzinfo=None) == wall
    assert moment.utcoffset() == timedelta(hours=offset_hours)
    later = wall.replace(tzinfo=zone, fold=1)
    assert elapsed(moment, later) == HOUR


@PROPERTY
@given(st.datetimes(datetime(1971, 1, 1), datetime(2099, 12, 31)), zones(midnight=True, utc=True))
def test_localize_lands_on_the_wall_time_or_just_after_a_gap(wall, zone):
    moment = localize(wall, zone)
    assert moment.tzinfo is zone
    shown = to_utc(moment).astimezone(zone).replace(tzinfo=None)
    assert shown == moment.replace(tzinfo=None)
    if shown != wall:
        # Only a skipped wall time moves, forward, by less than a day.
        assert timedelta(0) < shown - wall < DAY
        assert to_utc(wall.replace(tzinfo=zone)).astimezone(zone).replace(tzinfo=None) != wall
    else:
        # An existing wall time keeps its first occurrence.
        assert moment.fold == 0


@PROPERTY
@given(st.dates(date(1971, 1, 1), date(2099, 12, 30)), zones(midnight=True, utc=True))
def test_start_of_day_is_the_first_moment_of_the_day(day, zone):
    first = start_of_day(day, zone)
    assert first.date() == day
    assert (to_utc(first) - timedelta(microseconds=1)).astimezone(zone).date() < day


def test_a_day_a_zone_skipped_is_an_empty_range_where_the_next_day_begins():
    # Kiribati moved across the date line: 1994-12-31 never happened on Kiritimati.
    kiritimati = ZoneInfo("Pacific/Kiritimati")
    skipped = Instant.of_day(date(1994, 12, 31), kiritimati)
    assert skipped.width == timedelta(0)
    assert skipped.earliest.replace(tzinfo=None) == datetime(1995, 1, 1)
    assert Instant.of_day(date(1994, 12, 30), kiritimati).width == DAY


# --- The strategies module itself ---------------------------------------------------------

def test_strategies_need_hypothesis_and_say_how_to_get_it(monkeypatch):
    import importlib
    import sys

    monkeypatch.setitem(sys.modules, "hypothesis", None)
    monkeypatch.delitem(sys.modules, "discrepancy.strategies")
    with pytest.raises(ImportError, match="pip install"):
        importlib.import_module("discrepancy.strategies")


@pytest.mark.parametrize("wanted", [
    lambda day: (day.month, day.day) == (2, 29),
    lambda day: (day + DAY).day == 1 and day.month != 12,
    lambda day: (day.month, day.day) == (12, 31),
    lambda day: Instant.of_day(day, KYIV).width != DAY,
], ids=["leap day", "month end", "year end", "clock change in Kyiv"])
def test_reference_dates_reach_every_edge(wanted):
    from hypothesis import find

    find(reference_dates(zone=KYIV), wanted, settings=settings(max_examples=500, database=None))


def test_clock_changes_of_a_year():
    from discrepancy.strategies import clock_changes

    spring, autumn = clock_changes(KYIV, 2026, 2026)
    assert spring.moment == datetime(2026, 3, 29, 1, tzinfo=UTC) and spring.shift == HOUR
    assert autumn.moment == datetime(2026, 10, 25, 1, tzinfo=UTC) and autumn.shift == -HOUR
    assert spring.day(KYIV) == date(2026, 3, 29)


@PROPERTY
@given(moments(zones(midnight=True, utc=True)))
def test_moments_are_existing_whole_minutes(moment):
    assert moment.second == moment.microsecond == 0
    assert to_utc(moment).astimezone(moment.tzinfo).replace(tzinfo=None) == moment.replace(tzinfo=None)


@given(whole=st.integers(0, 240), half_or_quarter=st.sampled_from([Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)]))
def test_part_months_span_that_part_of_the_shortest_and_longest_month(whole, half_or_quarter):
    """ "a month and a half": the part of a month is that part of 28 to 31 days, and the
    TIMEX3 value ``P1.5M`` reads back as the same range."""
    from discrepancy.temporal.timex import parse_timex
    from discrepancy.temporal.values import DurationRange

    months = whole + half_or_quarter
    length = DurationRange.of_months(months)
    assert length.min.months == length.max.months == whole
    assert length.min.days <= half_or_quarter * 28 < half_or_quarter * 31 <= length.max.days
    assert length.max.days - length.min.days <= 3  # a whole month is 28 to 31 days
    assert parse_timex(f"P{float(months):g}M", ZoneInfo("UTC")) == length
