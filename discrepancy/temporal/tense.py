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
import re

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
_VERBS_BEFORE_TO = frozenset({"plans", "hope", "hopes", "expects", "intends"})


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
    pending: "tuple[Tense, int, int] | None" = None
    distance = 0
    bounded = False
    for index, word in enumerate(words):
        if word in _BOUND_WORDS and distance == 0:
            bounded = True
        if bounded and word in _RESCHEDULING_VERBS:
            # "postponed until Tuesday", "has given them until 9 a.m. Tuesday": a new end.
            return Tense.FUTURE, 2, distance
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
            if tense is Tense.PAST and (word == "had" or "had" in words[index + 1: index + 3]):
                return Tense.PAST, 2, pending[2]
            return pending
        return tense, strength, distance
    return pending


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
    before = _marker(left, outwards_from_end=True)
    after = _marker(right, outwards_from_end=False)
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
