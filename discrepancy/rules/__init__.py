"""The rule language: rule files that say what windows are and what contradicts them.

Public face: `load_rules` (files or text -> `RuleSet`), `evaluate` (a rule set over
`Window` objects -> findings), `run_examples` (a rule set's examples through an injected
extractor), `rule_function` (register a Python function for rule files), and the error
types.  Grammar, checker and compiler live one level down.
"""

from .engine import RuleEvaluationError, evaluate
from .errors import RuleError, RuleErrors, RuleSemanticError, RuleSyntaxError
from .examples import ExampleReport, Extractor, run_examples
from .functions import BUILTINS, CUSTOM, FunctionRegistry, RuleFunction, RuleFunctionError, rule_function
from .lengths import DayCount
from .loader import builtin_rules_dir, clear_cache, load_rules
from .ruleset import Example, Expectation, Rule, RuleSet, WindowSpec
from .types import Type

__all__ = [
    "BUILTINS", "CUSTOM", "DayCount", "Example", "ExampleReport", "Expectation", "Extractor",
    "FunctionRegistry", "Rule", "RuleError", "RuleErrors", "RuleEvaluationError", "RuleFunction",
    "RuleFunctionError", "RuleSemanticError", "RuleSet", "RuleSyntaxError", "Type", "WindowSpec",
    "builtin_rules_dir", "clear_cache", "evaluate", "load_rules", "rule_function", "run_examples",
]
