"""Reading the amounts in time phrases: "two", "twenty-four", "1,000", "a", "1 1/2", "a half".

Only what amounts in duration and offset phrases need; anything else returns ``None`` and
the caller drops the phrase rather than guessing.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Optional

from .lexicon import NUMBER_WORDS, ORDINAL_WORDS, TENS

_SEPARATORS = re.compile(r"[\s-]+")
_MIXED_FRACTION = re.compile(r"^(\d+)\s+(\d+)/(\d+)$")
_SUFFIXED_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)


# Both readers are pure and amounts recur ("two", "48", "a"): cached, at most 1,024 texts each.
@functools.lru_cache(maxsize=1024)
def parse_amount(text: str) -> Optional[Fraction]:
    """The number an amount phrase states, exactly; ``None`` when it is not a plain number."""
    words = text.lower().replace(",", "").strip()
    if not words:
        return None
    half = False
    for suffix in (" and a half", "-and-a-half", " and one half"):
        if words.endswith(suffix):
            words, half = words[: -len(suffix)], True
            break
    mixed = _MIXED_FRACTION.match(words)
    if mixed:
        whole, numerator, denominator = (int(group) for group in mixed.groups())
        return Fraction(whole) + Fraction(numerator, max(denominator, 1)) if denominator else None
    value = _parse_whole(words)
    if value is None:
        return None
    return value + Fraction(1, 2) if half else value


def _parse_whole(words: str) -> Optional[Fraction]:
    if words in ("a", "an", "one", "a single", "single"):
        return Fraction(1)
    if words in ("half a", "half an", "a half"):
        return Fraction(1, 2)
    try:
        return Fraction(words)
    except (ValueError, ZeroDivisionError):
        pass
    total = 0
    current = 0
    for word in _SEPARATORS.split(words):
        if word in ("a", "and"):
            continue
        if word not in NUMBER_WORDS:
            return None
        number = NUMBER_WORDS[word]
        if word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "dozen":
            current = max(current, 1) * 12
        else:
            current += number
    return Fraction(total + current)


@functools.lru_cache(maxsize=1024)
def parse_ordinal(text: str) -> Optional[int]:
    """``"third"`` -> 3, ``"3rd"`` -> 3, ``"twenty-first"`` -> 21."""
    word = text.lower().strip()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS[word]
    suffixed = _SUFFIXED_ORDINAL.match(word)
    if suffixed:
        return int(suffixed.group(1))
    parts = _SEPARATORS.split(word)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return NUMBER_WORDS[parts[0]] + ORDINAL_WORDS[parts[1]]
    return None
