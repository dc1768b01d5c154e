"""The ``discrepancy`` command line: a thin shell over the public API.

Exit status: 0 success (and, for ``check``, no findings); 1 findings or failed rule
examples; 2 usage or rule-file errors; 3 some input could not be processed (its error
record is in the output, and the other inputs were processed all the same).
"""

from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from ..pipeline import extract_windows_for
from . import check_cmd, rules_cmd, tag_cmd

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT_ERRORS = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discrepancy",
        description="Find where stated time windows contradict themselves or what was observed.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check_cmd.add_parser(subparsers)
    tag_cmd.add_parser(subparsers)
    rules_cmd.add_parser(subparsers, extractor=extract_windows_for)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except BrokenPipeError:
        # The reader went away (``| head``): not an error of ours, and nothing more to say.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
