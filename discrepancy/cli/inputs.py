"""Command-line input handling shared by the commands: paths, reference dates, zones, jobs.

The batch itself (reading, checking, ordering, worker processes) is `discrepancy.batch`;
this module only turns options into a batch and shows its progress.
"""

from __future__ import annotations

import argparse
import codecs
import sys
from datetime import date
from typing import TYPE_CHECKING, Iterator, Optional

from ..batch import INPUT_FORMATS, BatchSettings, Outcome, Render, run_batch, works_from_paths
from ..documents import parse_date, zone_named
from ..errors import DiscrepancyError
from .progress import progress_for

if TYPE_CHECKING:
    from ..pipeline import Checker


def add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (read recursively), JSON Lines files (*.jsonl: one document "
                             "per line) or - for standard input")
    parser.add_argument("--date", type=_date_argument, metavar="YYYY-MM-DD",
                        help="reference date for inputs that state none (plain text)")
    parser.add_argument("--tz", type=_zone_argument, default="UTC", metavar="ZONE",
                        help="IANA time zone the texts' dates and times are meant in (default UTC)")
    parser.add_argument("--encoding", type=_encoding_argument, default="utf-8",
                        help="text encoding of the inputs (default utf-8)")
    parser.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                        help="on undecodable bytes: report an error (strict) or substitute U+FFFD (replace)")
    parser.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                        help="jsonl: every input (and - for standard input) is JSON Lines, one "
                             '{"id", "date", "text", "tz"?} document per line; text: never; '
                             "auto (default): files named *.jsonl are")
    parser.add_argument("-j", "--jobs", type=_jobs_argument, default=1, metavar="N",
                        help="worker processes (default 1); output is identical whatever N")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar (it is only ever drawn when standard error is a terminal)")


def _date_argument(text: str) -> date:
    try:
        return parse_date(text, "--date")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _encoding_argument(text: str) -> str:
    try:
        codecs.lookup(text)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {text!r}: use a name such as utf-8, latin-1 or cp1252") from None
    return text


def _zone_argument(text: str) -> str:
    try:
        zone_named(text)
    except DiscrepancyError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _jobs_argument(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs {text!r} is not a whole number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("--jobs must be at least 1")
    return jobs


def outcomes(arguments: argparse.Namespace, command: str, checker: Optional["Checker"] = None,
             keep_results: bool = False, render: Optional[Render] = None) -> Iterator[Outcome]:
    """Each input document's outcome, in order; errors are also reported on standard error.

    With ``render``, each outcome comes with the text to print (`Outcome.text`), made in
    the worker that computed it, and without its record unless it is an error's.
    """
    settings = BatchSettings(command, arguments.date, arguments.tz, arguments.encoding, arguments.encoding_errors,
                             keep_results, tuple(getattr(arguments, "rules", ()) or ()),
                             not getattr(arguments, "no_builtin", False), keep_records=render is None)
    progress = progress_for(arguments, sys.stderr)
    works = works_from_paths(arguments.paths, arguments.input_format)
    for outcome in run_batch(works, settings, checker, arguments.jobs, render=render):
        if outcome.error is not None:
            progress.note(f"discrepancy: {outcome.record['path']}: {outcome.record['error']['message']}")
        progress.advance()
        yield outcome
    progress.finish()
