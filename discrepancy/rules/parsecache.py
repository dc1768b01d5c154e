"""Parsed rule files kept on disk, so that a new process need not parse them again.

Parsing is most of what compiling a rule set costs (about 55 ms for the built-in pack,
and 12 ms a rule with pyparsing, which itself takes some 15 ms to import), and every
``discrepancy check`` pays it at start-up, before any worker process can share the work.
The syntax tree of a file is a few kilobytes of frozen nodes; read back, it costs half a
millisecond.  So, like ``__pycache__`` for Python modules, the tree of every file parsed
without error is written to a cache directory, under a key made of the file's name and
text and of the source code of the modules that parse it and define its nodes, so any
change to either makes a new entry.  Checking and compiling still run on every load:
only the parse is cached.

The directory is ``$DISCREPANCY_CACHE_DIR``, else ``$XDG_CACHE_HOME/discrepancy``, else
``~/.cache/discrepancy``; ``DISCREPANCY_CACHE_DIR=off`` turns the cache off.  Entries are
pickles, and a pickle can run code when read, so an entry is read only from a directory
and file owned by the user and writable by nobody else; everything else is ignored.
Any failure to read or write an entry only means parsing again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import Optional

from . import ast

FORMAT = 1
OFF = ("off", "0", "no", "false", "")

# The modules whose code decides what a parse gives: the grammar, the node types, and
# the value types the nodes hold.
_PACKAGE = Path(__file__).resolve().parent.parent
_PARSER_SOURCES = (
    _PACKAGE / "rules" / "grammar.py",
    _PACKAGE / "rules" / "keywords.py",
    _PACKAGE / "rules" / "ast.py",
    _PACKAGE / "rules" / "errors.py",
    _PACKAGE / "temporal" / "values.py",
    _PACKAGE / "errors.py",
)
_parser_digest: Optional[str] = None


def directory() -> Optional[Path]:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("DISCREPANCY_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "discrepancy"


def _parser_version() -> str:
    global _parser_digest
    if _parser_digest is None:
        digest = hashlib.sha256(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL}".encode())
        for path in _PARSER_SOURCES:
            digest.update(path.read_bytes())
        _parser_digest = digest.hexdigest()
    return _parser_digest


def _entry(root: Path, path: str, text: str) -> Path:
    digest = hashlib.sha256(f"{_parser_version()}\0{path}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return root / f"{digest.hexdigest()}.rules.pickle"


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by no one else (POSIX; elsewhere, the user's own profile)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(path: str, text: str) -> Optional[ast.RuleFile]:
    """The cached tree of ``text`` parsed as the file ``path``, if there is one to trust."""
    root = directory()
    if root is None:
        return None
    try:
        entry = _entry(root, path, text)
        if not (_trusted(root) and _trusted(entry)):
            return None
        with open(entry, "rb") as stream:
            tree = pickle.load(stream)
    except Exception:  # noqa: BLE001 - missing, unreadable, stale or corrupt: parse instead
        return None
    return tree if isinstance(tree, ast.RuleFile) and tree.path == path else None


def store(path: str, text: str, tree: ast.RuleFile) -> None:
    """Keep ``tree`` for the next process; written whole or not at all."""
    root = directory()
    if root is None:
        return
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(root):
            return
        entry = _entry(root, path, text)
        handle, scratch = tempfile.mkstemp(dir=root, suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(tree, stream, pickle.HIGHEST_PROTOCOL)
            os.replace(scratch, entry)
        except BaseException:
            os.unlink(scratch)
            raise
    except Exception:  # noqa: BLE001 - a read-only home or a full disk only costs the next parse
        return
