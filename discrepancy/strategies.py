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

Phrases with their known values, for testing recognition (each a `KnownPhrase`: the
phrase, a sentence holding it, the reference and zone, and what it must mean):

- `date_phrases()`: calendar dates with their year, in the forms news writes them
  (``February 1, 2026``, ``Feb. 1, 2026``, ``1 February 2026``, ``2026-02-01``, with or
  without the weekday).
- `weekday_phrases()`: ``last Monday``, ``next Friday``, and bare weekdays in a clause
  whose tense decides ("said on Monday", "will meet on Monday"), relative to the reference.
- `duration_phrases()`: lengths in their written forms: digits, words, hyphenated
  adjectives (``48-hour``, ``twenty-one-day``), ``weeklong``, ``a fortnight``.
- `bound_phrases()`: ``until``, ``through``, ``by``, ``before`` a date, with the range in
  which the window they bound ends.

Short texts about a window with the findings the built-in rules must give, for testing
rule files (`window_stories()`, each a `WindowStory`): a window of N days that starts on
day D, and an end bound or an observed end M days later, M chosen either where every
reading agrees with N (no finding) or clearly away from it (a finding), never in between.

Importing this module needs Hypothesis (``pip install 'discrepancy[testing]'``); the
library itself never imports it.
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
from .temporal.values import Duration, DurationRange, Grain, Instant, localize, start_of_day

__all__ = [
    "ClockChange", "DST_ZONES", "FAR_ZONES", "KnownPhrase", "MIDNIGHT_DST_ZONES", "WindowStory", "bound_phrases",
    "clock_changes", "date_phrases", "duration_phrases", "durations", "instants", "moments", "reference_dates",
    "timex_values", "weekday_phrases", "window_stories", "zones",
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

    # Written out independently of `timex.format_instant` on purpose: a strategy whose
    # values came from the code under test could never catch that code's mistakes.
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


# -- Phrases with their known values -----------------------------------------------------------

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
# The abbreviations news uses, with their full stop (May, June and July are not shortened).
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
                       "Nov.", "Dec.")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(number: int) -> str:
    """1 to 99 in words as news writes them: ``seven``, ``twenty-one``, ``ninety``."""
    if not 1 <= number <= 99:
        raise ValueError("number_words() covers 1 to 99")
    if number < 20:
        return _UNITS[number - 1]
    tens, units = divmod(number, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[units - 1]}" if units else "")


@attrs.frozen
class KnownPhrase:
    """A time phrase, a sentence holding it, and what it must mean against ``reference`` in ``tz``.

    ``start`` is the phrase's offset in ``sentence``.  ``value`` is the TIMEX3 value the
    tagger must give.  A date or weekday has ``day``; a duration has ``duration`` (its
    range of lengths); a bound has ``day`` (the named date), ``inclusive`` (True, False,
    or None where the cue leaves it open) and ``ends``, the (earliest, latest) moments at
    which the window it bounds may end.
    """

    phrase: str
    sentence: str
    start: int
    reference: date
    tz: str
    kind: str  # "date", "weekday", "duration" or "bound"
    value: str
    day: Optional[date] = None
    duration: Optional[DurationRange] = None
    inclusive: Optional[bool] = None
    ends: Optional[tuple[datetime, datetime]] = None

    @property
    def end(self) -> int:
        return self.start + len(self.phrase)


def _in_sentence(phrase: str, template: str, **fields) -> KnownPhrase:
    before, _, _after = template.partition("{}")
    return KnownPhrase(phrase=phrase, sentence=template.format(phrase), start=len(before), **fields)


def _written_date(day: date, form: int, weekday: bool) -> str:
    month, abbreviation = MONTH_NAMES[day.month - 1], MONTH_ABBREVIATIONS[day.month - 1]
    written = (f"{month} {day.day}, {day.year}", f"{abbreviation} {day.day}, {day.year}",
               f"{day.day} {month} {day.year}", day.isoformat())[form]
    if weekday and form < 3:
        written = f"{WEEKDAY_NAMES[day.weekday()]}, {written}"
    return written


_DATE_SENTENCES = ("The agreement was signed on {}.", "Officials met on {} in Geneva.",
                   "On {}, the two sides spoke again.")


def _phrase_references(reference: Optional[date], min_year: int, max_year: int) -> st.SearchStrategy[date]:
    return st.just(reference) if reference is not None else reference_dates(min_year=min_year, max_year=max_year)


def date_phrases(
    reference: Optional[date] = None,
    tz: str = "UTC",
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[KnownPhrase]:
    """Calendar dates written with their year, within a few years of the reference."""

    def build(ref: date, offset: int, form: int, weekday: bool, template: str) -> KnownPhrase:
        day = ref + timedelta(days=offset)
        phrase = _written_date(day, form, weekday)
        return _in_sentence(phrase, template, reference=ref, tz=tz, kind="date", value=day.isoformat(), day=day)

    return st.builds(build, _phrase_references(reference, min_year + 3, max_year - 3),
                     st.integers(-3 * 366, 3 * 366), st.integers(0, 3), st.booleans(),
                     st.sampled_from(_DATE_SENTENCES))


# Clauses whose tense decides a bare weekday: "said" looks back, "will" forward.
_WEEKDAY_SENTENCES = {
    "past": "The minister said on {} that talks had stalled.",
    "future": "Negotiators will meet again on {} in Doha.",
}


def weekday_phrases(
    reference: Optional[date] = None,
    tz: str = "UTC",
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[KnownPhrase]:
    """Weekdays relative to the reference.

    ``last Monday`` is the latest Monday strictly before the reference and ``next Monday``
    the first strictly after it; a bare ``Monday`` is the one just gone in a past clause
    and the coming one in a future clause, the reference day itself when it is a Monday.
    """

    def build(ref: date, weekday: int, form: str) -> KnownPhrase:
        name = WEEKDAY_NAMES[weekday]
        back = (ref.weekday() - weekday) % 7
        ahead = (weekday - ref.weekday()) % 7
        if form == "last":
            day, phrase, template = ref - timedelta(days=back or 7), f"last {name}", "The talks collapsed {}."
        elif form == "next":
            day, phrase, template = ref + timedelta(days=ahead or 7), f"next {name}", "The talks resume {}."
        elif form == "past":
            day, phrase, template = ref - timedelta(days=back), name, _WEEKDAY_SENTENCES["past"]
        else:
            day, phrase, template = ref + timedelta(days=ahead), name, _WEEKDAY_SENTENCES["future"]
        return _in_sentence(phrase, template, reference=ref, tz=tz, kind="weekday", value=day.isoformat(), day=day)

    return st.builds(build, _phrase_references(reference, min_year, max_year), st.integers(0, 6),
                     st.sampled_from(["last", "next", "past", "future"]))


def _duration_forms(count: int, unit: str) -> list[tuple[str, str]]:
    """(phrase, sentence) pairs for ``count`` ``unit``s: digits, words, hyphenated adjective."""
    plural = unit if count == 1 else unit + "s"
    forms = [(f"{count} {plural}", "The pause lasted {}."),
             (f"{count}-{unit}", "They agreed to a {} pause.")]
    if count <= 99:
        forms += [(f"{number_words(count)} {plural}", "The pause lasted {}."),
                  (f"{number_words(count)}-{unit}", "They agreed to a {} pause.")]
    if unit == "week" and count == 1:
        forms += [("weeklong", "They agreed to a {} pause."), ("week-long", "They agreed to a {} pause.")]
    if unit == "week" and count == 2:
        forms += [("a fortnight", "The pause lasted {}.")]
    return forms


_DURATION_UNITS = {"day": ("D", 120), "week": ("W", 12), "month": ("M", 24), "year": ("Y", 10), "hour": ("H", 96)}


def duration_phrases(units: Sequence[str] = tuple(_DURATION_UNITS)) -> st.SearchStrategy[KnownPhrase]:
    """Exact lengths in their written forms, with their TIMEX3 value and `DurationRange`.

    Weeks keep their unit in the value (``P2W``) but are stored as days (``P14D``), as the
    tagger stores them; hours are real elapsed time (``PT48H``).
    """
    unknown = set(units) - set(_DURATION_UNITS)
    if unknown or not units:
        raise ValueError(f"duration_phrases() units are {', '.join(_DURATION_UNITS)}")

    def forms(unit: str, count: int) -> st.SearchStrategy[KnownPhrase]:
        letter, _ = _DURATION_UNITS[unit]
        value = f"PT{count}{letter}" if unit == "hour" else f"P{count}{letter}"
        amount = {"day": Duration(days=count), "week": Duration(days=7 * count), "month": Duration(months=count),
                  "year": Duration(years=count), "hour": Duration(hours=count)}[unit]
        return st.sampled_from(_duration_forms(count, unit)).map(
            lambda form: _in_sentence(form[0], form[1], reference=date(2026, 2, 3), tz="UTC", kind="duration",
                                      value=value, duration=DurationRange.exact(amount)))

    return st.sampled_from(list(units)).flatmap(
        lambda unit: st.integers(1, _DURATION_UNITS[unit][1]).flatmap(lambda count: forms(unit, count)))


# cue -> (inclusive, how the end is found from the named day)
_BOUND_CUES = {"until": None, "till": None, "through": True, "by": True, "no later than": True, "before": False}


def bound_phrases(
    reference: Optional[date] = None,
    tz: str = "UTC",
    *,
    min_year: int = DEFAULT_MIN_YEAR,
    max_year: int = DEFAULT_MAX_YEAR,
) -> st.SearchStrategy[KnownPhrase]:
    """``until/till/through/by/no later than/before`` a dated day, with the window's end range.

    ``through D`` and ``by D`` end exactly when D ends; ``before D`` exactly when it begins;
    ``until D`` somewhere from D's start to its end, since writers mean both.  The phrase
    is the date alone, as TimeML marks it; the cue is the word before it.
    """
    zone = ZoneInfo(tz)

    def build(ref: date, offset: int, form: int, cue: str) -> KnownPhrase:
        day = ref + timedelta(days=offset)
        inclusive = _BOUND_CUES[cue]
        begins, ends = start_of_day(day, zone), start_of_day(day + timedelta(days=1), zone)
        window_end = (ends, ends) if inclusive else (begins, begins) if inclusive is False else (begins, ends)
        phrase = _written_date(day, form, False)
        return _in_sentence(phrase, f"The ceasefire holds {cue} {{}}.", reference=ref, tz=tz, kind="bound",
                            value=day.isoformat(), day=day, inclusive=inclusive, ends=window_end)

    return st.builds(build, _phrase_references(reference, min_year + 1, max_year - 1), st.integers(1, 400),
                     st.integers(0, 3), st.sampled_from(sorted(_BOUND_CUES)))


# -- Short texts about a window, with their known findings --------------------------------------


@attrs.frozen
class WindowStory:
    """A short news text about one window, and the findings the built-in rules must give.

    The window is stated as ``days`` long (written ``length_text``) and starts on ``start``;
    ``end`` is the day of its end bound or observed end (``end_role`` "bound" or
    "observation"), or None when the text states no end.  ``expected`` lists the finding
    kinds, in order: empty when every reading of the text agrees with the stated length.
    """

    text: str
    reference: date
    tz: str
    window: str
    days: int
    length_text: str
    start: date
    end: Optional[date]
    end_role: Optional[str]
    expected: tuple[str, ...]

    @property
    def offset(self) -> Optional[int]:
        """Days from the start to the end, when there is one."""
        return (self.end - self.start).days if self.end is not None else None


# Templates per window kind: (opening with the length and start, end bound, observed end).
_STORIES = {
    "truce": ("A {length} ceasefire took effect on {start}.",
              "Officials said the truce would hold until {end}.",
              "Fighting resumed on {end}."),
    "strike": ("Workers began a {length} strike on {start}.",
               "The union said the strike would run through {end}.",
               "The strike ended on {end}."),
    "lockdown": ("A {length} lockdown was imposed on {start}.",
                 "The lockdown was to last until {end}.",
                 "The lockdown was lifted on {end}."),
}
# For an N-day window from D, the end offsets M every reading agrees with: an end bound on
# D+N-1 (the window's last day, "through" it or "until" it), an observed end on D+N.  The
# rules allow half a day and inclusive counting, so a finding is certain only some days
# away; stories never use the days in between, where the answer is a matter of reading.
_AGREEING = {"bound": -1, "observation": 0}
_CLEARLY_APART = {"bound": (-5, 3), "observation": (-3, 5)}
_KIND_OF_ROLE = {"bound": "duration-vs-bound", "observation": "duration-vs-observed"}
_WRITTEN_DATE_FORMS = 3  # every form of _written_date but ISO, which news does not write in prose


def _length_written(days: int, form: int) -> str:
    if days == 7 and form >= 2:
        return ("weeklong", "week-long")[form - 2]
    if days % 7 == 0 and days <= 28 and form == 3:
        return f"{number_words(days // 7)}-week"
    return f"{days}-day" if form % 2 == 0 else f"{number_words(days)}-day"


def window_stories(
    windows: Sequence[str] = tuple(_STORIES),
    *,
    roles: Sequence[str] = ("bound", "observation", None),
    agreeing: Optional[bool] = None,
    tz: str = "UTC",
    min_year: int = 1990,
    max_year: int = 2090,
) -> st.SearchStrategy[WindowStory]:
    """Short texts about a window of 2 to 60 days, with the findings they must give.

    ``roles`` picks how the end is stated (None: not at all, so nothing to contradict).
    ``agreeing`` True gives only texts that must give no finding, False only texts that
    must give one; by default both.  Dates are written with their year, so no reading of
    tense can move them; the reference is a few days after the last date named.
    """
    unknown = set(windows) - set(_STORIES)
    if unknown or not windows:
        raise ValueError(f"window_stories() windows are {', '.join(_STORIES)}")

    def offsets(days: int, role: Optional[str]) -> st.SearchStrategy[tuple[int, bool]]:
        if role is None:
            return st.just((0, True))
        agree = st.just((days + _AGREEING[role], True))
        low, high = _CLEARLY_APART[role]
        early = [(offset, False) for offset in range(1, days + low + 1)]
        apart = st.one_of(st.sampled_from(early), st.integers(days + high, days + 60).map(lambda m: (m, False))) \
            if early else st.integers(days + high, days + 60).map(lambda m: (m, False))
        if agreeing is True:
            return agree
        if agreeing is False:
            return apart
        return st.one_of(agree, apart)

    def build(window: str, days: int, role: Optional[str], offset_agrees: tuple[int, bool], start: date,
              length_form: int, date_form: int, later: int) -> WindowStory:
        offset, agrees = offset_agrees
        opening, bound, observed = _STORIES[window]
        length = _length_written(days, length_form)
        end = start + timedelta(days=offset) if role is not None else None
        sentences = [opening.format(length=length, start=_written_date(start, date_form, False))]
        if role is not None:
            template = bound if role == "bound" else observed
            sentences.append(template.format(end=_written_date(end, date_form, False)))  # type: ignore[arg-type]
        last = end if end is not None else start
        expected = () if agrees else (_KIND_OF_ROLE[role],)  # type: ignore[index]
        return WindowStory(text=" ".join(sentences), reference=last + timedelta(days=later), tz=tz, window=window,
                           days=days, length_text=length, start=start, end=end, end_role=role, expected=expected)

    if agreeing is False:
        roles = [role for role in roles if role is not None]
        if not roles:
            raise ValueError("a story without an end can only agree; give roles 'bound' or 'observation'")

    def story(window: str, days: int, role: Optional[str]) -> st.SearchStrategy[WindowStory]:
        return st.builds(build, st.just(window), st.just(days), st.just(role), offsets(days, role),
                         st.dates(date(min_year, 1, 1), date(max_year, 12, 31)), st.integers(0, 3),
                         st.integers(0, _WRITTEN_DATE_FORMS - 1), st.integers(1, 30))

    return st.tuples(st.sampled_from(list(windows)), st.integers(2, 60), st.sampled_from(list(roles))).flatmap(
        lambda chosen: story(*chosen))
