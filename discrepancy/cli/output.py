"""Writing JSON records to standard output as they come, whatever their number.

``jsonl`` is one compact record per line.  ``json`` is what ``json.dumps(records,
indent=2)`` would print (a single input gives its record alone, not an array), written
element by element so that nothing but the first record is ever held back.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Optional, TextIO

from ..records import dumps


class RecordWriter:
    def __init__(self, form: str, stream: Optional[TextIO] = None):
        self.form = form
        self.stream = stream if stream is not None else sys.stdout
        self._held: Optional[dict] = None
        self._count = 0

    def write(self, record: dict) -> None:
        if self.form == "jsonl":
            print(dumps(record, pretty=False), file=self.stream)
        elif self.form == "json":
            self._count += 1
            if self._count == 1:
                self._held = record  # alone, it is printed bare; with company, as an array element
                return
            if self._count == 2:
                self.stream.write("[\n" + _element(self._held))
                self._held = None
            self.stream.write(",\n" + _element(record))

    def close(self) -> None:
        if self.form != "json":
            return
        if self._count == 0:
            print("[]", file=self.stream)
        elif self._count == 1:
            print(dumps(self._held), file=self.stream)
        else:
            self.stream.write("\n]\n")
        self.stream.flush()


def _element(record: dict) -> str:
    # JSON text never holds a raw line break inside a string, so indenting lines is exact.
    return textwrap.indent(dumps(record), "  ")
