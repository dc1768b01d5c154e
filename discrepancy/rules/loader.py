"""Loading rule files: reading, includes, merging with the built-in pack, and caching.

`load_rules` reads the built-in pack (unless told not to) and then the given files or
text, expands ``include`` lines in place (paths relative to the including file; a cycle is
an error naming the whole chain; a file reached twice by different routes is read once),
checks everything together and compiles it.

Two caches keep repeated loads cheap: parsed files by path and content hash, and compiled
rule sets by the hash of every source that went into them plus the function registry's
fingerprint.  Loading the built-in pack a second time in a process costs a few file reads
and a hash.  Nothing but rule files and their includes is ever read, apart from the
parsed files another process left in the on-disk cache (`parsecache`); the grammar, and
pyparsing with it, is imported only when a file has to be parsed.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ..errors import SourcePosition
from . import ast
from .checker import check
from .compiler import compile_rule
from .errors import RuleErrors, RuleSemanticError, RuleSyntaxError, Source
from . import parsecache
from .functions import CUSTOM, FunctionRegistry
from .ruleset import RuleSet

PathLike = Union[str, os.PathLike]

_PARSED: "OrderedDict[tuple[str, str], ast.RuleFile]" = OrderedDict()
_COMPILED: "OrderedDict[str, RuleSet]" = OrderedDict()
_CACHE_SIZE = 64


def builtin_rules_dir() -> Path:
    """The built-in pack: ``discrepancy/builtin_rules`` in a wheel, else ``rules/`` beside the package."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "builtin_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def builtin_rule_files() -> tuple[Path, ...]:
    return tuple(sorted(builtin_rules_dir().glob("*.rules")))


def clear_cache() -> None:
    _PARSED.clear()
    _COMPILED.clear()


def _remember(cache: OrderedDict, key: object, value: object) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > _CACHE_SIZE:
        cache.popitem(last=False)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse(source: Source) -> ast.RuleFile:
    key = (source.path, _digest(source.text))
    parsed = _PARSED.get(key)
    if parsed is None:
        parsed = parsecache.load(source.path, source.text)
        if parsed is None:
            from .grammar import parse_rules

            parsed = parse_rules(source.text, source.path)
            parsecache.store(source.path, source.text, parsed)
        _remember(_PARSED, key, parsed)
    return parsed


def _display(path: Path) -> str:
    """A path as errors show it: relative to the working directory when it is inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


class _Collector:
    """Reads files, follows includes and gathers declarations in load order."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.declarations: list[ast.Declaration] = []
        self.errors: list = []
        self.stack: list[Path] = []
        self.loaded: set[Path] = set()

    def add_file(self, path: Path, include: Optional[tuple[Source, ast.Include]] = None) -> None:
        resolved = path.resolve()
        if resolved in self.stack:
            chain = " -> ".join(_display(p) for p in self.stack[self.stack.index(resolved):] + [resolved])
            source, node = include  # type: ignore[misc]
            self.errors.append(source.semantic_error(f"include cycle: {chain}", node.offset))
            return
        if resolved in self.loaded:
            return  # included once already (two files sharing one vocabulary file)
        self.loaded.add(resolved)
        try:
            data = resolved.read_bytes()
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            self.errors.append(_not_utf8(_display(path), data, error))
            return
        except OSError as error:
            reason = error.strerror or str(error)
            if include is None:
                self.errors.append(RuleSemanticError(f"cannot read rule file: {reason}", SourcePosition(_display(path), 1, 1)))
            else:
                source, node = include
                self.errors.append(source.semantic_error(f"cannot read included file '{node.path}': {reason}", node.offset))
            return
        self.stack.append(resolved)
        try:
            self.add_text(text, _display(path), resolved.parent)
        finally:
            self.stack.pop()

    def add_text(self, text: str, name: str, base: Path) -> None:
        source = Source(name, text)
        self.sources[name] = source
        try:
            parsed = _parse(source)
        except RuleErrors as errors:
            self.errors.extend(errors)
            return
        for declaration in parsed.declarations:
            if isinstance(declaration, ast.Include):
                self.add_file(base / declaration.path, (source, declaration))
            else:
                self.declarations.append(declaration)


def _not_utf8(name: str, data: bytes, error: UnicodeDecodeError) -> RuleSyntaxError:
    """An error at the first undecodable byte, positioned like any other syntax error."""
    before = data[: error.start].decode("utf-8")
    line_start = before.rfind("\n") + 1
    line_end = data.find(b"\n", error.start)
    line = data[len(before[:line_start].encode("utf-8")) : line_end if line_end != -1 else len(data)]
    shown = line.decode("utf-8", "replace").rstrip("\r")
    position = SourcePosition(name, before.count("\n") + 1, len(before) - line_start + 1, shown)
    return RuleSyntaxError(f"not valid UTF-8 (byte 0x{data[error.start]:02x} at byte offset {error.start}); "
                           "rule files are UTF-8: re-save the file as UTF-8", position)


def _cache_key(collector: _Collector, functions: FunctionRegistry) -> str:
    digest = hashlib.sha256()
    for name, source in collector.sources.items():
        digest.update(f"{name}\0{_digest(source.text)}\n".encode())
    digest.update(functions.fingerprint().encode())
    return digest.hexdigest()


def rule_files(paths: Iterable[PathLike]) -> list[Path]:
    """The rule files ``paths`` name: a directory stands for its ``*.rules`` files, in name order."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.rglob("*.rules")) if path.is_dir() else [path])
    return files


def load_rules(
    paths: Union[PathLike, Iterable[PathLike]] = (),
    *,
    text: Optional[str] = None,
    name: str = "<rules>",
    builtin: bool = True,
    functions: Optional[FunctionRegistry] = None,
    base_dir: Optional[PathLike] = None,
) -> RuleSet:
    """Load, check and compile rule files into a `RuleSet`.

    ``paths`` are rule files or directories of them (one path or several); ``text`` is rule text given directly
    (named ``name`` in errors, its includes relative to ``base_dir`` or the working
    directory).  The built-in pack comes first unless ``builtin`` is false, so user files
    can ``override`` or ``disable`` its rules.  ``functions`` is the registry of callable
    functions (by default the built-ins plus everything registered with
    `rule_function`).  Raises `RuleErrors` listing every error found.
    """
    registry = functions if functions is not None else CUSTOM
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    collector = _Collector()
    if builtin:
        for path in builtin_rule_files():
            collector.add_file(path)
    for path in rule_files(paths):
        collector.add_file(path)
    if text is not None:
        collector.add_text(text, name, Path(base_dir) if base_dir is not None else Path.cwd())
    if collector.errors:
        raise RuleErrors(collector.errors)
    key = _cache_key(collector, registry)
    cached = _COMPILED.get(key)
    if cached is not None:
        _COMPILED.move_to_end(key)
        return cached
    checked = check(collector.declarations, collector.sources, registry)
    rules = tuple(
        compile_rule(rule, registry, collector.sources[rule.path]) for rule in checked.rules
    )
    ruleset = RuleSet(rules=rules, windows=checked.windows, sources=tuple(collector.sources), digest=key)
    _remember(_COMPILED, key, ruleset)
    return ruleset


def check_rules(paths: Sequence[PathLike], *, builtin: bool = True,
                functions: Optional[FunctionRegistry] = None) -> RuleSet:
    """Lint rule files without running anything (the same work as loading)."""
    return load_rules(paths, builtin=builtin, functions=functions)
