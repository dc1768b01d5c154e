"""Finding time expressions in text: scan with the rules, keep the best pieces, join neighbours.

``find_times`` is the layer's one verb.  It runs in four steps, each linear in the text:

1. a cheap trigger scan finds the stretches of text that could hold a time at all, so a
   paragraph with no number, month, weekday or time word costs one regex pass;
2. every rule of `patterns` runs over those stretches, and overlapping candidates are
   settled leftmost-longest;
3. neighbouring pieces join when the text between them is glue ("noon" + " on " +
   "Friday, January 6"; "overnight" + " " + "Monday");
4. each piece is resolved by `normalise` against the reference, its clause's tense and the
   last time the text named, then `cues` reads the window words before it.

Output is deterministic and sorted by span.
"""

from __future__ import annotations

import re
from datetime import date, datetime, tzinfo
from typing import Optional, Union
from zoneinfo import ZoneInfo

import attrs

from . import lexicon as lx
from .cues import attach_cues
from .expressions import TimeExpression, TimexType
from .normalise import DAY_KINDS, Context, Piece, resolve
from .patterns import GLUE, MONTH_CONTEXT, RULES, S, words
from .tense import Tense, clause_tense
from .values import Span

_RULE_ORDER = {kind: index for index, (kind, _pattern) in enumerate(RULES)}

# Anything that could start or sit inside a time phrase.  Text between triggers that are
# far apart is never given to the rules.
_TRIGGER = re.compile(
    r"\d|(?<![\w])(?:" + words(
        list(lx.MONTHS) + list(lx.WEEKDAYS) + list(lx.UNITS) + list(lx.UNIT_PLURALS)
        + list(lx.SEASONS) + list(lx.PARTS_OF_DAY) + list(lx.REFERENCE_WORDS) + list(lx.SET_WORDS)
        + ["yesterday", "today", "tomorrow", "tonight", "noon", "midnight", "weeklong", "daylong",
           "yearlong", "monthlong", "hourlong", "christmas", "easter", "thanksgiving", "halloween",
           "eve", "quarter", "period", "hours", "twenties", "thirties", "forties", "fifties",
           "sixties", "seventies", "eighties", "nineties", "o'clock", "mon", "tue", "tues", "wed",
           "thu", "thur", "thurs", "fri", "sat", "sun", "new year", "labor day", "memorial day",
           "independence day", "valentine's day", "boxing day", "bastille day", "veterans day",
           "armistice day", "st. patrick's day", "may day", "good friday", "century", "decade"]
    ) + r")",
    re.IGNORECASE,
)
# How far around a trigger a phrase may reach ("for more than a period of ... week").
_REACH_BEFORE = 48
_REACH_AFTER = 64

_EDGEABLE = frozenset({
    "weekday", "relative_day", "dated_weekday", "month", "month_day", "day_month", "year",
    "decade", "season", "quarter", "quarter_code", "relative_period", "holiday", "half_year",
    "century",
})


# Pieces whose meaning is counted from the anchor: they never become the anchor themselves,
# so that "a year earlier" does not drag the next "the third quarter" back a year.
_DERIVED = frozenset({"offset", "year_earlier"})


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around triggers, merged where they touch."""
    windows: list[tuple[int, int]] = []
    for match in _TRIGGER.finditer(text):
        start = max(0, match.start() - _REACH_BEFORE)
        end = min(len(text), match.end() + _REACH_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def scan(text: str) -> list[Piece]:
    """Every rule's matches, settled leftmost-longest (ties: the earlier rule)."""
    candidates: list[tuple[int, int, int, Piece]] = []
    seen: set[tuple[int, int, str]] = set()
    for window_start, window_end in _windows(text):
        for kind, pattern in RULES:
            for match in pattern.finditer(text, window_start, window_end):
                if match.end() == match.start():
                    continue
                key = (match.start(), match.end(), kind)
                if key in seen:
                    continue
                seen.add(key)
                groups = {name: value for name, value in match.groupdict().items() if value is not None}
                piece = Piece(kind, match.start(), match.end(), groups)
                candidates.append((match.start(), -(match.end() - match.start()), _RULE_ORDER[kind], piece))
    candidates.sort(key=lambda item: item[:3])
    chosen: list[Piece] = []
    last_end = -1
    for _start, _negative_length, _order, piece in candidates:
        if piece.start >= last_end:
            chosen.append(piece)
            last_end = piece.end
    return chosen


def _glue(text: str, first: Piece, second: Piece) -> Optional[str]:
    between = text[first.end: second.start]
    if len(between) > 16 or not GLUE.fullmatch(between):
        return None
    return re.sub(r"\s+", " ", between.strip().lower())


def _is_day(piece: Piece) -> bool:
    if piece.kind == "weekday":
        return (piece.group("rel") or "").lower() not in ("every", "each")
    if piece.kind == "relative_day":
        return piece.group("rd").lower() != "tonight"
    if piece.kind == "iso_date":
        return not piece.group("hh")
    return piece.kind in DAY_KINDS


def _is_bare_part_of_day(piece: Piece) -> bool:
    return piece.kind == "part_of_day" and (piece.group("det") or "").lower() in ("", "the") and not piece.group("pmod")


def _join_dated_weekday(first: Piece, second: Piece, glue: str) -> Optional[str]:
    if first.kind == "weekday" and not first.group("rel") and second.kind in ("month_day", "day_month", "ordinal_day") and glue in ("", ","):
        return "dated_weekday"
    return None


def _join_edge(first: Piece, second: Piece, glue: str) -> Optional[str]:
    if first.kind != "edge" or second.kind not in _EDGEABLE:
        return None
    edge_word = first.group("edge").lower()
    if edge_word.endswith("of"):
        return "edged" if glue == "" else None
    if glue in ("", "-") or (glue == "on" and edge_word in ("early", "late")):
        return "edged"
    return None


def _join_time(first: Piece, second: Piece, glue: str) -> Optional[str]:
    day_second = _is_day(second) or (second.kind == "edged" and _is_day(second.parts[1]))
    if first.kind == "clock" and day_second and glue in ("", ",", "on", "of", "at", ", on", "on the", "this", "next", "last"):
        if glue in ("this", "next", "last"):
            return None
        return "timed"
    if _is_day(first) and second.kind == "clock" and glue in ("", ",", "at", ", at"):
        return "timed"
    if _is_bare_part_of_day(first) and _is_day(second) and glue in ("", "on", "of", "into"):
        return "day_part"
    if _is_day(first) and second.kind == "part_of_day" and not second.group("det") and glue == "" and not second.group("hours"):
        return "day_part"
    return None


_JOIN_PASSES = (_join_dated_weekday, _join_edge, _join_time, _join_time)


def join(text: str, pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces merged where the glue between them allows, one kind of join per pass."""
    for joiner in _JOIN_PASSES:
        merged: list[Piece] = []
        for piece in pieces:
            if merged:
                previous = merged[-1]
                glue = _glue(text, previous, piece)
                if glue is not None:
                    kind = joiner(previous, piece, glue)
                    if kind is not None:
                        merged[-1] = Piece(kind, previous.start, piece.end, {}, (previous, piece), glue)
                        continue
            merged.append(piece)
        pieces = merged
    return pieces


def _keep(text: str, piece: Piece) -> bool:
    """Second thoughts that need the surrounding text: a lone edge word, "May" the modal."""
    if piece.kind == "edge":
        return False
    if piece.kind == "month" and not piece.group("rel") and not piece.group("y"):
        month_word = piece.group("month").rstrip(".").lower()
        if month_word in lx.AMBIGUOUS_MONTHS or len(month_word) <= 4:
            return bool(MONTH_CONTEXT.search(text[max(0, piece.start - 14): piece.start]))
    return True


_POSSESSIVE = re.compile(r"['\u2019]s(?![\w])")


def _tense(text: str, piece: Piece) -> Tense:
    """The clause's tense; a possessive ("Friday's ruling") names a day whose event is known, so past."""
    if _POSSESSIVE.match(text, piece.end):
        return Tense.PAST
    return clause_tense(text, piece.start, piece.end)


def _zone(tz: Union[str, tzinfo]) -> tzinfo:
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def find_times(text: str, reference: Union[date, datetime], tz: Union[str, tzinfo] = "UTC") -> list[TimeExpression]:
    """Every time expression in ``text``, resolved against ``reference`` in zone ``tz``.

    ``reference`` is the day the text was written (a datetime is reduced to its date in its
    own zone).  Offsets in the result index ``text`` itself: ``expression.text ==
    text[expression.start:expression.end]``.
    """
    zone = _zone(tz)
    if isinstance(reference, datetime):
        reference_day = (reference.astimezone(zone) if reference.tzinfo else reference).date()
    else:
        reference_day = reference
    pieces = [piece for piece in join(text, scan(text)) if _keep(text, piece)]
    expressions: list[TimeExpression] = []
    anchor = None
    for piece in pieces:
        context = Context(reference_day, zone, _tense(text, piece), anchor, text)
        meaning = resolve(piece, context)
        if meaning is None:
            continue
        start = meaning.start if meaning.start is not None else piece.start
        end = piece.end
        while end > start and text[end - 1] in " ,\t\n":
            end -= 1
        expressions.append(TimeExpression(
            span=Span(start, end), text=text[start:end], type=meaning.type, value=meaning.value,
            instant=meaning.instant, duration=meaning.duration, mod=meaning.mod,
        ))
        if meaning.instant is not None and meaning.type in (TimexType.DATE, TimexType.TIME) and piece.kind not in _DERIVED:
            anchor = meaning.instant
    return attach_cues(text, expressions)
