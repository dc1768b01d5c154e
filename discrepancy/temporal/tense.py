"""Which way a clause points in time: whether "Wednesday" in it is behind or ahead of the reference.

News says "Trump said Thursday" of a day just gone and "talks resume Wednesday" of a day to
come, with the same bare weekday.  We read the clause around the expression: the nearest
marker to the left decides ("will", "said", a verb in -ed, or a present-tense verb, which in
news about a named day means a schedule); a clause that opens with the time is read to the
right; failing both, the clause is unmarked and callers fall back to the past, as news
mostly reports.

This is a cue reader, not a parser: it looks only at words within the clause (between
sentence or clause punctuation) and never across a full stop.
"""

from __future__ import annotations

import enum
import functools
import itertools
import operator
import re
from bisect import bisect_left, bisect_right

from .lexicon import NOT_PAST_EDS, STRONG_FUTURE, STRONG_PAST, WEAK_FUTURE, WEAK_PAST


_FUTURE_IN_THE_PAST = frozenset({"would", "could", "might"})


class Tense(enum.Enum):
    PAST = "past"
    FUTURE = "future"
    UNMARKED = "unmarked"


_WORD = re.compile(r"[A-Za-z']{1,20}")
_CLAUSE_LEFT = 120
_CLAUSE_RIGHT = 80
# Sentence and clause ends, and quotation marks, including the `` and '' of wire copy.
_CLAUSE_BREAK = re.compile(r"[.;!?\"\u201c\u201d]['\u2019\u201d\"]{0,2}\s|\n|''|``")


def _is_past_form(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_EDS


@functools.lru_cache(maxsize=8192)
def _strength(word: str) -> tuple[int, "Tense | None"]:
    """(2, tense) for a strong marker, (1, tense) for a weak one, (0, None) otherwise.

    Cached: every clause is read word by word for each time in it, and news repeats its words.
    """
    if word in STRONG_FUTURE:
        return 2, Tense.FUTURE
    if word in STRONG_PAST or _is_past_form(word):
        return 2, Tense.PAST
    if word in WEAK_FUTURE:
        return 1, Tense.FUTURE
    if word in WEAK_PAST:
        return 1, Tense.PAST
    return 0, None


# Words between a verb and its time that do not separate them: "said on Thursday",
# "blocked late on Thursday".
_LINK_WORDS = frozenset({"on", "at", "in", "early", "late", "local", "time"})


# "due to resume", "set to begin": a schedule, the future; "was due to begin", "were
# scheduled to meet", "had been scheduled to expire": a schedule stated in the past, so the past.
_SCHEDULE_WORDS = frozenset({"due", "scheduled", "expected", "set", "supposed", "slated", "poised", "going", "about"})
_PAST_AUXILIARIES = frozenset({"was", "were"})
# Words that mark the future only as verbs before "to" ("plans to", "hopes to"); as nouns
# ("vacation plans") they say nothing of tense.
_VERBS_BEFORE_TO = frozenset({"plan", "plans", "hope", "hopes", "expects", "intends"})


# Past forms spelt like their base form are past markers ("the record high set on Aug. 6"),
# except after a modal or "do" ("will set", "did not cut"), where the modal governs.  Not
# "shut", mostly an adjective ("stay shut through Sunday").
_BARE_PASTS = frozenset({"set", "cut", "put", "hit"})
_MODALS = frozenset({
    "will", "'ll", "would", "could", "can", "may", "might", "should", "must", "shall", "do", "does", "did",
    "won't", "wouldn't", "can't", "couldn't", "don't", "doesn't", "didn't", "not", "never",
})
# A participle after "be"/"being" is a passive whose tense is the auxiliary's ("will be named",
# "is being held"), not a past of its own.
_PASSIVE_AUXILIARIES = frozenset({"be", "being"})
_PRESENT_BE = frozenset({"is", "are", "am"})
_PARTICIPLES = frozenset({"held", "made", "taken", "given", "sent", "paid", "sold", "kept", "set", "put", "cut", "hit", "shut", "led", "known", "seen", "shown", "told", "found", "brought", "left", "met", "won", "lost", "chosen", "done", "signed"})


# Participles that, right after a determiner, describe a noun ("a planned strike", "the
# scheduled vote") and so say nothing of the clause's tense.
_ADJECTIVAL_PARTICIPLES = frozenset({"planned", "scheduled", "expected", "proposed", "promised", "agreed", "announced"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"})


def _tense_words(segment: str) -> list[str]:
    """The clause's words in text order, as tense markers read them.

    An infinitive carries no tense of its own ("due to resume", "set to last"), so the word
    after "to" is dropped; "due to" / "set to" become one future marker and "was due to" /
    "were scheduled to" one past marker.
    """
    return _infinitives_dropped(_WORD.findall(segment.lower()))


def _infinitives_dropped(raw: list[str]) -> list[str]:
    result: list[str] = []
    previous = ""
    last = len(raw) - 1
    for index, word in enumerate(raw):
        before, previous = previous, word
        if before == "to":
            continue
        if word in _SCHEDULE_WORDS and index < last and raw[index + 1] == "to":
            if before in _PAST_AUXILIARIES or (before == "been" and index > 1 and raw[index - 2] == "had"):
                result[-1:] = ["was"]
            else:
                result.append("due")
            continue
        if word in _VERBS_BEFORE_TO and (index == last or raw[index + 1] != "to"):
            continue
        if word in _ADJECTIVAL_PARTICIPLES and (
                before in _DETERMINERS
                or (before.endswith("ly") and index > 1 and raw[index - 2] in _DETERMINERS)):
            continue  # "ended a planned strike on Friday", "the hastily planned trip": an adjective
        if before in _PASSIVE_AUXILIARIES and (_is_past_form(word) or word in _PARTICIPLES):
            continue  # "will be named in December": the auxiliary before "be" governs
        if word in _BARE_PASTS and (before in _MODALS or before in _PRESENT_BE):
            continue  # "will set the date", "may cut rates", "a hearing is set for Friday": not a past "set"
        if word in _ADJECTIVAL_PARTICIPLES and before == "as":
            continue  # "ended as planned on Monday": says the plan was kept, not that the end is ahead
        result.append(word)
    return result


# A verb that moves or grants an end, before "until"/"to" and the time: the time is the new
# end, still ahead ("postponed until Tuesday", "extended its deadline to Friday").
_BOUND_WORDS = frozenset({"until", "till", "to", "through"})
_RESCHEDULING_VERBS = frozenset({
    "postponed", "delayed", "extended", "adjourned", "deferred", "pushed", "moved", "rescheduled",
    "given", "gave", "granted", "extends", "postpones", "delays",
})


def _governing_marker(words: list[str]) -> "tuple[Tense, int, int] | None":
    """(tense, strength, distance) of the first marker in ``words``, read outwards from the time.

    ``distance`` counts the words between the marker and the time, link words aside.  A
    "would" defers to a pluperfect verb further out: "had claimed there would be a ceasefire
    ... Thursday" is the past; otherwise it stays the future ("said he would go Thursday").
    """
    return _read_marker(words)[0]


def _read_marker(words: list[str]) -> "tuple[tuple[Tense, int, int] | None, int]":
    """`_governing_marker` of ``words``, and how many of the words the answer depends on.

    The count is ``len(words) + 1`` when the reading ran off the end (the answer then
    depends on where the list stops), so that a caller that read only the first words of a
    longer clause knows whether the rest could have changed the answer (`ClauseReader`).
    """
    pending: "tuple[Tense, int, int] | None" = None
    distance = 0
    bounded = False
    for index, word in enumerate(words):
        if word in _BOUND_WORDS and distance == 0:
            bounded = True
        if bounded and word in _RESCHEDULING_VERBS:
            # "postponed until Tuesday", "has given them until 9 a.m. Tuesday": a new end.
            return (Tense.FUTURE, 2, distance), index + 1
        strength, tense = _strength(word)
        if tense is None:
            if word not in _LINK_WORDS:
                distance += 1
            continue
        if word in _FUTURE_IN_THE_PAST:
            pending = pending or (tense, strength, distance)
            distance += 1
            continue
        if pending is not None:
            # Reported speech points ahead of its report ("announced the father would travel
            # Thursday"), unless the report is itself pluperfect ("had claimed there would be").
            if tense is not Tense.PAST:
                return pending, index + 1
            if word == "had" or "had" in words[index + 1: index + 3]:
                return (Tense.PAST, 2, pending[2]), index + 3
            return pending, index + 3  # the two words after it were read
        return (tense, strength, distance), index + 1
    return pending, len(words) + 1


# Every word that can make `_governing_marker` answer, before `_tense_words` rewrites the
# list: the markers, the words it rewrites into markers, and the rescheduling verbs.  Past
# forms in -ed are open-ended, so `_ENDS_IN_ED` finds any word that could be one, and a
# word cut at 20 letters (`_WORD`) might end in -ed where the cut falls.  A clause with none of these has no marker, and is
# answered without reading it word by word: dense runs of dates hold no verbs at all.
_MARKER_WORDS = (STRONG_FUTURE | STRONG_PAST | WEAK_FUTURE | WEAK_PAST | _SCHEDULE_WORDS | _RESCHEDULING_VERBS
                 | _FUTURE_IN_THE_PAST)
_ENDS_IN_ED = re.compile(r"ed(?![a-z'])")


def _marker(segment: str, outwards_from_end: bool) -> "tuple[Tense, int, int] | None":
    """`_governing_marker` of the segment's words, read from its end or from its start."""
    lowered = segment.lower()
    raw = _WORD.findall(lowered)
    if not raw or (_MARKER_WORDS.isdisjoint(raw) and not _ENDS_IN_ED.search(lowered) and max(map(len, raw)) < 20):
        return None
    words = _infinitives_dropped(raw)
    return _governing_marker(words[::-1] if outwards_from_end else words)


def clause_tense(text: str, start: int, end: int) -> Tense:
    """The tense of the clause holding ``text[start:end]``, read from the words around it."""
    left_limit = max(0, start - _CLAUSE_LEFT)
    left = text[left_limit:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end : end + _CLAUSE_RIGHT]
    stop = _CLAUSE_BREAK.search(right)
    if stop:
        right = right[: stop.start()]
    return _decide(_marker(left, outwards_from_end=True), _marker(right, outwards_from_end=False))


def _decide(before: "tuple[Tense, int, int] | None", after: "tuple[Tense, int, int] | None") -> Tense:
    """The clause's tense from the first marker on each side of the time."""
    # The verb before the time usually governs it ("said Thursday", "will meet Thursday"), but
    # a strong verb right after the time governs it when nothing strong stands as close on
    # the left: "The Supreme Court on Thursday evening blocked ...", "Landlords, who are
    # suing, Thursday asked ...".  A clause that opens with the time is read to the right.
    if after is not None and after[1] == 2 and after[2] == 0:
        if before is None or before[1] < 2 or before[2] > 0:
            return after[0]
    if before is not None:
        if before[1] < 2 and after is not None and after[1] == 2 and after[2] < before[2]:
            return after[0]
        return before[0]
    if after is not None:
        return after[0]
    return Tense.UNMARKED


def _may_mark(word: str) -> bool:
    """Whether a word could make `_governing_marker` answer (see `_MARKER_WORDS`)."""
    return word in _MARKER_WORDS or word.endswith("ed")


# How much of a long clause `ClauseReader._near_marker` reads first: the words up to the
# nearest word that may mark, and three more beyond it (the reach of `_infinitives_dropped`,
# with room).  Most readings stop at that word; those that go on ("would" waiting for a verb
# further out) are read again whole.
_NEAR_MARKERS = 1
_EDGE_WORDS = 3
_FAR = object()  # `_near_marker`: the near words do not settle it; read the whole clause

_STARTS = operator.methodcaller("start")
_ENDS = operator.methodcaller("end")
_RUN = re.compile(r"[A-Za-z']*")
_WORD_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'")


class ClauseReader:
    """`clause_tense` for many times in one text, from one pass over the text's words.

    `clause_tense` reads up to 200 characters around each time, which is the right cost when
    times are far apart (news names one every few hundred characters) but reads each
    character many times over when they stand close ("Monday, Tuesday and Wednesday", a
    table of dates).  The reader finds the text's words and clause breaks once; each time then
    takes its clause's words as a slice.  Answers are exactly `clause_tense`'s: where a
    window's edge cuts a word the cut piece is read as `clause_tense` would read it, and
    where an edge falls inside a clause break (rare) or lower-casing changes the text's
    length the reader asks `clause_tense` itself.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        lowered = text.lower()
        self._lowered: "str | None" = lowered if len(lowered) == len(text) else None
        if self._lowered is None:
            return
        matches = list(_WORD.finditer(lowered))
        self._starts = list(map(_STARTS, matches))
        self._ends = list(map(_ENDS, matches))
        self._words = [match.group() for match in matches]
        self._marking = list(itertools.accumulate(map(_may_mark, self._words), initial=0))
        breaks = list(_CLAUSE_BREAK.finditer(text))
        self._break_starts = list(map(_STARTS, breaks))
        self._break_ends = list(map(_ENDS, breaks))

    def tense(self, start: int, end: int) -> Tense:
        """``clause_tense(text, start, end)``."""
        if self._lowered is None:
            return clause_tense(self._text, start, end)
        if self._quiet(start, end):
            return Tense.UNMARKED
        left = self._left_clause(start)
        right = self._right_clause(end)
        if left is None or right is None:
            return clause_tense(self._text, start, end)
        before = self._marker(*left, outwards_from_end=True)
        after = self._marker(*right, outwards_from_end=False)
        return _decide(before, after)

    def _quiet(self, start: int, end: int) -> bool:
        """Whether no word within reach of the time could mark, so that the clause is
        unmarked: a cheaper answer than cutting the clause and reading both sides.

        In a dense run of dates ("February 1 March 2 April 3 ...") there is no verb for
        hundreds of characters, yet each time used to cut its clause and read both sides
        (`_left_clause`, `_right_clause`, two `_marker` calls) to find nothing.  Here, with
        no clause break within ``[start - _CLAUSE_LEFT, end + _CLAUSE_RIGHT)``, the two
        sides are that window cut at the time, and `_marker` answers ``None`` for each
        exactly when none of the words it would read may mark (`_may_mark`).  Those are
        the whole words inside the window (counted at once from ``_marking``), and the
        pieces of words the window's two edges cut, which read differently from the whole
        word ("bewill" cut to "will", "wednesday" to "wed") and are tested as `_marker`
        cuts them.  Where the time's own edges fall inside a word, or a break is near,
        the answer is left to the full reading (``False``).
        """
        lowered = self._lowered
        size = len(lowered)
        low = start - _CLAUSE_LEFT if start > _CLAUSE_LEFT else 0
        high = end + _CLAUSE_RIGHT if end + _CLAUSE_RIGHT < size else size
        nearest_break = bisect_right(self._break_ends, low)
        if nearest_break < len(self._break_starts) and self._break_starts[nearest_break] < high:
            return False
        starts, ends = self._starts, self._ends
        first = bisect_right(ends, low)  # the first word that ends inside the window
        after = bisect_left(starts, high)  # the first word that begins beyond it
        if self._marking[after] != self._marking[first]:
            return False  # a whole word that may mark (the time's own words included)
        letters = _WORD_CHARACTERS
        if 0 < start < size and lowered[start - 1] in letters and lowered[start] in letters:
            return False
        if 0 < end < size and lowered[end - 1] in letters and lowered[end] in letters:
            return False
        if first < after and starts[first] < low:
            # The left edge cuts a word: `_marker` reads the rest of its run from the cut.  A
            # word shorter than `_WORD`'s twenty letters ends its run, so that rest is one piece.
            if ends[first] - starts[first] >= 20 or _may_mark(lowered[low:min(ends[first], start)]):
                return False
        if after > 0 and ends[after - 1] > high and _may_mark(lowered[starts[after - 1]:high]):
            return False  # the right edge cuts a word whose first letters may mark ("wed")
        return True

    def _left_clause(self, start: int) -> "tuple[int, int] | None":
        """Where the clause before ``start`` begins, as `clause_tense` cuts it."""
        limit = max(0, start - _CLAUSE_LEFT)
        starts, ends = self._break_starts, self._break_ends
        last = bisect_right(ends, start) - 1
        if last + 1 < len(starts) and starts[last + 1] < start:
            return None  # a break straddles the time's start
        first_after_limit = bisect_right(ends, limit)
        if first_after_limit < len(starts) and starts[first_after_limit] < limit:
            return None  # a break straddles the window's edge
        cut = ends[last] if last >= 0 and ends[last] > limit else limit
        return cut, start

    def _right_clause(self, end: int) -> "tuple[int, int] | None":
        """Where the clause after ``end`` stops, as `clause_tense` cuts it."""
        limit = min(len(self._text), end + _CLAUSE_RIGHT)
        starts, ends = self._break_starts, self._break_ends
        first = bisect_left(starts, end)
        if first > 0 and ends[first - 1] > end:
            return None  # a break straddles the time's end
        if first < len(starts) and starts[first] < limit:
            if ends[first] > limit:
                return None  # a break straddles the window's edge
            return end, starts[first]
        return end, limit

    def _marker(self, low: int, high: int, outwards_from_end: bool) -> "tuple[Tense, int, int] | None":
        """`_marker` of ``text[low:high]``: its words are `_WORD.findall` of that slice, lower-cased."""
        if low >= high:
            return None
        lowered = self._lowered
        head: list[str] = []
        if low > 0 and lowered[low - 1] in _WORD_CHARACTERS and lowered[low] in _WORD_CHARACTERS:
            # The slice begins inside a word: that run is read from the cut, in 20-letter pieces.
            stop = min(_RUN.match(lowered, low).end(), high)
            head = _WORD.findall(lowered, low, stop)
            low = stop
        first = bisect_left(self._starts, low)
        last = bisect_right(self._ends, high)
        tail: list[str] = []
        if last < len(self._starts) and low <= self._starts[last] < high:
            tail = [lowered[self._starts[last]:high]]  # the slice ends inside a word
        last = max(last, first)
        if (self._marking[last] == self._marking[first] and not (head and any(map(_may_mark, head)))
                and not (tail and _may_mark(tail[0]))):
            return None
        if self._marking[last] - self._marking[first] > _NEAR_MARKERS:
            near = self._near_marker(head, first, last, tail, outwards_from_end)
            if near is not _FAR:
                return near
        words = _infinitives_dropped(head + self._words[first:last] + tail if head or tail else self._words[first:last])
        return _governing_marker(words[::-1] if outwards_from_end else words)

    def _near_marker(self, head: list[str], first: int, last: int, tail: list[str],
                     outwards_from_end: bool) -> "tuple[Tense, int, int] | None | object":
        """The marker read from only the words nearest the time, or `_FAR` when that reading
        cannot be trusted.

        A clause of 120 characters holds some twenty words, but the reading stops at the
        first marker: in a dense run of dates ("March May June", "began ... until ...") it is
        a few words away.  So only the words up to the `_NEAR_MARKERS`-th word that may mark
        (`_may_mark`), counted from the time, and `_EDGE_WORDS` beyond it, are read.  Reading
        a shortened list differs from reading the whole clause only near the cut:
        `_infinitives_dropped` looks two words back and one ahead, so at most the last two
        words it keeps from the cut end may differ ("been due to", a "was" folded into the
        word before).  The answer stands when `_read_marker` decided before reaching those
        two words; otherwise the whole clause is read.
        """
        marking = self._marking
        if outwards_from_end:
            # The `_NEAR_MARKERS`-th marking word counted back from the time, and a margin before it.
            nth = bisect_left(marking, marking[last] - _NEAR_MARKERS + 1) - 1
            cut = nth - _EDGE_WORDS
            if cut <= first:
                return _FAR
            words = _infinitives_dropped(self._words[cut:last] + tail if tail else self._words[cut:last])
            answer, read = _read_marker(words[::-1])
        else:
            nth = bisect_left(marking, marking[first] + _NEAR_MARKERS) - 1
            cut = nth + 1 + _EDGE_WORDS
            if cut >= last:
                return _FAR
            words = _infinitives_dropped(head + self._words[first:cut] if head else self._words[first:cut])
            answer, read = _read_marker(words)
        return answer if read <= len(words) - 2 else _FAR
