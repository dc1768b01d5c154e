"""The little grammar that shallow reading needs: words, clauses, and the subject of a verb.

There is no parser: a word is a run of letters, a clause runs from the last comma,
semicolon, colon or dash, and a verb's subject is the content word just before it.  Cue
reading, length reading and qualifiers all ask these questions, so the answers live in
one module below all three.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..temporal.values import Span


# A word, with the apostrophes and hyphens inside it ("Israel's", "so-called").
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")

# Prepositions and articles: never a verb's subject, nor an adjective of a window word.
PREPOSITIONS = frozenset(
    "into in of for to at on from since after before by until till within during over through the a an".split()
)

# Places and parties a window is described by in passing: adjectives of a window word ("a
# 48-hour local truce"), yet never what tells one window from another.
PLACE_WORDS = frozenset("government city country port nuclear national federal state local international".split())
# Words that never tell one window from another, nor make a verb's subject something
# other than the window: grammar, and the place words above.
FUNCTION_WORDS = frozenset(
    """
    to of in on at by for from with and or but not no as if than then that which who whom whose what
    it its they them this these those all some any each every more less much many several such
    be been being is are was were has have had do does did will would shall should can could may might must
    """.split()
) | PLACE_WORDS

# Words that refer back to something named before, such as the window.
BACK_REFERENCE = re.compile(r"\b(?:it|its|they|their|this|that)\b", re.IGNORECASE)

# Between a time and a later verb, these end the time's clause.
CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s*(?:but|while|although|though|and|as|when|after|before)\b"
                          r"|\s(?:but|while|although|though|whereas)\s", re.IGNORECASE)


def start_of_clause(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last comma, semicolon, colon
    or dash before it, else at ``sentence_start``."""
    cut = max(text.rfind(mark, sentence_start, position) for mark in (",", ";", ":", "\u2014"))
    return cut + 1 if cut >= 0 else sentence_start


# Generic starts and ends that say what happened to their subject, which must then be the
# window: "the truce took effect", not "tariffs would take effect after the pause".
INTRANSITIVE_ENDS = frozenset({
    "collapsed", "collapses", "broke down", "breaks down", "expired", "expires", "lapsed", "lapses", "ran out", "was over",
    "took effect", "take effect", "takes effect", "taking effect", "went into effect", "came into force",
    "come into force", "entered into force",
})
# A comma right after a day number or a weekday: the comma of a date, not of a clause.
_DATE_BEFORE_COMMA = re.compile(r"(?:\b\d{1,4}|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day),$", re.IGNORECASE)
_SUBJECT_REFERS_BACK = frozenset("it they this that which who these those".split())
# Words that join a second verb to the subject of the first ("resumed ... but broke down").
_COORDINATORS = frozenset({"and", "but", "yet"})
# The first word of a clause: its subject's head, or a function word that hides it.
_CLAUSE_OPENING = re.compile(r"\s*[\"'\u201c\u2018]?([A-Za-z][A-Za-z'\u2019-]*)")
_BEFORE_VERB = re.compile(r"([A-Za-z][A-Za-z'\u2019-]*)((?:\s+(?:had|has|have|will|would|could|should|shall|may|might|must"
                          r"|did|does|do|not|never|to|be|been|is|was|were|are|quickly|soon|later|then|finally|already"
                          r"|\w+ly))*)\s+$")


def other_subject(text: str, sentence: Span, cue: Span, mentions: Sequence[Span]) -> bool:
    """Whether an intransitive end's subject is something other than a window.

    Only when its clause up to the verb names no window and refers back to none ("The
    bridge collapsed"; the commas around a date do not end the clause), and a content word
    stands right before the verb; "a truce between Israel and Hamas expired" keeps its cue.
    """
    clause_start = max(sentence.start, start_of_clause(text, sentence.start, cue.start))
    while clause_start > sentence.start and _DATE_BEFORE_COMMA.search(text, max(sentence.start, clause_start - 16),
                                                                       clause_start):
        # "A truce that began on Friday, April 21, to mark Eid broke down": the commas of a
        # date set it off; they do not end the clause that names the subject.
        clause_start = max(sentence.start, start_of_clause(text, sentence.start, clause_start - 1))
    if any(clause_start <= span.start < cue.start for span in mentions):
        return False
    if BACK_REFERENCE.search(text, clause_start, cue.start):
        return False
    match = _BEFORE_VERB.search(text, max(clause_start, cue.start - 60), cue.start)
    if match is None:
        return False  # a comma or quote before the verb: the subject is out of sight
    lowered = match.group(1).lower()
    if lowered in _COORDINATORS:
        # "Talks resumed late in July but broke down after three days": the second verb
        # shares the clause's subject, so that subject is the one to judge.
        opening = _CLAUSE_OPENING.match(text, clause_start)
        if opening is None:
            return False
        lowered = opening.group(1).lower()
    return not (lowered in _SUBJECT_REFERS_BACK or lowered in FUNCTION_WORDS or lowered in PREPOSITIONS)


# Ends that do something to an object, which must then be the window: "officials revoked the
# licence", not "the exchange cancelled $3.9 billion of trades made that morning" nor
# "protesters blocked roads near the airport on Saturday".
TRANSITIVE_ENDS = frozenset({
    "cancelled", "canceled", "lifted", "revoked", "scrapped", "terminated", "rescinded", "abandoned", "voided",
    "called off", "cut short", "blocked", "struck down", "overturned",
})
_OBJECT_WORDS = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\$?\d[\d.,]*")


def other_object(text: str, cue: Span, time: Span, mentions: Sequence[Span]) -> bool:
    """Whether a transitive end's object, between it and the time, is something other than a window.

    Only when that stretch names no window, refers back to none ("lifted it on Monday"),
    and holds a content word before the time's own preposition ("cancelled about $3.9
    billion of trades made on the morning of the halt"); "was lifted on Monday" has none.
    """
    if not cue.end <= time.start or any(cue.end <= span.start < time.start for span in mentions):
        return False
    if BACK_REFERENCE.search(text, cue.end, time.start):
        return False
    for word in _OBJECT_WORDS.finditer(text, cue.end, time.start):
        lowered = word.group(0).lower()
        if lowered in _ARTICLES or lowered in _ADVERBS or lowered.endswith("ly"):
            continue  # "lifted early on Monday", "called off abruptly at noon"
        if lowered in PREPOSITIONS:
            return False  # "lifted on Monday", "called off at noon": the time comes first
        if lowered not in FUNCTION_WORDS:
            return True
    return False


_ARTICLES = frozenset("the a an".split())
_ADVERBS = frozenset("early late again also just only now then soon today tonight yesterday".split())
# "began issuing", "started to accept": a start verb with an activity of its own after it.
_ACTIVITY_AFTER = re.compile(r"\s+(?:to\s+[a-z]+|(?!(?:during|following|including|pending|morning|evening|spring)\b)"
                             r"[a-z]+ing)\b", re.IGNORECASE)
# How far after the activity's verb its object may name the window ("began enforcing the curfew").
_ACTIVITY_OBJECT_REACH = 30


def starts_other_activity(text: str, cue: Span, mentions: Sequence[Span]) -> bool:
    """Whether a generic start verb starts an activity named after it, not the window.

    "Officers began issuing fines on Thursday" dates the fines, which may mark the end of a
    grace period but not its start; "police began enforcing the curfew" still starts the
    curfew, since the activity's object is the window.
    """
    match = _ACTIVITY_AFTER.match(text, cue.end)
    if match is None:
        return False
    return not any(0 <= span.start - match.end() <= _ACTIVITY_OBJECT_REACH for span in mentions)
