"""The subject of a window's verb: what "closed" or "remained suspended" says was closed.

A window named by its verb ("The port of Dublin closed", "Ferry services between Helsingor
and Helsingborg remained suspended") has no qualifier of its own, but its subject tells it
from another such window.  There is no parser: the subject is the run of words from its
clause's start to the verb's auxiliaries, and its head the noun before the first
preposition.  `qualifiers` decides which heads count.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..temporal.values import Span
from .grammar import PREPOSITIONS


# How far before the verb its subject may start.
_SUBJECT_REACH = 100
# An object right after the verb: "the government shut them", "closed the road".
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|them|it|its|their|his|her|our|all)\b", re.IGNORECASE)
# Auxiliaries and adverbs between a subject and its verb ("were still", "would remain").
_AUXILIARIES = frozenset("""
    was were is are be been being had has have remained remains remain stayed stays stay would will could
    still also partly fully largely temporarily later then again never not
""".split())
# Words after which a new clause, and so a new subject, begins.
_CLAUSE_OPENERS = frozenset("and but or while when after before as because since that which who where until".split())
# Prepositions after a subject's head noun ("the port of Dublin", "services between A and B").
_SUBJECT_PREPOSITIONS = frozenset("of to at in from on between across along near around over".split())
_SUBJECT_DETERMINERS = frozenset("the a an all its their his her our".split())
_RELATIVE_OPENING = re.compile(r"\s*(?:which|that|who)\s+(?:(?:had|has|have|was|were)\s+)?", re.IGNORECASE)
# "... and will stay closed": a verb whose subject is left out after "and".
_LEFT_OUT = re.compile(r"\b(?:and|but|then)\s+(?:(?:will|would|could|has|have|had|was|were|is|are|remained|stayed"
                       r"|stay|remain|be|been|still|later|then|again|also)\s+)*$", re.IGNORECASE)


def subject_head(text: str, span: Span, sentence: Span) -> Optional[str]:
    """The head noun, lower-cased, of what the verb at ``span`` says was closed, or None.

    Only an intransitive or passive use names it ("The port closed", "ferries remained
    suspended"); a transitive one names the agent ("the government shut them").  The subject
    runs from the clause's start (a comma, a conjunction, a relative word) to the verb's
    auxiliaries; before a relative "which" it is what the comma follows ("Its café, which
    shut on December 20").
    """
    if _OBJECT_AFTER.match(text, span.end):
        return None
    return _subject_before(text, span.start, sentence)


def subject_left_out(text: str, earlier_end: int, later_start: int) -> bool:
    """Whether the verb at ``later_start`` follows "and" with no subject of its own."""
    return bool(_LEFT_OUT.search(text[max(earlier_end, later_start - 60) : later_start]))


def _subject_before(text: str, end: int, sentence: Span, relative: bool = True) -> Optional[str]:
    reach = max(sentence.start, end - _SUBJECT_REACH)
    before = text[reach:end]
    cut = max(before.rfind(mark) for mark in (",", ";", ":", "\u2014", "(", '"', "\u201c"))
    if relative and cut >= 0 and _RELATIVE_OPENING.fullmatch(before, cut + 1):
        return _subject_before(text, reach + cut, sentence, relative=False)
    words = [word.strip("'\u2019") for word in before[cut + 1:].split()]
    if cut < 0 and reach > sentence.start:
        words = words[1:]  # the first word may be cut off
    opener = max((index for index, word in enumerate(words) if word.lower() in _CLAUSE_OPENERS
                  and not _joins_names(words, index)), default=-1)
    words = words[opener + 1:]
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    while words and words[0].lower() in _SUBJECT_DETERMINERS:
        words.pop(0)
    if (not words or len(words) > 8 or words[-1].lower() in PREPOSITIONS
            or any(word.lower() in _AUXILIARIES or word.lower().endswith("ly") for word in words)):
        return None  # "acted unlawfully in suspending Parliament": no subject of the verb's own
    head = next((words[index - 1] for index in range(1, len(words)) if words[index].lower() in _SUBJECT_PREPOSITIONS),
                words[-1]).lower()
    if not head.replace("-", "").isalpha() or head in PREPOSITIONS:
        return None
    return head


def _joins_names(words: Sequence[str], index: int) -> bool:
    """ "Helsingor and Helsingborg": an "and" between two names joins them, opening no clause."""
    return (words[index].lower() in ("and", "or") and 0 < index < len(words) - 1
            and words[index - 1][:1].isupper() and words[index + 1][:1].isupper())
