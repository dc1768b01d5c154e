"""The compiled rule set: what `load_rules` returns and everything downstream reads.

`RuleSet` holds the window vocabulary (`WindowSpec`, read by the claims extractor to find
windows in text) and the compiled rules (`Rule`, run by the engine).  Nothing here parses
or type-checks; it is the finished product of `loader` -> `checker` -> `compiler`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable, Iterable, Iterator, Optional

import attrs

from ..claims.model import Finding, Severity, Window
from ..temporal.values import format_timedelta


@attrs.frozen
class WindowSpec:
    """A kind of window and the words that name, start, end, break or extend it.

    ``called`` are nouns for the window ("ceasefire", "truce"); ``started_by``,
    ``ended_by``, ``broken_by`` and ``extended_by`` are the words of events that start it,
    end it, break it, or make it last longer.  ``resumed_by`` are the words of what the
    window halted starting again ("strikes resumed"): they end it too, but may come any time
    after it lapsed, so a late one says less than a late "lifted" or "reopened".
    """

    name: str
    called: tuple[str, ...] = ()
    started_by: tuple[str, ...] = ()
    ended_by: tuple[str, ...] = ()
    resumed_by: tuple[str, ...] = ()
    broken_by: tuple[str, ...] = ()
    extended_by: tuple[str, ...] = ()
    source: str = ""

    def words(self) -> dict[str, tuple[str, ...]]:
        """Every vocabulary list by its role as written in rule files ("ended by")."""
        return {"called": self.called, "started by": self.started_by, "ended by": self.ended_by,
                "resumed by": self.resumed_by, "broken by": self.broken_by, "extended by": self.extended_by}


@attrs.frozen
class Expectation:
    """One finding an example must produce; lengths as ``timedelta`` ranges for matching."""

    kind: str
    claimed: Optional[tuple[timedelta, timedelta]] = None
    effective: Optional[tuple[timedelta, timedelta]] = None
    line: int = 0

    def describe(self) -> str:
        text = self.kind
        if self.claimed is not None:
            text += f" claimed {_span(self.claimed)}"
        if self.effective is not None:
            text += f" effective {_span(self.effective)}"
        return text


def _span(pair: tuple[timedelta, timedelta]) -> str:
    low, high = (format_timedelta(value) for value in pair)
    return low if low == high else f"{low}..{high}"


@attrs.frozen
class Example:
    """An example text of a rule, its reference date and zone, and what it must produce.

    ``expectations`` empty means ``expect none``: the rule must not fire on the text.
    """

    text: str
    reference: date
    zone: str
    expectations: tuple[Expectation, ...]
    location: str  # "path:line", for reports


@attrs.frozen(eq=False)
class Rule:
    """A compiled rule: its description and the function that finds its findings in a window."""

    id: str
    kind: str
    severity: Severity
    description: str
    window_kinds: tuple[str, ...]
    examples: tuple[Example, ...]
    location: str
    run: Callable[[Window], Iterator[Finding]] = attrs.field(repr=False)

    def applies_to(self, window: Window) -> bool:
        return not self.window_kinds or window.kind in self.window_kinds

    def findings(self, window: Window) -> Iterator[Finding]:
        if self.applies_to(window):
            yield from self.run(window)


@attrs.frozen(eq=False)
class RuleSet:
    """Windows and rules loaded together, in a deterministic order."""

    rules: tuple[Rule, ...]
    windows: tuple[WindowSpec, ...]
    sources: tuple[str, ...]
    digest: str

    def rule(self, rule_id: str) -> Optional[Rule]:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def window(self, name: str) -> Optional[WindowSpec]:
        return next((spec for spec in self.windows if spec.name == name), None)

    def only(self, rule_ids: Iterable[str]) -> "RuleSet":
        """The same windows with only the named rules (for running one rule's examples)."""
        wanted = set(rule_ids)
        return RuleSet(tuple(rule for rule in self.rules if rule.id in wanted), self.windows, self.sources, self.digest)

    def evaluate(self, windows: Iterable[Window]) -> tuple[Finding, ...]:
        from .engine import evaluate

        return evaluate(self, windows)
