"""The one family of errors that `discrepancy` raises on purpose.

Every error a user can cause (a bad document, a bad rule file, a bad value string)
derives from `DiscrepancyError`, so callers can catch the library's own failures
without swallowing programming errors.  Errors that point into a file carry the
position and know how to draw the offending line with a caret under it, in the
``file:line:col: message`` form that editors understand.
"""

from __future__ import annotations

import attrs


class DiscrepancyError(Exception):
    """Base class of every error raised deliberately by this library."""


class ValueFormatError(DiscrepancyError, ValueError):
    """A string is not a valid ISO 8601 / TIMEX3 value of the kind asked for."""


@attrs.frozen
class SourcePosition:
    """A 1-based line and column in a named source, with the text of that line."""

    path: str
    line: int
    column: int
    source_line: str = ""

    @classmethod
    def from_offset(cls, path: str, text: str, offset: int) -> "SourcePosition":
        """Locate a 0-based character offset in ``text``; offsets past the end clamp to it."""
        offset = max(0, min(offset, len(text)))
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        if line_end == -1:
            line_end = len(text)
        line = text.count("\n", 0, offset) + 1
        return cls(path, line, offset - line_start + 1, text[line_start:line_end].rstrip("\r"))

    def caret(self) -> str:
        """The source line followed by a caret under the column."""
        if not self.source_line:
            return ""
        # Tabs keep their width so the caret lines up in a terminal.
        pad = "".join("\t" if ch == "\t" else " " for ch in self.source_line[: self.column - 1])
        return f"{self.source_line}\n{pad}^"


class PositionedError(DiscrepancyError):
    """An error at a position in a source file; ``str()`` gives ``file:line:col: message``."""

    def __init__(self, message: str, position: SourcePosition):
        self.message = message
        self.position = position
        super().__init__(self.headline())

    def __reduce__(self):
        # Rebuilt from its own fields, so that it can cross to and from worker processes.
        return (type(self), (self.message, self.position), self.__dict__)

    def headline(self) -> str:
        p = self.position
        return f"{p.path}:{p.line}:{p.column}: {self.message}"

    def render(self) -> str:
        """The headline, then the source line with a caret, for people."""
        caret = self.position.caret()
        return f"{self.headline()}\n{caret}" if caret else self.headline()


class DocumentError(DiscrepancyError):
    """A document cannot be read or has no usable reference date."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):
        return (type(self), (self.path, self.reason), self.__dict__)
