"""Whether a length in a sentence is the window's own length, and how it is told.

"A 72-hour ceasefire" and "the lockdown had lasted 76 days" state a window's length;
"within hours", "an 11-day war", "two weeks in" and "a maturity of 35 years" do not.
These word tests are many and are only about lengths, so they have a module of their
own; the ends stated as time since the start (`relative_ends`) ask one of them too.
"""

from __future__ import annotations

import re
from typing import Optional

from ..temporal.expressions import TimeExpression
from ..temporal.values import Span
from .grammar import FUNCTION_WORDS, PLACE_WORDS, PREPOSITIONS, WORD, start_of_clause


# Words just before a length that make it something other than the window's length.
_NOT_A_LENGTH_BEFORE = frozenset(
    "in within after over past last next than every per nearly almost since during about around first back forward by"
    " another further additional extra"
    .split()
)
# Words just after a length that make it an offset or the length of something else.
_NOT_A_LENGTH_AFTER = frozenset(
    "after before later earlier ago into of since behind ahead apart early late short longer sooner".split()
)
# "the four weeks first set", "the 30 days originally planned": the window's planned length,
# even where a comparison introduces it.
_PLANNED_AFTER = re.compile(r"\s+(?:first|initially|originally)\s+(?:set|planned|announced|ordered|imposed|agreed"
                            r"|scheduled|promised)\b", re.IGNORECASE)
# A comma or dash right after a length: the word after it opens a clause of its own.
_CLAUSE_BREAK_AFTER = re.compile(r"\s*[,;:(\u2014]")
_TIME_INTO = re.compile(r"\s+in\b[ \t]*(?:[,.;:!?\u2014\n]|$)", re.IGNORECASE)
# Cues that introduce the window's own length.
_LENGTH_CUES = re.compile(
    r"(?:\bfor(?:\s+an?\s+(?:initial|original))?(?:\s+(?:a\s+)?period\s+of)?|\ba\s+period\s+of|\blast(?:s|ed|ing)?|\brun(?:s|ning)?\s+for|\bspan(?:s|ned)?"
    r"|\blong|\bset\s+to\s+last|\b(?:initially\s+|originally\s+)?set\s+(?:at|for))\s*$",
    re.IGNORECASE,
)


def is_window_length(text: str, expression: TimeExpression, keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
    """Whether a length in a sentence naming a window is that window's length."""
    leading = WORD.match(expression.text)
    if leading and leading.group(0).lower() in _NOT_A_LENGTH_BEFORE:
        return False  # the tagger kept the word in the span: "within hours", "over the past week"
    if "weekend" in expression.text.lower():
        return False  # "a weekend truce" says when, not how long
    before = text[max(0, expression.span.start - 40) : expression.span.start]
    if _ONE_UNIT.fullmatch(expression.text) and _AMOUNT_BEFORE.search(before):
        return False  # "cost an estimated $100 million a day", "60 euros a day": a rate, not a length
    after = text[expression.span.end : expression.span.end + 40]
    next_words = WORD.findall(after)[:3]
    for span, _key in keys:
        if _VERB_AFTER_AND.fullmatch(text, expression.span.end, span.start) and _VERB_FORM.match(text, span.start):
            # "barred citizens of seven countries for 90 days and suspended the refugee
            # programme for 120 days": the length ends the clause of the verb before "and".
            return False
    # "a 72-hour humanitarian ceasefire": the length modifies the window word after it.
    for span, _key in keys:
        gap = text[expression.span.end : span.start]
        if 0 <= span.start - expression.span.end <= 30 and _only_modifiers(gap):
            return True
    if next_words and next_words[0].lower() in _NOT_A_LENGTH_AFTER and not _CLAUSE_BREAK_AFTER.match(after):
        return False  # "two weeks after the vote", but not "for two weeks, after a case was found"
    if _TIME_INTO.match(after):
        return False  # "collapsed a day in", "two weeks in, the talks stalled": time since the start
    if modifies_next_noun(text, expression):
        # A hyphenated length ("11-day war") modifies the noun after it, not our window.
        return False
    if _PROPOSED_LENGTH.search(before):
        return False  # "Kyiv repeats call for 30 days": the length of a window proposed instead
    if _CUSTODY_BEFORE.search(before):
        return False  # "officials were jailed in February for a month over the strike": a sentence served
    if _suspension_of_window(text, expression, keys):
        return False  # "the unions suspended their strike for one week": how long the window is suspended
    if _LENGTH_CUES.search(before) or _PLANNED_AFTER.match(after):
        return True  # "for two weeks"; "five days longer than the four weeks first set"
    previous_words = WORD.findall(before)[-2:]
    if any(word.lower() in _NOT_A_LENGTH_BEFORE for word in previous_words):
        return False
    if previous_words and previous_words[-1].lower() == "of":
        # "a maturity of 35 years": the length of the noun before "of", unless that
        # noun is the window itself ("a truce of 36 hours").
        of_at = before.lower().rfind("of")
        owner = expression.span.start - len(before) + of_at
        return any(0 <= owner - span.end <= 2 for span, _ in keys)
    near = [span for span, _ in keys if abs(span.start - expression.span.start) <= 60]
    return bool(near)


_VERB_AFTER_AND = re.compile(r"\s+and\s+(?:(?:also|then|later)\s+)?", re.IGNORECASE)
_VERB_FORM = re.compile(r"[a-z]+ed\b")
# A suspending verb, its object and "for" right before a length.
_SUSPENDED_FOR = re.compile(
    r"\b(suspend\w*|postpon\w*|defer\w*|delay\w*|put\s+off|pause[sd]?|pausing)\b[^.;:,]{0,40}"
    r"\bfor\s+(?:another\s+|a\s+further\s+)?$", re.IGNORECASE)
# What may stand between the verb and a window word that heads its object ("their nationwide").
_OBJECT_LEAD = re.compile(r"\s+(?:(?:the|their|its|his|her|our|a|an)\s+)?(?:(?!of\b|on\b|in\b)[\w-]+\s+){0,2}",
                          re.IGNORECASE)


def _suspension_of_window(text: str, expression: TimeExpression,
                          keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
    """Whether a length is how long a window word's window was suspended: "Unions Suspend Strike
    for a Week", "suspended their nationwide strike on Tuesday for one week".  Not when the window
    word only sits in the object ("paused enforcement of the ban for 75 days": the pause is the
    window) or is the suspending word itself (a moratorium "suspending evictions for 60 days")."""
    match = _SUSPENDED_FOR.search(text, max(0, expression.span.start - 70), expression.span.start)
    if match is None:
        return False
    verb_end = match.end(1)
    return any(_OBJECT_LEAD.fullmatch(text, verb_end, span.start) and span.end <= expression.span.start
               for span, _ in keys)


# "a day", "an hour": after an amount ("$100 million a day", "two flights a week") the unit
# of a rate.
_ONE_UNIT = re.compile(r"(?:a|an|one)\s+(?:second|minute|hour|day|week|month|year)", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*%?|\b(?:million|billion|trillion|thousand|hundred|dozen|percent|per\s+cent))"
    r"(?:\s+[a-z]+)?\s+$", re.IGNORECASE)


# A length asked for or offered, with no window word after it ("called for 30 days").
_PROPOSED_LENGTH = re.compile(r"\b(?:(?:call|push|press|ask|appeal)\w*\s+for|propos\w*|offer\w*|demand\w*|suggest\w*)"
                              r"\s+(?:(?:a|an|another|at\s+least|up\s+to)\s+)?$", re.IGNORECASE)


# A length of custody, not of the window: "jailed in February for a month", "sentenced to two years".
_CUSTODY_BEFORE = re.compile(r"\b(?:jailed|imprisoned|detained|remanded|sentenced|locked\s+up|held\s+in\s+custody)\b"
                             r"[^.;:,]{0,30}\b(?:for|to)\s+(?:(?:a|an|up\s+to|about)\s+)?$", re.IGNORECASE)


def modifies_next_noun(text: str, expression: TimeExpression) -> bool:
    """Whether a length is an adjective of the word after it ("11-day war", "two-week closure")."""
    return (expression.text[-1:].isalpha() and "-" in expression.text
            and bool(WORD.match(text, expression.span.end + 1)) and text[expression.span.end : expression.span.end + 1] == " ")


_EXTENSION_OF = re.compile(r"\s+(?:extension|renewal|prolongation)\s+of\s+(?:the|a|an|its|their|this)\s+$", re.I)


def extension_length(text: str, expression: TimeExpression, keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
    """ "a 24-hour extension of the ceasefire": the length of the window's extension."""
    return any(0 < span.start - expression.span.end <= 40
               and _EXTENSION_OF.fullmatch(text, expression.span.end, span.start) for span, _ in keys)


# Words before a length that tell it after the fact: "had lasted 76 days", "has been in
# force for 40 days".  A plan ("was set to last", "would last") is not a report, and
# "lasted" reports only with no modal before it.  "The end of a 73-day lockdown" is not
# enough alone: "ended their five-day strike two days early" names the plan.
_REPORTED_LENGTH = re.compile(
    r"(?:\b(?:had|has|have)\s+(?:now\s+|already\s+)?(?:lasted|run|gone\s+on|been\s+in\s+(?:force|place|effect))"
    r"|\blasted)(?:\s+for)?(?:\s+(?:some|about|nearly|almost|more\s+than))?\s+$",
    re.IGNORECASE,
)


def is_reported_length(text: str, expression: TimeExpression, sentence: Span) -> bool:
    """Whether a window's length is told as it turned out rather than as planned."""
    clause_start = max(sentence.start, start_of_clause(text, sentence.start, expression.span.start))
    before = text[max(clause_start, expression.span.start - 40) : expression.span.start]
    match = _REPORTED_LENGTH.search(before)
    if match is None:
        return False
    return not _MODAL_BEFORE.search(before[: match.start()])


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|should|shall|set|due|expected|planned|meant|supposed)\b", re.I)


# "after only" and "within just" are not commentary: they time an end from the start.
_COMMENTARY = re.compile(r"(?<!\bafter\s)(?<!\bwithin\s)"
                         r"\b(?:only|just|merely|barely|mere|little more than)\s+(?:in\s+effect\s+for\s+|for\s+)?$", re.I)


def is_commentary(text: str, expression: TimeExpression) -> bool:
    """ "the weeklong ceasefire lasted just two days": the writer's own reckoning, not a claim.

    Not "collapsed after only 40 minutes": an end stated as time since the start.
    """
    return bool(_COMMENTARY.search(text[max(0, expression.span.start - 40) : expression.span.start]))


def _only_modifiers(gap: str) -> bool:
    """Whether the text between a length and a window word is only adjectives ("humanitarian")."""
    words = WORD.findall(gap)
    if re.search(r"[,.;:()\"\u201c\u201d]", gap):
        return False
    return len(words) <= 2 and all(word.lower() in PLACE_WORDS
                                   or (word.lower() not in FUNCTION_WORDS and word.lower() not in PREPOSITIONS)
                                   for word in words)
