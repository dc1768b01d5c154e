"""Qualifiers: the word that tells one window apart from others of its kind.

Mentions of one document form one window, unless they carry different qualifiers ("the
freight walkout", "the passenger strike") or are another window told of in passing (a
proposal, "the third strike this year"), whose qualifier starts with `APART`.  The
extractor reads each mention's qualifier; the window builder groups mentions by it.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..temporal.expressions import TimeExpression
from ..temporal.values import Span
from .grammar import FUNCTION_WORDS, PLACE_WORDS, WORD
from .subjects import subject_head, subject_left_out


_PROPOSAL_BEFORE = re.compile(
    r"\b(?:propos\w*|offer\w*|suggest\w*|threat\w*|not\s+to|call\w*\s+for|push\w*\s+for"
    r"|avert\w*|avoid\w*|prevent\w*|forestall\w*|stave\w*\s+off|head\w*\s+off|ward\w*\s+off"
    r"|counter-?proposal)\b[^.,;]{0,30}$"
    # An adjective of another window must modify the window word itself ("a new 30-day
    # ceasefire"), not a noun of its own ("the new government lifted the moratorium"): no
    # article or possessive starts another noun phrase between them.
    # "New" that begins a name ("New Zealand's strictest lockdown") is no adjective of a window.
    r"|\b(?:another|(?-i:[Nn]ew)(?!\s+[A-Z])|separate|broader|longer|wider|rival)\b"
    r"(?:(?!\s(?:the|a|an|its|their|his|her|our|this|that)\s)[^.,;]){0,30}$",
    re.IGNORECASE,
)
_PROPOSAL_AFTER = re.compile(r"^(?:[^.;]{0,25}\binstead\b|\s+(?:proposals?|plans?|offers?|bids?|ideas?|demands?)\b)",
                             re.IGNORECASE)
# "the rebels had declared a one-month pause of their own": another party's window, beside the
# one the text is about.
_OF_ITS_OWN_AFTER = re.compile(r"^\s+of\s+(?:its|their|his|her|our)\s+own\b", re.IGNORECASE)
# "The Writers Guild of America ended its own 148-day strike": the same, told before the window word.
_ITS_OWN_BEFORE = re.compile(r"\b(?:its|their|his|her|our)\s+own\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# Qualifiers that make a mention a window of its own, kept apart from the one the text is about.
APART = "apart@"
_OTHER_INSTANCE_BEFORE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|previous|prior|former"
    r"|(?:last|next)\s+(?:year|month|week)['\u2019]s)\b[^.,;]{0,25}$",
    re.IGNORECASE,
)
# "It surpassed the 21-day shutdown of 1995": a window the text's one is measured against;
# "The last UAE amnesty, in 2018, ran for five months": the one before it ("last" right
# before the window word or one word of it, not "the last day of the truce").
_COMPARED_OR_LAST_BEFORE = re.compile(
    r"\b(?:surpass\w*|eclips\w*|overtak\w*|overtook|outlast\w*|outstripp\w*)\s+(?:the|a|an)\s+[^.,;]{0,25}$"
    r"|\b(?:the|its|their)\s+last\s+(?:[\w.-]+\s+)?$",
    re.IGNORECASE,
)
# "The chain's usual 30-day return window": a standing rule, not the window the text tells of.
# Its qualifier starts with `STANDING` (itself apart): a rule has a length but no dates.
STANDING = f"{APART}standing@"
_STANDING_BEFORE = re.compile(
    r"\b(?:usual|normal|standard|regular|customary|ordinary|typical|default)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "The scheme, billed as a 60-day amnesty for businesses": a mention that only describes the
# window the sentence is already about, so words around it name no other window.
_DESCRIBED_AS_BEFORE = re.compile(
    r"\b(?:billed|described|touted|presented|marketed|branded|sold|dubbed|hailed|framed|pitched)\s+as\s+"
    r"(?:an?|the)\b[^.,;]{0,25}$",
    re.IGNORECASE,
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+[^.,;]{0,25}$", re.IGNORECASE)
_DATED_AFTER = re.compile(
    r"^\s+(?:(?:in|of|during|last)\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|\d{4}|last\s+(?:year|month|week)|year|month|week)"
    r"|(?:before|over|around|at)\s+(?:Christmas|Easter|Thanksgiving|New\s+Year|the\s+(?:holidays|summer|winter))"
    r"|earlier\s+(?:this|in\s+the)\s+(?:year|month|week))\b"
)
# "after the 153-day strike of 1988": a window named by a year of its own is an earlier one
# the text's is measured against (a range "of 2023-24" is a season, not a year).
_OF_YEAR_AFTER = re.compile(r"^\s+of\s+(?:1[89]|20)\d\d\b(?!\s*[-\u2013/]\s*\d)")
_DEFINITE_BEFORE = re.compile(r"\bthe\s+[^.,;]{0,25}$", re.IGNORECASE)
# "The second wave last year kept Melbourne under a 112-day lockdown": a window told with "a"
# in a clause dated a year or more back is another instance too.
_DATED_BEFORE = re.compile(r"\b(?:last\s+year|a\s+year\s+(?:ago|earlier))\b[^.;:]*$", re.IGNORECASE)
# A window word that is a verb form ("closed", "shut", "suspended", "sealed off", "blocking").
_VERB_FORM = re.compile(r"^(?:\w+(?:ed|ing)|shut|cut|lost)\b", re.IGNORECASE)
_QUALIFIER_AFTER = re.compile(r"^\s+(?:in|on|for|at|by)\s+(?:the\s+)?([a-z][a-z-]+)")
# "the curfew in Kano": a one-word place name, not the first word of a longer name ("in New York").
_PLACE_AFTER = re.compile(r"^\s+in\s+([A-Z][a-z]+)\b(?![\s-]*[A-Z0-9])")


_UNQUALIFYING = frozenset(
    """
    a an the this that its their his her our these those whose which new latest current earlier previous
    temporary unilateral bilateral nationwide humanitarian full partial total proposed agreed planned
    so-called supposed initial original interim first second last brief short long limited general
    still also now already again partly fully largely mostly entirely completely temporarily reportedly
    """.split()
)


def qualifier_of(text: str, span: Span, sentence: Span, times: Sequence[TimeExpression]) -> Optional[str]:
    """A word that tells this window apart from others of its kind, or None.

    Proposals ("a 30-day ceasefire instead"), other instances ("the third strike this
    year", "a 10-day strike in March"), another party's window ("a truce of its own") and
    standing rules ("the usual 30-day return window")
    are always apart; a mention that describes the window
    under discussion ("billed as a 60-day amnesty for businesses") has none; otherwise a noun right
    before the window word ("the passenger strike") or after a preposition ("the walkout
    in freight") qualifies it, unless it only describes ("humanitarian", "new"); so does a
    one-word place name ("the Kano curfew", "a curfew in Kaduna").
    """
    before = text[sentence.start : span.start]
    after = text[span.end : sentence.end]
    if (_PROPOSAL_BEFORE.search(before[-60:]) or _PROPOSAL_AFTER.search(after) or _OF_ITS_OWN_AFTER.match(after)
            or _ITS_OWN_BEFORE.search(before[-40:])):
        return f"{APART}{span.start}"
    if _STANDING_BEFORE.search(before[-40:]):
        return f"{STANDING}{span.start}"
    if _OTHER_INSTANCE_BEFORE.search(before[-40:]) or _COMPARED_OR_LAST_BEFORE.search(before[-50:]) or (
            _INDEFINITE_BEFORE.search(before[-40:])
            and (_DATED_AFTER.match(after) or _DATED_BEFORE.search(before))) or (
            _DEFINITE_BEFORE.search(before[-40:]) and _OF_YEAR_AFTER.match(after)):
        # "the union's third five-day strike this year", "a 10-day strike in March", "surpassed
        # the 21-day shutdown of 1995", "after the 153-day strike of 1988": another window of
        # the same kind, told of in passing.
        return f"{APART}{span.start}"
    if _DESCRIBED_AS_BEFORE.search(before[-60:]):
        return None
    if _VERB_FORM.search(span.text_of(text)):
        # "The airport closed", "would stay closed for repairs": a window named by its verb
        # has a subject or an auxiliary before it and an adverbial after, so no qualifier of
        # its own; but what it says is closed or suspended tells it apart ("The port of Dublin
        # closed ...  Ferries to Holyhead remained suspended until Sunday").
        return _stated_subject(text, span, sentence)
    words = list(WORD.finditer(text, max(sentence.start, span.start - 40), span.start))
    if words and not before.rstrip().endswith((",", ";", ":")) and words[-1].end() >= span.start - 1:
        word = words[-1]
        candidate = word.group(0).lower()
        in_time = any(t.span.start <= word.start() < t.span.end for t in times)
        if (candidate.isalpha() and candidate not in _UNQUALIFYING and candidate not in FUNCTION_WORDS
                and not in_time and (not word.group(0)[0].isupper() or _named_place(text, word.start(), sentence))):
            return candidate
    match = _QUALIFIER_AFTER.match(after)
    if match and match.group(1) not in _UNQUALIFYING and match.group(1) not in FUNCTION_WORDS:
        word = match.group(1)
        if word.islower():
            return word
    place = _PLACE_AFTER.match(after)
    if place and not any(t.span.start <= span.end + place.start(1) < t.span.end for t in times):
        return place.group(1).lower()
    return None


def _named_place(text: str, start: int, sentence: Span) -> bool:
    """ "The Kano curfew": a capitalised name after "the", not the sentence's first word."""
    before = text[max(sentence.start, start - 5):start]
    return start > sentence.start and re.search(r"\bthe\s+$", before, re.IGNORECASE) is not None


# Prepositions that open a phrase telling where or what a window covers ("the ban on trawling
# in the spawning grounds of the upper Gulf of Thailand").
_PHRASE_PREPOSITIONS = frozenset("in on of off for at near around across along over outside inside".split())
_DETERMINERS = frozenset("the a an this that its their his her our these those".split())
_PHRASE_STOP = re.compile(r"[,;:()\u2014.]")


def qualifying_words(text: str, span: Span, sentence: Span, times: Sequence[TimeExpression]) -> frozenset[str]:
    """The content words of the phrases after a window word that tell what it covers.

    "the ceasefire in the north of the province" gives {north, province}; "the ban in the
    upper gulf will run" gives {upper, gulf}: the phrases end at punctuation, a time, or a
    word of grammar ("will").  A later mention whose words all come from an earlier one's
    ("the ban in the upper gulf" after "a ban on trawling in ... the upper Gulf of
    Thailand") names the same window, though its one-word qualifier differs.
    """
    words: set[str] = set()
    position = span.end
    expect_preposition = True
    for word in WORD.finditer(text, span.end, sentence.end):
        if _PHRASE_STOP.search(text, position, word.start()) or any(
                t.span.start <= word.start() < t.span.end for t in times):
            break
        position = word.end()
        lowered = word.group(0).lower()
        if lowered in _PHRASE_PREPOSITIONS:
            expect_preposition = False
            continue
        if expect_preposition or lowered in FUNCTION_WORDS - PLACE_WORDS:
            break
        if lowered not in _DETERMINERS:
            words.add(lowered)
    return frozenset(words)


def is_verb_form(text: str, span: Span) -> bool:
    """Whether a mention names its window by a verb ("closed", "suspended", "sealed off")."""
    return bool(_VERB_FORM.search(span.text_of(text)))


def shares_subject(text: str, earlier: Span, later: Span) -> bool:
    """Whether ``later`` is a window's verb coordinated with ``earlier`` under one subject.

    "The city museum closed on Monday ... and will stay closed through Sunday": the second
    verb's subject is the first's.
    """
    return is_verb_form(text, earlier) and is_verb_form(text, later) and subject_left_out(text, earlier.end, later.start)


def _stated_subject(text: str, span: Span, sentence: Span) -> Optional[str]:
    """What a window's verb says was closed or suspended ("The port of Dublin closed"), if
    it is a word that can tell windows apart; a place counts here, since it is what a closure
    closes."""
    head = subject_head(text, span, sentence)
    if head is None or head in _UNQUALIFYING or head in FUNCTION_WORDS - PLACE_WORDS or head in _DETERMINERS:
        return None
    return head


# "a 30-day state of emergency": a mention that introduces its window.
_INTRODUCED_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def introduced_together(text: str, mentions: Sequence[tuple[str, Span, Optional[str]]]) -> frozenset[int]:
    """Which mentions of a sentence introduce different windows of one kind side by side.

    "declared a 30-day state of emergency ... and imposed a curfew": two nouns of the kind,
    each brought in with "a", the second right after "and" and at most two words of its verb,
    are two measures, and the text's later "the curfew" and "the state of emergency" each go
    on about its own.  Apposition ("a truce between Israel and Hamas expired ..., ending a
    pause") has no such "and", and one noun twice is one window.
    """
    if len(mentions) < 2:
        return frozenset()
    introduced = [index for index, (_kind, span, qualifier) in enumerate(mentions)
                  if not str(qualifier).startswith(APART)
                  and _INTRODUCED_BEFORE.search(text[max(0, span.start - 40) : span.start])]
    together: set[int] = set()
    # Neighbours only, so a sentence of many mentions is read in linear time.
    for first, second in zip(introduced, introduced[1:]):
        (kind, one, _), (other_kind, two, _) = mentions[first], mentions[second]
        if (kind == other_kind and _noun(text, one) != _noun(text, two)
                and _AND_INTRODUCED.search(text[max(one.end, two.start - 80) : two.start])):
            together.update((first, second))
    return frozenset(together)


# "... and imposed a curfew", "... and a curfew": the second brought in by "and" and its verb.
_AND_INTRODUCED = re.compile(r"\band\s+(?:[a-z]+\s+){0,2}(?:a|an)\s+(?:[\w-]+\s+){0,3}$")


def _noun(text: str, span: Span) -> str:
    return " ".join(span.text_of(text).lower().split())
