"""Sentence boundaries in news prose, as spans into the original text.

Claims bind within a sentence (a duration to the window named beside it, a speaker to what
they said), so the split must not break on the abbreviations news is full of ("Feb. 1",
"Mr. Putin", "8 a.m. local time", "U.S. officials") and must keep exact offsets.  Lines are
paragraphs: a line break always ends a sentence.
"""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from ..temporal.values import Span

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc approx dept univ co corp inc ltd est fig
    """.split()
)

# The longest sentence read as one.  News sentences stay under a few hundred characters (the
# longest in the silver corpus and the scenarios is 388); text that never stops (a megabyte
# line of lists or markup) is cut into pieces of at most this length, at a clause mark or a
# space where there is one, so the work done per sentence stays bounded.
MAX_SENTENCE = 1000

# A candidate sentence end: terminal punctuation, optional closing quotes or brackets,
# then white space.  Possessive-free and with no nested quantifiers, so it scans linearly.
_CANDIDATE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*[ \t]+|\r?\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def _ends_sentence(text: str, end_of_mark: int, next_start: int) -> bool:
    """Whether the full stop before ``end_of_mark`` ends a sentence, given what follows."""
    following = text[next_start : next_start + 1]
    if following and following.islower():
        return False  # "8 a.m. local time", "Feb. 1" followed by lower case never ends
    window = text[max(0, end_of_mark - 12) : end_of_mark]
    match = _WORD_BEFORE.search(window.rstrip("\"'\u201d\u2019)] \t"))
    if match is None:
        return True
    word = match.group(1)
    if "." in word:
        # Initialisms (U.S., U.N., a.m., p.m.) end a sentence only before a capital that
        # starts a new clause; we cannot tell that apart from a name reliably, so a clock
        # abbreviation followed by a capital ends the sentence, and a country initialism
        # does not.
        return word.lower() in ("a.m", "p.m")
    if word.lower() in ABBREVIATIONS:
        return word.lower() == "etc"
    if len(word) == 1 and word.isupper():
        return False  # a middle initial: "John F. Kennedy"
    return True


def split_sentences(text: str, start: int = 0, keep_whole: Sequence[Span] = ()) -> list[Span]:
    """Spans of the sentences in ``text[start:]``, trimmed of surrounding white space.

    ``keep_whole`` are spans no full stop inside may end a sentence at, such as the time
    expressions of the text: "8 p.m. Eastern time on Friday" is one phrase, though "p.m."
    before a capital would otherwise end a sentence.
    """
    spans: list[Span] = []
    sentence_start = start
    protected = sorted((span.start, span.end) for span in keep_whole)
    protected_starts = [first for first, _ in protected]
    for match in _CANDIDATE_END.finditer(text, start):
        mark = match.group(0)
        if mark.strip("\r\n") and (_inside(protected, protected_starts, match.start())
                                    or not _ends_sentence(text, match.start() + 1, match.end())):
            continue
        _append_trimmed(spans, text, sentence_start, match.end())
        sentence_start = match.end()
    _append_trimmed(spans, text, sentence_start, len(text))
    return spans


def _inside(protected: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and protected[index][0] <= position < protected[index][1] - 1


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _cut_point(text, start, start + MAX_SENTENCE)
        _append_trimmed(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append(Span(start, end))


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong sentence: after the last clause mark, else space, before ``limit``."""
    floor = start + MAX_SENTENCE // 2
    for marks in ((";", ",", ":", "\u2014"), (" ", "\t")):
        cut = max(text.rfind(mark, floor, limit) for mark in marks)
        if cut >= 0:
            return cut + 1
    return limit
