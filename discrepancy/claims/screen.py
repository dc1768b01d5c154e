"""A prefilter that skips the phrase patterns a sentence cannot match.

Purely for speed, never changing a result: before running a window word's or a cue's
case-insensitive alternation over a sentence, the extractor asks whether the sentence
holds any of its phrases' first words (`WordScreen` says why that is faster), and the
patterns themselves compile only when first run (`_LazyPattern`).  Kept apart from the
reading so that the reading code is only about what the words mean.
"""

from __future__ import annotations

import bisect
import re
import sys
from typing import Iterable, Iterator, Optional, Pattern, Sequence

from ..temporal.values import Span
from .vocabulary import phrase_pattern


class WordScreen:
    """Skips a phrase pattern over a sentence that holds none of its phrases' first words.

    Purely for speed, never changing a result: a phrase matches only where its first word
    occurs, and looking words up among the lower-cased text's runs of letters (found once
    per text) is many times faster than a case-insensitive alternation, so most sentences
    skip most patterns.  The words' occurrences are found once per text and pattern, then
    looked up per sentence.
    """

    # Characters that case-insensitive matching takes for an ASCII letter but ``str.lower``
    # does not turn into one (dotted and dotless i, long s): in a text with any of them the
    # screen lets everything through.
    _CASE_ODDITIES = ("\u0130", "\u0131", "\u017f")

    def __init__(self) -> None:
        self._first_words: dict[_LazyPattern, tuple[str, ...]] = {}

    def pattern(self, phrases: Iterable[str]) -> "_LazyPattern":
        phrases = tuple(phrases)
        compiled = _LazyPattern(phrases)
        words = {next((w.lower() for w in phrase.split() if w != "..."), "") for phrase in phrases}
        self._first_words[compiled] = tuple(sorted(words)) if "" not in words else ()
        return compiled

    def over(self, text: str, sentences: Sequence[Span] = ()) -> "TextScreen":
        """For one text: which patterns may match within a sentence of it."""
        lowered = None if any(odd in text for odd in self._CASE_ODDITIES) else text.lower()
        if lowered is None or len(lowered) != len(text):
            lowered = None
        return TextScreen(self._first_words, lowered, sentences)


class TextScreen:
    """`WordScreen` for one text: whether a pattern may match within a sentence.

    Given the text's ``sentences`` (in order, apart), each list of patterns is sorted into
    them once, on first use: a sentence then gets the patterns that may match in it with one
    lookup, where dense text would otherwise ask every pattern about every sentence.  Other
    spans are answered by searching the pattern's occurrences.
    """

    def __init__(self, first_words: dict, lowered: Optional[str], sentences: Sequence[Span]) -> None:
        self._first_words = first_words
        self._lowered = lowered
        self._found: dict[Pattern[str], Optional[list[tuple[int, int]]]] = {}
        self._runs: Optional[dict[str, list[tuple[int, int]]]] = None  # found on first use
        in_order = all(first.end <= second.start for first, second in zip(sentences, sentences[1:]))
        self._known = {sentence.start: sentence.end for sentence in sentences} if in_order else {}
        self._known_starts = sorted(self._known)
        self._selections: dict[str, tuple[dict[int, tuple], tuple]] = {}

    def _spans(self, pattern: Pattern[str]) -> Optional[list[tuple[int, int]]]:
        if pattern not in self._found:
            if self._runs is None:
                self._runs = _runs(self._lowered)
            self._found[pattern] = _occurrences(self._lowered, self._first_words.get(pattern), self._runs)
        return self._found[pattern]

    def __call__(self, pattern: Pattern[str], sentence: Span) -> bool:
        if self._lowered is None:
            return True
        spans = self._spans(pattern)
        if spans is None:
            return True
        index = bisect.bisect_left(spans, (sentence.start, -1))
        while index < len(spans) and spans[index][0] < sentence.end:
            if spans[index][1] <= sentence.end:
                return True
            index += 1
        return False

    def select(self, name: str, items: Sequence[tuple], sentence: Span) -> Sequence[tuple]:
        """The ``items`` (tuples ending in a pattern) that may match within ``sentence``, in order."""
        if self._lowered is None:
            return items
        if self._known.get(sentence.start) != sentence.end:
            return [item for item in items if self(item[-1], sentence)]
        if name not in self._selections:
            self._selections[name] = self._sort_into_sentences(items)
        by_sentence, everywhere = self._selections[name]
        return by_sentence.get(sentence.start, everywhere)

    def _sort_into_sentences(self, items: Sequence[tuple]) -> tuple[dict[int, tuple], tuple]:
        """For each known sentence holding an occurrence whole, the items that may match there."""
        indices: dict[int, set[int]] = {}
        always: set[int] = set()
        for number, item in enumerate(items):
            spans = self._spans(item[-1])
            if spans is None:
                always.add(number)
                continue
            for start, end in spans:
                index = bisect.bisect_right(self._known_starts, start) - 1
                if index >= 0:
                    sentence_start = self._known_starts[index]
                    if start < self._known[sentence_start] and end <= self._known[sentence_start]:
                        indices.setdefault(sentence_start, set()).add(number)
        by_sentence = {start: tuple(items[n] for n in sorted(numbers | always)) for start, numbers in indices.items()}
        return by_sentence, tuple(items[n] for n in sorted(always))


class _LazyPattern:
    """A `phrase_pattern`, compiled the first time it is run.

    Compiling the built-in vocabularies' three dozen alternations takes about 12 ms, which
    every ``check`` paid at start-up, before worker processes could share any work.  Most
    news texts name no window, and a pattern none of whose first words a sentence holds is
    never run (`WordScreen`), so some are never needed at all.  Same matches, same order.
    """

    __slots__ = ("phrases", "_compiled")

    def __init__(self, phrases: tuple[str, ...]):
        self.phrases = phrases
        self._compiled: Optional[Pattern[str]] = None

    @property
    def compiled(self) -> Pattern[str]:
        if self._compiled is None:
            self._compiled = phrase_pattern(self.phrases)
        return self._compiled

    def finditer(self, text: str, start: int = 0, end: int = sys.maxsize) -> Iterator["re.Match[str]"]:
        return self.compiled.finditer(text, start, end)

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> Optional["re.Match[str]"]:
        return self.compiled.search(text, start, end)


# A phrase pattern begins where no word character or hyphen stands before it, and its first
# word is followed by a space or by neither (`phrase_pattern`): so a first word made of word
# characters and hyphens is always a whole run of them in the text.
_RUN = re.compile(r"[\w-]+")
_RUN_WORD = re.compile(r"[\w-]+\Z")


def _runs(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Where each run of word characters and hyphens stands in the text, in order."""
    runs: dict[str, list[tuple[int, int]]] = {}
    for match in _RUN.finditer(lowered):
        runs.setdefault(match.group(), []).append(match.span())
    return runs


def _occurrences(lowered: str, words: Optional[tuple[str, ...]],
                 runs: Optional[dict[str, list[tuple[int, int]]]] = None) -> Optional[list[tuple[int, int]]]:
    """Every (start, end) where one of the words may begin a phrase, sorted; None when
    nothing can be screened.

    A word of word characters and hyphens is looked up among the text's whole runs
    (``runs``, found once per text), which is all a phrase can begin with; any other word
    ("'til") is searched for as a substring.
    """
    if not words:
        return None
    spans = []
    for word in words:
        if runs is not None and _RUN_WORD.match(word):
            spans.extend(runs.get(word, ()))
            continue
        position = lowered.find(word)
        while position >= 0:
            spans.append((position, position + len(word)))
            position = lowered.find(word, position + 1)
    spans.sort()
    return spans
