"""The words that name a kind of window and the events that start, end or extend it.

A `WindowVocabulary` is what the extractor needs to know about a domain; rule files
declare it (``window pause: called "ceasefire", ...``) and the rules layer hands it down,
so this layer never reads rule files itself.  `GENERIC_CUES` holds the words that mean the
same thing whatever the window: "took effect" starts any window, "extended" lengthens any.

Phrases match whole words, case-insensitively, exactly as written: list plural and
hyphenated forms explicitly ("truce", "truces", "cease-fire"), because the plural of a
window word is often another thing ("strike" is a walkout; "strikes" are often missiles).
Inside a phrase, ``...`` stands for up to three other words, so ``"resumed ... strikes"``
matches "resumed strikes", "resumed its strikes" and "resumed air strikes".
"""

from __future__ import annotations

import re
from typing import Iterable, Pattern

import attrs


def _as_phrases(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(value.lower().split()) for value in values if value.strip()}))


@attrs.frozen
class WindowVocabulary:
    """How one kind of window shows up in text."""

    kind: str
    called: tuple[str, ...] = attrs.field(converter=_as_phrases)
    started_by: tuple[str, ...] = attrs.field(default=(), converter=_as_phrases)
    ended_by: tuple[str, ...] = attrs.field(default=(), converter=_as_phrases)
    extended_by: tuple[str, ...] = attrs.field(default=(), converter=_as_phrases)
    resumed_by: tuple[str, ...] = attrs.field(default=(), converter=_as_phrases)


@attrs.frozen
class GenericCues:
    """Cue phrases shared by every kind of window."""

    started_by: tuple[str, ...] = attrs.field(converter=_as_phrases)
    ended_by: tuple[str, ...] = attrs.field(converter=_as_phrases)
    extended_by: tuple[str, ...] = attrs.field(converter=_as_phrases)
    announced_by: tuple[str, ...] = attrs.field(converter=_as_phrases)
    planned_end: tuple[str, ...] = attrs.field(converter=_as_phrases)
    not_yet: tuple[str, ...] = attrs.field(converter=_as_phrases)
    # What a window halted depends on its kind ("strikes", "evictions"), so no resumption
    # is generic by default: each kind lists its own.
    resumed_by: tuple[str, ...] = attrs.field(default=(), converter=_as_phrases)


GENERIC_CUES = GenericCues(
    started_by=(
        "took effect", "take effect", "takes effect", "taking effect", "went into effect", "came into force",
        "come into force", "entered into force", "began", "begin", "begins", "beginning", "started", "starting",
        "start", "starts", "imposed", "kicked off", "in force from", "effective",
    ),
    ended_by=(
        "ended", "ends", "ending", "lifting", "was over", "collapses", "expires", "lapses", "breaks down", "declared the ceasefire over", "declared it over", "called off",
        "collapsed", "broke down", "lifted", "expired", "lapsed", "ran out", "was voided", "voided", "revoked", "revokes", "revoking",
        "scrapped", "terminated", "cut short", "cut ... short", "called ... off", "cancelled", "canceled", "abandoned", "rescinded",
    ),
    extended_by=(
        "extended", "extends", "extending", "extend", "extension", "renew", "renews", "renewing", "prolong", "prolonged", "renewed", "remain in place",
        "remain in force", "stay in force", "stay in place", "remains in place", "remains in force",
        "remain in effect", "remains in effect", "remained in effect", "remained in force", "remained in place",
        "stay in effect", "stays in effect", "stayed in place", "stayed in force", "held until", "lasted until",
        "ran on", "dragged on", "overran", "stretched into", "spilled over into",
    ),
    announced_by=(
        "announced", "announces", "agreed", "agree", "ordered", "declared", "claimed", "said", "says", "issued", "introduced",
        "signed", "proclaimed", "unveiled", "brokered", "approved", "decreed", "called for",
        "spoke of", "talked of", "floated", "promised", "pledged", "reached", "struck",
    ),
    planned_end=(
        "due to end", "due to expire", "due to run out", "due to lapse", "was to end", "set to end", "set to expire",
        "scheduled to end", "scheduled to expire", "expire on", "expires on", "expire at", "expires at",
        "run out", "runs out", "would end", "will end", "to expire", "to lapse", "due to sit again",
        "due to close", "set to close", "scheduled to close", "was to close", "would close", "will close",
        "due to be lifted", "set to be lifted", "was to be lifted",
    ),
    not_yet=(
        "will", "would", "due to", "set to", "expected to", "scheduled to", "plans to", "planned to",
        "is to", "are to", "was to", "were to", "threatened to", "could", "may", "might", "if",
        "target of", "aim of", "goal of", "aims to", "aimed to", "hopes to", "hoped to", "intends to", "intended to",
        "promised to", "pledged to", "vowed to", "expects to",
    ),
)


def phrase_pattern(phrases: Iterable[str]) -> Pattern[str]:
    """One compiled alternation matching any phrase as whole words, longest first.

    Literal alternatives under a word boundary cannot backtrack beyond one phrase, so the
    scan stays linear in the text.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(_phrase_regex(phrase) for phrase in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


# Up to three whole words, lazily: bounded repetition of a word then a separator, which
# cannot backtrack more than a few steps per start position.
_GAP = r"(?:[\w'\u2019-]+\s+){0,3}?"


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        parts.append(_GAP if word == "..." else re.escape(word) + r"\s+")
    return "".join(parts)[: -len(r"\s+")] if not phrase.endswith("...") else "".join(parts)
