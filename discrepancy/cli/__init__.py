"""The ``discrepancy`` command line: a thin shell over the public API.

Exit status: 0 success (and, for ``check``, no findings); 1 findings or failed rule
examples; 2 usage or rule-file errors; 3 some input could not be processed (its error
record is in the output, and the other inputs were processed all the same); 70 a bug of
ours that escaped everything else (one line says so; ``DISCREPANCY_TRACEBACK=1`` shows where).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Optional, Sequence

from . import check_cmd, rules_cmd, tag_cmd

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT_ERRORS = 3
EXIT_INTERNAL = 70  # EX_SOFTWARE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="discrepancy",
        description="Find where stated time windows contradict themselves or what was observed.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check_cmd.add_parser(subparsers)
    tag_cmd.add_parser(subparsers)
    rules_cmd.add_parser(subparsers, extractor=_extract_windows)
    return parser


def _extract_windows(text, reference, tz, ruleset):
    """`pipeline.extract_windows_for`, imported when ``rules test`` first runs an example.

    Building the parser must not import the claims layer: ``tag`` never uses it, and
    start-up is the part of a run that worker processes cannot share.
    """
    from ..pipeline import extract_windows_for

    return extract_windows_for(text, reference, tz, ruleset)


def utf8_output() -> None:
    """Write UTF-8 whatever the locale says, so output is byte-identical on every machine.

    A Latin-1 or ASCII locale (or ``PYTHONIOENCODING``) would otherwise make a Cyrillic
    path or quotation a UnicodeEncodeError; a file name that is not valid UTF-8 (held as
    lone surrogates) is written as ``\\udcff``, which JSON reads back as the same string.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors="backslashreplace")
        except (ValueError, OSError):  # a stream already written to in another encoding
            pass


def main(argv: Optional[Sequence[str]] = None) -> int:
    utf8_output()
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
    except Exception as error:  # noqa: BLE001 - a bug, but the user gets a sentence, not a traceback
        if os.environ.get("DISCREPANCY_TRACEBACK"):
            raise
        print(f"discrepancy: internal error: {type(error).__name__}: {error}\n"
              "This is a bug in discrepancy; please report it with the command that caused it "
              "(set DISCREPANCY_TRACEBACK=1 to see where it happened).", file=sys.stderr)
        return EXIT_INTERNAL


def console_main() -> int:
    """The ``discrepancy`` program (and ``python -m discrepancy``): `main`, then a quick exit.

    On the way out the interpreter runs the cyclic garbage collector over every object
    still alive (compiled patterns, the rule set, caches), only for the operating system
    to reclaim the memory anyway: some 13 ms after a corpus run, as long as tagging 20
    documents, and serial work that no ``--jobs`` can share.  Frozen, they are skipped;
    files are still flushed and closed as usual.  Not done in `main`, which tests and
    library users call in a process that lives on.
    """
    status = main()
    gc.freeze()
    return status
