"""Forming windows from the mentions and claims gathered while reading.

Reading records each mention and claim under its (kind, qualifier) as it goes; only once
the whole text is read can mentions be merged into windows, claims consolidated, a start
inferred from an announcement, and the ends stated relative to another time
(`relative_ends`) be timed against the window's settled start and bounds.  Kept apart
from the reading so that how mentions group into windows is said in one place.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Optional

import attrs

from ..temporal.values import Instant
from .consolidate import consolidate
from .model import Announcement, Mention, StatedStart, Window
from .qualifiers import APART
from .relative_ends import chained


_CLAIM_FIELDS = ("durations", "bounds", "starts", "observations", "elapsed_ends", "offset_ends", "extensions_by")


class WindowBuilder:
    """Collects mentions and claims per (kind, qualifier), then forms windows."""

    def __init__(self) -> None:
        self._order: list[tuple[str, Optional[str]]] = []
        self._mentions: dict[tuple[str, Optional[str]], list[Mention]] = {}
        self._claims: dict[tuple[str, Optional[str]], dict[str, list]] = {}
        self._words: dict[tuple[str, Optional[str]], frozenset[str]] = {}
        self._by_noun: dict[tuple[str, str], tuple[str, Optional[str]]] = {}
        self._keys_with_word: dict[tuple[str, str], list[tuple[str, Optional[str]]]] = {}
        self._named_plainly: set[tuple[str, Optional[str]]] = set()  # by a word no other kind calls its own

    def mention(self, kind: str, qualifier: Optional[str], mention: Mention,
                words: frozenset[str] = frozenset(), introduced: bool = False,
                shared: bool = False) -> tuple[str, Optional[str]]:
        """Record a mention; ``words`` are those of the phrases telling what it covers;
        ``shared`` when another kind calls its window by the same word.

        A new qualifier whose words all come from those of an earlier window of the kind
        names that window: "the ban in the upper gulf" after "a ban on trawling in the
        spawning grounds of the upper Gulf of Thailand".  A mention ``introduced`` beside
        another window of its kind ("a state of emergency ... and a curfew") is told apart
        by its noun, which then names it wherever it comes unqualified ("the curfew").
        """
        noun = " ".join(mention.text.lower().split())
        key = (kind, qualifier)
        if introduced:
            key = (kind, qualifier if qualifier is not None else noun)
            self._by_noun[(kind, noun)] = key
        elif qualifier is None and (kind, noun) in self._by_noun:
            key = self._by_noun[(kind, noun)]
        if key not in self._mentions and words:
            key = self._covering(kind, words) or key
        self._known(key)
        self._mentions[key].append(mention)
        if not shared:
            self._named_plainly.add(key)
        if words and key[1] is not None and not key[1].startswith(APART):
            for word in words - self._words.get(key, frozenset()):
                self._keys_with_word.setdefault((kind, word), []).append(key)
            self._words[key] = self._words.get(key, frozenset()) | words
        return key

    def named(self, qualifier: str, kinds: frozenset[str] = frozenset()) -> Optional[tuple[str, Optional[str]]]:
        """The first window qualified by ``qualifier`` (of one of ``kinds``, if given), or None."""
        return next((key for key in self._order
                     if key[1] == qualifier and (not kinds or key[0] in kinds)), None)

    def _covering(self, kind: str, words: frozenset[str]) -> Optional[tuple[str, Optional[str]]]:
        """The first window of the kind whose words include all of ``words``, or None.

        Looked up through the windows that have each word, rarest first, so that many
        qualifiers cost no more than the few windows sharing a word.
        """
        lists = [self._keys_with_word.get((kind, word), []) for word in words]
        shortest = min(lists, key=len)
        return next((known for known in shortest if words <= self._words[known]), None)

    def add(self, key: tuple[str, Optional[str]], field: str, claim: object) -> None:
        # A claim may come before its window's first mention (a lead sentence's end).
        self._known(key)
        self._claims[key][field].append(claim)

    def _known(self, key: tuple[str, Optional[str]]) -> None:
        if key not in self._mentions:
            self._order.append(key)
            self._mentions[key] = []
            self._claims[key] = {"durations": [], "bounds": [], "starts": [], "observations": [], "announcements": [],
                                 "elapsed_ends": [], "offset_ends": [], "extensions_by": []}

    def windows(self) -> list[Window]:
        groups = self._merged_groups()
        windows: list[Window] = []
        for number, members in enumerate(groups, start=1):
            mentions = [m for key in members for m in self._mentions[key]]
            claims = {field: [c for key in members for c in self._claims[key][field]] for field in self._claims[members[0]]}
            if not any(claims[field] for field in _CLAIM_FIELDS):
                continue
            kinds = [key[0] for key in members for _ in self._mentions[key]]
            kind = max(sorted(set(kinds)), key=kinds.count)
            announcements = sorted(claims["announcements"], key=lambda a: a.value.earliest)
            starts = claims["starts"]
            if not starts and announcements:
                starts = [_inferred_start(announcements[0])]
            window = consolidate(Window(
                id=f"w{number}", kind=kind, mentions=sorted(mentions, key=lambda m: m.span.start),
                durations=claims["durations"], bounds=claims["bounds"], starts=starts,
                observations=claims["observations"], announced=announcements[0] if announcements else None,
            ))
            timed = [ended for offset in claims["offset_ends"] if (ended := offset.at(window.bounds)) is not None]
            timed += [extension for added in chained(claims["extensions_by"]) if (extension := added.at(window)) is not None]
            if claims["elapsed_ends"] and len(window.starts) == 1:
                timed += [ended.at(window.starts[0].value) for ended in claims["elapsed_ends"]]
            if timed:
                window = consolidate(attrs.evolve(window, observations=(*window.observations, *timed)))
            windows.append(window)
        return [attrs.evolve(window, id=f"w{index}") for index, window in enumerate(windows, start=1)]

    def _split_by_kind(self, keys: list[tuple[str, Optional[str]]]) -> list[list[tuple[str, Optional[str]]]]:
        """ "A 14-day lockdown ... a three-day truce": windows of different kinds, each with a
        length or an end of its own ("a 48-hour strike ... and an overtime ban that will run
        until the end of the month"), are different windows; otherwise one kind's words name
        the other's window in passing ("the strike ... the shutdown"), so they stay one.
        """
        # A kind named only in passing, with no claims ("if no deal was reached by then"), does
        # not keep the measured windows together; its mentions go with the first.
        kinds = list(dict.fromkeys(key[0] for key in keys if self._has_claims(key)))
        # A kind's end counts as its own only where a word no other kind calls its window
        # names it: "the truce" of a text about a ceasefire is not a user's tariff truce.
        measured = [kind for kind in kinds
                    if any(self._claims[key]["durations"] or (self._claims[key]["bounds"] and key in self._named_plainly)
                           for key in keys if key[0] == kind)]
        if len(measured) < 2 or len(measured) != len(kinds):
            return [keys]
        groups = [[key for key in keys if key[0] == kind] for kind in kinds]
        groups[0] += [key for key in keys if key[0] not in kinds]
        return groups

    def _has_claims(self, key: tuple[str, Optional[str]]) -> bool:
        return any(self._claims[key][field] for field in _CLAIM_FIELDS)

    def _merged_groups(self) -> list[list[tuple[str, Optional[str]]]]:
        """One group for the document, split only by distinct qualifiers that have claims."""
        distinct = [key for key in self._order if key[1] is not None and self._has_claims(key)]
        by_qualifier: dict[str, list[tuple[str, Optional[str]]]] = {}
        for key in distinct:
            by_qualifier.setdefault(key[1], []).append(key)
        plain_qualifiers = [q for q in by_qualifier if not q.startswith(APART)]
        groups: list[list[tuple[str, Optional[str]]]] = []
        if len(plain_qualifiers) >= 2:
            groups.extend(by_qualifier[q] for q in plain_qualifiers)
            rest = [key for key in self._order if key[1] not in plain_qualifiers and not str(key[1]).startswith(APART)]
        else:
            rest = [key for key in self._order if not str(key[1]).startswith(APART)]
        if rest:
            groups[0:0] = self._split_by_kind(rest)
        groups.extend([key] for key in self._order if str(key[1]).startswith(APART))
        return [group for group in groups if group]


def _inferred_start(announcement: Announcement) -> StatedStart:
    """With no stated start, the window began the day it was announced or the day after."""
    value = Instant.of_days(announcement.value.first_day, announcement.value.last_day + timedelta(days=1),
                            announcement.value.zone)
    return StatedStart(text=announcement.text, span=announcement.span, value=value, cue="announced",
                       inferred=True, said_by=announcement.said_by, said_at=announcement.said_at)
