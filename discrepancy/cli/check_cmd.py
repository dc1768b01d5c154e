"""``discrepancy check``: report where each input's stated windows contradict themselves.

The rule layer, the claims layer and the text report are imported when the command runs,
not when the command line is built: ``tag`` and ``rules`` need none of them, and every
process start pays for what it imports.
"""

from __future__ import annotations

import argparse
import functools
import sys
from typing import Optional

from ..batch import Outcome
from .inputs import add_document_options, outcomes
from .output import RecordWriter, renderer

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


def report_text(outcome: Outcome, colour: bool = False) -> Optional[str]:
    """The text report of one document's findings; nothing for a failed one (its error goes to stderr)."""
    if not outcome.ok:
        return None
    from ..report import render_findings

    document = outcome.result.document
    return render_findings(document.path, document.reference, outcome.result.findings, colour)


def run(arguments: argparse.Namespace) -> int:
    from .. import api
    from ..errors import DiscrepancyError
    from ..rules import RuleErrors
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
    text = arguments.format == "text"
    render = functools.partial(report_text, colour=colour) if text else renderer(arguments.format)
    any_findings = failed = False
    writer = RecordWriter(arguments.format)
    first = True
    for outcome in outcomes(arguments, "check", checker, render=render):
        failed = failed or not outcome.ok
        any_findings = any_findings or outcome.finding_count > 0
        if not text:
            writer.write_text(outcome.text)
        elif outcome.text is not None:
            sys.stdout.write(outcome.text + "\n" if first else "\n" + outcome.text + "\n")
            first = False
    writer.close()
    if failed:
        return EXIT_INPUT_ERRORS
    return EXIT_FINDINGS if any_findings else EXIT_OK
