"""``discrepancy rules``: check, test and list rule files from the command line.

``add_parser(subparsers, extractor=None)`` registers ``rules test [PATH...]``, ``rules check
PATH...`` and ``rules list [PATH...]`` on the main CLI's subparsers.  Each sets ``run`` on
the parsed arguments, a callable ``(args) -> int`` returning the exit status: 0 when all is
well, 1 when an example fails, 2 on rule errors or when examples cannot run.

Examples need claims extraction, which lives above the rules layer; the main CLI passes it
in as ``extractor`` (a callable ``(text, reference, tz, ruleset) -> windows``).  Without one,
``rules test`` checks the files and then says plainly that it could not run the examples.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional, TextIO

if TYPE_CHECKING:  # the rule layer itself is imported when a subcommand runs, not to build the parser
    from ..rules import RuleSet
    from ..rules.examples import Extractor

EXIT_OK, EXIT_FAILED, EXIT_RULE_ERROR = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction, extractor: Optional["Extractor"] = None) -> argparse.ArgumentParser:
    """Register the ``rules`` command and its three subcommands; returns the ``rules`` parser."""
    rules = subparsers.add_parser("rules", help="check, test and list rule files",
                                  description="Check, test and list discrepancy rule files.")
    commands = rules.add_subparsers(dest="rules_command", metavar="{test,check,list}")
    commands.required = True

    test = commands.add_parser("test", help="run every example of every rule",
                               description="Run the examples of the rules in PATH (default: the built-in pack).")
    test.add_argument("paths", nargs="*", metavar="PATH", help="rule files whose examples to run")
    test.add_argument("--rule", action="append", default=None, metavar="ID", help="only this rule (repeatable)")
    test.add_argument("-v", "--verbose", action="store_true", help="list passing examples too")
    test.add_argument("--no-builtin", action="store_true", help="do not load the built-in pack")
    test.set_defaults(run=lambda args: run_test(args, extractor))

    check = commands.add_parser("check", help="lint rule files without running them",
                                description="Parse and check rule files; report every error with its position.")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--no-builtin", action="store_true", help="check the files on their own")
    check.set_defaults(run=run_check)

    listing = commands.add_parser("list", help="show rule ids, kinds, severities and descriptions",
                                  description="List the rules of the built-in pack and of PATH.")
    listing.add_argument("paths", nargs="*", metavar="PATH")
    listing.add_argument("--no-builtin", action="store_true", help="do not load the built-in pack")
    listing.set_defaults(run=run_list)
    return rules


def _load(args: argparse.Namespace, err: TextIO) -> Optional["RuleSet"]:
    from ..rules import RuleErrors, load_rules

    try:
        return load_rules(args.paths, builtin=not args.no_builtin)
    except RuleErrors as errors:
        print(errors.render(), file=err)
        count = len(errors)
        print(f"{count} error{'s' if count != 1 else ''} in rule files", file=err)
        return None


def _user_rule_ids(ruleset: "RuleSet", args: argparse.Namespace) -> Optional[list[str]]:
    """The rules ``rules test`` runs: those named, else the given files' rules, else all."""
    from ..rules.loader import rule_files

    if args.rule:
        return list(args.rule)
    if not args.paths:
        return None
    given = {path.resolve() for path in rule_files(args.paths)}
    return [rule.id for rule in ruleset.rules
            if Path(rule.location.rsplit(":", 1)[0]).resolve() in given]


def run_test(args: argparse.Namespace, extractor: Optional["Extractor"], out: Optional[TextIO] = None,
             err: Optional[TextIO] = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    ruleset = _load(args, err)
    if ruleset is None:
        return EXIT_RULE_ERROR
    wanted = _user_rule_ids(ruleset, args)
    unknown = sorted(set(args.rule or ()) - {rule.id for rule in ruleset.rules})
    if unknown:
        print(f"rules test: unknown rule id {', '.join(unknown)}", file=err)
        return EXIT_RULE_ERROR
    if extractor is None:
        examples = sum(len(rule.examples) for rule in ruleset.rules if wanted is None or rule.id in wanted)
        print(f"rules test: the rule files are valid, but claims extraction is not available, "
              f"so their {examples} examples cannot run", file=err)
        return EXIT_RULE_ERROR
    from ..rules import run_examples

    report = run_examples(ruleset, extractor, rules=wanted)
    print(report.render(verbose=args.verbose), file=out)
    return EXIT_OK if report.ok else EXIT_FAILED


def run_check(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    ruleset = _load(args, err)
    if ruleset is None:
        return EXIT_RULE_ERROR
    examples = sum(len(rule.examples) for rule in ruleset.rules)
    print(f"ok: {len(ruleset.rules)} rules, {len(ruleset.windows)} windows, {examples} examples", file=out)
    return EXIT_OK


def run_list(args: argparse.Namespace, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    ruleset = _load(args, err)
    if ruleset is None:
        return EXIT_RULE_ERROR
    rows = [(rule.id, rule.kind, rule.severity.value, rule.description) for rule in ruleset.rules]
    headers = ("ID", "KIND", "SEVERITY", "DESCRIPTION")
    widths = [max([len(headers[i])] + [len(row[i]) for row in rows]) for i in range(3)]
    for row in [headers, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[3], file=out)
    print(f"windows: {', '.join(spec.name for spec in ruleset.windows)}", file=out)
    return EXIT_OK


