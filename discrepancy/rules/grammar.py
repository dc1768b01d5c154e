"""The grammar of rule files, and the parser that turns their text into the `ast` tree.

A rule file is a sequence of statements.  A statement starts at column 1; the lines
indented under it are its body, one *clause* per line at the body's indentation, with
deeper-indented lines continuing the clause above them.  Comments run from ``#`` to the
end of the line.  Grammar summary (INDENT/DEDENT come from that layout, not from tokens)::

    rule_file    ::= { statement }
    statement    ::= include | disable | window_block | rule_block
    include      ::= "include" STRING
    disable      ::= "disable" ( "rule" | "window" ) ID
    window_block ::= [ "override" | "extend" ] "window" ID ":" INDENT vocabulary { vocabulary } DEDENT
    vocabulary   ::= ( "called" | "started" "by" | "ended" "by" | "resumed" "by" | "broken" "by"
                       | "extended" "by" )
                     STRING { "," STRING }
    rule_block   ::= [ "override" ] "rule" ID ":" INDENT rule_clause { rule_clause } DEDENT
    rule_clause  ::= STRING                                          (the description)
                   | "kind" ID
                   | "severity" ( "info" | "warning" | "error" )
                   | "for" "window" NAME [ "in" ID { "," ID } ] [ "with" binding { "and" binding } ]
                   | "let" NAME "=" expr
                   | "when" expr
                   | "report" STRING { STRING }                      (a message template)
                   | "claimed" expr
                   | "effective" expr
                   | "example" "on" DATE [ "in" ZONE ] ":" STRING { STRING } expect { expect }
    binding      ::= NAME "." NAME [ "as" NAME ]
    expect       ::= "expect" ( "none" | ID [ "claimed" length ] [ "effective" length [ ".." length ] ] )

    expr         ::= and_expr { "or" and_expr }
    and_expr     ::= not_expr { "and" not_expr }
    not_expr     ::= "not" not_expr | comparison
    comparison   ::= sum [ ( "shorter" "than" | "longer" "than" | "differs" "from"
                           | "before" | "after" ) sum [ "by" "more" "than" sum ]
                         | "matches" sum [ "within" sum ]
                         | "is" [ "not" ] sum ]
    sum          ::= atom { ( "+" | "-" ) atom }
    atom         ::= length | NUMBER | STRING | NAME "(" [ expr { "," expr } ] ")"
                   | NAME { "." NAME } | "(" expr ")"
    length       ::= ISO_DURATION | NUMBER UNIT { NUMBER UNIT }

    ID           ::= letter { letter | digit } { ( "-" | "_" ) ( letter | digit ) { letter | digit } }
    NAME         ::= ( letter | "_" ) { letter | digit | "_" }          (not a keyword)
    STRING       ::= '"' { any character but '"', '\\' or newline | '\\' any } '"'
    DATE         ::= YYYY "-" MM "-" DD
    ISO_DURATION ::= "P" ... (ISO 8601: P7D, PT12H, P1Y6M)
    UNIT         ::= year[s] | month[s] | week[s] | day[s] | hour[s] | minute[s] | second[s]

Inside a report template, ``{expr}`` or ``{expr:iso}`` is a placeholder and ``{{`` / ``}}``
are literal braces.

Why the layout is done by hand and each clause parsed on its own: an error in one clause
does not hide the errors in the others (every clause of every block is parsed, and all
their errors are reported together), the positions are exact, and each pyparsing call sees
one short clause, so parsing time grows linearly with the file.  The expression grammar is
shaped so that it never re-parses an alternative (no ``infix_notation``), so it needs no
packrat cache; nesting deeper than `MAX_NESTING` and clauses longer than
`MAX_CLAUSE_TOKENS` are refused with a syntax error instead of exhausting the Python stack
or the user's patience.

This module only parses.  Names, types and ids are the `checker`'s business.
"""

from __future__ import annotations

import contextvars
import re
from datetime import date
from typing import Callable, Iterator, Optional

import attrs
import pyparsing as pp

from ..errors import ValueFormatError
from ..temporal.values import Duration, DurationRange
from . import ast
from .errors import RuleErrors, RuleSyntaxError, Source, did_you_mean
from .keywords import KEYWORDS

MAX_NESTING = 12
"""Deepest nesting of parentheses and ``not`` in one expression."""

MAX_TREE_DEPTH = 64
"""Deepest expression tree (long chains of ``+`` or ``and`` count too)."""

MAX_CLAUSE_TOKENS = 1000
"""Most tokens in one clause; a longer one is refused before parsing, so no clause can be slow."""

# Offsets in parse actions are relative to the clause being parsed; this holds the
# clause's offset in its file so nodes get file offsets without re-walking the tree.
_BASE = contextvars.ContextVar("rule_clause_offset", default=0)


class _BadValue(Exception):
    """A token that matched the grammar but is not a valid value (a 30th of February)."""

    def __init__(self, message: str, loc: int):
        super().__init__(message)
        self.message = message
        self.loc = loc


def _at(loc: int, text: str = "") -> int:
    """The file offset of the token at ``loc``; compound elements report ``loc`` before
    the whitespace their first token skips, so skip it here."""
    while loc < len(text) and text[loc] in " \t\r\n":
        loc += 1
    return _BASE.get() + loc


@attrs.frozen
class _Op:
    """An operator or comparison word with its position, used while building nodes."""

    text: str
    offset: int


def _named(element: pp.ParserElement, name: str) -> pp.ParserElement:
    return element.set_name(name)


def _kw(word: str) -> pp.ParserElement:
    return _named(pp.Keyword(word), f"'{word}'")


def _skw(word: str) -> pp.ParserElement:
    return pp.Suppress(_kw(word))


def _op(element: pp.ParserElement, text: str) -> pp.ParserElement:
    return element.copy().add_parse_action(lambda s, loc, toks: _Op(text, _at(loc, s)))


CLAUSES = ("kind", "severity", "for", "let", "when", "report", "claimed", "effective", "example")
VOCABULARY_ROLES = ("called", "started by", "ended by", "resumed by", "broken by", "extended by")
SEVERITIES = ("info", "warning", "error")

# Tokens ---------------------------------------------------------------------------------

_STRING_RE = r'"(?:[^"\\\n]|\\.)*"'
_ESCAPE = re.compile(r"\\(.)")
_ESCAPES = {"n": "\n", "t": "\t"}


def unescape(raw: str) -> str:
    """The value of a string's inner text: ``\\n`` and ``\\t`` as usual, ``\\x`` is ``x``."""
    return _ESCAPE.sub(lambda match: _ESCAPES.get(match.group(1), match.group(1)), raw)


RAW_STRING = _named(pp.Regex(_STRING_RE), "string").add_parse_action(
    lambda s, loc, toks: ast.StringLiteral(toks[0][1:-1], _at(loc, s) + 1)
)
"""A string keeping its raw inner text, offset at its first inner character (for templates)."""

STRING = _named(pp.Regex(_STRING_RE), "string").add_parse_action(
    lambda s, loc, toks: ast.StringLiteral(unescape(toks[0][1:-1]), _at(loc, s))
)
NUMBER = _named(pp.Regex(r"\d+(?![A-Za-z_])"), "number")
UNIT = _named(pp.Regex(r"(?:year|month|week|day|hour|minute|second)s?(?![A-Za-z0-9_])"), "time unit")
ISO_DURATION = _named(pp.Regex(r"P(?=\d|T\d)(?:\d+[YMWD])*(?:T(?:\d+[HMS])+)?(?![A-Za-z0-9_])"), "ISO 8601 duration")
ID = _named(pp.Regex(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*"), "identifier").add_parse_action(
    lambda s, loc, toks: ast.Word(toks[0], _at(loc, s))
)
_RESERVED = pp.MatchFirst([pp.Keyword(word) for word in sorted(KEYWORDS)])
NAME = _named(~_RESERVED + pp.Regex(r"[A-Za-z_][A-Za-z0-9_]*"), "name").add_parse_action(
    lambda s, loc, toks: ast.Word(toks[0], _at(loc, s))
)
DATE = _named(pp.Regex(r"\d{4}-\d{2}-\d{2}"), "date (YYYY-MM-DD)")
ZONE = _named(pp.Regex(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*"), "time zone").add_parse_action(
    lambda s, loc, toks: ast.Word(toks[0], _at(loc, s))
)


def _read_date(s: str, loc: int, toks: pp.ParseResults) -> date:
    try:
        return date.fromisoformat(toks[0])
    except ValueError:
        raise _BadValue(f"invalid date '{toks[0]}'", loc) from None


DATE.add_parse_action(_read_date)


def _iso_length(s: str, loc: int, toks: pp.ParseResults) -> ast.DurationLiteral:
    try:
        duration = Duration.from_iso(toks[0])
    except ValueFormatError:
        raise _BadValue(f"invalid ISO 8601 duration '{toks[0]}'", loc) from None
    return ast.DurationLiteral(DurationRange.exact(duration), toks[0], _at(loc, s))


def _natural_length(s: str, loc: int, toks: pp.ParseResults) -> ast.DurationLiteral:
    total = Duration()
    words = []
    for amount, unit in zip(toks[0::2], toks[1::2]):
        total = total + Duration.of(int(amount), unit if unit.endswith("s") else unit + "s")
        words.append(f"{amount} {unit}")
    return ast.DurationLiteral(DurationRange.exact(total), " ".join(words), _at(loc, s))


LENGTH = _named(
    ISO_DURATION.copy().add_parse_action(_iso_length)
    | pp.OneOrMore(NUMBER + UNIT).add_parse_action(_natural_length),
    "length (such as 12 hours or P7D)",
)

# Expressions ----------------------------------------------------------------------------

EXPR = pp.Forward().set_name("expression")


def _path(s: str, loc: int, toks: pp.ParseResults) -> ast.Expr:
    first = toks[0]
    node: ast.Expr = ast.Name(first.value, first.offset)
    for word in toks[1:]:
        node = ast.Field(node, word.value, first.offset)
    return node


def _call(s: str, loc: int, toks: pp.ParseResults) -> ast.Call:
    name = toks[0]
    return ast.Call(name.value, tuple(toks[1:]), name.offset)


CALL = _named(NAME + pp.Suppress("(") - pp.Optional(pp.DelimitedList(EXPR)) - pp.Suppress(pp.Literal(")").set_name("')'")), "function call")
CALL.add_parse_action(_call)
PATH = _named(NAME + pp.ZeroOrMore(pp.Suppress(".") - NAME.copy().set_name("field name")), "name").add_parse_action(_path)
GROUP = pp.Suppress("(") - EXPR - pp.Suppress(pp.Literal(")").set_name("')'"))
ATOM = _named(
    LENGTH
    | NUMBER.copy().add_parse_action(lambda s, loc, toks: ast.NumberLiteral(int(toks[0]), _at(loc, s)))
    | STRING
    | CALL
    | PATH
    | GROUP,
    "value",
)


def _fold_sum(s: str, loc: int, toks: pp.ParseResults) -> ast.Expr:
    node = toks[0]
    for op, right in zip(toks[1::2], toks[2::2]):
        node = ast.Binary(op.text, node, right, op.offset)
    return node


_PLUS = _op(pp.Literal("+"), "+")
_MINUS = _op(pp.Literal("-"), "-")
SUM = _named(ATOM + pp.ZeroOrMore((_PLUS | _MINUS) - ATOM), "value").add_parse_action(_fold_sum)

_BY_MORE_THAN = _named(_skw("by") - _skw("more") - _skw("than") - SUM, "'by more than'")
_WITHIN = _named(_skw("within") - SUM, "'within'")
_ORDERING = _named(
    _op(pp.Keyword("shorter") - _skw("than"), "shorter")
    | _op(pp.Keyword("longer") - _skw("than"), "longer")
    | _op(pp.Keyword("differs") - _skw("from"), "differs")
    | _op(pp.Keyword("before"), "before")
    | _op(pp.Keyword("after"), "after"),
    "comparison",
)
_IS = (pp.Keyword("is") + pp.Optional(pp.Keyword("not"))).add_parse_action(
    lambda s, loc, toks: _Op(" ".join(toks), _at(loc, s))
)
COMPARISON_TAIL = pp.Group(
    (_ORDERING - SUM + pp.Optional(_BY_MORE_THAN))
    | (_op(pp.Keyword("matches"), "matches") - SUM + pp.Optional(_WITHIN))
    | (_IS - SUM)
)


def _comparison(s: str, loc: int, toks: pp.ParseResults) -> ast.Expr:
    if len(toks) == 1:
        return toks[0]
    left, tail = toks[0], toks[1]
    tolerance = tail[2] if len(tail) > 2 else None
    return ast.Compare(tail[0].text, left, tail[1], tolerance, tail[0].offset)


COMPARISON = (SUM + pp.Optional(COMPARISON_TAIL)).add_parse_action(_comparison).set_name("condition")
NOT_EXPR = pp.Forward().set_name("condition")
NOT_EXPR <<= _named((_op(pp.Keyword("not"), "not") - NOT_EXPR).add_parse_action(
    lambda s, loc, toks: ast.Not(toks[1], toks[0].offset)
) | COMPARISON, "condition")


def _bool(op: str) -> Callable:
    def build(s: str, loc: int, toks: pp.ParseResults) -> ast.Expr:
        return toks[0] if len(toks) == 1 else ast.BoolOp(op, tuple(toks), _at(loc, s))
    return build


AND_EXPR = (NOT_EXPR + pp.ZeroOrMore(_skw("and") - NOT_EXPR)).add_parse_action(_bool("and"))
EXPR <<= (AND_EXPR + pp.ZeroOrMore(_skw("or") - AND_EXPR)).add_parse_action(_bool("or"))

# Statements and clauses -----------------------------------------------------------------

INCLUDE = _kw("include") - STRING
DISABLE = _kw("disable") - (_kw("rule") | _kw("window")).set_name("'rule' or 'window'") - ID
RULE_HEADER = pp.Optional(_kw("override")) + _kw("rule") - ID - pp.Suppress(pp.Literal(":").set_name("':'"))
WINDOW_HEADER = (
    pp.Optional((_kw("override") | _kw("extend")).set_name("'override' or 'extend'"))
    + _kw("window") - ID - pp.Suppress(pp.Literal(":").set_name("':'"))
)
_STRING_LIST = pp.DelimitedList(STRING).set_name("quoted words")


def _role(*words: str) -> pp.ParserElement:
    element = pp.And([pp.Keyword(word) for word in words])
    return element.add_parse_action(lambda s, loc, toks: " ".join(words))


VOCABULARY = (
    (_role("called") | _role("started", "by") | _role("ended", "by") | _role("resumed", "by") | _role("broken", "by")
     | _role("extended", "by"))
    .set_name("'called', 'started by', 'ended by', 'resumed by', 'broken by' or 'extended by'")
    - _STRING_LIST
)

DESCRIPTION = pp.OneOrMore(STRING)
KIND = _skw("kind") - ID
SEVERITY = _skw("severity") - (_kw("info") | _kw("warning") | _kw("error")).set_name("severity (info, warning or error)").add_parse_action(
    lambda s, loc, toks: ast.Word(toks[0], _at(loc, s))
)
BINDING = (NAME + pp.Suppress(".") - NAME.copy().set_name("field name") + pp.Optional(_skw("as") - NAME)).set_name("claim (such as w.duration)")
BINDING.add_parse_action(lambda s, loc, toks: ast.Binding(toks[0].value, toks[1].value, toks[2].value if len(toks) > 2 else None, toks[0].offset))
FOR = (
    _skw("for") - _skw("window") - NAME
    + pp.Group(pp.Optional(_skw("in") - pp.DelimitedList(ID.copy().set_name("window name"))))
    + pp.Group(pp.Optional(_skw("with") - BINDING + pp.ZeroOrMore(_skw("and") - BINDING)))
)
LET = _skw("let") - NAME - pp.Suppress(pp.Literal("=").set_name("'='")) - EXPR
WHEN = _skw("when") - EXPR
REPORT = _skw("report") - pp.OneOrMore(RAW_STRING)
CLAIMED = _skw("claimed") - EXPR
EFFECTIVE = _skw("effective") - EXPR
EXPECT = _skw("expect") - (
    _op(pp.Keyword("none"), "none")
    | (ID + pp.Group(pp.Optional(_skw("claimed") - LENGTH))
       + pp.Group(pp.Optional(_skw("effective") - LENGTH + pp.Optional(pp.Suppress("..") - LENGTH))))
)
EXAMPLE = (
    _skw("example") - _skw("on") - DATE
    + pp.Group(pp.Optional(_skw("in") - ZONE))
    - pp.Suppress(pp.Literal(":").set_name("':'"))
    - pp.Group(pp.OneOrMore(STRING)).set_name("example text")
    - pp.Group(pp.OneOrMore(pp.Group(EXPECT))).set_name("'expect'")
)

_COMMENT = pp.python_style_comment
for _element in (INCLUDE, DISABLE, RULE_HEADER, WINDOW_HEADER, VOCABULARY, DESCRIPTION, KIND, SEVERITY,
                 FOR, LET, WHEN, REPORT, CLAIMED, EFFECTIVE, EXAMPLE, EXPR):
    _element.ignore(_COMMENT)

# Layout ---------------------------------------------------------------------------------


@attrs.frozen
class _Line:
    start: int  # first non-blank character
    end: int  # end of the line, before its newline
    indent: int


@attrs.frozen
class _Chunk:
    """A clause or statement header: a first line and the deeper lines that continue it."""

    start: int
    end: int


@attrs.frozen
class _Statement:
    header: _Chunk
    body: tuple[_Chunk, ...]


def _lines(text: str, source: Source, errors: list) -> Iterator[_Line]:
    offset = 0
    for raw in text.split("\n"):
        line_end = offset + len(raw)
        stripped = raw.lstrip(" \t")
        if stripped.strip() and not stripped.startswith("#"):
            indentation = raw[: len(raw) - len(stripped)]
            if "\t" in indentation:
                errors.append(source.syntax_error("indent with spaces, not tabs", offset + indentation.index("\t")))
            end = offset + len(raw.rstrip(" \t\r"))
            yield _Line(offset + len(indentation), end, len(indentation))
        offset = line_end + 1


def _statements(source: Source, errors: list) -> list[_Statement]:
    """Group lines into statements and each statement's body into clauses."""
    statements: list[tuple[_Line, list[_Line]]] = []
    for line in _lines(source.text, source, errors):
        if line.indent == 0:
            statements.append((line, []))
        elif not statements:
            errors.append(source.syntax_error("unexpected indentation before the first statement", line.start))
        else:
            statements[-1][1].append(line)
    result = []
    for header, body in statements:
        chunks: list[list[int]] = []
        clause_indent = body[0].indent if body else 0
        for line in body:
            if line.indent == clause_indent or not chunks:
                chunks.append([line.start, line.end])
            elif line.indent > clause_indent:
                chunks[-1][1] = line.end
            else:
                errors.append(source.syntax_error(
                    f"inconsistent indentation: expected {clause_indent} spaces like the clauses above", line.start))
                chunks.append([line.start, line.end])
        result.append(_Statement(_Chunk(header.start, header.end), tuple(_Chunk(a, b) for a, b in chunks)))
    return result


# Parsing --------------------------------------------------------------------------------

_FIRST_WORD = re.compile(r'"|[A-Za-z_]\w*')
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[A-Za-z_0-9]+|\S')


def _found(text: str, loc: int, end: int) -> str:
    if loc >= end or not text[loc:end].strip():
        return "end of clause"
    match = _TOKEN.match(text, loc)
    token = match.group(0) if match else text[loc]
    return f"'{token}'"


def _nesting_error(clause: str) -> Optional[tuple[str, int]]:
    """Refuse nesting too deep to parse on the Python stack, before pyparsing meets it."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\\n]|\\.)*"|\(|\)|\bnot\b', clause):
        token = match.group(0)
        if token == ")":
            depth = max(0, depth - 1)
        elif token == "(":
            depth += 1
            if depth > MAX_NESTING:
                return f"expression nested too deeply (more than {MAX_NESTING} levels)", match.start()
        elif token == "not":
            # A run of 'not's nests like parentheses; count it for this level only.
            run = len(re.match(r"(?:not\s+)*", clause[match.start():]).group(0).split())
            if depth + run > MAX_NESTING:
                return f"expression nested too deeply (more than {MAX_NESTING} levels)", match.start()
    return None


def _tree_depth(node: object) -> int:
    """Depth of an expression tree, measured without recursion."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        for child in _children(current):
            stack.append((child, depth + 1))
    return deepest


def _children(node: object) -> tuple:
    if isinstance(node, (ast.Binary, ast.Compare)):
        return tuple(child for child in (node.left, node.right, getattr(node, "tolerance", None)) if child is not None)
    if isinstance(node, ast.Field):
        return (node.target,)
    if isinstance(node, ast.Not):
        return (node.operand,)
    if isinstance(node, ast.BoolOp):
        return node.operands
    if isinstance(node, ast.Call):
        return node.args
    return ()


class _Parser:
    """Parses one file, collecting every error instead of stopping at the first."""

    def __init__(self, source: Source):
        self.source = source
        self.text = source.text
        self.errors: list[RuleSyntaxError] = []

    def parse_chunk(self, element: pp.ParserElement, chunk: _Chunk) -> Optional[pp.ParseResults]:
        clause = self.text[chunk.start : chunk.end]
        if len(_TOKEN.findall(clause)) > MAX_CLAUSE_TOKENS:
            self.errors.append(self.source.syntax_error(
                f"clause too long (more than {MAX_CLAUSE_TOKENS} tokens); split it with 'let'", chunk.start))
            return None
        too_deep = _nesting_error(clause)
        if too_deep:
            self.errors.append(self.source.syntax_error(too_deep[0], chunk.start + too_deep[1]))
            return None
        token = _BASE.set(chunk.start)
        try:
            return element.parse_string(clause, parse_all=True)
        except pp.ParseBaseException as error:
            message, loc = self._message(error, clause)
            self.errors.append(self.source.syntax_error(message, chunk.start + loc))
        except _BadValue as error:
            self.errors.append(self.source.syntax_error(error.message, chunk.start + error.loc))
        except RecursionError:
            self.errors.append(self.source.syntax_error("expression nested too deeply", chunk.start))
        finally:
            _BASE.reset(token)
        return None

    def _message(self, error: pp.ParseBaseException, clause: str) -> tuple[str, int]:
        """A message for people, and the clause offset it belongs at."""
        loc = error.loc
        expected = (error.msg or "").removeprefix("Expected ").strip()
        if "keyword was immediately followed" in expected:
            # pyparsing stops after the keyword's prefix ("rulez"); point at the whole word.
            expected = expected.split(",")[0]
            while loc > 0 and (clause[loc - 1].isalnum() or clause[loc - 1] == "_"):
                loc -= 1
        if clause.startswith('"', loc) and not re.match(_STRING_RE, clause[loc:]):
            return "unterminated string; close it with '\"' on the same line", loc
        found = _found(clause, loc, len(clause))
        if not expected or expected == "end of text":
            line_start = clause.rfind("\n", 0, loc) + 1
            if line_start > 0 and not clause[line_start:loc].strip():
                return f"unexpected {found} (this line is indented deeper than the clause above, so it continues it)", loc
            return f"unexpected {found}", loc
        return f"expected {expected}, found {found}", loc

    def expression_depth_ok(self, expr: object, offset: int) -> bool:
        if expr is not None and _tree_depth(expr) > MAX_TREE_DEPTH:
            self.errors.append(self.source.syntax_error(
                f"expression nested too deeply (more than {MAX_TREE_DEPTH} levels)", offset))
            return False
        return True

    # Statements

    def parse(self) -> ast.RuleFile:
        layout_errors: list = []
        statements = _statements(self.source, layout_errors)
        self.errors.extend(layout_errors)
        declarations = []
        for statement in statements:
            declaration = self.statement(statement)
            if declaration is not None:
                declarations.append(declaration)
        if self.errors:
            raise RuleErrors(self.errors)
        return ast.RuleFile(self.source.path, tuple(declarations))

    def statement(self, statement: _Statement) -> Optional[ast.Declaration]:
        header = statement.header
        words = self.text[header.start : header.end].split(None, 2)
        first = words[0] if words else ""
        second = words[1] if len(words) > 1 else ""
        if first == "include" or first == "disable":
            if statement.body:
                self.errors.append(self.source.syntax_error(f"'{first}' takes no indented body", statement.body[0].start))
            return self.include(header) if first == "include" else self.disable(header)
        if first == "rule" or (first == "override" and second.startswith("rule")):
            return self.rule(statement)
        if first == "window" or (first in ("override", "extend") and second.startswith("window")):
            return self.window(statement)
        head = _FIRST_WORD.match(self.text, header.start)
        word = head.group(0) if head else self.text[header.start]
        hint = did_you_mean(word, ("rule", "window", "include", "disable", "override", "extend"))
        self.errors.append(self.source.syntax_error(
            f"expected 'rule', 'window', 'include' or 'disable' at the start of a statement, found '{word}'{hint}",
            header.start))
        return None

    def include(self, header: _Chunk) -> Optional[ast.Include]:
        result = self.parse_chunk(INCLUDE, header)
        if result is None:
            return None
        return ast.Include(result[1].value, self.source.path, header.start)

    def disable(self, header: _Chunk) -> Optional[ast.Disable]:
        result = self.parse_chunk(DISABLE, header)
        if result is None:
            return None
        return ast.Disable(result[1], result[2].value, self.source.path, header.start)

    def window(self, statement: _Statement) -> Optional[ast.WindowDecl]:
        header = self.parse_chunk(WINDOW_HEADER, statement.header)
        vocabulary = []
        failed = header is None
        for chunk in statement.body:
            result = self.parse_chunk(VOCABULARY, chunk)
            if result is None:
                failed = True
                continue
            words = tuple(item.value for item in result[1:])
            vocabulary.append(ast.Vocabulary(result[0], words, chunk.start))
        if failed:
            return None
        mode = header[0] if header[0] in ("override", "extend") else "define"
        name = header[-1]
        if not statement.body:
            self.errors.append(self.source.syntax_error(f"window '{name.value}' has no vocabulary; indent lines such as 'called \"pause\"' under it", statement.header.end))
            return None
        return ast.WindowDecl(name.value, mode, tuple(vocabulary), self.source.path, statement.header.start)

    def rule(self, statement: _Statement) -> Optional[ast.RuleDecl]:
        header = self.parse_chunk(RULE_HEADER, statement.header)
        clauses: dict[str, object] = {}
        positions: dict[str, int] = {}
        lets: list[ast.Let] = []
        examples: list[ast.Example] = []
        failed = header is None
        for chunk in statement.body:
            kind, value = self.rule_clause(chunk)
            if kind is None:
                failed = True
            elif kind == "let":
                lets.append(value)  # type: ignore[arg-type]
            elif kind == "example":
                examples.append(value)  # type: ignore[arg-type]
            elif kind in clauses:
                self.errors.append(self.source.syntax_error(
                    f"second '{kind}' clause; a rule has one (the first is on line {self.source.position(positions[kind]).line})",
                    chunk.start))
            else:
                clauses[kind] = value
                positions[kind] = chunk.start
        if failed:
            return None
        rule_id = header[-1].value
        missing = [name for name in ("description", "kind", "severity", "for", "when", "report") if name not in clauses]
        if missing:
            names = ", ".join("a description string" if name == "description" else f"'{name}'" for name in missing)
            self.errors.append(self.source.syntax_error(f"rule '{rule_id}' is missing {names}", statement.header.start))
            return None
        return ast.RuleDecl(
            id=rule_id, override=header[0] == "override", description=clauses["description"],  # type: ignore[arg-type]
            kind=clauses["kind"], severity=clauses["severity"], target=clauses["for"],  # type: ignore[arg-type]
            lets=tuple(lets), condition=clauses["when"], report=clauses["report"],  # type: ignore[arg-type]
            claimed=clauses.get("claimed"), effective=clauses.get("effective"),  # type: ignore[arg-type]
            examples=tuple(examples), path=self.source.path, offset=statement.header.start,
        )

    def rule_clause(self, chunk: _Chunk) -> tuple[Optional[str], object]:
        head = _FIRST_WORD.match(self.text, chunk.start)
        word = head.group(0) if head else ""
        if word == '"':
            result = self.parse_chunk(DESCRIPTION, chunk)
            return ("description", " ".join(item.value for item in result)) if result is not None else (None, None)
        handler = {
            "kind": self._kind, "severity": self._severity, "for": self._for, "let": self._let,
            "when": self._when, "report": self._report, "claimed": self._claimed, "effective": self._effective,
            "example": self._example,
        }.get(word)
        if handler is None:
            shown = word or self.text[chunk.start]
            hint = did_you_mean(shown, CLAUSES)
            self.errors.append(self.source.syntax_error(
                f"unknown clause '{shown}'{hint} (a rule has a description string and kind, severity, for, let, when, report, claimed, effective and example clauses)",
                chunk.start))
            return None, None
        value = handler(chunk)
        return (word if word != "for" else "for", value) if value is not None else (None, None)

    def _kind(self, chunk: _Chunk) -> Optional[ast.Word]:
        result = self.parse_chunk(KIND, chunk)
        return result[0] if result is not None else None

    def _severity(self, chunk: _Chunk) -> Optional[ast.Word]:
        result = self.parse_chunk(SEVERITY, chunk)
        return result[0] if result is not None else None

    def _for(self, chunk: _Chunk) -> Optional[ast.ForClause]:
        result = self.parse_chunk(FOR, chunk)
        if result is None:
            return None
        return ast.ForClause(result[0].value, tuple(result[1]), tuple(result[2]), chunk.start)

    def _let(self, chunk: _Chunk) -> Optional[ast.Let]:
        result = self.parse_chunk(LET, chunk)
        if result is None or not self.expression_depth_ok(result[1], chunk.start):
            return None
        return ast.Let(result[0].value, result[1], chunk.start)

    def _expression(self, element: pp.ParserElement, chunk: _Chunk) -> Optional[ast.Expr]:
        result = self.parse_chunk(element, chunk)
        if result is None or not self.expression_depth_ok(result[0], chunk.start):
            return None
        return result[0]

    def _when(self, chunk: _Chunk) -> Optional[ast.Expr]:
        return self._expression(WHEN, chunk)

    def _claimed(self, chunk: _Chunk) -> Optional[ast.Expr]:
        return self._expression(CLAIMED, chunk)

    def _effective(self, chunk: _Chunk) -> Optional[ast.Expr]:
        return self._expression(EFFECTIVE, chunk)

    def _report(self, chunk: _Chunk) -> Optional[ast.Template]:
        result = self.parse_chunk(REPORT, chunk)
        if result is None:
            return None
        parts: list = []
        for raw in result:
            parts.extend(self.template_parts(raw.value, raw.offset))
        if any(part is None for part in parts):
            return None
        merged: list = []
        for part in parts:
            if isinstance(part, str) and merged and isinstance(merged[-1], str):
                merged[-1] += part
            else:
                merged.append(part)
        return ast.Template(tuple(merged), chunk.start)

    def template_parts(self, raw: str, offset: int) -> list:
        """Split a template's raw text into literal text and parsed placeholders."""
        parts: list = []
        literal = ""
        index = 0
        while index < len(raw):
            char = raw[index]
            if char == "\\" and index + 1 < len(raw):
                literal += unescape(raw[index : index + 2])
                index += 2
            elif raw.startswith("{{", index) or raw.startswith("}}", index):
                literal += char
                index += 2
            elif char == "}":
                self.errors.append(self.source.syntax_error("single '}' in report message; write '}}' for a brace", offset + index))
                return [None]
            elif char == "{":
                close = raw.find("}", index)
                if close == -1:
                    self.errors.append(self.source.syntax_error("unclosed '{' in report message; write '{{' for a brace", offset + index))
                    return [None]
                if literal:
                    parts.append(literal)
                    literal = ""
                parts.append(self.placeholder(raw[index + 1 : close], offset + index + 1))
                index = close + 1
            else:
                literal += char
                index += 1
        if literal:
            parts.append(literal)
        return parts

    def placeholder(self, inner: str, offset: int) -> Optional[ast.Placeholder]:
        spec = None
        expression = inner
        if ":" in inner:
            expression, spec = inner.rsplit(":", 1)
            spec = spec.strip()
        if not expression.strip():
            self.errors.append(self.source.syntax_error("empty '{}' in report message", offset))
            return None
        expr = self._expression(EXPR, _Chunk(offset, offset + len(expression)))
        return ast.Placeholder(expr, spec, offset) if expr is not None else None

    def _example(self, chunk: _Chunk) -> Optional[ast.Example]:
        result = self.parse_chunk(EXAMPLE, chunk)
        if result is None:
            return None
        reference, zone_group, texts, expects = result
        zone = zone_group[0] if len(zone_group) else None
        text = " ".join(item.value for item in texts)
        return ast.Example(reference, zone, text, tuple(self.expect(group) for group in expects), chunk.start)

    def expect(self, group: pp.ParseResults) -> ast.Expect:
        first = group[0]
        if isinstance(first, _Op):
            return ast.Expect(None, None, None, first.offset)
        claimed = group[1][0].value if len(group[1]) else None
        effective = None
        if len(group[2]):
            low = group[2][0].value
            high = group[2][1].value if len(group[2]) > 1 else low
            effective = (low, high)
        return ast.Expect(first, claimed, effective, first.offset)


def parse_rules(text: str, path: str = "<rules>") -> ast.RuleFile:
    """Parse a rule file's text into its syntax tree; raises `RuleErrors` listing every syntax error."""
    return _Parser(Source(path, text)).parse()


def parse_expression(text: str, path: str = "<expression>") -> ast.Expr:
    """Parse one expression (used by tests and tools); raises `RuleErrors` on a syntax error."""
    parser = _Parser(Source(path, text))
    start = len(text) - len(text.lstrip())
    expr = parser._expression(EXPR, _Chunk(start, len(text.rstrip()))) if text.strip() else None
    if expr is None:
        if not parser.errors:
            parser.errors.append(parser.source.syntax_error("empty expression", 0))
        raise RuleErrors(parser.errors)
    return expr
