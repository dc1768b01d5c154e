"""The example runner behind ``discrepancy rules test`` and the pytest plugin.

Each rule's examples are run through an *injected* extractor, a callable that turns an
example's text into windows; the rules layer never imports claims extraction itself.  The
findings of the example's rule are matched one-to-one against its expectations, with the
scenarios' matching rule: kinds agree, claimed lengths agree within max(1 hour, 2 %), and
effective ranges overlap with 1 hour of slack.  Every example of every rule runs; a
failure, or an extractor that raises, is recorded and the run goes on.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from typing import Iterable, Optional, Protocol, Sequence
from zoneinfo import ZoneInfo

import attrs

from ..claims.model import Finding, Window
from . import lengths
from .engine import evaluate
from .ruleset import Example, Expectation, Rule, RuleSet


class Extractor(Protocol):
    """Finds the windows a text describes, using the rule set's window vocabulary."""

    def __call__(self, text: str, reference: date, tz: tzinfo, ruleset: RuleSet) -> Sequence[Window]: ...


_SLACK = timedelta(hours=1)


def _agree(expected: tuple[timedelta, timedelta], found: tuple[timedelta, timedelta], relative: float) -> bool:
    slack = max(_SLACK, abs(expected[1]) * relative)
    return found[0] <= expected[1] + slack and expected[0] <= found[1] + slack


def matches(expectation: Expectation, finding: Finding) -> bool:
    """Whether ``finding`` is the one ``expectation`` describes."""
    if expectation.kind != finding.kind:
        return False
    if expectation.claimed is not None:
        if finding.claimed is None:
            return False
        if not _agree(expectation.claimed, lengths.reported(finding.claimed), 0.02):  # type: ignore[arg-type]
            return False
    if expectation.effective is not None:
        if finding.effective is None or not _agree(expectation.effective, finding.effective, 0.0):
            return False
    return True


@attrs.frozen
class ExampleResult:
    """What one example produced: matched expectations, missed ones, unexpected findings."""

    rule: str
    example: Example
    matched: int = 0
    missed: tuple[Expectation, ...] = ()
    unexpected: tuple[Finding, ...] = ()
    error: Optional[str] = None

    @property
    def passed(self) -> bool:
        return self.error is None and not self.missed and not self.unexpected


@attrs.frozen
class RuleReport:
    rule: str
    location: str
    results: tuple[ExampleResult, ...]

    @property
    def passed(self) -> int:
        return sum(result.passed for result in self.results)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed


@attrs.frozen
class ExampleReport:
    """The outcome of running every example of every rule."""

    rules: tuple[RuleReport, ...]

    @property
    def ok(self) -> bool:
        return all(report.failed == 0 for report in self.rules)

    @property
    def examples(self) -> int:
        return sum(len(report.results) for report in self.rules)

    @property
    def failures(self) -> int:
        return sum(report.failed for report in self.rules)

    def render(self, verbose: bool = False) -> str:
        """A report for people: one line per rule, then each failure's details."""
        lines = []
        for report in self.rules:
            status = "ok" if report.failed == 0 else "FAIL"
            lines.append(f"{status:4} {report.rule}: {report.passed} passed, {report.failed} failed ({report.location})")
            for result in report.results:
                if result.passed and not verbose:
                    continue
                lines.extend(_details(result))
        lines.append(f"{self.examples - self.failures} of {self.examples} examples passed in {len(self.rules)} rules")
        return "\n".join(lines)


def _details(result: ExampleResult) -> list[str]:
    where = result.example.location
    if result.passed:
        return [f"     pass {where}"]
    lines = []
    if result.error:
        lines.append(f"     error {where}: {result.error}")
    for expectation in result.missed:
        lines.append(f"     missed {where}: expected {expectation.describe()} (line {expectation.line})")
    for finding in result.unexpected:
        claimed = lengths.reported(finding.claimed) if finding.claimed is not None else None  # type: ignore[arg-type]
        described = Expectation(finding.kind, claimed, finding.effective).describe()
        lines.append(f"     unexpected {where}: {described}: {finding.message}")
    return lines


def run_example(rule: Rule, example: Example, ruleset: RuleSet, extract: Extractor) -> ExampleResult:
    try:
        windows = extract(example.text, example.reference, ZoneInfo(example.zone), ruleset)
        findings = [finding for finding in evaluate(ruleset, windows, rules=[rule.id])]
    except Exception as error:  # one broken example must not stop the others
        return ExampleResult(rule.id, example, error=f"{type(error).__name__}: {error}")
    remaining = list(findings)
    missed = []
    matched = 0
    for expectation in example.expectations:
        found = next((finding for finding in remaining if matches(expectation, finding)), None)
        if found is None:
            missed.append(expectation)
        else:
            remaining.remove(found)
            matched += 1
    return ExampleResult(rule.id, example, matched, tuple(missed), tuple(remaining))


def run_examples(ruleset: RuleSet, extract: Extractor, rules: Optional[Iterable[str]] = None) -> ExampleReport:
    """Run every example of every rule (or of the rule ids given) through ``extract``."""
    wanted = set(rules) if rules is not None else None
    reports = []
    for rule in ruleset.rules:
        if (wanted is not None and rule.id not in wanted) or not rule.examples:
            continue
        results = tuple(run_example(rule, example, ruleset, extract) for example in rule.examples)
        reports.append(RuleReport(rule.id, rule.location, results))
    return ExampleReport(tuple(reports))
