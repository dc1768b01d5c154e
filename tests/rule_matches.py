"""What a recogniser rule's pattern matches when tried only at given positions.

Shared by the tests that check a shortcut (trigger words, narrowed starts) hides no match
that trying every word start would find.
"""

from __future__ import annotations


def first_matches(text: str, pattern, starts) -> list[tuple[int, int]]:
    """The non-overlapping matches of ``pattern`` tried at ``starts`` in order, as the scan
    tries them (a match may also begin at the apostrophe just before a start: "'til")."""
    found, covered = [], -1
    for position in starts:
        if position < covered:
            continue
        match = pattern.match(text, position) or (
            position > 0 and text[position - 1] == "'" and pattern.match(text, position - 1))
        if match and match.end() > match.start():
            covered = match.end()
            found.append(match.span())
    return found
