"""Command-line input handling shared by the commands: paths, reference dates, zones."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Iterator, Optional, Sequence, Union

from ..api import read_input
from ..claims.structured import ClaimsDocument
from ..documents import STDIN_NAME, Document, expand_paths, parse_date, read_bytes, zone_named
from ..errors import DiscrepancyError, DocumentError


def add_document_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (read recursively) or - for standard input")
    parser.add_argument("--date", type=_date_argument, metavar="YYYY-MM-DD",
                        help="reference date for inputs that state none (plain text)")
    parser.add_argument("--tz", type=_zone_argument, default="UTC", metavar="ZONE",
                        help="IANA time zone the texts' dates and times are meant in (default UTC)")
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the inputs (default utf-8)")
    parser.add_argument("--encoding-errors", choices=("strict", "replace"), default="strict",
                        help="on undecodable bytes: report an error (strict) or substitute U+FFFD (replace)")


def _date_argument(text: str) -> date:
    try:
        return parse_date(text, "--date")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _zone_argument(text: str) -> str:
    try:
        zone_named(text)
    except DiscrepancyError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def documents(arguments: argparse.Namespace, claims: bool = False) -> Iterator[tuple[str, Union[Document, "ClaimsDocument", DocumentError]]]:
    """Each input as a document, or the error that stopped it being read; never skipped.

    With ``claims``, a JSON claims document is read as such instead of as text.
    """
    for path in expand_paths(arguments.paths):
        yield path, _read(path, arguments, claims)


def _read(path: str, arguments: argparse.Namespace, claims: bool) -> Union[Document, "ClaimsDocument", DocumentError]:
    try:
        data = sys.stdin.buffer.read() if path == STDIN_NAME else read_bytes(path)
        return read_input(path, data, arguments.date, arguments.tz, arguments.encoding,
                          arguments.encoding_errors, claims=claims)
    except DocumentError as error:
        return error
