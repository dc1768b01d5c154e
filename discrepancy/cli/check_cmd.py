"""``discrepancy check``: report where each input's stated windows contradict themselves."""

from __future__ import annotations

import argparse
import sys

from .. import api
from ..errors import DiscrepancyError
from ..report import render_findings
from ..rules import RuleErrors
from .inputs import add_document_options, outcomes
from .output import RecordWriter

FORMATS = ("text", "json", "jsonl")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="report contradictions between stated and observed time windows",
        description="Report where each input's stated windows contradict each other or what was observed. "
                    "Exit status: 0 no findings, 1 findings, 2 usage or rule errors, 3 some input failed.")
    add_document_options(parser)
    parser.add_argument("--rules", action="append", default=[], metavar="PATH",
                        help="a rule file to load after the built-in pack (repeatable)")
    parser.add_argument("--no-builtin", action="store_true", help="do not load the built-in rule pack")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the text output (default: only on a terminal)")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    from . import EXIT_FINDINGS, EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE

    try:
        checker = api.checker_for(arguments.rules, builtin=not arguments.no_builtin)
    except RuleErrors as errors:
        print(errors.render(), file=sys.stderr)
        return EXIT_USAGE
    except DiscrepancyError as error:
        print(f"discrepancy: {error}", file=sys.stderr)
        return EXIT_USAGE
    colour = arguments.color == "always" or (arguments.color == "auto" and sys.stdout.isatty())
    any_findings = failed = False
    writer = RecordWriter(arguments.format)
    first = True
    for outcome in outcomes(arguments, "check", checker, keep_results=arguments.format == "text"):
        failed = failed or not outcome.ok
        any_findings = any_findings or bool(outcome.record.get("findings"))
        if arguments.format != "text":
            writer.write(outcome.record)
        elif outcome.ok:
            if not first:
                print()
            result = outcome.result
            print(render_findings(outcome.record["path"], result.document.reference, result.findings, colour))
            first = False
    writer.close()
    if failed:
        return EXIT_INPUT_ERRORS
    return EXIT_FINDINGS if any_findings else EXIT_OK
