"""Finding time expressions in text: scan with the rules, keep the best pieces, join neighbours.

``find_times`` is the layer's one verb.  It runs in four steps, each linear in the text:

1. a cheap word scan finds the trigger words (a number, a month, a unit...), so a paragraph
   with no time word costs one pass of a word regex and a set lookup per word;
2. each rule of `patterns` is tried only at the word starts from which it could reach one
   of its trigger words, and overlapping candidates are settled leftmost-longest;
3. neighbouring pieces join when the text between them is glue ("noon" + " on " +
   "Friday, January 6"; "overnight" + " " + "Monday");
4. each piece is resolved by `normalise` against the reference, its clause's tense and the
   last time the text named, then `cues` reads the window words before it.

Output is deterministic and sorted by span.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime, tzinfo
from typing import Optional, Union
from zoneinfo import ZoneInfo

import attrs

from . import lexicon as lx
from .cues import attach_cues
from .expressions import TimeExpression, TimexType
from .normalise import DAY_KINDS, Context, Piece, resolve
from .numbers import parse_amount
from .patterns import (DIGIT_LOOKAHEAD, FLAGS, FOLDS_TO_ASCII, GLUE, LETTER_OPENING, MONTH_CONTEXT, MONTH_LOOKAHEAD,
                       DIGIT_OR_THE_OPENING, NUMBER_OPENING, OPENING_PREFIXES, RULE_TRIGGERS, RULES, TRIGGER_KINDS, ZONE, digit_kinds, month_kinds)
from .tense import ClauseReader, Tense, clause_tense
from .values import Grain, Span

def _kinds_by_word() -> dict[str, tuple[str, ...]]:
    """Each trigger word (lower case) and the kinds it belongs to."""
    table: dict[str, list[str]] = {}
    for kind, words in TRIGGER_KINDS.items():
        for word in words:
            table.setdefault(word, []).append(kind)
    return {word: tuple(kinds) for word, kinds in table.items()}


_KINDS_BY_WORD = _kinds_by_word()
_digit_kinds = functools.lru_cache(maxsize=4096)(digit_kinds)  # pure; numbers recur
_ALL_MONTH_KINDS = ("month_then_day", "month_alone")
_TOKEN = re.compile(r"[A-Za-z]+|\d+")

_EDGEABLE = frozenset({
    "month_of_year", "spoken_year", "weekday", "relative_day", "dated_weekday", "month", "month_day", "day_month", "year",
    "decade", "season", "quarter", "quarter_code", "relative_period", "holiday", "half_year",
    "century", "deictic_unit",
})
# Pieces whose meaning is counted from the anchor: they never become the anchor themselves,
# so that "a year earlier" does not drag the next "the third quarter" back a year.
_DERIVED = frozenset({"offset", "year_earlier"})
# Pieces whose meaning never depends on the clause's tense: reading the clause is skipped.
_TENSELESS = frozenset({
    "iso_date", "slash_date", "compact_date", "year", "decade", "century", "spoken_year", "quarter_code",
    "set", "reference", "relative_day", "year_earlier", "offset", "weekday_plural", "clock",
})


def _triggers(text: str) -> tuple[list[int], dict[str, list[int]]]:
    """Where words start, and where each kind of trigger word stands.

    A time phrase can only begin where a word does and must hold the trigger words its rule
    needs, so these two lists are all `scan` needs to know where to try each rule.
    """
    word_starts: list[int] = []
    by_kind: dict[str, list[int]] = {}
    kinds_of = _KINDS_BY_WORD.get
    for match in _TOKEN.finditer(text):
        token = match.group()
        position = match.start()
        word_starts.append(position)
        if token[0].isdigit():
            kinds = _digit_kinds(token, text[match.end(): match.end() + DIGIT_LOOKAHEAD])
        else:
            kinds = kinds_of(token.lower())
            if kinds is None:
                continue
        for kind in kinds:
            by_kind.setdefault(kind, []).append(position)
    months = by_kind.get("month")
    if months:
        # A month word's narrower kinds read what follows it (after the word loop, which
        # stays as cheap for every other word).  Where a letter that case-folds to ASCII
        # stands in the text, a month name need not be one ASCII word: it has them all.
        read_months = not any(letter in text for letter in FOLDS_TO_ASCII)
        for position in months:
            for kind in (_month_kinds_at(text[position: position + _MONTH_WINDOW]) if read_months else _ALL_MONTH_KINDS):
                by_kind.setdefault(kind, []).append(position)
    return word_starts, by_kind


_LETTERS = re.compile(r"[A-Za-z]+")
_MONTH_WINDOW = len("september") + MONTH_LOOKAHEAD


@functools.lru_cache(maxsize=4096)
def _month_kinds_at(window: str) -> tuple[str, ...]:
    """`month_kinds` of the month word that opens ``window``, from what follows the word.

    Cached by the window (the word and what follows): dense text repeats "March 2 ".
    """
    end = _LETTERS.match(window).end()
    return month_kinds(window[end: end + MONTH_LOOKAHEAD])


# Each rule's trigger conditions as tuples of (kind, reach), so that rules sharing a
# condition share its windows within one text.
_CONDITIONS = {rule: tuple(tuple(sorted(condition.items())) for condition in conditions)
               for rule, conditions in RULE_TRIGGERS.items()}


def _windows(condition: tuple[tuple[str, int], ...], by_kind: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The stretches ``(low, high)`` of positions from which a phrase meets ``condition``, in order.

    Each trigger word at ``t`` of a kind the condition names opens ``(t - reach, t)``;
    overlapping stretches are merged, so that no word start is tried twice.
    """
    if len(condition) == 1:
        return _merged_reaches(by_kind.get(condition[0][0], ()), condition[0][1])
    spans: list[tuple[int, int]] = []
    for kind, reach in condition:
        triggers = by_kind.get(kind)
        if triggers:
            spans += [(trigger - reach, trigger) for trigger in triggers]
    if len(condition) > 1:
        spans.sort()
    merged: list[tuple[int, int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged


def _merged_reaches(triggers, reach: int) -> list[tuple[int, int]]:
    """`_windows` for one kind: its triggers are in order, so stretches merge as they come."""
    merged: list[tuple[int, int]] = []
    if not triggers:
        return merged
    low = high = None
    for trigger in triggers:
        if high is not None and trigger - reach <= high:
            high = trigger
            continue
        if high is not None:
            merged.append((low, high))
        low, high = trigger - reach, trigger
    merged.append((low, high))
    return merged


def _overlap(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The positions two ordered lists of stretches share, as stretches."""
    shared: list[tuple[int, int]] = []
    i = j = 0
    while i < len(first) and j < len(second):
        low, high = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if low <= high:
            shared.append((low, high))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return shared


# Rules with one condition whose every reach is 0: they begin at a trigger word.
_AT_TRIGGERS = frozenset(rule for rule, conditions in _CONDITIONS.items()
                         if len(conditions) == 1 and all(reach == 0 for _kind, reach in conditions[0]))


def _rule_starts(rule: str, text: str, word_starts: list[int], by_kind: dict[str, list[int]],
                 windows_of: dict[tuple, list[tuple[int, int]]]) -> list[int]:
    """The word starts, in order, from which ``rule`` meets every one of its trigger conditions.

    ``windows_of`` keeps each condition's windows for the other rules that share it.
    """
    conditions = _CONDITIONS[rule]
    if rule in _AT_TRIGGERS:
        # Tried only at its trigger words themselves: those are the starts, no windows needed.
        lists = [by_kind[kind] for kind, _reach in conditions[0] if kind in by_kind]
        if len(lists) <= 1:
            return lists[0] if lists else []
        return sorted(set().union(*lists))
    if not all(any(kind in by_kind for kind, _reach in condition) for condition in conditions):
        return []  # a condition no trigger word meets: spare the others their windows
    windows: list[tuple[int, int]] = []
    for number, condition in enumerate(conditions):
        these = windows_of.get(condition)
        if these is None:
            these = windows_of[condition] = _windows(condition, by_kind)
        windows = these if number == 0 else _overlap(windows, these)
        if not windows:
            return []
    starts: list[int] = []
    index = 0
    for low, high in windows:
        index = bisect_left(word_starts, low, index)
        end = bisect_right(word_starts, high, index)
        starts.extend(word_starts[index:end])
        index = end
    if rule in LETTER_OPENING and "digit" in by_kind:
        numbers = windows_of.get("digit")
        if numbers is None:
            numbers = windows_of["digit"] = set(by_kind["digit"])
        starts = [start for start in starts if start not in numbers]
    opening_kind = NUMBER_OPENING.get(rule)
    if opening_kind is not None and "digit" in by_kind:
        others = windows_of.get(("other numbers than", opening_kind))
        if others is None:
            others = windows_of[("other numbers than", opening_kind)] = set(by_kind["digit"]).difference(
                by_kind.get(opening_kind, ()))
        starts = [start for start in starts if start not in others]
    prefixes = OPENING_PREFIXES.get(rule)
    if prefixes is not None:
        starts = [start for start in starts if text[start:start + 2].lower() in prefixes]
    if rule in DIGIT_OR_THE_OPENING:
        # A look at the few starts left, not a trigger kind: finding every "the" of a text
        # would cost news more than the attempts it spares.
        starts = [start for start in starts if text[start] in _ASCII_DIGITS or text[start:start + 3].lower() == "the"]
    return starts


_ASCII_DIGITS = frozenset("0123456789")


def scan(text: str) -> list[Piece]:
    """Every rule's matches, settled leftmost-longest (ties: the earlier rule)."""
    word_starts, by_kind = _triggers(text)
    windows_of: dict[tuple, list[tuple[int, int]]] = {}
    candidates: list[tuple] = []
    deferred: list[tuple[int, list[int]]] = []
    for order, (kind, _pattern) in enumerate(RULES):
        starts = _rule_starts(kind, text, word_starts, by_kind, windows_of)
        if kind in DEFERRED_RULES and len(starts) * _DEFERRAL_PAYS_BELOW >= len(text):
            deferred.append((order, starts))
        elif starts:
            _candidates(text, order, starts, candidates)
    # Leftmost, then longest, then the earlier rule.  No two candidates share a start and a
    # rule (a rule's matches begin at its distinct word starts, or at the apostrophe just
    # before one, which is no word start), so the tuples' own order is this order and the
    # sort never compares the kinds or matches that follow.
    candidates.sort()
    while deferred:
        chosen_starts, chosen_ends = _settled_spans(candidates)
        needed = [(order, starts) for order, starts in deferred
                  if not _all_inside(starts, chosen_starts, chosen_ends)]
        if not needed:
            break  # none of the deferred rules' matches could be chosen: they are never tried
        for order, starts in needed:
            _candidates(text, order, starts, candidates)
        candidates.sort()
        deferred = [entry for entry in deferred if entry not in needed]
    chosen: list[Piece] = []
    last_end = -1
    for start, negative_length, order, kind, match in candidates:
        if start >= last_end:
            # Groups are read only for the candidates kept: in dense text most overlap.
            chosen.append(Piece(kind, start, start - negative_length, _groups(match, _GROUP_LAYOUTS[order])))
            last_end = start - negative_length
    return chosen


# Rules whose matches mostly lose where they stand thick: `day_month` finds "1 March" in every
# "February 1 March 2" and `month_day` takes the "1" first.  Such a rule is tried last, and
# not at all where every one of its word starts lies strictly inside a piece the other rules
# settle on (`_all_inside`).  Deferring costs one settling of the other candidates, which pays
# only where the rule has a start in fewer than this many characters on average (news has
# one in thousands).
DEFERRED_RULES = frozenset({"day_month"})
_DEFERRAL_PAYS_BELOW = 100


def _candidates(text: str, order: int, starts: list[int], candidates: list[tuple]) -> None:
    """Rule ``order``'s matches tried at ``starts`` in turn, each skipping the starts its
    previous match covers, added to ``candidates`` as ``(start, -length, order, kind, match)``."""
    kind, pattern = RULES[order]
    match_at = pattern.match
    covered = -1
    for position in starts:
        if position < covered:
            continue
        # "'90s" begins one character before its first word.
        match = match_at(text, position) or (
            position > 0 and text[position - 1] == "'" and match_at(text, position - 1))
        if not match or match.end() == match.start():
            continue
        start, covered = match.span()
        candidates.append((start, start - covered, order, kind, match))


def _settled_spans(candidates: list[tuple]) -> tuple[list[int], list[int]]:
    """Where the pieces settled from sorted ``candidates`` start and end (as `scan` settles)."""
    starts: list[int] = []
    ends: list[int] = []
    last_end = -1
    for start, negative_length, *_rest in candidates:
        if start >= last_end:
            last_end = start - negative_length
            starts.append(start)
            ends.append(last_end)
    return starts, ends


def _all_inside(positions: list[int], starts: list[int], ends: list[int]) -> bool:
    """Whether every position ``p`` lies inside a settled piece ``[a, b)`` with ``a < p - 1``
    and ``p < b``, so that a match tried there (beginning at ``p``, or at the apostrophe at
    ``p - 1``) would start strictly inside that piece.

    Then adding the rule's matches changes nothing: settling goes leftmost first, so until
    one of them were chosen the pieces settled are these; and each of them starts after the
    start of the last piece settled before it and before that piece's end, so is dropped.
    """
    for position in positions:
        index = bisect_right(starts, position - 2) - 1
        if index < 0 or ends[index] <= position:
            return False
    return True


def _groups(match: re.Match, layout: tuple) -> dict:
    """The groups a match set, with the positions of those kept (`_POSITIONED_GROUPS`).

    ``layout`` is the rule's entry of `_GROUP_LAYOUTS`, its group names and range groups
    found once: a dense text keeps tens of thousands of pieces, and this runs for every one.
    (It is found by the rule's place in `RULES`, not by the pattern: hashing a pattern
    hashes its whole source.)
    """
    names, ranges = layout
    values = match.groups()
    groups = {name: values[index] for name, index in names if values[index] is not None}
    for name, key in ranges:
        if name in groups:
            groups[key] = match.span(name)
    return groups


# Groups whose position is kept (as ``_NAME_span``): those `split_ranges` needs (the second
# day of "May 8-11", the first of "8-11 May", the two amounts of "from 38 to 35 hours"), and
# the amount and unit of a length, where its span may begin ("a 30-day clock" is "30-day").
_POSITIONED_GROUPS = ("d", "d0", "d2", "d3", "d4", "amount", "amount2", "unit")
# Per rule, in the order of `RULES`: its named groups in `groupdict` order with their
# index in `groups()`, and the positioned groups it has with the key their span is kept under.
_GROUP_LAYOUTS = [
    (tuple((name, number - 1) for name, number in pattern.groupindex.items()),
     tuple((name, f"_{name}_span") for name in _POSITIONED_GROUPS if name in pattern.groupindex))
    for _kind, pattern in RULES
]
_CHANGE_OPENER = re.compile(r"\bfrom\s{1,3}$", re.IGNORECASE)


def split_ranges(text: str, pieces: list[Piece]) -> list[Piece]:
    """Two time phrases where one match holds a range, as TimeML writes them.

    "May 8-11" is "May 8" and "11", "April 24 and 25" "April 24" and "25", "April 23 to 25"
    "April 23" and "25"; "8-11 May" is "8" and "11 May" (each day keeps the
    month and year the phrase states); "from 38 to 35 hours" is "38" and "35 hours", a change
    rather than a range.  A true range of lengths ("two to three weeks") stays one vague
    duration.
    """
    result: list[Piece] = []
    for piece in pieces:
        groups = piece.groups
        second = next((name for name in ("d2", "d3", "d4") if name in groups), None)
        if piece.kind == "month_day" and second:
            # "May 8-11", "April 24 and 25": the second day keeps the month (and year).
            first_end = groups["_d_span"][1]
            second_start = groups[f"_{second}_span"][0]
            result.append(attrs.evolve(piece, end=first_end, groups={k: v for k, v in groups.items() if k != second}))
            result.append(attrs.evolve(piece, start=second_start, groups={**groups, "d": groups[second]}))
            continue
        if piece.kind == "day_month" and "d0" in groups:
            first_start, first_end = groups["_d0_span"]
            result.append(attrs.evolve(piece, start=first_start, end=first_end, groups={**groups, "d": groups["d0"]}))
            result.append(attrs.evolve(piece, start=groups["_d_span"][0]))
            continue
        if piece.kind == "duration" and "amount2" in groups and not groups.get("det"):
            first, second = parse_amount(groups["amount"]), parse_amount(groups["amount2"])
            if first is not None and second is not None and (
                    second <= first or _CHANGE_OPENER.search(text, max(0, piece.start - 8), piece.start)):
                amount_start, amount_end = groups["_amount_span"]
                second_start = groups["_amount2_span"][0]
                rest = {k: v for k, v in groups.items() if k not in ("amount2", "amod")}
                result.append(attrs.evolve(piece, start=amount_start if "amod" not in groups else piece.start,
                                           end=amount_end, groups={**rest, "amod": groups.get("amod"), "_elided": "unit"} if "amod" in groups else {**rest, "_elided": "unit"}))
                result.append(attrs.evolve(piece, start=second_start,
                                           groups={**rest, "amount": groups["amount2"], "_amount_span": groups["_amount2_span"]}))
                continue
        result.append(piece)
    return result


_SPACES = re.compile(r"\s+")


def _glue(text: str, first: Piece, second: Piece) -> Optional[str]:
    if second.start - first.end > 16:
        return None
    between = text[first.end: second.start]
    if not GLUE.fullmatch(between):
        return None
    return _SPACES.sub(" ", between.strip().lower())


def _is_day(piece: Piece) -> bool:
    if piece.kind == "weekday":
        return (piece.group("rel") or "").lower() not in ("every", "each")
    if piece.kind == "relative_day":
        return piece.group("rd").lower() != "tonight"
    if piece.kind == "iso_date":
        return not piece.group("hh")
    return piece.kind in DAY_KINDS


def _is_bare_part_of_day(piece: Piece) -> bool:
    """A part of day with no determiner of its own ("overnight", "mid-afternoon"), free to join a day."""
    return piece.kind == "part_of_day" and (piece.group("det") or "").lower() in ("", "the") and not (
        piece.group("pmod") and piece.group("det"))


def _join_dated_weekday(first: Piece, second: Piece, glue: str) -> Optional[str]:
    if first.kind == "weekday" and not first.group("rel") and second.kind in ("month_day", "day_month", "ordinal_day") and glue in ("", ","):
        return "dated_weekday"
    return None


def _join_month_year(first: Piece, second: Piece, glue: str) -> Optional[str]:
    """ "June last year", "January nineteen ninety-seven": a month in a year named in words."""
    if first.kind != "month" or first.group("y") or first.group("rel") or glue not in ("", ",", "of"):
        return None
    if second.kind == "spoken_year" or (second.kind == "relative_period" and second.group("unit").lower() == "year"
                                        and not second.group("rel").lower().startswith("the")):
        return "month_of_year"
    return None


def _join_day_year(first: Piece, second: Piece, glue: str) -> Optional[str]:
    """ "November 24 last year", "24 November of next year": a day in a year named in words."""
    if first.kind not in ("month_day", "day_month", "dated_weekday") or glue not in ("", ",", "of"):
        return None
    dated = first.parts[1] if first.kind == "dated_weekday" else first
    if dated.kind not in ("month_day", "day_month") or dated.group("y"):
        return None
    if second.kind == "spoken_year" or (second.kind == "relative_period" and second.group("unit").lower() == "year"
                                        and second.group("rel").lower() in ("last", "this", "next")):
        return "day_of_year"
    return None


def _join_week_of(first: Piece, second: Piece, glue: str) -> Optional[str]:
    """ "the week of March 6": the calendar week holding that day."""
    if first.kind == "deictic_unit" and first.group("unit") == "week" and glue == "of" and second.kind in DAY_KINDS:
        return "week_of"
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
    if (first.kind == "edged" and first.parts[1].kind in ("weekday", "relative_day") and _is_day(first.parts[1])
            and first.parts[0].group("edge").lower() in ("early", "late") and glue == "" and _is_plain_part_of_day(second)):
        return "day_part"  # "early Friday morning", "late Monday night": the part of day, at its edge
    return None


def _is_plain_part_of_day(piece: Piece) -> bool:
    """ "morning", "night": a part of day with no determiner, edge or hours of its own."""
    return (piece.kind == "part_of_day" and not piece.group("det") and not piece.group("pmod")
            and not piece.group("hours") and (piece.group("pod") or "").lower() in ("morning", "afternoon", "evening", "night"))


def _pairs(*groups: tuple[frozenset, frozenset]) -> dict[str, frozenset]:
    """For each first kind, the second kinds a joiner may join it to."""
    table: dict[str, frozenset] = {}
    for firsts, seconds in groups:
        for first in firsts:
            table[first] = table.get(first, frozenset()) | seconds
    return table


_ANY_DAY = frozenset(DAY_KINDS)
_YEAR_WORDS = frozenset({"spoken_year", "relative_period"})
# Each pass with the kind pairs it can ever join, read off its conditions: a pass none of
# whose pairs stands side by side is skipped, and other pairs never compute their glue.
_JOIN_PASSES = (
    (_join_dated_weekday, _pairs(({"weekday"}, frozenset({"month_day", "day_month", "ordinal_day"})))),
    (_join_month_year, _pairs(({"month"}, _YEAR_WORDS))),
    (_join_day_year, _pairs(({"month_day", "day_month", "dated_weekday"}, _YEAR_WORDS))),
    (_join_week_of, _pairs(({"deictic_unit"}, _ANY_DAY))),
    (_join_edge, _pairs(({"edge"}, _EDGEABLE))),
    *[(_join_time, _pairs(({"clock"}, _ANY_DAY | {"edged"}), (_ANY_DAY, frozenset({"clock", "part_of_day"})),
                          ({"part_of_day"}, _ANY_DAY), ({"edged"}, frozenset({"part_of_day"}))))] * 2,
)


# "18:00 Moscow time (15:00 GMT)": the same moment restated in another zone, in brackets.
_OPENING_BRACKET = re.compile(r"\s{0,3}\(\s{0,2}\Z")
_CLOSING_BRACKET = re.compile(r"\s{0,2}\)")


def _restatements_folded(text: str, pieces: list[Piece]) -> list[Piece]:
    """A clock time, the same moment in another zone in brackets, and a day: the first time
    folded over the bracket, so that it can be joined to its day.

    Wire copy gives a local time and its GMT equivalent, then the day: "from 18:00 Moscow time
    (15:00 GMT) on Saturday", "until midnight (2100 GMT) on Sunday".  The bracket stands
    between the first time and its day, so unfolded the first time would never be joined to
    the day (and would fall on the reference day).  The stated time and its zone are the
    first's; the bracket is kept inside the span.  Without a day after it ("at 10:30 a.m.
    (0230 GMT)") nothing is gained, and the two times stay two, as TimeML writes them.
    """
    result: list[Piece] = []
    for index, piece in enumerate(pieces):
        previous = result[-1] if result else None
        if (previous is not None and previous.kind == "clock" and piece.kind == "clock"
                and piece.start - previous.end <= 5
                and _OPENING_BRACKET.search(text, previous.end, piece.start)):
            closing = _CLOSING_BRACKET.match(text, piece.end)
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if closing is not None and following is not None and _is_day(following):
                folded = attrs.evolve(previous, end=closing.end())
                glue = _glue(text, folded, following)
                if glue is not None and _join_time(folded, following, glue) is not None:
                    result[-1] = folded
                    continue
        result.append(piece)
    return result


def join(text: str, pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces merged where the glue between them allows, one kind of join per pass."""
    if "(" in text:
        pieces = _restatements_folded(text, pieces)
    glues: dict[tuple[int, int], Optional[str]] = {}  # the same gap recurs in every pass
    for joiner, pairs in _JOIN_PASSES:
        kinds = {piece.kind for piece in pieces}
        if not any(first in kinds and not kinds.isdisjoint(seconds) for first, seconds in pairs.items()):
            continue
        merged: list[Piece] = []
        for piece in pieces:
            if merged:
                previous = merged[-1]
                if piece.kind not in pairs.get(previous.kind, ()):
                    merged.append(piece)
                    continue
                gap = (previous.end, piece.start)
                if gap not in glues:
                    glues[gap] = _glue(text, previous, piece)
                glue = glues[gap]
                if glue is not None:
                    kind = joiner(previous, piece, glue)
                    if kind is not None:
                        merged[-1] = Piece(kind, previous.start, piece.end, {}, (previous, piece), glue)
                        continue
            merged.append(piece)
        pieces = merged
    return _midnight_between(text, pieces)


# "midnight between Wednesday and Thursday": the words between the three pieces.
_BETWEEN_GLUE = re.compile(r"\s{1,3}(?:on\s{1,3}the\s{1,3}night\s{1,3})?between\s{1,3}(?:the\s{1,3})?", FLAGS)
_AND_GLUE = re.compile(r"\s{0,3},?\s{1,3}(?:and|&)\s{1,3}", FLAGS)


def _midnight_between(text: str, pieces: list[Piece]) -> list[Piece]:
    """"Midnight between Wednesday and Thursday, November 30": the one midnight that ends the
    first day and starts the second, joined as midnight timed on the second day (glue
    "between"), which normalisation reads as that day's start, not either of its midnights."""
    merged: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if (piece.kind == "clock" and (piece.group("named") or "").lower() == "midnight" and index + 2 < len(pieces)
                and _is_day(pieces[index + 1]) and _is_day(pieces[index + 2])
                and _BETWEEN_GLUE.fullmatch(text, piece.end, pieces[index + 1].start)
                and _AND_GLUE.fullmatch(text, pieces[index + 1].end, pieces[index + 2].start)):
            second = pieces[index + 2]
            merged.append(Piece("timed", piece.start, second.end, {}, (piece, second), "between"))
            index += 3
            continue
        merged.append(piece)
        index += 1
    return merged


_TRAILING_ZONE = re.compile(r"\s{1,3}(?:\((?P<paren>" + ZONE + r")\)|(?P<zone>" + ZONE + r"))", FLAGS)
# What may stand between two clock times that share one zone phrase: "from 11 a.m. on Friday
# to 11 p.m. on Saturday Kyiv time", "between 9 and 11 p.m. GMT".
_SHARED_ZONE_GAP = re.compile(r"[^.;!?\n]{0,40}", FLAGS)


def _clock_part(piece: Piece) -> Optional[Piece]:
    if piece.kind == "clock":
        return piece
    if piece.kind == "timed":
        return next((part for part in piece.parts if part.kind == "clock"), None)
    return None


def _with_zone(piece: Piece, zone: str) -> Piece:
    if piece.kind == "clock":
        return attrs.evolve(piece, groups={**piece.groups, "zone": zone})
    return attrs.evolve(piece, parts=tuple(_with_zone(part, zone) if part.kind == "clock" else part for part in piece.parts))


def attach_zones(text: str, pieces: list[Piece]) -> list[Piece]:
    """A zone phrase after a timed phrase ("11 p.m. on Saturday Kyiv time") is its zone, and
    that of every zone-less clock time before it in the same stretch of the sentence: the
    phrase closes the whole interval ("from 11 a.m. on Friday to 11 p.m. on Saturday Kyiv time").
    """
    result = list(pieces)
    for index, piece in enumerate(result):
        clock = _clock_part(piece)
        if clock is None:
            continue
        zone = clock.group("zone")
        if zone is None:
            match = _TRAILING_ZONE.match(text, piece.end)
            if match is None:
                continue
            zone = match.group("paren") or match.group("zone")
            piece = attrs.evolve(_with_zone(piece, zone), end=match.end())
            result[index] = piece
        earlier = index - 1
        while earlier >= 0:
            before = result[earlier]
            before_clock = _clock_part(before)
            if before_clock is None or before_clock.group("zone") is not None:
                break
            if not _SHARED_ZONE_GAP.fullmatch(text, before.end, result[earlier + 1].start):
                break
            result[earlier] = _with_zone(before, zone)
            earlier -= 1
    return result


_COORDINATION = re.compile(r"\s{1,3}(?:and|or|,)\s{1,3}|\s{0,2},\s{1,3}", re.IGNORECASE)


def share_plurals(text: str, pieces: list[Piece]) -> list[Piece]:
    """ "Monday and Tuesday nights": a bare weekday coordinated with a recurring one recurs too."""
    result = list(pieces)
    for index in range(len(result) - 2, -1, -1):
        piece, following = result[index], result[index + 1]
        if (piece.kind == "weekday" and not piece.group("rel") and following.kind == "weekday_plural"
                and _COORDINATION.fullmatch(text, piece.end, following.start)):
            groups = {"wd": piece.group("wd")}
            if following.group("pods"):
                groups["pods"] = following.group("pods")
            result[index] = Piece("weekday_plural", piece.start, piece.end, groups)
    return result


def _keep(text: str, piece: Piece) -> bool:
    """Second thoughts that need the surrounding text: a lone edge word, "May" the modal."""
    if piece.kind == "edge":
        return False
    if piece.kind == "month" and not piece.group("rel") and not piece.group("y"):
        month_word = piece.group("month").rstrip(".").lower()
        if len(month_word) <= 4 and not piece.group("month").endswith(".") and _NAME_AFTER.match(text, piece.end):
            return False  # "Jan Kavan", "Dec Hughes": a first name
        if month_word in lx.AMBIGUOUS_MONTHS or len(month_word) <= 4:
            return bool(MONTH_CONTEXT.search(text[max(0, piece.start - 14): piece.start]))
    if piece.kind == "relative_day" and piece.group("rd").lower() == "today" and _GENERIC_TODAY.match(text, piece.end):
        return False  # "today's world": the present era, not the day
    return True


_NAME_AFTER = re.compile(r"\s{1,2}(?-i:[A-Z][a-z])")
_GENERIC_TODAY = re.compile(
    r"['\u2019]s\s{1,3}(?:world|youth|young|generation|society|children|kids|economy|standards|technology|"
    r"consumers?|culture|politics|teenagers|students|families|personal|modern|global)\b", re.IGNORECASE)


_POSSESSIVE = re.compile(r"['\u2019]s(?![\w])")


_WINDOW_CUE_BEFORE = re.compile(
    r"\b(?:until|till|through|thru|by|starting|beginning|effective|no\s+later\s+than)(?:\s{1,3}(?:on|at))?\s{1,3}$",
    re.IGNORECASE,
)


_EARLIEST_BEFORE = re.compile(r"\bas\s{1,3}(?:soon|early)\s{1,3}as\s{1,3}(?:on\s{1,3})?$", re.IGNORECASE)


# The words `_EARLIEST_BEFORE` and `_WINDOW_CUE_BEFORE` can end on before their spaces.
_TENSE_CUE_ENDINGS = ("as", "on", "at", "until", "till", "through", "thru", "by", "starting", "beginning", "effective",
                      "than")


def _may_end_in_tense_cue(before: str) -> bool:
    """Whether ``before`` could end in `_EARLIEST_BEFORE` or `_WINDOW_CUE_BEFORE`: a cheap
    test that spares most times in dense text both searches.

    Both end on one of `_TENSE_CUE_ENDINGS`, then one to three spaces (four when ``$``
    stands before a final newline).  Outside ASCII (case folding of the dotless i, other
    spaces) the test says yes and the patterns decide.
    """
    if not before.isascii():
        return True
    stripped = before.rstrip()
    return 1 <= len(before) - len(stripped) <= 4 and stripped.lower().endswith(_TENSE_CUE_ENDINGS)


def _tense(text: str, piece: Piece, read_clause=None) -> Tense:
    """The clause's tense, with two readings of the words right beside the time.

    A possessive ("Friday's ruling") names a day whose event is known, so past; a window
    word in an otherwise unmarked clause ("shut through Sunday") points ahead.
    """
    if _POSSESSIVE.match(text, piece.end):
        return Tense.PAST
    cue_possible = _may_end_in_tense_cue(text[max(0, piece.start - 24): piece.start])
    if cue_possible and _EARLIEST_BEFORE.search(text, max(0, piece.start - 24), piece.start):
        return Tense.FUTURE  # "could come as early as Tuesday"
    tense = read_clause(piece.start, piece.end) if read_clause is not None else clause_tense(text, piece.start, piece.end)
    if tense is Tense.UNMARKED and cue_possible and _WINDOW_CUE_BEFORE.search(text, max(0, piece.start - 24), piece.start):
        return Tense.FUTURE
    return tense


# A `ClauseReader` costs about as much to build as reading forty characters per character of
# text; reading one clause the plain way costs about a clause's worth (200 characters) more
# than asking the reader.  Times closer than this many characters apart, on average, make
# building it pay.
_READER_PAYS_BELOW = 40


def _clause_reader(text: str, pieces: list[Piece]):
    """How to read a clause's tense in this text: a `ClauseReader` where times stand dense."""
    asking = sum(1 for piece in pieces if piece.kind not in _TENSELESS)
    if asking and asking * _READER_PAYS_BELOW >= len(text):
        return ClauseReader(text).tense
    return None


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
    pieces = [piece for piece in share_plurals(text, attach_zones(text, join(text, split_ranges(text, scan(text))))) if _keep(text, piece)]
    read_clause = _clause_reader(text, pieces)
    expressions: list[TimeExpression] = []
    anchor = topic = None
    anchor_end = 0
    for piece in pieces:
        tense = Tense.UNMARKED if piece.kind in _TENSELESS else functools.partial(_tense, text, piece, read_clause)
        context = Context(reference_day, zone, tense, anchor, text, topic, anchor_end)
        meaning = resolve(piece, context)
        if meaning is None:
            continue
        start = meaning.start if meaning.start is not None else piece.start
        end = meaning.end if meaning.end is not None else piece.end
        while end > start and text[end - 1] in " ,\t\n":
            end -= 1
        expressions.append(TimeExpression(
            span=Span(start, end), text=text[start:end], type=meaning.type, value=meaning.value,
            instant=meaning.instant, duration=meaning.duration, mod=meaning.mod,
        ))
        if meaning.instant is not None and meaning.type in (TimexType.DATE, TimexType.TIME) and piece.kind not in _DERIVED:
            anchor, anchor_end = meaning.instant, end
            if topic is None and anchor.grain is Grain.QUARTER:
                topic = anchor
    return attach_cues(text, expressions)
