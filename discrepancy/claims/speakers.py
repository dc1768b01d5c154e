"""Who said it: the speaker a sentence's statement is attributed to.

News attributes statements in a handful of shapes: "Peskov said", "said Trump", "according
to state media", "Russian officials told reporters", "Zelensky wrote on X".  We find the
reporting verb and take the noun phrase on the side the shape puts it, keeping only words a
speaker's name is made of (capitalised words and role nouns such as "spokesperson" or
"officials").  A pronoun subject ("he said") stands for the last speaker named before it.
This is deliberately shallow: no parser, linear time, and no speaker rather than a wrong one
when the shape is not recognised.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional, Sequence

import attrs

from ..temporal.values import Span

REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "announced", "announces", "claimed", "claims", "stated",
    "wrote", "writes", "added", "clarified", "confirmed", "insisted", "warned", "declared",
    "reported", "reports", "argued", "noted", "explained", "acknowledged", "denied", "accused",
    "tweeted", "posted", "bragged", "boasted", "promised", "pledged",
)

ROLE_WORDS = frozenset(
    """
    spokesperson spokesman spokeswoman spokespeople officials official minister ministry secretary
    president envoy media military government authorities authority agency agencies leader leaders
    sources source diplomats diplomat negotiators negotiator commander commanders administration
    office police army forces prosecutors judge court council union spokesmen aides aide analysts
    state local senior foreign defence defense interior energy general prime chief deputy top
    """.split()
)

# Verbs that news puts before their subject: '..., said Trump'.
INVERTIBLE_VERBS = frozenset({"said", "says", "wrote", "added", "writes"})

# Words between a speaker and the reporting verb: "Peskov later said", "officials have said".
ADVERBS = frozenset("later also previously earlier again then had has have once repeatedly publicly".split())

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
CONNECTORS = frozenset({"of", "for", "the", "'s", "\u2019s", "de", "von", "van", "al", "bin"})

_VERB = re.compile(r"\b(?:" + "|".join(REPORTING_VERBS) + r")\b")
_ACCORDING = re.compile(r"\baccording to\b", re.I)
_TOKEN = re.compile(r"[A-Za-z][\w.\-]*(?:['\u2019]s)?|[,;:\"\u201c\u201d()\u2014\u2013]")


@attrs.frozen
class Attribution:
    """A statement's speaker, with the span of the name and of the reporting cue."""

    speaker: str
    span: Span
    cue: Span


def _is_name_word(token: str) -> bool:
    bare = token.rstrip(".").replace("\u2019s", "").replace("'s", "")
    return bool(bare) and (bare[0].isupper() or bare.lower() in ROLE_WORDS)


MAX_NAME_WORDS = 7


def _name_words(tokens: Iterable[re.Match]) -> list[re.Match]:
    """The run of name words at the head of ``tokens`` (walking away from the verb).

    Connectors ("of", "the") may join name words but never end the run.
    """
    chosen: list[re.Match] = []
    for token in tokens:
        word = token.group(0)
        if not (_is_name_word(word) or (chosen and word.lower() in CONNECTORS)):
            break
        chosen.append(token)
        if len(chosen) >= MAX_NAME_WORDS:
            break
    while chosen and chosen[-1].group(0).lower() in CONNECTORS:
        chosen.pop()
    return chosen


def _phrase_left(text: str, sentence: Span, verb_start: int) -> Optional[Span]:
    """The speaker before a reporting verb ("Peskov said"), or a pronoun standing for one."""
    tokens = list(_TOKEN.finditer(text, sentence.start, verb_start))
    while tokens and (tokens[-1].group(0).lower() in ADVERBS or tokens[-1].group(0) == ","):
        tokens.pop()  # "The Kremlin's spokesman, Dmitry Peskov, later said"
    if tokens and tokens[-1].group(0).lower() in PRONOUNS:
        return Span(tokens[-1].start(), tokens[-1].end())
    chosen = _name_words(reversed(tokens))
    return Span(chosen[-1].start(), chosen[0].end()) if chosen else None


def _phrase_right(text: str, start: int, sentence: Span) -> Optional[Span]:
    """The speaker after an inverted reporting verb ("..., said Trump")."""
    chosen = _name_words(_TOKEN.finditer(text, start, sentence.end))
    return Span(chosen[0].start(), chosen[-1].end()) if chosen else None


def _clean(name: str) -> str:
    name = name.strip(" ,")
    if name.endswith(".") and "." not in name[:-1]:
        name = name[:-1]  # a full stop, unless the name is an initialism such as "U.N."
    return name[4:] if name.lower().startswith("the ") else name


def _after_quote_or_comma(text: str, sentence: Span, position: int) -> bool:
    """Inverted attribution follows the quotation it closes: '..., said Trump'."""
    before = text[sentence.start : position].rstrip()
    return before.endswith((",", "\"", "\u201d", "'", "\u2019"))


def attribute(text: str, sentence: Span, previous_speaker: Optional[str] = None) -> Optional[Attribution]:
    """The speaker of ``sentence``, or None when its shape names none."""
    according = _ACCORDING.search(text, sentence.start, sentence.end)
    if according:
        phrase = _phrase_right(text, according.end() + 1, sentence)
        if phrase:
            return Attribution(_clean(phrase.text_of(text)), phrase, Span(according.start(), according.end()))
    for verb in _VERB.finditer(text, sentence.start, sentence.end):
        cue = Span(verb.start(), verb.end())
        if verb.group(0) in INVERTIBLE_VERBS and _after_quote_or_comma(text, sentence, verb.start()):
            right = _phrase_right(text, verb.end() + 1, sentence)
            if right is not None:
                return Attribution(_clean(right.text_of(text)), right, cue)
        left = _phrase_left(text, sentence, verb.start())
        if left is None:
            continue
        name = left.text_of(text)
        if name.lower() in PRONOUNS:
            if previous_speaker:
                return Attribution(previous_speaker, left, cue)
            continue
        return Attribution(_clean(name), left, cue)
    return None


def attribute_all(text: str, sentences: Sequence[Span]) -> list[Optional[Attribution]]:
    """The speaker of each sentence, carrying the last named speaker for pronouns."""
    found: list[Optional[Attribution]] = []
    last: Optional[str] = None
    for sentence in sentences:
        attribution = attribute(text, sentence, last)
        if attribution is not None:
            last = attribution.speaker
        found.append(attribution)
    return found
