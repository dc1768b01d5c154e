"""Tag or check a corpus on a Dask cluster, when one machine is not enough.

    pip install 'discrepancy[dask]'

    import dask.bag as db
    from distributed import Client
    from discrepancy import dask as dd_discrepancy

    client = Client("tcp://scheduler:8786")            # or Client() for this machine
    documents = db.read_text("archive-*.jsonl").map(json.loads)
    records = dd_discrepancy.check(documents, rules=["house.rules"])
    records.map(json.dumps).to_textfiles("findings/*.jsonl")

`check` and `tag` take a Dask bag whose elements are what `discrepancy.check_many` takes
(dicts ``{"id", "date", "text", "tz"?}``, texts, `Document` objects, or `pathlib.Path`
objects naming files every worker can read), or a Dask dataframe with columns ``text``
and ``date`` (and optionally ``id`` and ``tz``; a row without an id is named by its
index), and return a bag of JSON records, one per
document in the collection's order, the same records `check_many` gives in one process:
an error record for a document that cannot be checked, never a failed task.  (A dict
without an ``id`` is named ``<item N>`` by its place in its partition: give ids.)

Rule files are read and compiled here first (so a bad file fails at once, with its
position), then sent to the workers as text: they need not exist on the cluster.  Each
worker process compiles them once and keeps the result.  Rule files with ``include``
lines are not supported here: give every file in the list instead.

This module does no scheduling of its own; partitions are Dask's.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional, Sequence, Union

import dask.bag
import dask.dataframe

from .batch import BatchSettings, _works, run_batch
from .documents import zone_named
from .pipeline import Checker
from .rules import load_rules

PathLike = Union[str, "Path"]
Collection = Union[dask.bag.Bag, dask.dataframe.DataFrame]

# Compiled rule sets in this worker process, by their text: compiled once per worker.
_CHECKERS: dict[tuple[str, bool], Checker] = {}


def check(collection: Collection, rules: Sequence[PathLike] = (), *, builtin: bool = True,
          reference: Union[None, date, datetime] = None, tz: str = "UTC") -> dask.bag.Bag:
    """A bag of check records (`records.check_record` or `records.error_record`), in order."""
    paths = [Path(path) for path in rules]
    load_rules(paths, builtin=builtin)  # fail here, with positions, rather than on every worker
    rules_text = "\n".join(path.read_text(encoding="utf-8") for path in paths)
    settings = _settings("check", reference, tz, builtin)
    return _as_bag(collection).map_partitions(_check_partition, settings, rules_text)


def tag(collection: Collection, *, reference: Union[None, date, datetime] = None, tz: str = "UTC") -> dask.bag.Bag:
    """A bag of tag records (`records.tag_record` or `records.error_record`), in order."""
    return _as_bag(collection).map_partitions(_tag_partition, _settings("tag", reference, tz, True))


def _settings(command: str, reference, tz: str, builtin: bool) -> BatchSettings:
    zone_named(tz)
    day = reference.date() if isinstance(reference, datetime) else reference
    return BatchSettings(command, day, tz, keep_results=False, builtin=builtin)


def _as_bag(collection: Collection) -> dask.bag.Bag:
    if isinstance(collection, dask.dataframe.DataFrame):
        missing = {"text", "date"} - set(collection.columns)
        if missing:
            raise ValueError(f"the dataframe needs columns 'text' and 'date' (missing: {', '.join(sorted(missing))})")
        return collection.to_bag(index=True, format="dict").map(_plain_record)
    if isinstance(collection, dask.bag.Bag):
        return collection
    raise TypeError(f"expected a Dask bag or dataframe, not {type(collection).__name__}")


def _plain_record(row: dict) -> dict:
    """A dataframe row as a JSON Lines record: missing values dropped, dates as ISO text.

    A row with no ``id`` is named by its index, so that records can be joined back.
    """
    row = dict(row)
    index = row.pop("index", None)
    if row.get("id") is None:
        row["id"] = str(index)
    record: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or (isinstance(value, float) and math.isnan(value)) or _is_missing(value):
            continue
        if isinstance(value, datetime):
            value = value.date().isoformat()
        elif isinstance(value, date):
            value = value.isoformat()
        record[key] = value
    return record


def _is_missing(value: object) -> bool:
    # pandas' NaT and NA are neither None nor a float NaN.
    return type(value).__name__ in ("NaTType", "NAType")


def _check_partition(items, settings: BatchSettings, rules_text: str) -> list[dict]:
    key = (rules_text, settings.builtin)
    checker = _CHECKERS.get(key)
    if checker is None:
        ruleset = load_rules(text=rules_text, name="<rules>", builtin=settings.builtin) if rules_text else \
            load_rules(builtin=settings.builtin)
        checker = _CHECKERS[key] = Checker(ruleset)
    return [outcome.record for outcome in run_batch(_works(items), settings, checker)]


def _tag_partition(items, settings: BatchSettings) -> list[dict]:
    return [outcome.record for outcome in run_batch(_works(items), settings)]


def records_of(collection: Collection, command: str = "check", rules: Sequence[PathLike] = (),
               builtin: bool = True, reference: Optional[date] = None, tz: str = "UTC") -> list[dict]:
    """Convenience: compute `check` or `tag` on the current scheduler and return the records as a list."""
    bag = check(collection, rules, builtin=builtin, reference=reference, tz=tz) if command == "check" \
        else tag(collection, reference=reference, tz=tz)
    return bag.compute()
