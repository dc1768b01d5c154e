"""Giving each recognised piece its meaning: TIMEX3 type and value, and an honest range.

A piece's meaning depends on the reference date and zone, on the tense of its clause (a bare
"Wednesday" is the one before or after the reference), and on the discourse anchor: the last
time the text named ("the following day", "a year earlier", "the quarter").  All three come
in as arguments; this module never reads the clock.

Values are formed at the grain the text states them (TIMEX3), and ranges come from the value
through `timex.parse_timex`, then narrowed or widened for what TIMEX3 cannot say ("early
2025", "overnight Monday", "midnight on Saturday").
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time, timedelta, tzinfo
from fractions import Fraction
from typing import Callable, Optional, Union
from zoneinfo import ZoneInfo

import attrs
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

from . import lexicon as lx
from .expressions import TimexType
from .numbers import parse_amount, parse_ordinal
from .tense import Tense
from .timex import format_instant, parse_timex, part_of_day
from .values import Duration, DurationRange, Grain, Instant, localize, start_of_day


@attrs.frozen
class Piece:
    """A stretch of text a rule matched, or two neighbouring pieces joined by `recognise`."""

    kind: str
    start: int
    end: int
    groups: dict = attrs.field(eq=False, factory=dict)
    parts: tuple = ()
    glue: str = ""

    def group(self, name: str) -> Optional[str]:
        return self.groups.get(name)


@attrs.frozen
class Meaning:
    """What a piece means: its TIMEX3 type and value and the value object behind them."""

    type: TimexType
    value: str
    instant: Optional[Instant] = None
    duration: Optional[DurationRange] = None
    mod: Optional[str] = None
    start: Optional[int] = None  # a narrower start than the piece's, when a leading word is not part of the TIMEX
    end: Optional[int] = None  # likewise a narrower end ("two days" of "two days after the attack")


class _read_once:
    """`functools.cached_property` without its lock: the value is read on first access and
    kept in the instance's ``__dict__``, where later lookups find it before this descriptor.

    Python 3.11's `cached_property` takes a lock on every first access (about 0.5 µs), and
    each of the tens of thousands of dates in a dense text makes one `Context` and asks its
    tense once.  A `Context` is never shared between threads while it is being resolved, and
    two first reads would compute the same value anyway.
    """

    def __init__(self, function: Callable) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@attrs.frozen(slots=False)
class Context:
    """What resolution needs besides the piece: reference day, zone, clause tense, anchor.

    ``clause_tense`` is the tense or a function that reads it: reading a clause's tense
    costs more than most resolutions, and many pieces ("48-hour", "2026-02-01") never ask.
    """

    reference: date
    zone: tzinfo
    clause_tense: Union[Tense, Callable[[], Tense]] = Tense.UNMARKED
    anchor: Optional[Instant] = None
    text: str = ""
    topic: Optional[Instant] = None  # the first quarter the text named: the period a report is about
    anchor_end: int = 0  # where the anchor's phrase ends in the text

    @_read_once
    def tense(self) -> Tense:
        return self.clause_tense() if callable(self.clause_tense) else self.clause_tense


_SENTENCE_END = re.compile(r"[.!?]['\"\u2019\u201d]{0,2}\s")


def anchor_is_near(ctx: Context, start: int) -> bool:
    """Whether the anchor was named in this sentence or the one before: far enough back, a
    bare "overnight" is the night before the text was written, not before the anchor."""
    return ctx.anchor is not None and len(_SENTENCE_END.findall(ctx.text, ctx.anchor_end, start)) <= 1


# --- grains and units -------------------------------------------------------------------

UNIT_GRAINS: dict[str, Grain] = {
    "second": Grain.SECOND, "minute": Grain.MINUTE, "hour": Grain.HOUR, "day": Grain.DAY,
    "night": Grain.DAY, "week": Grain.WEEK, "fortnight": Grain.WEEK, "weekend": Grain.WEEK,
    "month": Grain.MONTH, "quarter": Grain.QUARTER, "year": Grain.YEAR, "decade": Grain.DECADE,
    "century": Grain.CENTURY, "millennium": Grain.CENTURY,
}

_EDGE_MODS = {
    "early": "START", "late": "END", "mid": "MID", "end": "END", "beginning": "START",
    "start": "START", "close": "END", "middle": "MID", "turn": "START", "first half": "START",
    "second half": "END", "latter part": "END", "early part": "START", "earlier": None, "later": None,
}
# The share of a range each edge keeps: early 2025 is its first third, late 2025 its last.
_EDGE_FRACTIONS = {"START": (0.0, 1 / 3), "MID": (1 / 3, 2 / 3), "END": (2 / 3, 1.0)}
_DAY_EDGE_FRACTIONS = {"START": (0.0, 0.5), "MID": (0.25, 0.75), "END": (0.5, 1.0)}


_WHITESPACE = re.compile(r"\s+")

# The pure steps of reading a length are cached by their whole arguments (a unit word, an
# amount): dense text and news alike repeat "48-hour", "30 days", "a week".  Each cache holds
# at most 1,024 entries (least recently used dropped), a few hundred kilobytes at most.
_PURE = functools.lru_cache(maxsize=1024, typed=True)


@_PURE
def singular(unit: str) -> str:
    unit = _WHITESPACE.sub(" ", unit.lower())
    return lx.UNIT_PLURALS.get(unit, unit)


@_PURE
def unit_duration(unit: str, amount: Fraction) -> Duration:
    """The calendar length of ``amount`` units; weeks become days so lengths compare plainly."""
    field, multiplier = lx.UNITS[unit]
    total = amount * multiplier
    if field == "weeks":
        field, total = "days", total * 7
    if unit == "quarter":
        field = "months"
    return Duration.of(float(total) if total.denominator != 1 else int(total), field)


@_PURE
def duration_value(unit: str, amount: Fraction) -> str:
    """The TIMEX3 value of an exact amount of a unit, in the unit the text used (``P2W``)."""
    if amount.denominator != 1:
        field, multiplier = lx.UNITS[unit]
        return Duration.of(float(amount * multiplier), field).to_iso()
    count = int(amount)
    code, multiplier = lx.EXACT_UNIT_CODES[unit]
    if code == "DE":
        return f"P{count * 10}Y"
    if code == "CE":
        return f"P{count * 100}Y"
    if code == "ML":
        return f"P{count * 1000}Y"
    if code == "WE":
        return f"P{count * 2}D"
    if code.startswith("T"):
        return f"PT{count * multiplier}{code[1]}"
    return f"P{count * multiplier}{code}"


def vague_value(unit: str) -> str:
    code = lx.VAGUE_UNIT_CODES[unit]
    return f"PT X{code[1]}".replace(" ", "") if code.startswith("T") else f"PX{code}"


# --- instants ------------------------------------------------------------------------------

def instant_of(value: str, zone: tzinfo) -> Optional[Instant]:
    parsed = parse_timex(value, zone)
    return parsed if isinstance(parsed, Instant) else None


def narrow(instant: Instant, mod: Optional[str]) -> Instant:
    """The part of a range an edge word keeps ("early 2025": January to April)."""
    if mod not in _EDGE_FRACTIONS:
        return instant
    fractions = _DAY_EDGE_FRACTIONS if instant.grain is Grain.DAY else _EDGE_FRACTIONS
    low, high = fractions[mod]
    width = instant.width
    zone = instant.zone
    earliest = (instant.earliest.astimezone(ZoneInfo("UTC")) + width * low).astimezone(zone)
    latest = (instant.earliest.astimezone(ZoneInfo("UTC")) + width * high).astimezone(zone)
    return Instant(earliest, latest, instant.grain)


def day_value(day: date) -> str:
    """``YYYY-MM-DD``, the year always in four digits (strftime writes year 999 as "999").

    A plain `date`'s `isoformat` writes exactly that, at a quarter of the cost of
    formatting each field: every dated expression of a dense text asks for it.
    """
    if type(day) is date:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def week_value(day: date) -> str:
    return value_at_grain(day, Grain.WEEK)


_UTC = ZoneInfo("UTC")


def value_at_grain(day: date, grain: Grain) -> str:
    """The TIMEX3 value of the period at ``grain`` that holds ``day`` (a finer grain gives the day)."""
    if grain.rank <= Grain.DAY.rank:
        return day_value(day)
    return format_instant(Instant.of_days(day, day, _UTC, grain))


def date_meaning(value: str, ctx: Context, mod: Optional[str] = None, kind: TimexType = TimexType.DATE) -> Meaning:
    instant = instant_of(value, ctx.zone)
    if instant is not None:
        instant = narrow(instant, mod)
    return Meaning(kind, value, instant, mod=mod)


# --- choosing years and days ------------------------------------------------------------------

_WRONG_SIDE_PENALTY_DAYS = 90


# `nearest_year_for` weighs nine years for every date named without one; its answer depends
# only on the month, day, weekday, reference and tense, which dense text repeats.
_NEAREST_YEARS: dict[tuple, Optional[date]] = {}


def nearest_year_for(month: int, day: int, ctx: Context, weekday: Optional[int] = None) -> Optional[date]:
    """The year that puts month/day nearest the reference, leaning to the clause's tense."""
    key = (month, day, weekday, ctx.reference, ctx.tense)
    if key not in _NEAREST_YEARS:
        if len(_NEAREST_YEARS) >= 4096:
            _NEAREST_YEARS.clear()
        _NEAREST_YEARS[key] = _nearest_year_for(month, day, ctx, weekday)
    return _NEAREST_YEARS[key]


def _nearest_year_for(month: int, day: int, ctx: Context, weekday: Optional[int]) -> Optional[date]:
    candidates = []
    for year in range(ctx.reference.year - 4, ctx.reference.year + 5):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [c for c in candidates if c.weekday() == weekday]
        if matching:
            candidates = matching
    return nearest_in(candidates, ctx)


def month_year(month: int, rel: Optional[str], ctx: Context) -> int:
    """The year of a month named without one ("in April", "last November")."""
    ref = ctx.reference
    here = ref.year * 12 + ref.month - 1
    if rel in ("last", "past", "previous"):
        candidates = [y for y in (ref.year - 1, ref.year) if y * 12 + month - 1 < here]
        return max(candidates)
    if rel in ("next", "coming"):
        candidates = [y for y in (ref.year, ref.year + 1) if y * 12 + month - 1 > here]
        return min(candidates)
    if rel == "this":
        return ref.year

    tense = ctx.tense
    if tense is Tense.UNMARKED:
        return ref.year
    key = (month, ref, tense)
    year = _MONTH_YEARS.get(key)
    if year is None:
        if len(_MONTH_YEARS) >= 4096:
            _MONTH_YEARS.clear()
        year = _MONTH_YEARS[key] = _nearest_month_year(month, here, ref.year, tense)
    return year


# `month_year` of a month named in a past or future clause depends only on the month, the
# reference and the tense, which a text repeats: worked out once per key (at most 4,096 kept).
_MONTH_YEARS: dict[tuple, int] = {}


def _nearest_month_year(month: int, here: int, year: int, tense: Tense) -> int:
    """The year within one of ``year`` that puts ``month`` nearest month index ``here``,
    four months' penalty for the side the tense does not point to."""
    def score(year: int) -> tuple[int, int]:
        offset = year * 12 + month - 1 - here
        penalty = 0
        if (tense is Tense.PAST and offset > 0) or (tense is Tense.FUTURE and offset < 0):
            penalty = 4
        return abs(offset) + penalty, offset

    return min((year - 1, year, year + 1), key=score)


def weekday_date(weekday: int, rel: Optional[str], ctx: Context) -> date:
    """The date of a named weekday: the one just gone in a past clause, the next in a future one."""
    ref = ctx.reference
    if rel in ("previous", "following"):
        # "the previous Friday", "the following Monday": the one before or after the day the text is on
        ref = _anchor_day(ctx)
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return ref + timedelta(days=ahead or 7)
    if ctx.tense is Tense.FUTURE or (rel == "this" and ctx.tense is not Tense.PAST):
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, 1) + relativedelta(months=1, days=-1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def holiday_date(name: str, year: int) -> Optional[date]:
    name = _WHITESPACE.sub(" ", name.lower())
    if name in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in lx.NTH_WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *lx.NTH_WEEKDAY_HOLIDAYS[name])
    if name in lx.EASTER_HOLIDAYS:
        method = EASTER_ORTHODOX if name.startswith("orthodox") else EASTER_WESTERN
        return easter(year, method) + timedelta(days=lx.EASTER_HOLIDAYS[name])
    return None


def _year_of(text: Optional[str], ctx: Context) -> Optional[int]:
    if not text:
        return None
    text = _WHITESPACE.sub(" ", text.lower())
    text = re.sub(r"['\u2019]s$", "", text)
    if text == "this year":
        return ctx.reference.year
    if text == "last year":
        return ctx.reference.year - 1
    if text == "next year":
        return ctx.reference.year + 1
    digits = re.sub(r"\D", "", text)
    if len(digits) == 2:
        year = int(digits)
        return 1900 + year if year >= 50 else 2000 + year
    return int(digits) if digits else None


def _month_of(text: str) -> int:
    return lx.MONTHS[text.lower().rstrip(".")]


def _weekday_of(text: str) -> int:
    return lx.WEEKDAYS.get(text.lower(), lx.WEEKDAY_ABBREVIATIONS.get(text))


def _anchor_day(ctx: Context, grain: Grain = Grain.DAY) -> date:
    """A day within the anchor when it is stated at ``grain`` or finer ("In March ... the
    following month"), else the reference."""
    if ctx.anchor is not None and ctx.anchor.grain.rank <= max(grain.rank, Grain.DAY.rank):
        return ctx.anchor.earliest.date()
    return ctx.reference


# --- days: the pieces that name one calendar day ------------------------------------------------

DAY_KINDS = frozenset({
    "iso_date", "slash_date", "compact_date", "month_day", "day_month", "ordinal_day",
    "weekday", "relative_day", "holiday", "dated_weekday", "day_of_year",
})


_BEFORE_BARE_DAY = re.compile(r"\b(?:on|by|until|till|from|since|before|after|through|to|and|or)\s{1,3}$", re.IGNORECASE)


_NOUN_AFTER_ORDINAL = re.compile(
    r"\s{1,3}(?!(?:of|at|in|and|or|when|as|after|before|until|to|for|with|from|this|next|last|the)\b)[A-Za-z]")


# An accounting period said to have ended: "the year ended", "the six months ended".
_PERIOD_ENDED_BEFORE = re.compile(
    r"\b(?:year|quarter|period|half|months|weeks)\s{1,3}ended\s{1,3}$", re.IGNORECASE)


def _may_end_in_ended(text: str, start: int) -> bool:
    """Whether the text before ``start`` could end as `_PERIOD_ENDED_BEFORE` does: "ended"
    and one to three spaces (four when ``$`` stands before a final newline).

    A cheap test before the search, which tries its six nouns at each of forty positions
    (0.8 µs) for every day named without a year.  Outside ASCII the test says yes and the
    pattern decides.
    """
    before = text[max(0, start - 9): start]
    if not before.isascii():
        return True
    stripped = before.rstrip()
    return 1 <= len(before) - len(stripped) <= 4 and stripped.lower().endswith("ended")


def _latest_on_or_before(month: int, day: int, reference: date) -> Optional[date]:
    """The last ``month``/``day`` on or before ``reference`` (29 February: the last leap one)."""
    for year in range(reference.year, reference.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate
    return None


def resolve_day(piece: Piece, ctx: Context) -> Optional[date]:
    """The calendar day a day-naming piece names, or ``None`` when it names none."""
    kind = piece.kind
    try:
        if kind in ("iso_date", "compact_date"):
            return date(int(piece.group("y")), int(piece.group("m")), int(piece.group("d")))
        if kind == "slash_date":
            return date(_year_of(piece.group("y"), ctx), int(piece.group("m")), int(piece.group("d")))
        if kind in ("month_day", "day_month"):
            month = _month_of(piece.group("month"))
            day = parse_ordinal(piece.group("d")) or int(piece.group("d"))
            year = _year_of(piece.group("y"), ctx)
            weekday = piece.groups.get("_weekday")
            if (year is None and weekday is None and _may_end_in_ended(ctx.text, piece.start)
                    and _PERIOD_ENDED_BEFORE.search(ctx.text, max(0, piece.start - 40), piece.start)):
                # "for the quarter ended Sept. 30", "the fiscal year ended Jan. 31": a period
                # reported as over has ended by the time of writing: its last such day.
                return _latest_on_or_before(month, day, ctx.reference)
            if year is None:
                return nearest_year_for(month, day, ctx, weekday)
            return date(year, month, day)
        if kind == "ordinal_day":
            if not _BEFORE_BARE_DAY.search(ctx.text[max(0, piece.start - 10): piece.start]):
                return None  # "the 12th strike" is a rank, "on the 12th" a day
            if _NOUN_AFTER_ORDINAL.match(ctx.text, piece.end):
                return None  # "appealed to the 11th Circuit", "after the 25th anniversary"
            day = parse_ordinal(piece.group("d"))
            ref = ctx.reference
            candidates = []
            for months in (-1, 0, 1):
                first = date(ref.year, ref.month, 1) + relativedelta(months=months)
                try:
                    candidates.append(date(first.year, first.month, day))
                except ValueError:
                    pass
            return nearest_in(candidates, ctx)
        if kind == "weekday":
            rel = (piece.group("rel") or piece.group("following") or "").lower() or None
            if rel in ("every", "each"):
                return None
            return weekday_date(_weekday_of(piece.group("wd")), rel, ctx)
        if kind == "relative_day":
            word = _WHITESPACE.sub(" ", piece.group("rd").lower())
            offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
                       "the day before yesterday": -2, "the day after tomorrow": 2}
            return ctx.reference + timedelta(days=offsets[word])
        if kind == "holiday":
            year = _year_of(piece.group("y"), ctx)
            name = piece.group("h")
            rel = (piece.group("rel") or "").lower()
            if year is None:
                candidates = [holiday_date(name, y) for y in range(ctx.reference.year - 1, ctx.reference.year + 2)]
                candidates = [c for c in candidates if c is not None]
                if rel == "last":
                    candidates = [c for c in candidates if c < ctx.reference]
                    return max(candidates) if candidates else None
                if rel == "next":
                    candidates = [c for c in candidates if c > ctx.reference]
                    return min(candidates) if candidates else None
                return nearest_in(candidates, ctx)
            return holiday_date(name, year)
        if kind == "day_of_year":
            day_piece, year_piece = piece.parts
            year_meaning = resolve(year_piece, ctx)
            if year_meaning is None or not re.fullmatch(r"\d{4}", year_meaning.value):
                return None
            if day_piece.kind == "dated_weekday":
                weekday_piece, day_piece = day_piece.parts
            groups = {**day_piece.groups, "y": year_meaning.value}
            return resolve_day(attrs.evolve(day_piece, groups=groups), ctx)
        if kind == "dated_weekday":
            weekday_piece, dated = piece.parts
            dated_groups = dict(dated.groups)
            dated_groups["_weekday"] = _weekday_of(weekday_piece.group("wd"))
            return resolve_day(attrs.evolve(dated, groups=dated_groups), ctx)
    except (ValueError, TypeError, KeyError):
        return None
    return None


def nearest_in(candidates: list[date], ctx: Context) -> Optional[date]:
    """The candidate nearest the reference, on the side the clause's tense points to; ties go to the past."""
    if not candidates:
        return None

    def score(candidate: date) -> tuple[int, int]:
        offset = (candidate - ctx.reference).days
        penalty = 0
        if (ctx.tense is Tense.PAST and offset > 0) or (ctx.tense is Tense.FUTURE and offset < 0):
            penalty = _WRONG_SIDE_PENALTY_DAYS
        return abs(offset) + penalty, offset

    return min(candidates, key=score)


# --- the meaning of each kind ----------------------------------------------------------------

def resolve(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """The meaning of a piece, or ``None`` when on reflection it is not a time expression."""
    handler = _HANDLERS.get(piece.kind)
    if handler is None:
        return None
    try:
        return handler(piece, ctx)
    except (ValueError, KeyError, TypeError, OverflowError, ZeroDivisionError):
        return None


# A capitalised name word right before a capitalised "Today"/"Tonight": the title of a paper
# or a programme ("USA Today", "VOA Today", "NBC's Today show"), not the day.
_NAME_BEFORE = re.compile(r"(?<![\w.])(?-i:[A-Z](?:[A-Za-z.]{0,20}[A-Za-z])?(?:['\u2019]s)?) $")


def _is_name(piece: Piece, ctx: Context) -> bool:
    word = ctx.text[piece.start:piece.end]
    return (word[:1].isupper() and not word.isupper() and " " not in word
            and bool(_NAME_BEFORE.search(ctx.text, max(0, piece.start - 24), piece.start)))


def _day_piece(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if piece.kind == "relative_day" and _is_name(piece, ctx):
        return None
    if piece.kind == "iso_date" and piece.group("hh"):
        day = resolve_day(piece, ctx)
        return _clock_on_day(day, int(piece.group("hh")), int(piece.group("mm")), ctx.zone, ctx, seconds=piece.group("ss"))
    if piece.kind == "relative_day" and piece.group("rd").lower() == "tonight":
        day = resolve_day(piece, ctx)
        return Meaning(TimexType.TIME, f"{day_value(day)}TNI", part_of_day(day, "NI", ctx.zone))
    if piece.kind == "weekday" and (piece.group("rel") or "").lower() in ("every", "each"):
        return _weekly_set(_weekday_of(piece.group("wd")))
    day = resolve_day(piece, ctx)
    if day is None:
        return None
    return Meaning(TimexType.DATE, day_value(day), Instant.of_day(day, ctx.zone))


def _weekly_set(weekday: int, code: str = "") -> Meaning:
    return Meaning(TimexType.SET, f"XXXX-WXX-{weekday + 1}" + (f"T{code}" if code else ""))


def _weekday_plural(piece: Piece, ctx: Context) -> Meaning:
    """ "Mondays", "Tuesday nights": every such day, or that part of it."""
    pods = piece.group("pods")
    code = lx.PARTS_OF_DAY[pods.lower()[:-1]] if pods else ""
    return _weekly_set(_weekday_of(piece.group("wd")), code)


def _month(piece: Piece, ctx: Context) -> Optional[Meaning]:
    month = _month_of(piece.group("month"))
    year = _year_of(piece.group("y"), ctx)
    rel = (piece.group("rel") or "").lower() or None
    if year is None:
        year = month_year(month, rel, ctx)
    return date_meaning(f"{year:04d}-{month:02d}", ctx)


def _year(piece: Piece, ctx: Context) -> Meaning:
    return date_meaning(piece.group("y"), ctx)


_SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90}


def _spoken_year(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "nineteen ninety-six", "the year two thousand" as broadcast transcripts spell years."""
    if piece.group("century") is None:
        return date_meaning(f"{2000 + int(lx.NUMBER_WORDS.get((piece.group('small') or 'zero').lower(), 0)):04d}", ctx)
    hundreds = 1900 if piece.group("century").lower() == "nineteen" else 2000
    tens_words = re.split(r"[\s-]+", piece.group("tens").lower())
    if tens_words[0] == "oh":
        rest = lx.NUMBER_WORDS[tens_words[1]]
    else:
        rest = sum(lx.NUMBER_WORDS[word] for word in tens_words)
    return date_meaning(f"{hundreds + rest:04d}", ctx)


def _year_earlier(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "the year-earlier quarter", "year-ago" figures: the anchor's period, a year before."""
    anchor = _anchor_quarter(ctx)
    unit = (piece.group("unit") or "").lower()
    if unit == "period" and ctx.topic is not None:
        anchor = _current_quarter(ctx.topic.earliest.date())  # the period the report is about
    meaning = _year_earlier_meaning(anchor, unit, ctx)
    if meaning is not None and not unit:
        meaning = attrs.evolve(meaning, start=_adjective_start(piece, ctx))
    return meaning


def _year_earlier_meaning(anchor: Optional[tuple[int, int]], unit: str, ctx: Context) -> Optional[Meaning]:
    if anchor is None and unit in ("quarter", "period"):
        year, quarter = _current_quarter(ctx.reference)
        anchor = (year, quarter - 1)
    if anchor is not None and unit in ("", "quarter", "period"):
        return date_meaning(_quarter_value(anchor[0] - 1, anchor[1]), ctx)
    if ctx.anchor is not None and ctx.anchor.grain in (Grain.MONTH, Grain.YEAR):
        day = ctx.anchor.earliest.date()
        return date_meaning(value_at_grain(date(day.year - 1, day.month, 1), ctx.anchor.grain), ctx)
    return date_meaning(f"{ctx.reference.year - 1:04d}", ctx)


def _decade(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if piece.group("dec"):
        first = int(piece.group("dec"))
    elif piece.group("short"):
        short = int(piece.group("short"))
        first = 1900 + short if short >= 30 else 2000 + short
    else:
        names = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
        first = 1900 + names[piece.group("named").lower()]
    # "the 1900s" is a century as often as a decade; TIMEX3 writes the decade it spells.
    # TimeML writes "the 1990s" as the decade "199" and a bare "1990s" with its last digit
    # unknown, "199X"; the range is the decade's either way.
    text = ctx.text[piece.start:piece.end]
    decade = f"{first // 10:03d}"
    instant = instant_of(decade, ctx.zone)
    if text.lower().startswith("the"):
        return Meaning(TimexType.DATE, decade, instant)
    return Meaning(TimexType.DATE, decade + "X", instant)


def _century(piece: Piece, ctx: Context) -> Optional[Meaning]:
    number = parse_ordinal(piece.group("ord"))
    if not number or number < 1:
        return None
    # TIMEX3 writes a century as its two leading digits: "the 20th century" is "19".
    return date_meaning(f"{number - 1:02d}", ctx)


_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _quarter_value(year: int, quarter: int) -> str:
    while quarter < 1:
        quarter, year = quarter + 4, year - 1
    while quarter > 4:
        quarter, year = quarter - 4, year + 1
    return f"{year:04d}-Q{quarter}"


def _current_quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _anchor_quarter(ctx: Context) -> Optional[tuple[int, int]]:
    if ctx.anchor is not None and ctx.anchor.grain is Grain.QUARTER:
        return _current_quarter(ctx.anchor.earliest.date())
    return None


def _quarter(piece: Piece, ctx: Context) -> Optional[Meaning]:
    quarter = _QUARTERS[piece.group("q").lower()]
    year = _year_of(piece.group("y") or piece.group("yp") or piece.group("yp2"), ctx)
    qrel = (piece.group("qrel") or "").lower()
    if year is None:
        year, ref_quarter = _current_quarter(ctx.reference)
        if ctx.tense is not Tense.FUTURE and quarter > ref_quarter:
            year -= 1  # "the fourth quarter" said in spring is last year's, unless still to come
        if qrel in ("year-earlier", "year-ago", "prior", "comparable", "last", "previous"):
            year -= 1
        elif qrel == "next":
            year += 1
    meaning = date_meaning(_quarter_value(year, quarter), ctx)
    return attrs.evolve(meaning, start=_adjective_start(piece, ctx)) if "-" in ctx.text[piece.start:piece.end] else meaning


_LEADING_THE = re.compile(r"the\s{1,3}", re.IGNORECASE)


def _adjective_start(piece: Piece, ctx: Context) -> int:
    """Where a hyphenated adjective begins: "the third-quarter results", "the year-ago
    figures" keep their article with the noun, as TimeML writes them."""
    match = _LEADING_THE.match(ctx.text, piece.start, piece.end)
    return match.end() if match else piece.start


def _quarter_code(piece: Piece, ctx: Context) -> Meaning:
    year = _year_of(piece.group("y"), ctx) or ctx.reference.year
    return date_meaning(_quarter_value(year, int(piece.group("q"))), ctx)


def _quarter_ref(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "the quarter", "the latest period": the quarter the text is about, or the last one ended.

    "the quarter a year ago", "the corresponding period last year", "last year's quarter" are
    that quarter a year before, one expression as TimeML writes them.
    """
    qrel = (piece.group("qrel") or "").lower()
    unit = piece.group("unit").lower()
    stated_year = _year_of(piece.group("y"), ctx)
    anchor = _anchor_quarter(ctx)
    yrel = (piece.group("yrel") or "").lower()
    back = piece.group("back") is not None or yrel == "last"
    shift = 1 if yrel == "next" else 0
    if qrel == "corresponding" or (back and qrel in ("", "same")):
        qrel = "comparable"  # the topic quarter a year before
    elif back and qrel not in ("year-earlier", "year-ago", "comparable"):
        shift = -1  # "the current quarter last year"
    if unit == "period" and not (qrel or stated_year) :
        return None
    if (qrel in ("latest", "recent", "comparable") or unit == "period") and ctx.topic is not None:
        anchor = _current_quarter(ctx.topic.earliest.date())
    if anchor is None:
        if unit == "period" and anchor is None and qrel not in ("latest", "year-earlier", "year-ago", "comparable") and not stated_year:
            return None
        ref_year, ref_quarter = _current_quarter(ctx.reference)
        ended = qrel in ("latest", "recent", "previous", "prior", "year-earlier", "year-ago", "comparable") or ctx.tense is not Tense.FUTURE
        anchor = (ref_year, ref_quarter - 1) if ended and qrel != "current" else (ref_year, ref_quarter)
    year, quarter = anchor
    if qrel in ("year-earlier", "year-ago", "comparable"):
        year -= 1
    year += shift
    if stated_year:
        year = stated_year
    return date_meaning(_quarter_value(year, quarter), ctx)


def _half_year(piece: Piece, ctx: Context) -> Optional[Meaning]:
    year = _year_of(piece.group("y"), ctx)
    if year is None:
        if (piece.group("h") or "").lower() in ("last", "latter"):
            return None  # "the last half of the '80s", "the latter half of the game"
        year = ctx.reference.year
    half = 1 if (piece.group("h") or piece.group("hq")).lower() == "first" else 2
    return date_meaning(f"{year:04d}-H{half}", ctx)


def _season(piece: Piece, ctx: Context) -> Optional[Meaning]:
    code = lx.SEASONS[piece.group("s").lower()]
    rel = (piece.group("rel") or "").lower()
    year = _year_of(piece.group("y"), ctx)
    following = ctx.text[piece.end: piece.end + 4].lower()
    if year is None and not rel:
        return None
    if year is None and rel == "the" and following.startswith(" of"):
        return None  # "the fall of the Berlin Wall"
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(rel)
    start = piece.start
    if rel == "the":
        start = piece.start + 4
    if year is None:
        year = _season_year(code, rel, ctx)
    meaning = date_meaning(f"{year:04d}-{code}", ctx, mod)
    return attrs.evolve(meaning, start=start)


# Seasons in the order they fall within one "season year": winter YYYY-WI runs from December
# of YYYY into the next February, so January 2026 lies in 2025-WI.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_year(code: str, rel: str, ctx: Context) -> int:
    ref = ctx.reference
    ref_season_year = ref.year - 1 if ref.month <= 2 else ref.year
    ref_index = 3 if ref.month in (12, 1, 2) else (ref.month - 3) // 3
    target = _SEASON_ORDER.index(code)
    if rel in ("last", "past", "previous"):
        return ref_season_year if target < ref_index else ref_season_year - 1
    if rel in ("next", "coming"):
        return ref_season_year if target > ref_index else ref_season_year + 1
    if rel == "this":
        return ref_season_year if code == "WI" else ref.year
    if ctx.tense is Tense.PAST and target > ref_index:
        return ref_season_year - 1
    if ctx.tense is Tense.FUTURE and target < ref_index:
        return ref_season_year + 1
    return ref_season_year


def _holiday(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if piece.group("hweek"):
        day = resolve_day(piece, ctx)
        return date_meaning(week_value(day), ctx) if day is not None else None
    return _day_piece(piece, ctx)


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
              "coming": 1, "following": 1, "same": 0, "preceding": -1}


# An opening quotation mark just before a phrase (wire copy opens with `` or, at times, '').
_QUOTE_BEFORE = re.compile(r"(?:[\"\u201c]|``|'')\s{0,2}$")


def _is_title(piece: Piece, ctx: Context) -> bool:
    """Whether the phrase is a quoted title: ABC's "This Week", "Next Year in Jerusalem",
    CBS's ''60 Minutes.''"""
    words = ctx.text[piece.start:piece.end].split()
    return (len(words) > 1 and all(word[:1].isupper() or word[:1].isdigit() for word in words)
            and any(word[:1].isupper() for word in words)
            and bool(_QUOTE_BEFORE.search(ctx.text, max(0, piece.start - 4), piece.start)))


def _relative_period(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if _is_title(piece, ctx):
        return None
    rel_text = _WHITESPACE.sub(" ", piece.group("rel").lower())
    if rel_text.startswith("that"):
        rel_text = "the same"  # "that year", "later that day": the anchor's own unit
    unit = _WHITESPACE.sub(" ", piece.group("unit").lower())
    with_the = rel_text.startswith("the ")
    rel = rel_text[4:] if with_the else rel_text
    if unit == "fiscal year":
        unit = "year"
    if with_the and rel in ("past", "last", "next", "coming", "previous", "preceding") and unit not in ("day", "night", "morning", "weekend"):
        # "the past year", "the next month": a stretch of that length, not a calendar unit
        # ("the previous week", "the preceding quarter" are the calendar unit before the anchor's).
        if not (rel in ("previous", "preceding") and unit in ("week", "month", "year", "quarter")):
            return Meaning(TimexType.DURATION, duration_value(unit, Fraction(1)),
                           duration=DurationRange.exact(unit_duration(unit, Fraction(1))))
    shift = _REL_SHIFT.get(rel)
    if shift is None:
        return None
    # "the following day" counts from the last time the text named; "last week" from today.
    base = ctx.reference
    if (with_the and rel != "current") or rel in ("following", "preceding"):
        base = _anchor_day(ctx, UNIT_GRAINS.get(unit, Grain.DAY))
    if rel == "same":
        # "that quarter", "the same year": the anchor's own; "that day" after a month names none.
        if ctx.anchor is None or ctx.anchor.grain.rank > UNIT_GRAINS.get(unit, Grain.DAY).rank:
            return None
        base = ctx.anchor.earliest.date()
    if unit in ("day", "night", "morning"):
        if not with_the and rel not in ("following",):
            if unit == "night" and rel in ("last", "this"):
                day = ctx.reference - timedelta(days=1 if rel == "last" else 0)
                return Meaning(TimexType.TIME, f"{day_value(day)}TNI", part_of_day(day, "NI", ctx.zone))
            if unit == "morning" and rel == "this":
                return Meaning(TimexType.TIME, f"{day_value(ctx.reference)}TMO", part_of_day(ctx.reference, "MO", ctx.zone))
            if unit == "day":
                return None
        day = base + timedelta(days=shift)
        if unit in ("night", "morning"):
            code = "NI" if unit == "night" else "MO"
            return Meaning(TimexType.TIME, f"{day_value(day)}T{code}", part_of_day(day, code, ctx.zone))
        return Meaning(TimexType.DATE, day_value(day), Instant.of_day(day, ctx.zone))
    if unit == "week":
        day = base + timedelta(weeks=shift)
        return date_meaning(week_value(day), ctx)
    if unit == "weekend":
        day = base + timedelta(weeks=shift)
        if rel in ("last", "past", "previous") and ctx.reference.weekday() >= 5:
            day = base  # "last weekend" said on a Sunday may be this one; keep the week
        monday = day - timedelta(days=day.weekday())
        saturday = monday + timedelta(days=5)
        instant = Instant.of_days(saturday, saturday + timedelta(days=1), ctx.zone, Grain.WEEK)
        return Meaning(TimexType.DATE, f"{week_value(day)}-WE", instant)
    if unit == "month":
        day = date(base.year, base.month, 1) + relativedelta(months=shift)
        return date_meaning(f"{day:%Y-%m}", ctx)
    if unit == "quarter":
        year, quarter = _current_quarter(base)
        return date_meaning(_quarter_value(year, quarter + shift), ctx)
    if unit == "year":
        return date_meaning(f"{base.year + shift:04d}", ctx)
    if unit == "decade":
        return date_meaning(f"{base.year // 10 + shift:03d}", ctx)
    if unit == "century":
        return date_meaning(f"{base.year // 100 + shift:02d}", ctx)
    return None


def _amount(text: Optional[str]) -> Optional[Fraction]:
    return parse_amount(text) if text else None


@_PURE
def _vague_range(text: str) -> Optional[tuple[int, Optional[int]]]:
    return lx.VAGUE_QUANTITIES.get(_WHITESPACE.sub(" ", text.lower()))


def _length_before_direction(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """The length an offset states, its span ending before the direction word."""
    end = piece.start + len(ctx.text[piece.start:piece.end].rsplit(None, 1)[0])
    meaning = _duration_of(attrs.evolve(piece, groups={**piece.groups, "det": None}), ctx)
    return attrs.evolve(meaning, end=end) if meaning is not None else None


def _offset(piece: Piece, ctx: Context) -> Optional[Meaning]:
    meaning = _offset_meaning(piece, ctx)
    if meaning is not None and piece.group("orso") and meaning.type is TimexType.DATE and meaning.mod is None:
        return attrs.evolve(meaning, mod="APPROX")  # "a week or so ago"
    return meaning


def _offset_meaning(piece: Piece, ctx: Context) -> Optional[Meaning]:
    unit = singular(piece.group("unit"))
    direction = _WHITESPACE.sub(" ", piece.group("dir").lower())
    amount_text = piece.group("amount")
    if direction in ("before", "after", "since"):
        # "two days after the attack" is a length between two events, not a date.
        if re.match(r"\s{0,2}[\w$]", ctx.text[piece.end: piece.end + 3]):
            return _length_before_direction(piece, ctx)
    backwards = direction in ("ago", "earlier", "before", "back", "previously", "prior", "since")
    vague = _vague_range(amount_text)
    amount = _amount(amount_text)
    if direction in ("earlier", "later") and (vague is not None or amount is None or UNIT_GRAINS[unit].rank < Grain.DAY.rank):
        # "A few days later" counts from the story's last time, not from today, so it is
        # neither PAST_REF nor FUTURE_REF; "just over an hour later" than a day names no
        # clock time.  Both state a length (TimeML tags "a few days", "over an hour").
        return _length_before_direction(piece, ctx)
    if vague is not None or amount is None:
        return Meaning(TimexType.DATE, "PAST_REF" if backwards else "FUTURE_REF")
    grain = UNIT_GRAINS[unit]
    from_anchor = direction in ("earlier", "later", "before", "after", "previously", "prior")
    anchor = ctx.anchor if from_anchor else None
    base = _anchor_day(ctx) if from_anchor else ctx.reference
    anchor_quarter = _anchor_quarter(ctx)
    if unit == "year" and anchor_quarter is not None and amount == 1:
        # "a year earlier" beside quarterly figures is the same quarter a year before.
        year, quarter = anchor_quarter
        return date_meaning(_quarter_value(year - 1, quarter), ctx)
    if anchor is not None and grain.rank >= anchor.grain.rank:
        # "a year earlier" than a named day is that day a year before; than a quarter, that quarter.
        grain = max(anchor.grain, Grain.DAY, key=lambda g: g.rank)
        base = anchor.earliest.date()
    shift = unit_duration(unit, amount)
    if grain.rank < Grain.DAY.rank:
        grain = Grain.DAY
    day = (base - shift.calendar_part) if backwards else (base + shift.calendar_part)
    if isinstance(day, datetime):
        day = day.date()
    return date_meaning(value_at_grain(day, grain), ctx)


_PRECEDING_FOR = re.compile(r"(?:\b(?:for|over|within|in|through|throughout|during|of|from|after|before|spanning|lasting)\s{1,3})$", re.IGNORECASE)
_RATE_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bcents?|\beuros?|\bdollars?|\bpounds?|\byuan|\byen|\btimes|\bonce|\btwice|\brubles?|\bbarrels?|\btons?|\bmiles?)[\s,]{0,3}$", re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|do|it|they|that|which)\s{1,3}$", re.IGNORECASE)
_PREPOSITION_MODIFIERS = {word: re.compile(word + r"\s{1,3}", re.IGNORECASE) for word in ("within", "over", "about")}
_SOMEDAY_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|should|he|she|they|we|i|you|it|might)\s{1,3}$", re.IGNORECASE)
_FUTURE_IN = re.compile(r"\bin\s{1,3}$", re.IGNORECASE)
# "in a quarter that produced a loss": any such quarter, not the one three months on.
_RELATIVE_CLAUSE_AFTER = re.compile(r"\s{1,3}(?:that|which|when|where|in\s{1,3}which)\b", re.IGNORECASE)


# A closing quotation mark right after a phrase, perhaps after its sentence's punctuation.
_QUOTE_AFTER = re.compile(r"[.,!?]?(?:[\"\u201d]|'')")


def _duration(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if _is_title(piece, ctx) and _QUOTE_AFTER.match(ctx.text, piece.end):
        return None  # the whole quotation is the title (''60 Minutes.''); a slogan such as
        # "15 Days to Slow the Spread" still states a length
    return _duration_of(piece, ctx)


def _group_start(piece: Piece, name: str, text: str) -> int:
    """Where the piece's group ``name`` (one the scan keeps the position of) begins.

    Searching the piece for the group's text instead finds it inside an earlier word: the
    amount "a" of "would last a week" inside "last".
    """
    span = piece.group(f"_{name}_span")
    if span is not None:
        return span[0]
    found = re.search(r"(?<![^\W_])" + re.escape(piece.group(name)), text[piece.start:piece.end])
    return piece.start + found.start() if found else piece.start


def _duration_of(piece: Piece, ctx: Context) -> Optional[Meaning]:
    text = ctx.text
    if piece.group("age"):
        return None  # "a 6-year-old" is an age, not a stretch of time
    if piece.group("lunit"):
        unit = singular(piece.group("lunit"))
        return _exact_duration(unit, Fraction(1), None, piece.start)
    unit = singular(piece.group("unit"))
    plural = piece.group("unit").lower() != unit
    det = _WHITESPACE.sub(" ", (piece.group("det") or "").lower())
    amod = _WHITESPACE.sub(" ", (piece.group("amod") or "").lower()) or None
    amount_text = piece.group("amount")
    start = piece.start
    unit_start = _group_start(piece, "unit", text)
    # A hyphenated compound ("a 30-day clock", "the one-week pause") is an adjective: its
    # article belongs to the noun, not to the duration.
    amount_start = _group_start(piece, "amount", text) if amount_text else -1
    between = text[amount_start + len(amount_text): unit_start] if amount_text else ""
    if amount_text and "-" in between and det in ("the", "a", "an", "another", "these", "those"):
        start = amount_start
        det = ""
    if amount_text and amount_text.lower() in ("a", "an") and piece.group("suffix") and plural:
        amount_text = None  # "a decades-long conflict": the article is the noun's, the amount vague
    if amount_text and amount_text.lower() in ("a", "an") and piece.group("suffix"):
        start = unit_start  # "a week-long pause"
    if unit == "second" and amount_text and amount_text.lower() in ("a", "an") and not re.match(r"\s{0,2}(?:[.,;:)]|$|or\b|and\b|later|earlier)", text[piece.end: piece.end + 8]):
        return None  # "a second look" is an ordinal
    if det in ("last", "next", "past", "first") and amount_text and _VERB_BEFORE.search(text[max(0, piece.start - 12): piece.start]):
        # "was set to last six full days": "last" is the verb, not "the last six days".
        start = amount_start
        det = ""
    mod = lx.AMOUNT_MODIFIERS.get(amod) if amod else None
    if mod is None and piece.group("orso"):
        mod = "APPROX"  # "the next year or so"
    if piece.group("ormore") and amount_text is None and not plural and det:
        amount_text = "one"  # "the next year or two": one unit or more
    if amod in _PREPOSITION_MODIFIERS and start == piece.start:
        # "within 14 days", "over two years", "about five hours": TimeML leaves the word
        # out of the span; the range it sets (at most, more than, roughly) stays.
        skipped = _PREPOSITION_MODIFIERS[amod].match(text, piece.start)
        if skipped:
            start = skipped.end()
    if det in ("more than", "less than", "fewer than"):
        mod = lx.AMOUNT_MODIFIERS[det]
    if amount_text is None and piece.group("suffix") and not plural:
        # "the week-long curfew", "its month-long strike": one unit; the article is the noun's.
        return _exact_duration(unit, Fraction(1), mod, unit_start)
    if amount_text is None:
        before = text[max(0, piece.start - 20): piece.start]
        if det in ("the past", "the last", "the next", "the coming", "the previous", "the following", "the remaining", "the ensuing", "the better part of the", "the whole", "the entire",
                   "another", "an additional", "a further", "an extra", "a full", "a whole", "a mere") and not plural:
            return _exact_duration(unit, Fraction(1), mod, start)
        if plural and piece.group("suffix"):
            # "a decades-long conflict": at least two of the unit; the article is the noun's.
            start = unit_start
            return Meaning(TimexType.DURATION, vague_value(unit), duration=DurationRange(unit_duration(unit, Fraction(2)), None), mod=mod, start=start)
        if plural and ((det and det != "the") or amod or _PRECEDING_FOR.search(before)):
            if det == "the":
                start = _adjective_start(piece, ctx)  # "in the weeks before": TimeML tags "weeks"
            return Meaning(TimexType.DURATION, vague_value(unit), duration=DurationRange(unit_duration(unit, Fraction(1)), None), mod=mod, start=start)
        return None
    vague = _vague_range(amount_text)
    if vague is not None:
        low, high = vague
        if unit in ("second", "minute") and not plural:
            return None
        exact_couple = amount_text.lower().replace(" ", "") in ("acoupleof", "coupleof", "acouple")
        value = duration_value(unit, Fraction(low)) if exact_couple else vague_value(unit)
        duration = DurationRange(unit_duration(unit, Fraction(low)), unit_duration(unit, Fraction(high)) if high else None)
        return Meaning(TimexType.DURATION, value, duration=duration, mod=mod, start=start)
    amount = parse_amount(amount_text)
    if amount is None:
        return None
    if piece.group("uhalf"):
        amount += Fraction(1, 2)  # "a minute and a half"
    if unit == "quarter" and re.match(r"\s{1,3}of\b", text[piece.end: piece.end + 5]):
        return None  # "a quarter of the vote" is a share, not three months
    if amount_text.lower() in ("a", "an") and _RATE_BEFORE.search(text[max(0, piece.start - 20): piece.start]) and not det:
        return Meaning(TimexType.SET, duration_value(unit, Fraction(1)), start=start)
    second = _amount(piece.group("amount2") or piece.group("ormore"))
    if second is not None and second > amount:
        if _in_the_future(piece, start, det, ctx):
            return Meaning(TimexType.DATE, "FUTURE_REF", start=start)  # "you may, in a year or two, save"
        duration = DurationRange(unit_duration(unit, amount), unit_duration(unit, second))
        return Meaning(TimexType.DURATION, vague_value(unit), duration=duration, mod=mod, start=start)
    if _in_the_future(piece, start, det, ctx) and amount.denominator == 1:
        # "in three weeks" in a clause about the future is the date three weeks on.
        shift = unit_duration(unit, amount)
        grain = UNIT_GRAINS[unit]
        if grain.rank >= Grain.DAY.rank:
            day = ctx.reference + shift.calendar_part
            return attrs.evolve(date_meaning(value_at_grain(day, grain), ctx), start=start)
    if (amount_text.lower() == "one" and unit == "day" and not det and not amod
            and _SOMEDAY_BEFORE.search(text, max(0, piece.start - 12), piece.start)):
        return Meaning(TimexType.DATE, "FUTURE_REF", start=start)  # "he will one day follow"
    meaning = _exact_duration(unit, amount, mod, start)
    if meaning is not None and mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        meaning = attrs.evolve(meaning, duration=DurationRange(meaning.duration.min, None))
    elif meaning is not None and mod in ("LESS_THAN", "EQUAL_OR_LESS"):
        meaning = attrs.evolve(meaning, duration=DurationRange(Duration(), meaning.duration.max))
    return meaning


def _in_the_future(piece: Piece, start: int, det: str, ctx: Context) -> bool:
    """Whether a length after "in" in a clause about the future names the time it ends:
    "in three weeks" is the date three weeks on, "in a year or two" a vague time ahead."""
    return (bool(_FUTURE_IN.search(ctx.text[max(0, start - 5): start])) and ctx.tense is Tense.FUTURE and not det
            and not _RELATIVE_CLAUSE_AFTER.match(ctx.text, piece.end))


def _exact_duration(unit: str, amount: Fraction, mod: Optional[str], start: int) -> Meaning:
    value, length = _exact_length(unit, amount)
    return Meaning(TimexType.DURATION, value, duration=length, mod=mod, start=start)


@_PURE
def _exact_length(unit: str, amount: Fraction) -> tuple[str, DurationRange]:
    """The TIMEX3 value and the (frozen, shareable) length of exactly ``amount`` units."""
    field, multiplier = lx.UNITS[unit]
    if field == "months" and (amount * multiplier).denominator != 1:
        return _part_months(amount * multiplier)
    return duration_value(unit, amount), DurationRange.exact(unit_duration(unit, amount))


def _part_months(months: Fraction) -> tuple[str, DurationRange]:
    """ "A month and a half": ``P1.5M``, from 1 month 14 days to 1 month 16 days."""
    return f"P{float(months):g}M", DurationRange.of_months(months)


# "current" says "now" only as an adjective before a noun it dates ("his current wife",
# "current market conditions"); "current account", "electric current flows" do not.
_CURRENT_NOUN_AFTER = re.compile(
    r"\s{1,3}(?!(?:accounts?|affairs|of|in|on|at|to|from|for|with|by|and|or|but|is|was|are|were|has|had|have|"
    r"that|which|who|carried|swept|flows?|flowed|runs?|ran)(?![\w-]))[a-z0-9]")


_OF_AFTER = re.compile(r"\s{1,3}of\b", re.IGNORECASE)
_COUNT_AFTER = re.compile(r"\s{1,3}(?:\d|(?:" + "|".join(sorted(lx.NUMBER_WORDS, key=len, reverse=True)) + r"|few|several|couple|many)\b)", re.IGNORECASE)


def _reference(piece: Piece, ctx: Context) -> Optional[Meaning]:
    word = _WHITESPACE.sub(" ", piece.group("ref").lower())
    value = lx.REFERENCE_WORDS[word]
    start = piece.start
    if word == "right now":
        start = piece.start + len(ctx.text[piece.start:piece.end]) - 3  # TimeML tags "now"
    if word in ("in the past", "in the future"):
        start = piece.start + 3
    if word == "the past" and _COUNT_AFTER.match(ctx.text, piece.end):
        return None  # "the past three summers": a count of something, not "the past" itself
    if word == "the future" and _OF_AFTER.match(ctx.text, piece.end):
        return None  # "the future of our peoples": their prospects, not a time
    if word.endswith("current") and not _CURRENT_NOUN_AFTER.match(ctx.text, piece.end):
        return None  # "the current flows", "a strong current.": the noun, not "now"
    return Meaning(TimexType.DATE, value, start=start)


_SINCE_BEFORE = re.compile(r"(?<![\w])since\s{1,3}$", re.IGNORECASE)


def _year_end(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "by year-end", "since year-end": the year with TIMEX3's END mod, as "the end of the
    year" is.  The year is the reference's ("complete the sale by year-end", even in a
    past clause: "a previously announced plan to cut 6,000 jobs by year end"), or the one
    before after "since" ("the index has risen 20% since year-end")."""
    year = _year_of(piece.group("y"), ctx)
    if year is None:
        year = ctx.reference.year
        if _SINCE_BEFORE.search(ctx.text, max(0, piece.start - 8), piece.start):
            year -= 1
    return date_meaning(f"{year:04d}", ctx, "END")


_YEAR_AS_LENGTH_AFTER = re.compile(r"\s{1,3}(?:ended|ending|ends|to\s{1,3}date)\b", re.IGNORECASE)
_NOT_DEICTIC_AFTER = re.compile(r"\s{1,3}(?:before|after|earlier|later|ago|prior|that|when|in\s{1,3}which|end)\b", re.IGNORECASE)


def _deictic_unit(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "the year", "the week", "the weekend": the one the text is about.

    "For the year ended March 31" is a fiscal year, a length; "the year before" counts from
    another time and is left alone.  Otherwise "the year" is the reference's (news means the
    current year, or fiscal year, by it), "the week" holds the last named day, and the weekend
    is the one just gone in a past clause and the next in a future one.
    """
    if piece.group("munit"):
        day = _anchor_day(ctx, Grain.MONTH)  # "by the end of the month": the month the text is in
        return date_meaning(f"{day:%Y-%m}", ctx)
    unit = piece.group("unit")
    after = ctx.text[piece.end: piece.end + 16]
    if _NOT_DEICTIC_AFTER.match(after):
        return None
    if unit == "year":
        if _YEAR_AS_LENGTH_AFTER.match(after):
            return _exact_duration("year", Fraction(1), None, piece.start)
        year = ctx.reference.year
        return date_meaning(f"{year:04d}", ctx)
    if unit == "week":
        return date_meaning(week_value(_anchor_day(ctx)), ctx)
    ref = ctx.reference
    if ref.weekday() >= 5:
        saturday = ref - timedelta(days=ref.weekday() - 5)
    elif ctx.tense is Tense.FUTURE:
        saturday = ref + timedelta(days=5 - ref.weekday())
    else:
        saturday = ref - timedelta(days=ref.weekday() + 2)
    instant = Instant.of_days(saturday, saturday + timedelta(days=1), ctx.zone, Grain.WEEK)
    return Meaning(TimexType.DATE, f"{week_value(saturday)}-WE", instant)


_NTH_WEEK_FIRST_DAY = {"first": 1, "second": 8, "third": 15, "fourth": 22}


def _week_of_month(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "the last week of February": the calendar week holding that stretch of the month."""
    month = _month_of(piece.group("month"))
    year = _year_of(piece.group("y"), ctx) or month_year(month, None, ctx)
    nth = piece.group("nth").lower()
    if nth in _NTH_WEEK_FIRST_DAY:
        day = date(year, month, _NTH_WEEK_FIRST_DAY[nth])
    else:
        day = date(year, month, 1) + relativedelta(months=1, days=-1)
    return date_meaning(week_value(day), ctx)


def _week_of(piece: Piece, ctx: Context) -> Optional[Meaning]:
    day = resolve_day(piece.parts[1], ctx)
    if day is None:
        return None
    return date_meaning(week_value(day), ctx)


def _soon(piece: Piece, ctx: Context) -> Optional[Meaning]:
    """ "soon" in a clause about the future; in a narrative ("was soon released") it is
    "shortly after" another event, not a time of its own."""
    if ctx.tense is Tense.PAST:
        return None
    return Meaning(TimexType.DATE, "FUTURE_REF")


_STATISTIC_BEFORE = re.compile(r"\b(?:average|mean|median)\s{1,3}$", re.IGNORECASE)


def _set(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if piece.group("word"):
        word = piece.group("word").lower()
        if _STATISTIC_BEFORE.search(ctx.text, max(0, piece.start - 12), piece.start):
            return None  # "average daily volume" is a statistic, not a recurrence
        return Meaning(TimexType.SET, lx.SET_WORDS[word])
    if piece.group("smonth"):
        return Meaning(TimexType.SET, f"XXXX-{_month_of(piece.group('smonth')):02d}")
    unit_text = piece.group("unit").lower()
    if unit_text in lx.WEEKDAYS:
        return _weekly_set(lx.WEEKDAYS[unit_text])
    if unit_text in lx.PARTS_OF_DAY:
        return Meaning(TimexType.SET, f"XXXX-XX-XXT{lx.PARTS_OF_DAY[unit_text]}")
    unit = singular(unit_text)
    count = piece.group("amount")
    amount = Fraction(2) if count and count.lower() == "other" else (_amount(count) or Fraction(1))
    if unit not in lx.UNITS:
        return None
    return Meaning(TimexType.SET, duration_value(unit, amount))


def _part_of_day(piece: Piece, ctx: Context) -> Optional[Meaning]:
    if piece.group("hours"):
        day = _anchor_day(ctx)
        start = piece.start
        earliest = start_of_day(day, ctx.zone)
        return Meaning(TimexType.TIME, f"{day_value(day)}TNI", Instant(earliest, localize(datetime.combine(day, time(6)), ctx.zone), Grain.PART_OF_DAY), start=start)
    word = piece.group("pod").lower()
    code = lx.PARTS_OF_DAY[word]
    det = (piece.group("det") or "").lower()
    if det in ("each", "every"):
        return Meaning(TimexType.SET, f"XXXX-XX-XXT{code}")
    before = ctx.text[max(0, piece.start - 8): piece.start].lower()
    if det in ("this", ""):
        if det == "" and piece.group("pmod") and word in ("morning", "afternoon", "evening", "night"):
            day = _anchor_day(ctx)  # "mid afternoon", "late evening": of the day the text is on
            return Meaning(TimexType.TIME, f"{day_value(day)}T{code}", part_of_day(day, code, ctx.zone))
        if det == "" and word not in ("overnight", "dawn", "daybreak", "dusk", "nightfall", "sunrise", "sunset"):
            return None
        # "at dawn", "overnight losses": of the day the text is on, or the night before it
        day = _anchor_day(ctx) if det == "" and anchor_is_near(ctx, piece.start) else ctx.reference
        if word == "overnight" and ctx.tense is not Tense.FUTURE:
            day -= timedelta(days=1)
    elif det == "last":
        day = ctx.reference - timedelta(days=1)
        if word not in ("night", "evening"):
            return None
    elif det == "yesterday":
        day = ctx.reference - timedelta(days=1)
    elif det == "tomorrow":
        day = ctx.reference + timedelta(days=1)
    elif det in ("the", "that"):
        if not re.search(r"\b(?:in|during|on|by|until|that|overnight|since)\s{1,3}$", before) and det == "the":
            return None
        day = _anchor_day(ctx)
    else:
        return None
    return Meaning(TimexType.TIME, f"{day_value(day)}T{code}", part_of_day(day, code, ctx.zone))


# --- clock times --------------------------------------------------------------------------------

def zone_of(name: Optional[str], ctx: Context) -> tzinfo:
    if not name:
        return ctx.zone
    key = _WHITESPACE.sub(" ", name.lower().strip("() "))
    key = re.sub(r" (?:standard |summer |daylight )?time$", "", key)
    if key == "local":
        return ctx.zone
    if key in lx.PLACE_ZONES:
        return ZoneInfo(lx.PLACE_ZONES[key])
    key = re.sub(r" (?:standard|daylight)$", "", key)
    if key in lx.ZONE_NAMES:
        return ZoneInfo(lx.ZONE_NAMES[key])
    offset = re.match(r"(?:utc|gmt)\s?([+\u2212-])\s?(\d{1,2})(?::?(\d\d))?", key)
    if offset:
        from datetime import timezone
        sign = -1 if offset.group(1) in "-\u2212" else 1
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return timezone(sign * delta)
    return ctx.zone


def clock_reading(piece: Piece) -> Optional[tuple[int, int, bool]]:
    """(hour, minute, is_midnight) of a clock piece; midnight reads as 0:00 of the next day."""
    if piece.group("mnamed"):
        # "one minute past midnight on Monday" is 00:01 on Monday, "one minute before
        # midnight on Friday" 23:59 on Friday: no question of which midnight is meant.
        amount = parse_amount(piece.group("mn"))
        if amount is None or amount.denominator != 1 or not 0 < amount < 60:
            return None
        base = 0 if piece.group("mnamed").lower() == "midnight" else 12 * 60
        after = piece.group("md").lower() in ("past", "after")
        minutes = (base + int(amount)) if after else (base - int(amount)) % (24 * 60)
        return minutes // 60, minutes % 60, False
    if piece.group("named"):
        name = piece.group("named").lower()
        if name == "midnight":
            return 0, 0, True
        return 12, 0, False
    if piece.group("ap"):
        hour, minute = int(piece.group("h")), int(piece.group("mi") or 0)
        if hour > 12:
            return None
        pm = piece.group("ap").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return hour, minute, False
    if piece.group("h24"):
        return int(piece.group("h24")), int(piece.group("m24")), False
    if piece.group("h4"):
        return int(piece.group("h4")), int(piece.group("m4")), False  # "0030 GMT"
    if piece.group("hh"):
        return int(piece.group("hh")), int(piece.group("hm4")), False  # "0600 hours"
    if piece.group("oc"):
        hour_text = piece.group("oc")
        amount = parse_amount(hour_text)
        if amount is None or not 0 < amount <= 12:
            return None
        return int(amount), 0, False
    if piece.group("hm"):
        hour = int(piece.group("hm"))
        pm = piece.group("pm").lower() != "morning"
        return hour % 12 + (12 if pm else 0), 0, False
    return None


def _clock_on_day(day: date, hour: int, minute: int, zone: tzinfo, ctx: Context, midnight: bool = False,
                  seconds: Optional[str] = None, end_of_day: bool = False) -> Meaning:
    if midnight:
        earliest = start_of_day(day, zone)
        latest = start_of_day(day + timedelta(days=1), zone)
        instant = Instant(latest, latest, Grain.MINUTE) if end_of_day else Instant(earliest, latest, Grain.MINUTE)
        return Meaning(TimexType.TIME, f"{day_value(day)}T24:00", instant.in_zone(ctx.zone))
    wall = datetime.combine(day, time(hour, minute, int(seconds or 0)))
    moment = localize(wall, zone)
    grain = Grain.SECOND if seconds else Grain.MINUTE
    value = f"{day_value(day)}T{hour:02d}:{minute:02d}" + (f":{int(seconds):02d}" if seconds else "")
    return Meaning(TimexType.TIME, value, Instant.exact(moment, grain).in_zone(ctx.zone))


def _clock(piece: Piece, ctx: Context, day: Optional[date] = None, end_of_day: bool = False) -> Optional[Meaning]:
    reading = clock_reading(piece)
    if reading is None:
        return None
    hour, minute, midnight = reading
    zone = zone_of(piece.group("zone"), ctx)
    return _clock_on_day(day or _anchor_day(ctx), hour, minute, zone, ctx, midnight=midnight, end_of_day=end_of_day)


# --- joined pieces ------------------------------------------------------------------------------

def _edge_mod(edge: Piece) -> tuple[Optional[str], str]:
    word = _WHITESPACE.sub(" ", edge.group("edge").lower())
    word = re.sub(r"^the ", "", word)
    word = re.sub(r"^very ", "", word)
    word = re.sub(r" of$", "", word)
    return _EDGE_MODS.get(word), word


_THE_BEFORE = re.compile(r"(?<![\w])the\s{1,3}$", re.IGNORECASE)


def _edged(piece: Piece, ctx: Context) -> Optional[Meaning]:
    edge, inner = piece.parts
    meaning = resolve(inner, ctx)
    if meaning is None or meaning.type not in (TimexType.DATE, TimexType.TIME) or meaning.instant is None:
        return meaning if meaning is not None and meaning.type is TimexType.DATE else None
    mod, word = _edge_mod(edge)
    instant = meaning.instant
    start = piece.start
    if inner.kind == "decade" and _THE_BEFORE.search(ctx.text, max(0, piece.start - 6), piece.start):
        start = _THE_BEFORE.search(ctx.text, max(0, piece.start - 6), piece.start).start()
        meaning = attrs.evolve(meaning, value=meaning.value.rstrip("X"))  # "the early 1980s": 198
    today = start_of_day(ctx.reference, ctx.zone)
    if word in ("earlier", "later") and not instant.earliest < today < instant.latest:
        pass  # "later that year" of a past year: the year itself, nothing to cut at today
    elif word == "earlier":
        instant = Instant(instant.earliest, today, instant.grain)
    elif word == "later":
        instant = Instant(today, instant.latest, instant.grain)
    else:
        instant = narrow(instant, mod)
    if word in ("earlier", "later") and (inner.kind in DAY_KINDS or (
            inner.kind == "relative_period" and inner.group("unit").lower() in ("week", "weekend"))):
        start = inner.start  # "earlier Friday", "later this week": TimeML leaves the adverb out
    return attrs.evolve(meaning, instant=instant, mod=mod, start=start)


def _timed(piece: Piece, ctx: Context) -> Optional[Meaning]:
    first, second = piece.parts
    clock, day_piece = (first, second) if first.kind == "clock" else (second, first)
    end_of_day = False
    if day_piece.kind == "edged":
        edge, inner = day_piece.parts
        end_of_day = _edge_mod(edge)[0] == "END"
        day_piece = inner
    day = resolve_day(day_piece, ctx)
    if day is None:
        return None
    if piece.glue == "between":
        # "midnight between Wednesday and Thursday": the midnight that ends the day before.
        return _clock(clock, ctx, day - timedelta(days=1), end_of_day=True)
    meaning = _clock(clock, ctx, day, end_of_day=end_of_day)
    return meaning


def _day_part(piece: Piece, ctx: Context) -> Optional[Meaning]:
    first, second = piece.parts
    pod, day_piece = (first, second) if first.kind == "part_of_day" else (second, first)
    mod = None
    if day_piece.kind == "edged":
        # "early Friday morning": Friday's morning, at its start (TIMEX3 writes the edge as mod)
        mod = _EDGE_MODS[day_piece.parts[0].group("edge").lower()]
        day_piece = day_piece.parts[1]
    day = resolve_day(day_piece, ctx)
    if day is None:
        return None
    if pod.group("hours"):
        earliest = start_of_day(day, ctx.zone)
        latest = localize(datetime.combine(day, time(6)), ctx.zone)
        return Meaning(TimexType.TIME, f"{day_value(day)}TNI", Instant(earliest, latest, Grain.PART_OF_DAY))
    word = pod.group("pod").lower()
    code = lx.PARTS_OF_DAY[word]
    glue = piece.glue.strip().lower()
    if first is pod and word in ("overnight", "night") and glue == "into":
        night_of = day - timedelta(days=1)
        return Meaning(TimexType.TIME, f"{day_value(night_of)}TNI", part_of_day(night_of, "NI", ctx.zone))
    if first is pod and word == "overnight":
        # "overnight Monday" is the night into Monday or Monday night: honest about both.
        earliest = start_of_day(day, ctx.zone)
        latest = part_of_day(day, "NI", ctx.zone).latest
        return Meaning(TimexType.TIME, f"{day_value(day)}TNI", Instant(earliest, latest, Grain.PART_OF_DAY))
    return Meaning(TimexType.TIME, f"{day_value(day)}T{code}", part_of_day(day, code, ctx.zone), mod=mod)


def _month_of_year(piece: Piece, ctx: Context) -> Optional[Meaning]:
    month_piece, year_piece = piece.parts
    year_meaning = resolve(year_piece, ctx)
    if year_meaning is None or not re.fullmatch(r"\d{4}", year_meaning.value):
        return None
    return date_meaning(f"{year_meaning.value}-{_month_of(month_piece.group('month')):02d}", ctx)


def _dated_weekday(piece: Piece, ctx: Context) -> Optional[Meaning]:
    day = resolve_day(piece, ctx)
    if day is None:
        return None
    return Meaning(TimexType.DATE, day_value(day), Instant.of_day(day, ctx.zone))


_HANDLERS = {
    "iso_date": _day_piece, "slash_date": _day_piece, "compact_date": _day_piece,
    "month_day": _day_piece, "day_month": _day_piece, "ordinal_day": _day_piece,
    "weekday": _day_piece, "relative_day": _day_piece, "holiday": _holiday,
    "weekday_plural": _weekday_plural, "month": _month, "year": _year, "decade": _decade,
    "century": _century, "spoken_year": _spoken_year, "year_earlier": _year_earlier, "quarter": _quarter, "quarter_code": _quarter_code,
    "quarter_ref": _quarter_ref, "half_year": _half_year, "season": _season,
    "relative_period": _relative_period, "offset": _offset, "clock": _clock,
    "part_of_day": _part_of_day, "duration": _duration, "reference": _reference, "set": _set,
    "edged": _edged, "timed": _timed, "day_part": _day_part, "dated_weekday": _dated_weekday, "day_of_year": _dated_weekday,
    "deictic_unit": _deictic_unit, "year_end": _year_end, "week_of": _week_of, "week_of_month": _week_of_month, "soon": _soon, "month_of_year": _month_of_year,
}
