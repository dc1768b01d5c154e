"""The engine: run a compiled `RuleSet` over windows and collect the findings.

Order is deterministic: windows in the order given, rules in load order (built-in pack
first, then user files, an include standing where it is written), and within a rule the
combinations of claims in text order.  A finding identical to an earlier one (the same
rule, window, message and lengths, reached through a different combination) is reported
once.
"""

from __future__ import annotations

from typing import Iterable, Optional

from ..claims.model import Finding, Window
from ..errors import DiscrepancyError
from .ruleset import RuleSet


class RuleEvaluationError(DiscrepancyError):
    """A rule failed while running on a window (a custom function raised, say)."""

    def __init__(self, rule: str, window: str, cause: BaseException):
        self.rule = rule
        self.window = window
        super().__init__(f"rule '{rule}' failed on window '{window}': {cause}")


def _identity(finding: Finding) -> tuple:
    return (finding.rule, finding.window, finding.message, str(finding.claimed), finding.effective)


def evaluate(ruleset: RuleSet, windows: Iterable[Window], rules: Optional[Iterable[str]] = None) -> tuple[Finding, ...]:
    """Every finding of ``ruleset`` (or only of the rule ids in ``rules``) over ``windows``."""
    selected = ruleset.rules if rules is None else tuple(r for r in ruleset.rules if r.id in set(rules))
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for window in windows:
        for rule in selected:
            try:
                produced = list(rule.findings(window))
            except Exception as error:  # a custom function's bug must name the rule it broke
                raise RuleEvaluationError(rule.id, window.id, error) from error
            for finding in produced:
                identity = _identity(finding)
                if identity not in seen:
                    seen.add(identity)
                    findings.append(finding)
    return tuple(findings)
