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
_CLAUSE_BREAK = re.compile(r"[.;!?\n\"\u201c\u201d]\s")


def _is_past_form(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word not in NOT_PAST_EDS


def _strength(word: str) -> tuple[int, "Tense | None"]:
    """(2, tense) for a strong marker, (1, tense) for a weak one, (0, None) otherwise."""
    if word in STRONG_FUTURE:
        return 2, Tense.FUTURE
    if word in STRONG_PAST or _is_past_form(word):
        return 2, Tense.PAST
    if word in WEAK_FUTURE:
        return 1, Tense.FUTURE
    if word in WEAK_PAST:
        return 1, Tense.PAST
    return 0, None


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
    left_words = [w.lower() for w in _WORD.findall(left)][::-1]
    right_words = [w.lower() for w in _WORD.findall(right)]
    # The verb before the time usually governs it ("said Thursday", "will meet Thursday");
    # only a clause that opens with the time ("On Monday, Trump said") is read to the right.
    for words in (left_words, right_words):
        pending: Tense | None = None
        for word in words:
            _strength_value, tense = _strength(word)
            if tense is None:
                continue
            if word in _FUTURE_IN_THE_PAST:
                # "claimed there would be a ceasefire ... Thursday": the future of a past
                # statement; a past verb further left decides, else it stays the future.
                pending = pending or tense
                continue
            if pending is not None and tense is not Tense.PAST:
                return pending
            return tense
        if pending is not None:
            return pending
    return Tense.UNMARKED
