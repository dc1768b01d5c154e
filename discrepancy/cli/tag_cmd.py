"""``discrepancy tag``: list the time expressions of each input."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional

from ..batch import Outcome
from ..documents import STDIN_NAME
from .inputs import add_document_options, outcomes
from .output import RecordWriter, renderer

FORMATS = ("text", "json", "jsonl", "timeml")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("tag", help="find and normalise time expressions",
                                   description="Find and normalise the time expressions of each input.")
    add_document_options(parser)
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    parser.add_argument("--output-dir", metavar="DIR", help="where --format timeml writes one file per input")
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    from . import EXIT_INPUT_ERRORS, EXIT_OK, EXIT_USAGE

    if arguments.format == "timeml" and not arguments.output_dir:
        print("discrepancy tag: --format timeml needs --output-dir DIR", file=sys.stderr)
        return EXIT_USAGE
    timeml = arguments.format == "timeml"
    # TimeML files are written here, in input order; every other format is rendered by the workers.
    render = None if timeml else listing_text if arguments.format == "text" else renderer(arguments.format)
    failed = False
    writer = RecordWriter(arguments.format)
    for outcome in outcomes(arguments, "tag", keep_results=timeml, render=render):
        failed = failed or not outcome.ok
        if timeml:
            if outcome.ok:
                from ..timeml import render_timeml

                result = outcome.result
                _write_timeml(arguments, result.document.path, render_timeml(result.document, result.expressions))
        elif arguments.format == "text":
            if outcome.text is not None:
                sys.stdout.write(outcome.text)
        else:
            writer.write_text(outcome.text)
    writer.close()
    return EXIT_INPUT_ERRORS if failed else EXIT_OK


def _write_timeml(arguments: argparse.Namespace, path: str, content: str) -> None:
    name = "stdin.tml" if path == STDIN_NAME else _relative_name(path, arguments.paths)
    target = Path(arguments.output_dir) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")


def _relative_name(path: str, roots: list[str]) -> str:
    """The input's name under the output directory: relative to the directory given, if any."""
    for root in roots:
        if root != STDIN_NAME and os.path.isdir(root):
            try:
                return Path(path).relative_to(root).as_posix()
            except ValueError:
                continue
    return Path(path).name


def listing_text(outcome: Outcome) -> Optional[str]:
    """The text listing of one document's expressions, a line each; nothing for a failed one."""
    if not outcome.ok:
        return None
    record = outcome.record
    lines = [f"{record['path']} (reference {record['reference']})"]
    for expression in record["expressions"]:
        where = f"{expression['start']}-{expression['end']}"
        meaning = expression["value"]
        if expression["earliest"]:
            meaning += f"  [{expression['earliest']} .. {expression['latest']}]"
        if expression["min"]:
            upper = expression["max"] or "open"
            if upper != expression["min"]:
                meaning += f"  [{expression['min']} .. {upper}]"
            elif expression["min"] != expression["value"]:
                meaning += f"  (= {expression['min']})"
        role = f"  ({expression['role']})" if expression["role"] else ""
        if "ends" in expression:
            role = f"  ({expression['role']} {expression['cue']['text']!r}: ends {expression['ends']['earliest']}"
            role += "" if expression["ends"]["latest"] == expression["ends"]["earliest"] else f" .. {expression['ends']['latest']}"
            role += ")"
        lines.append(f"  {where:>11}  {expression['type']:<8}  {expression['text']!r}  ->  {meaning}{role}")
    return "\n".join(lines) + "\n"
