"""The typed syntax tree of a rule file: frozen nodes, each with the offset it came from.

``offset`` is a 0-based character offset into the file the node was parsed from; top-level
declarations also carry that file's ``path``, so errors found after includes are merged
still point at the right file.  Nodes hold what was written, not what it means: names are
resolved and types checked by `checker`, and the tree is turned into callables by
`compiler`.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

import attrs

from ..temporal.values import DurationRange


# Expressions ----------------------------------------------------------------------------

@attrs.frozen
class Name:
    """A bare name: the window variable, a claim alias or a ``let`` binding."""

    name: str
    offset: int


@attrs.frozen
class Field:
    """``target.name``; ``offset`` is where the whole dotted path starts."""

    target: "Expr"
    name: str
    offset: int

    def dotted(self) -> str:
        prefix = self.target.dotted() if isinstance(self.target, Field) else getattr(self.target, "name", "?")
        return f"{prefix}.{self.name}"


@attrs.frozen
class DurationLiteral:
    """``12 hours``, ``1 day 12 hours`` or ``P7D``: an exact calendar duration."""

    value: DurationRange
    text: str
    offset: int


@attrs.frozen
class NumberLiteral:
    value: int
    offset: int


@attrs.frozen
class StringLiteral:
    value: str
    offset: int


@attrs.frozen
class Call:
    """A function call ``name(arg, ...)``; ``offset`` is the function name's."""

    name: str
    args: tuple["Expr", ...]
    offset: int


@attrs.frozen
class Binary:
    """``left + right`` or ``left - right``; ``offset`` is the operator's."""

    op: str
    left: "Expr"
    right: "Expr"
    offset: int


@attrs.frozen
class Compare:
    """A comparison such as ``a shorter than b by more than 12 hours``.

    ``op`` is one of ``shorter``, ``longer``, ``differs``, ``matches``, ``before``,
    ``after``, ``is``, ``is not``; ``tolerance`` is the ``by more than`` / ``within``
    amount.  ``offset`` is the comparison word's.
    """

    op: str
    left: "Expr"
    right: "Expr"
    tolerance: Optional["Expr"]
    offset: int


@attrs.frozen
class Not:
    operand: "Expr"
    offset: int


@attrs.frozen
class BoolOp:
    """``a and b and c`` or ``a or b``, flattened."""

    op: str
    operands: tuple["Expr", ...]
    offset: int


Expr = Union[Name, Field, DurationLiteral, NumberLiteral, StringLiteral, Call, Binary, Compare, Not, BoolOp]


@attrs.frozen
class Placeholder:
    """``{expr}`` or ``{expr:iso}`` inside a report template."""

    expr: Expr
    spec: Optional[str]
    offset: int


@attrs.frozen
class Template:
    """A report message: literal text and placeholders, in order."""

    parts: tuple[Union[str, Placeholder], ...]
    offset: int


# Rule clauses ---------------------------------------------------------------------------

@attrs.frozen
class Word:
    """An identifier-like value written in a clause (a kind, a severity, a window name)."""

    value: str
    offset: int


@attrs.frozen
class Binding:
    """``w.duration [as name]`` in a ``for`` clause: one claim of the window per combination."""

    variable: str
    field: str
    alias: Optional[str]
    offset: int

    @property
    def name(self) -> str:
        """The name the claim is known by in the rule body."""
        return self.alias or f"{self.variable}.{self.field}"


@attrs.frozen
class ForClause:
    """``for window w [in pause, strike] [with w.duration and w.bound]``."""

    variable: str
    kinds: tuple[Word, ...]
    bindings: tuple[Binding, ...]
    offset: int


@attrs.frozen
class Let:
    name: str
    expr: Expr
    offset: int


@attrs.frozen
class Expect:
    """``expect KIND [claimed D] [effective D[..D]]``, or ``expect none`` (``kind`` is None)."""

    kind: Optional[Word]
    claimed: Optional[DurationRange]
    effective: Optional[tuple[DurationRange, DurationRange]]
    offset: int


@attrs.frozen
class Example:
    """An example text with its reference date and zone, and the findings it must produce."""

    reference: date
    zone: Optional[Word]
    text: str
    expects: tuple[Expect, ...]
    offset: int


@attrs.frozen
class RuleDecl:
    """A ``rule ID:`` (or ``override rule ID:``) block."""

    id: str
    override: bool
    description: str
    kind: Optional[Word]
    severity: Optional[Word]
    target: Optional[ForClause]
    lets: tuple[Let, ...]
    condition: Optional[Expr]
    report: Optional[Template]
    claimed: Optional[Expr]
    effective: Optional[Expr]
    examples: tuple[Example, ...]
    path: str
    offset: int


@attrs.frozen
class Vocabulary:
    """One vocabulary line of a window: ``called "pause", "truce"`` or ``ended by "resumed"``."""

    role: str
    words: tuple[str, ...]
    offset: int


@attrs.frozen
class WindowDecl:
    """A ``window NAME:`` block; ``mode`` is ``define``, ``override`` or ``extend``."""

    name: str
    mode: str
    vocabulary: tuple[Vocabulary, ...]
    path: str
    offset: int


@attrs.frozen
class Include:
    path: str
    source_path: str
    offset: int


@attrs.frozen
class Disable:
    """``disable rule ID`` or ``disable window NAME``."""

    what: str
    id: str
    path: str
    offset: int


Declaration = Union[RuleDecl, WindowDecl, Include, Disable]


@attrs.frozen
class RuleFile:
    path: str
    declarations: tuple[Declaration, ...]
