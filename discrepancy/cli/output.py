"""Writing JSON records to standard output as they come, whatever their number.

``jsonl`` is one compact record per line.  ``json`` is what ``json.dumps(records,
indent=2)`` would print (a single input gives its record alone, not an array), written
element by element so that nothing but the first record is ever held back.

A record is turned into JSON text by `renderer`'s function, which the batch runs in the
worker process that made the record, so the main process only writes strings.
"""

from __future__ import annotations

import sys
from typing import Optional, TextIO

from ..batch import Outcome, Render
from ..records import dumps


def jsonl_text(outcome: Outcome) -> str:
    """One outcome's record as a JSON Lines line (without the line end)."""
    return dumps(outcome.record, pretty=False)


def json_text(outcome: Outcome) -> str:
    """One outcome's record as indented JSON, as it is printed when it is the only one."""
    return dumps(outcome.record)


def renderer(form: str) -> Optional[Render]:
    """The function that writes an outcome in the JSON format ``form``; None for others."""
    return {"jsonl": jsonl_text, "json": json_text}.get(form)


class RecordWriter:
    def __init__(self, form: str, stream: Optional[TextIO] = None):
        self.form = form
        self.stream = stream if stream is not None else sys.stdout
        self._held: Optional[str] = None
        self._count = 0

    def write(self, record: dict) -> None:
        """Write a record (one not already rendered by `renderer`'s function)."""
        self.write_text(dumps(record, pretty=self.form == "json"))

    def write_text(self, text: str) -> None:
        """Write a record already rendered by `renderer(self.form)`."""
        if self.form == "jsonl":
            self.stream.write(text + "\n")
        elif self.form == "json":
            self._count += 1
            if self._count == 1:
                self._held = text  # alone, it is printed bare; with company, as an array element
                return
            if self._count == 2:
                self.stream.write("[\n" + _element(self._held))
                self._held = None
            self.stream.write(",\n" + _element(text))

    def close(self) -> None:
        if self.form != "json":
            return
        if self._count == 0:
            self.stream.write("[]\n")
        elif self._count == 1:
            self.stream.write(self._held + "\n")
        else:
            self.stream.write("\n]\n")
        self.stream.flush()


def _element(text: str) -> str:
    # JSON escapes a line feed inside a string, so every "\n" of the text ends a line of it.
    # Other characters that Python counts as line breaks (U+2028, U+0085, ...) may stand
    # raw inside a string and must not be indented after: hence no textwrap.indent.
    return "  " + text.replace("\n", "\n  ")
