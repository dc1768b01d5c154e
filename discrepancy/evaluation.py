"""Scoring reported findings against expected ones, as the scenario sets define matching.

An expected finding is ``{"kind", "claimed": ISO duration, "effective": [ISO min, ISO max]}``.
A reported finding matches one when the kinds agree, the claimed lengths agree within
``max(1 hour, 2 %)`` (a reported claim may be a range ``MIN..MAX`` where the text is vague,
and then the expected length must lie in it), and the effective ranges overlap with one
hour of slack.  Matching is
one-to-one and greedy in the order the expected findings are listed, which is how the
development scenarios are scored; precision and recall follow from the matched pairs.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Mapping, Optional, Sequence

import attrs

from .temporal.values import Duration

SLACK = timedelta(hours=1)
CLAIMED_TOLERANCE = 0.02


def nominal(iso: str) -> timedelta:
    """A length for comparison; calendar months and years at their average length."""
    return Duration.from_iso(iso).nominal()


@attrs.frozen
class Comparable:
    """A finding reduced to what matching looks at."""

    kind: str
    claimed: Optional[tuple[timedelta, timedelta]]
    effective: Optional[tuple[timedelta, timedelta]]

    @classmethod
    def from_expected(cls, record: Mapping[str, Any]) -> "Comparable":
        low, high = record["effective"]
        claimed = nominal(record["claimed"])
        return cls(record["kind"], (claimed, claimed), (nominal(low), nominal(high)))

    @classmethod
    def from_reported(cls, record: Mapping[str, Any]) -> "Comparable":
        """From a finding's JSON form (``Finding.to_json()``); a claimed ``MIN..MAX`` is a range."""
        claimed = record.get("claimed")
        effective = record.get("effective")
        span = (nominal(effective["min"]), nominal(effective["max"])) if effective else None
        claimed_range = None
        if claimed:
            low, _, high = claimed.partition("..")
            claimed_range = (nominal(low), nominal(high) if high else nominal(low))
        return cls(record["kind"], claimed_range, span)


def matches(expected: Comparable, reported: Comparable) -> bool:
    """Kinds agree, the claimed length lies in the reported claim (a range where the text is
    vague) within ``max(1 hour, 2 %)``, and the effective ranges overlap with an hour of slack."""
    if expected.kind != reported.kind or reported.claimed is None or reported.effective is None:
        return False
    wanted = expected.claimed[0]
    tolerance = max(SLACK, wanted * CLAIMED_TOLERANCE)
    if not reported.claimed[0] - tolerance <= wanted <= reported.claimed[1] + tolerance:
        return False
    (low, high), (their_low, their_high) = expected.effective, reported.effective
    return their_low - SLACK <= high and low - SLACK <= their_high


@attrs.frozen
class Score:
    """How one case's reported findings compare with its expected ones."""

    matched: int
    expected: int
    reported: int
    missed: tuple[Comparable, ...] = ()
    unexpected: tuple[Comparable, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.missed and not self.unexpected


def score(expected: Sequence[Mapping[str, Any]], reported: Sequence[Mapping[str, Any]]) -> Score:
    """Match one case's findings one-to-one; ``reported`` are findings in their JSON form."""
    wanted = [Comparable.from_expected(record) for record in expected]
    found = [Comparable.from_reported(record) for record in reported]
    free = list(range(len(found)))
    missed = []
    for item in wanted:
        partner = next((index for index in free if matches(item, found[index])), None)
        if partner is None:
            missed.append(item)
        else:
            free.remove(partner)
    return Score(len(wanted) - len(missed), len(wanted), len(found), tuple(missed), tuple(found[i] for i in free))


def precision_recall(scores: Sequence[Score]) -> tuple[float, float]:
    """Micro-averaged precision and recall over cases (1.0 where nothing was expected or found)."""
    matched = sum(s.matched for s in scores)
    reported = sum(s.reported for s in scores)
    expected = sum(s.expected for s in scores)
    return (matched / reported if reported else 1.0, matched / expected if expected else 1.0)
