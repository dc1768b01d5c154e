"""A pytest plugin that runs rule files' examples inside a project's own test suite.

Two ways to use it (the plugin is registered through the ``pytest11`` entry point, or with
``-p discrepancy.pytest_plugin``):

- the ``rule_examples`` fixture, a function that runs the examples of the given rule files
  through an extractor and fails the test with a per-rule report if any example fails::

      def test_my_rules(rule_examples):
          rule_examples("rules/tariffs.rules", extractor=my_extract)

- collection of ``*.rules`` files as tests, one item per rule, turned on with
  ``--rules-examples`` or the ini option ``rules_examples = true``; the extractor is named
  by the ini option ``rules_extractor = package.module:function`` (by default discrepancy's
  own extraction).  With the option set empty the items are skipped with that reason,
  never passed.

Nothing is imported from `discrepancy` until a rule file is actually collected or the
fixture used, so the plugin costs nothing in suites that do not use it.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Optional

import pytest


# discrepancy's own extraction; a project with its own extractor names it in the ini file.
DEFAULT_EXTRACTOR = "discrepancy.pipeline:extract_windows_for"


class RuleExamplesFailed(AssertionError):
    """Some example of a rule did not produce the findings it expects."""

    def __init__(self, report):
        self.report = report
        super().__init__(report.render())


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("discrepancy", "discrepancy rule files")
    group.addoption("--rules-examples", action="store_true", default=False,
                    help="collect *.rules files and run every rule's examples")
    parser.addini("rules_examples", type="bool", default=False, help="collect *.rules files as tests")
    parser.addini("rules_extractor", default=DEFAULT_EXTRACTOR,
                  help="module:function that extracts windows for rule examples (default: discrepancy's own; "
                       "set it empty to skip examples)")


def load_extractor(spec: str) -> Optional[Callable]:
    """The callable named ``module:function``, or None for an empty spec."""
    if not spec:
        return None
    module_name, _, attribute = spec.partition(":")
    if not attribute:
        raise pytest.UsageError(f"rules_extractor must look like 'module:function', not {spec!r}")
    return getattr(importlib.import_module(module_name), attribute)


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("--rules-examples") or config.getini("rules_examples"))


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    if file_path.suffix == ".rules" and _enabled(parent.config):
        return RulesFile.from_parent(parent, path=file_path)
    return None


class RulesFile(pytest.File):
    """A rule file; each of its rules that has examples is one test item."""

    def collect(self):
        from discrepancy.rules import RuleErrors, load_rules

        try:
            ruleset = load_rules(self.path)
        except RuleErrors as errors:
            raise self.CollectError(errors.render()) from None
        own = self.path.resolve()
        for rule in ruleset.rules:
            rule_path = Path(rule.location.rsplit(":", 1)[0]).resolve()
            if rule_path == own and rule.examples:
                yield RuleItem.from_parent(self, name=rule.id, ruleset=ruleset, rule_id=rule.id,
                                           line=int(rule.location.rsplit(":", 1)[1]))


class RuleItem(pytest.Item):
    def __init__(self, *, ruleset, rule_id: str, line: int, **kwargs):
        super().__init__(**kwargs)
        self.ruleset = ruleset
        self.rule_id = rule_id
        self.line = line

    def runtest(self) -> None:
        from discrepancy.rules import run_examples

        extractor = load_extractor(self.config.getini("rules_extractor"))
        if extractor is None:
            pytest.skip("claims extraction is not available: set rules_extractor = module:function")
        report = run_examples(self.ruleset, extractor, rules=[self.rule_id])
        if not report.ok:
            raise RuleExamplesFailed(report)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, RuleExamplesFailed):
            return excinfo.value.report.render()
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.line - 1, f"rule {self.rule_id}"


@pytest.fixture
def rule_examples(request: pytest.FixtureRequest) -> Callable:
    """``rule_examples(*paths, extractor=None, builtin=True)`` runs the files' examples and fails on any failure.

    Returns the `ExampleReport` when all pass.  ``extractor`` defaults to the ini option
    ``rules_extractor`` (discrepancy's own extraction unless set); set empty, the test is
    skipped, never passed.
    """

    def run(*paths, extractor: Optional[Callable] = None, builtin: bool = True):
        from discrepancy.rules import load_rules, run_examples

        chosen = extractor or load_extractor(request.config.getini("rules_extractor"))
        if chosen is None:
            pytest.skip("claims extraction is not available: pass extractor= or set rules_extractor")
        ruleset = load_rules(paths, builtin=builtin)
        wanted = {Path(p).resolve() for p in paths}
        ids = [rule.id for rule in ruleset.rules
               if Path(rule.location.rsplit(":", 1)[0]).resolve() in wanted] if paths else None
        report = run_examples(ruleset, chosen, rules=ids)
        if not report.ok:
            raise RuleExamplesFailed(report)
        return report

    return run
