"""discrepancy: find where stated time windows contradict themselves or what was observed.

The public face is a few verbs; everything else lives one layer down:

* `find_times` (temporal layer): time expressions in a text, with values as ranges;
* `read_document` / `parse_document`: a text with its reference date and zone;
* `tag`: the time expressions of a document;
* `load_rules`: compile rule files (the built-in pack first);
* `check`: the findings of a document under a rule set;
* `check_many` / `tag_many`: the same over a stream of documents, lazily, in order, in
  parallel if asked, one `Outcome` (result or error) per document.

The names are imported on first use (PEP 562), not with the package: the command line
(``python -m discrepancy``) imports the package first, and ``tag`` must not pay for the
rule grammar and claims layer it never uses.  Start-up is a serial cost that worker
processes cannot share, so it bounds what ``--jobs`` can gain (docs/performance.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> the module (relative to this package) that defines it.
_HOMES = {
    "check": ".api",
    "tag": ".api",
    "Outcome": ".batch",
    "check_many": ".batch",
    "tag_many": ".batch",
    "Document": ".documents",
    "parse_document": ".documents",
    "read_document": ".documents",
    "DiscrepancyError": ".errors",
    "DocumentError": ".errors",
    "load_rules": ".rules",
    "find_times": ".temporal",
}

__all__ = sorted(_HOMES, key=str.lower)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # once found, an ordinary module attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOMES))


if TYPE_CHECKING:  # for type checkers and editors, which do not run __getattr__
    from .api import check, tag
    from .batch import Outcome, check_many, tag_many
    from .documents import Document, parse_document, read_document
    from .errors import DiscrepancyError, DocumentError
    from .rules import load_rules
    from .temporal import find_times
