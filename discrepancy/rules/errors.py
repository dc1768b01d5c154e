"""Errors in rule files, each pointing at a file, line and column.

Syntax errors (the text does not parse) and semantic errors (it parses but means nothing:
an unknown field, an instant added to an instant, a duplicate id) are separate classes so
that tools can tell "fix the spelling" from "fix the logic".  A load collects every error
it can find before raising, so one run of ``rules check`` lists them all; `RuleErrors` is
that collection.
"""

from __future__ import annotations

import bisect
import difflib
from typing import Iterable, Iterator, Sequence

from ..errors import DiscrepancyError, PositionedError, SourcePosition


class RuleError(PositionedError):
    """Any error located in a rule file."""


class RuleSyntaxError(RuleError):
    """The rule text does not follow the grammar."""


class RuleSemanticError(RuleError):
    """The rule text parses but cannot mean what it says (names, types, ids, includes)."""


class RuleErrors(DiscrepancyError):
    """Every error found while loading rule files, in file and line order.

    ``str()`` lists each error's ``file:line:col: message``; `render` adds the source
    lines with carets.
    """

    def __init__(self, errors: Sequence[RuleError]):
        if not errors:
            raise ValueError("RuleErrors needs at least one error")
        self.errors: tuple[RuleError, ...] = tuple(sorted(errors, key=_error_order))
        super().__init__("\n".join(error.headline() for error in self.errors))

    def __iter__(self) -> Iterator[RuleError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def render(self) -> str:
        return "\n".join(error.render() for error in self.errors)


def _error_order(error: RuleError) -> tuple:
    p = error.position
    return (p.path, p.line, p.column, error.message)


class Source:
    """One rule file's text with a line index, so positions cost a bisection, not a scan."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self._line_starts = [0]
        self._line_starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")

    def position(self, offset: int) -> SourcePosition:
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line_index]
        end = self.text.find("\n", start)
        line_text = self.text[start : end if end != -1 else len(self.text)].rstrip("\r")
        return SourcePosition(self.path, line_index + 1, offset - start + 1, line_text)

    def syntax_error(self, message: str, offset: int) -> RuleSyntaxError:
        return RuleSyntaxError(message, self.position(offset))

    def semantic_error(self, message: str, offset: int) -> RuleSemanticError:
        return RuleSemanticError(message, self.position(offset))


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest candidate, or ``""`` when none is close."""
    matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""
