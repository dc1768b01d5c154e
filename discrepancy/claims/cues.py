"""Cue phrases, and which of them claims each time expression in a sentence.

A `Cue` is a phrase that starts, ends, extends or announces a window ("took effect",
"expired", "extended until", "announced at"), as the extractor found it.  Which cue a
time belongs to (`claiming_cue`; `ClaimingCues` for a whole sentence at once) decides
what the time says about its window.  The sentence reading and the ends stated relative
to another time (`relative_ends`) both read cues and their reach, so these live in a
module both can import; the fast `ClaimingCues` is checked against the plain
`claiming_cue` in tests/test_fast_paths.py.
"""

from __future__ import annotations

import bisect
import re
from typing import Optional, Sequence

import attrs

from ..temporal.values import Span
from .grammar import CLAUSE_BREAK


# How far (in characters) a cue reaches to claim a time expression in its sentence; cues
# after the expression reach less far, since English mostly puts the verb first.
CUE_REACH = 90
# How far before a cue a modal or schedule word ("would be lifted", "is set to expire")
# makes it a plan rather than an event: the few words of its own verb phrase.
NOT_YET_REACH = 16
# How many times over a cue after the time counts its distance.
AFTER_PENALTY = 1.6
# A contrasting clause with a subject of its own between a verb and a later time: "the
# curfew ended as planned, but hundreds defied it on Sunday" dates the defiance, not the
# end; "was lifted, but only on Monday" still dates the lifting.
NEW_CLAUSE = re.compile(
    r"(?:,\s*|\s)(?:but|whereas|while)\s+(?!(?:only|not|then|again|later|earlier|just|on|at|in|by|until|till"
    r"|from|after|before|to|within|early|late|shortly|soon)\b)",
    re.IGNORECASE,
)


@attrs.frozen
class Cue:
    """A cue phrase found in a sentence, and what it says about the times near it."""

    role: str  # "start", "end", "extend", "announce", "planned_end"; "other" claims a time for another event
    span: Span
    phrase: str
    kinds: frozenset[str]  # the window kinds whose own vocabulary has this cue (none: generic)
    not_yet: bool  # stated as planned or future, not as having happened
    # An end that is the halted activity starting again ("strikes resumed"), which may come
    # any time after the window lapsed, rather than the window's own end ("was lifted").
    resumption: bool = False

    @property
    def specific(self) -> bool:
        return bool(self.kinds)


def claiming_cue(text: str, span: Span, cues: Sequence[Cue], sentence_start: int) -> Optional[Cue]:
    """The cue nearest before ``span`` within reach, else the nearest after it in its clause.

    English states the event before its time ("expired at midnight", "took effect at 8
    a.m."); a cue after the time only claims it when nothing before does and no clause
    boundary or subordinating word lies between ("On Monday the United States lifted the
    ban", but not "shelling was reported on Wednesday, but the truce held and expired", nor
    "buses ran on Tuesday after drivers called off the strike").  A comma is a boundary
    unless the time opens the sentence ("On Monday, the ban was lifted"), a participle
    clause follows it ("fell on March 26, blocking the channel"), or the comma only closes
    a time set off before its verb ("A judge on Friday, June 9, struck down the ban").
    """
    before = [cue for cue in cues if cue.span.end <= span.start and span.start - cue.span.end <= CUE_REACH]
    if before:
        nearest = max(before, key=lambda cue: cue.span.end)
        if not NEW_CLAUSE.search(text, nearest.span.end, span.start):
            return nearest
    opens_sentence = bool(_SENTENCE_OPENING.fullmatch(text, sentence_start, span.start))
    after = [cue for cue in cues if cue.span.start >= span.end
             and (cue.span.start - span.end) * AFTER_PENALTY <= CUE_REACH
             and not CLAUSE_BREAK.search(text, span.end, cue.span.start)
             and not _SUBORDINATE.search(text, span.end, cue.span.start)
             and (opens_sentence or "," not in text[span.end : cue.span.start]
                  or _participle_clause(text, span.end, cue) or _set_off(text, span.end, cue))]
    return min(after, key=lambda cue: cue.span.start) if after else None


class ClaimingCues:
    """`claiming_cue` for every time of one sentence, each worked out once.

    A dense sentence holds dozens of times and cues, and each time is asked about twice
    (its statement time, its claim).  The cues come in text order and never overlap, so
    their ends rise too: the nearest cue before a time is found by bisection, and the cues
    after it are read in order only as far as a cue could still claim it.  Cues that do
    not lie so (an empty span) are left to `claiming_cue`.
    """

    def __init__(self, text: str, cues: Sequence[Cue], sentence_start: int) -> None:
        self._text = text
        self._cues = cues
        self._sentence_start = sentence_start
        self._starts = [cue.span.start for cue in cues]
        self._ends = [cue.span.end for cue in cues]
        self._ordered = (all(cue.span.start < cue.span.end for cue in cues)
                         and all(self._ends[index] <= self._starts[index + 1] for index in range(len(cues) - 1)))
        self._known: dict[tuple[int, int], Optional[Cue]] = {}

    def of(self, span: Span) -> Optional[Cue]:
        """``claiming_cue(text, span, cues, sentence_start)``."""
        key = (span.start, span.end)
        if key in self._known:
            return self._known[key]
        cue = self._find(span) if self._ordered else claiming_cue(self._text, span, self._cues, self._sentence_start)
        self._known[key] = cue
        return cue

    def _find(self, span: Span) -> Optional[Cue]:
        cues, text = self._cues, self._text
        last_before = bisect.bisect_right(self._ends, span.start) - 1
        if (last_before >= 0 and span.start - self._ends[last_before] <= CUE_REACH
                and not NEW_CLAUSE.search(text, self._ends[last_before], span.start)):
            return cues[last_before]
        opens_sentence = None
        for index in range(bisect.bisect_left(self._starts, span.end), len(cues)):
            cue = cues[index]
            if (cue.span.start - span.end) * AFTER_PENALTY > CUE_REACH:
                return None
            if CLAUSE_BREAK.search(text, span.end, cue.span.start) or _SUBORDINATE.search(text, span.end, cue.span.start):
                continue
            if opens_sentence is None:
                opens_sentence = bool(_SENTENCE_OPENING.fullmatch(text, self._sentence_start, span.start))
            if (opens_sentence or "," not in text[span.end: cue.span.start] or _participle_clause(text, span.end, cue)
                    or _set_off(text, span.end, cue)):
                return cue
        return None


# ", killing six workers and blocking": a participle clause after the time tells what the
# same event did, so its verb claims the time across the comma.
_PARTICIPLE_AFTER_COMMA = re.compile(r"\s*,\s*(?:[a-z]+ing\b[^,;:.\u2014]*)?", re.IGNORECASE)


def _participle_clause(text: str, time_end: int, cue: Cue) -> bool:
    """Whether the cue sits in a participle clause right after the time's comma."""
    gap = _PARTICIPLE_AFTER_COMMA.fullmatch(text, time_end, cue.span.start)
    if gap is None:
        return False
    return gap.group(0).rstrip(" ,") != "" or cue.phrase.split()[0].endswith("ing")


# A subordinate clause between a time and a later verb: "Buses ran on Tuesday after drivers
# called off the strike" dates the buses, not the calling off.
_SUBORDINATE = re.compile(r"\s(?:after|before|because|once|since)\s", re.IGNORECASE)


def _set_off(text: str, time_end: int, cue: Cue) -> bool:
    """Whether the time is set off by commas right before its verb: "A judge on Friday, June 9,
    struck down the moratorium".  The comma closes the time, not the clause."""
    return bool(_COMMA_ONLY.fullmatch(text, time_end, cue.span.start))


_COMMA_ONLY = re.compile(r"\s*,\s*")


# What may stand before a time that opens its sentence ("On Monday, the ban was lifted"),
# after which a comma does not end the time's clause; a sentence may open with a linking
# word first ("But on Friday, officials revoked the licence").
_SENTENCE_OPENING = re.compile(
    r"\W*(?:(?:but|and|yet|then|so|still|later|however|finally|eventually)\s*,?\s+)?"
    r"(?:(?:on|in|at|by|late|early|since|from|until|as\s+of)\s+)?", re.IGNORECASE)
