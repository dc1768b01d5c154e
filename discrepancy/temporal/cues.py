"""The words just before a time that give it a role in a window: "until", "through", "from".

TimeML keeps such words out of the TIMEX ("until <TIMEX3>February 1</TIMEX3>"), so the
expression's span never includes them; this module finds them beside the span, records their
own span, and says what they mean for the window's end:

- ``inclusive=True`` ("through Sunday", "by Friday", "at the end of D"): the window ends
  exactly when the named time ends (the midnight that starts Monday).
- ``inclusive=False`` ("before Friday"): it ends exactly when the named time begins.
- ``inclusive=None`` ("until February 1", "till", "expires on"): English leaves it open, so
  the end is the whole named time, from its start to its end.

Starts ("from", "starting", "as of", "effective") get role START and their cue span.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

import attrs

from .expressions import Bound, Role, TimeExpression, TimexType
from .lexicon import BOUND_CUES, START_CUES
from .patterns import S, words
from .values import Duration, Grain, Instant, Span, to_utc

_PREPOSITION = r"(?:" + S + r"(?:on|at|in|the|of))?(?:" + S + r"(?:on|at|the))?"
# "until the close of business on Thursday", "expires at the end of the day on Friday", "by
# close of play Friday": the named day's end, whatever the cue alone would leave open.
_DAY_END = (r"(?:" + S + r"at)?" + S + r"(?P<day_end>(?:the" + S + r")?(?:very" + S + r")?(?:end|close)" + S + r"of"
            + S + r"(?:the" + S + r")?(?:day|business|play|trading))")
_BOUND_BEFORE = re.compile(
    r"(?<![\w])(?P<cue>" + words(c for c in BOUND_CUES if c not in ("to",)) + r")(?:" + _DAY_END + r")?" + _PREPOSITION
    + r"\s{1,3}\Z",
    re.IGNORECASE,
)
_START_BEFORE = re.compile(r"(?<![\w])(?P<cue>" + words(START_CUES) + r")" + _PREPOSITION + r"\s{1,3}\Z", re.IGNORECASE)
_RANGE_END_BEFORE = re.compile(r"(?<![\w])(?P<cue>to|and|through|thru|until|till|-|\u2013)" + _PREPOSITION + r"\s{0,3}\Z", re.IGNORECASE)
_RANGE_START_BEFORE = re.compile(r"(?<![\w])(?P<cue>from|between)" + _PREPOSITION + r"\s{1,3}\Z", re.IGNORECASE)
_AT_END = re.compile(r"(?<![\w])(?P<cue>at|by|before|until|till)\s{1,3}\Z", re.IGNORECASE)
_LOOK_BACK = 40

# The last word each of `_BOUND_BEFORE`, `_START_BEFORE` and `_AT_END` can end on (a cue's
# last word, a preposition, or the last word of a day's end), for `_may_end_in_cue`.
_FINAL_WORDS = frozenset(
    phrase.split()[-1].rsplit("'", 1)[-1]
    for phrase in (*BOUND_CUES, *START_CUES, "at", "by", "before", "until", "till", "on", "in", "the", "of",
                   "day", "business", "play", "trading")
)
_TRAILING_WORD = re.compile(r"[A-Za-z']*\Z")


def _may_end_in_cue(before: str) -> bool:
    """Whether ``before`` could end in a cue: a cheap test that lets most times skip three
    searches of their window (dense lists of dates have no cue before most of them).

    Those patterns end on a cue word or a preposition and then one to three spaces, and the
    word is whole or follows an apostrophe.  Outside ASCII (case folding of the Kelvin sign,
    other spaces) the test says yes and the patterns decide.
    """
    if not before.isascii():
        return True
    stripped = before.rstrip()
    if not 1 <= len(before) - len(stripped) <= 3:
        return False
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    word = _TRAILING_WORD.search(last).group()
    return word.rsplit("'", 1)[-1].lower() in _FINAL_WORDS


_END_OF = re.compile(r"(?:the\s{1,3})?(?:very\s{1,3})?(?:end|close)\s{1,3}of\b", re.IGNORECASE)


def _names_an_end(text: str, expression: TimeExpression) -> bool:
    """ "the end of Saturday" names the moment Saturday ends, not its last hours."""
    return expression.mod == "END" and bool(_END_OF.match(text, expression.start))


def bound_end(instant: Instant, inclusive: Optional[bool]) -> Instant:
    """When a window bounded by ``instant`` stops, honest about an open ``inclusive``.

    A closed end of a month, a season or a year ("by the end of May", "through 2025") is
    one midnight, known to the day: its grain is the day's, not the period's.
    """
    grain = min(instant.grain, Grain.DAY) if inclusive is not None else instant.grain
    if inclusive is True:
        return Instant(instant.latest, instant.latest, grain)
    if inclusive is False:
        return Instant(instant.earliest, instant.earliest, grain)
    return instant


def _bound(expression: TimeExpression, cue: str, cue_span: Span, inclusive: Optional[bool]) -> TimeExpression:
    bound = Bound(cue, cue_span, inclusive, bound_end(expression.instant, inclusive))
    return attrs.evolve(expression, role=Role.BOUND, bound=bound, cue_span=cue_span, cue=cue)


def attach_cues(text: str, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The expressions with roles and bounds read from the words just before each."""
    result: list[TimeExpression] = []
    for index, expression in enumerate(expressions):
        if expression.type not in (TimexType.DATE, TimexType.TIME) or expression.instant is None:
            result.append(expression)
            continue
        window_start = max(0, expression.start - _LOOK_BACK)
        before = text[window_start: expression.start]
        previous = result[-1] if result else None
        paired = _range_pair(text, previous, expression, before, window_start)
        if paired is not None:
            first, second = paired
            result[-1] = first
            result.append(second)
            continue
        cue_possible = _may_end_in_cue(before)
        match = _BOUND_BEFORE.search(before) if cue_possible else None
        if match:
            cue = re.sub(r"\s+", " ", match.group("cue").lower())
            span = Span(window_start + match.start("cue"), window_start + match.end("cue"))
            inclusive = BOUND_CUES[cue]
            if _names_an_end(text, expression) or match.group("day_end"):
                inclusive = True  # "expired at the end of Saturday": exactly when Sunday begins
            result.append(_bound(expression, cue, span, inclusive))
            continue
        if _names_an_end(text, expression):
            at_end = _AT_END.search(before) if cue_possible else None
            if at_end:
                span = Span(window_start + at_end.start("cue"), window_start + at_end.end("cue"))
                result.append(_bound(expression, at_end.group("cue").lower(), span, True))
                continue
        match = _START_BEFORE.search(before) if cue_possible else None
        if match:
            cue = re.sub(r"\s+", " ", match.group("cue").lower())
            span = Span(window_start + match.start("cue"), window_start + match.end("cue"))
            result.append(attrs.evolve(expression, role=Role.START, cue_span=span, cue=cue))
            continue
        result.append(expression)
    return result


# What `_RANGE_END_BEFORE` can end on before its spaces: a cue or a preposition.
_RANGE_FINAL_WORDS = ("to", "and", "through", "thru", "until", "till", "-", "\u2013", "on", "at", "in", "the", "of")


def _may_end_in_range_cue(gap: str) -> bool:
    """Whether `_RANGE_END_BEFORE` could find its cue at the end of ``gap``: a cheap test that
    spares most neighbouring times in dense text the search.  Outside ASCII (case folding of
    the Kelvin sign, other spaces) it says yes and the pattern decides.
    """
    return not gap.isascii() or gap.rstrip().lower().endswith(_RANGE_FINAL_WORDS)


def _range_pair(text: str, previous: Optional[TimeExpression], expression: TimeExpression,
                before: str, window_start: int) -> Optional[tuple[TimeExpression, TimeExpression]]:
    """ "from May 8 to May 11", "between Monday and Friday": a start and an end together."""
    if previous is None or previous.instant is None or previous.end > expression.start:
        return None
    gap = text[previous.end: expression.start]
    if len(gap) > 25 or not _may_end_in_range_cue(gap):
        return None  # too far apart, or the search would find nothing: most neighbours in dense text
    end_cue = _RANGE_END_BEFORE.search(gap)
    if not end_cue:
        return None
    opener = _RANGE_START_BEFORE.search(text[max(0, previous.start - _LOOK_BACK): previous.start])
    cue = re.sub(r"\s+", " ", end_cue.group("cue").lower())
    dash = cue in ("-", "\u2013") and gap.strip() == cue
    # "April 23 to 25": a bare day after "to" only ever ends the range its month began.
    dash = dash or (cue == "to" and gap.strip() == "to" and _BARE_DAY.fullmatch(expression.text) is not None)
    if opener is None and cue not in ("through", "thru", "until", "till") and not dash:
        return None
    if opener is not None and opener.group("cue").lower() == "between" and cue != "and":
        return None
    if opener is None and previous.role is None and not dash:
        return None
    first = previous
    if opener is None and dash and previous.role is None:
        first = attrs.evolve(previous, role=Role.START)
    if opener is not None and previous.role is None:
        opener_start = max(0, previous.start - _LOOK_BACK) + opener.start("cue")
        opener_span = Span(opener_start, opener_start + len(opener.group("cue")))
        first = attrs.evolve(previous, role=Role.START, cue_span=opener_span, cue=opener.group("cue").lower())
    cue_span = Span(previous.end + end_cue.start("cue"), previous.end + end_cue.end("cue"))
    inclusive = {"through": True, "thru": True}.get(cue)
    if dash and expression.type is TimexType.DATE:
        inclusive = True  # "May 8-11" includes the 11th
    return first, _bound(_weekday_after(expression, first), cue, cue_span, inclusive)


_BARE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b", re.IGNORECASE)
_WEEK = Duration(weeks=1)
# A clock time stated in a named zone: moving it by weeks on the document's wall clock could
# move it by an hour on its own, so such a phrase is left alone.
_OTHER_ZONE = re.compile(r"\b(?:time|GMT|UTC|[A-Z]{2,4}T|Eastern|Pacific|Central|Mountain)\b")
# A month, a year, a numeric or ordinal day: the phrase names its date, not only a weekday.
_EXPLICIT_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{4}|\d[/.-]\d|\b\d{1,2}(?:st|nd|rd|th)\b"
    r"|\b\d{1,2}\s*,|,\s*\d{1,2}\b",
    re.IGNORECASE,
)


def _weekday_after(end: TimeExpression, start: TimeExpression) -> TimeExpression:
    """ "from 6 p.m. on Saturday until midnight on Sunday": the Sunday after that Saturday.

    Each weekday is first resolved by its own clause's tense, which can put the two ends of
    one range in different weeks; a bare weekday that ends a range begun on a weekday is
    the first such day on or after the range's start.
    """
    if start.instant is None or not _WEEKDAY_NAME.search(start.text):
        return end  # "from Sept. 14 to Thursday" may span weeks; two weekdays lie within one
    return weekday_in_week_after(end, start.instant)


def weekday_in_week_after(expression: TimeExpression, anchor: Instant) -> TimeExpression:
    """A bare weekday resolved more than a week after ``anchor``, moved back into that week.

    For a weekday whose week its own clause cannot tell: the end of a range begun on a
    weekday, or a day named in a statement made on a known day ("'from 6 a.m. on Tuesday,'
    the spokesman said on Monday").  A phrase that names its date ("Tuesday, April 9") is
    left alone; a clock time on a weekday is not a date.
    """
    if expression.instant is None or _EXPLICIT_DATE.search(expression.text) or _OTHER_ZONE.search(expression.text):
        return expression
    if not _WEEKDAY_NAME.search(expression.text) or expression.value[:10].count("-") != 2:
        return expression
    instant, shift = expression.instant, 0
    while to_utc(instant.earliest) > to_utc(anchor.latest) + timedelta(days=7) and shift > -60:
        instant, shift = instant.shift(-_WEEK), shift - 1
    if shift == 0:
        return expression
    day = date.fromisoformat(expression.value[:10]) + timedelta(weeks=shift)
    return attrs.evolve(expression, instant=instant, value=day.isoformat() + expression.value[10:])
