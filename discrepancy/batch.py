"""Many documents at once: streaming, in order, in parallel, with nothing lost.

`check_many` and `tag_many` take any iterable of inputs and yield one `Outcome` per
document, lazily and in input order: an input is read only when the results before it
are wanted (give or take the few in flight to worker processes).  Every document yields
exactly one outcome, holding either its result or the error that stopped it, and the run
goes on.  An input is:

* a `pathlib.Path` (any ``os.PathLike``): a file, a directory (read recursively, sorted),
  or a JSON Lines file (``*.jsonl``) whose every line is one document;
* a `Document`;
* a ``str``: the text itself (a seed-format text, or plain text with ``reference``),
  as `discrepancy.check` reads a string;
* a ``dict`` like a JSON Lines record: ``{"id", "date", "text"}``, optionally ``"tz"``.

With ``jobs`` above one, documents are checked by that many processes, each set up once
with the compiled rule set: where there is ``fork``, this one and ``jobs - 1`` forked
from it (on as many cores, a main process that only fed workers would take their CPU).  Workers are sent paths, lines and texts, never
compiled objects, and only a bounded number of chunks is in flight at a time, so memory
stays flat however long the input.  Results are identical to ``jobs=1``.

This module does not print anything: progress bars and output formats belong to the
command line, which is a thin shell over `run_batch`.  The command line does hand
`run_batch` a ``render`` function, though, which turns an outcome into the text it will
print; it runs where the document was checked, so that a worker sends back a string
rather than a graph of records for the main process to unpickle and serialise (with two
workers on two cores, every millisecond the main process spends is taken from them).

Only what ``tag`` needs is imported with this module; the claims layer, the rule
compiler and `multiprocessing` are imported where ``check`` or ``jobs`` first need them,
because start-up is serial and bounds what worker processes can gain.
"""

from __future__ import annotations

import collections
import gc
import json
import os
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, Optional, Sequence, Union

import attrs

from .documents import (
    STDIN_NAME, Document, decode, expand_paths, parse_date, parse_document, read_bytes, zone_named,
)
from .errors import DiscrepancyError, DocumentError
from .records import check_record, error_record, tag_record
from .temporal.expressions import TimeExpression
from .temporal.recognise import find_times

if TYPE_CHECKING:
    from .claims.structured import ClaimsDocument
    from .pipeline import Checker, CheckResult
    from .rules import RuleSet

PathLike = Union[str, "os.PathLike[str]"]
Input = Union["os.PathLike[str]", Document, str, dict]

# Documents sent to a worker at once, and chunks in flight per worker: enough to keep
# every worker busy while the main process writes results, few enough that memory stays
# flat whatever the input's length.  A news document takes 0.5 to 1 ms; a chunk of 8 is
# 4 to 8 ms of work, against some 0.05 ms of passing it and its results between processes,
# and when the input runs out one worker may sit idle for up to a chunk while the other
# finishes (with 16, the workers over 800 documents finished up to 30 ms apart).
CHUNK_SIZE = 8
CHUNKS_IN_FLIGHT_PER_JOB = 3

INPUT_FORMATS = ("auto", "text", "jsonl")


@attrs.frozen
class TagResult:
    """The time expressions of one document."""

    document: Document
    expressions: tuple[TimeExpression, ...]


@attrs.frozen
class Outcome:
    """What one input document gave: a result, or the error that stopped it.

    ``record`` is the JSON form either way (`records.tag_record`, `records.check_record`
    or `records.error_record`); ``result`` is left out when the batch was asked for
    records only.  When `run_batch` was given a ``render`` function, ``text`` is what it
    made of the outcome, and the record of a document that succeeded is left out unless
    ``keep_records`` (an error record is always kept: it is small, and says what failed).
    ``finding_count`` is how many findings a check gave, whether or not anything else is kept.
    """

    path: str
    record: Optional[dict]
    result: Union["CheckResult", TagResult, None] = None
    error: Optional[BaseException] = None
    text: Optional[str] = None
    finding_count: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def findings(self) -> tuple:
        return getattr(self.result, "findings", ()) if not isinstance(self.result, TagResult) else ()


@attrs.frozen
class _Work:
    """One document's worth of input, small enough to send to a worker.

    ``kind`` is "path" (read the file), "bytes" (already read, e.g. standard input),
    "line" (one JSON Lines line), "record" (a dict), "document", "text", or "error" (the
    input failed before it could be sent: ``payload`` is the error).
    """

    kind: str
    name: str
    payload: Any = None


@attrs.frozen
class BatchSettings:
    """How a batch reads its inputs and what it does with them; picklable."""

    command: str = "check"  # "check" or "tag"
    reference: Optional[date] = None
    tz: str = "UTC"
    encoding: str = "utf-8"
    encoding_errors: str = "strict"
    keep_results: bool = True
    rule_paths: tuple[str, ...] = ()
    builtin: bool = True
    rules_from_files: bool = True  # false: a compiled RuleSet was given, which a spawned worker cannot rebuild
    keep_records: bool = True  # false: with a ``render`` function, a success's record is dropped once rendered


# -- the inputs --------------------------------------------------------------------------


def works_from_paths(paths: Iterable[PathLike], input_format: str = "auto",
                     stdin: Optional[BinaryIO] = None) -> Iterator[_Work]:
    """Each document named by command-line style paths, lazily; ``-`` reads ``stdin``.

    A directory is read recursively; a ``*.jsonl`` file (or every input, with
    ``input_format="jsonl"``) gives one document per non-blank line.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    for path in expand_paths(str(p) for p in paths):
        jsonl = input_format == "jsonl" or (input_format == "auto" and path.lower().endswith(".jsonl"))
        if path == STDIN_NAME:
            stream = stdin if stdin is not None else _stdin_bytes()
            if jsonl:
                yield from _jsonl_works(STDIN_NAME, stream)
            else:
                yield _Work("bytes", STDIN_NAME, stream.read())
        elif jsonl:
            try:
                stream = open(path, "rb")
            except OSError as error:
                yield _Work("error", path, DocumentError(path, f"cannot be read: {error.strerror or error}"))
                continue
            with stream:
                yield from _jsonl_works(path, stream)
        else:
            yield _Work("path", path)


def _stdin_bytes() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _jsonl_works(path: str, stream: BinaryIO) -> Iterator[_Work]:
    for number, raw in enumerate(stream, start=1):
        if raw.strip():
            yield _Work("line", f"{path}:{number}", raw)


def _works(items: Iterable[Input], input_format: str = "auto") -> Iterator[_Work]:
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            yield _Work("document", item.path, item)
        elif isinstance(item, str):
            yield _Work("text", "<text>", item)
        elif isinstance(item, dict):
            yield _Work("record", str(item.get("id", f"<item {number}>")), item)
        elif isinstance(item, os.PathLike):
            yield from works_from_paths([item], input_format)
        else:
            yield _Work("error", f"<item {number}>",
                        DocumentError(f"<item {number}>", f"cannot check a {type(item).__name__}: give a path, "
                                      "a Document, a text or a dict with 'date' and 'text'"))


# -- one document ------------------------------------------------------------------------


def document_from_record(record: object, name: str, reference: Optional[date] = None, tz: str = "UTC") -> Document:
    """A JSON Lines record ``{"id", "date", "text", "tz"?}`` as a `Document`.

    The document is named by its ``id``, else by ``name`` (``FILE:LINE``).  ``date`` may be
    a date or an ISO date-time (its date is taken); without one, a seed or TimeML text's own
    date is used, else ``reference``.
    """
    if not isinstance(record, dict):
        raise DocumentError(name, f"expected a JSON object with 'date' and 'text', got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise DocumentError(name, "no 'text' string" if text is None else "'text' is not a string")
    path = str(record["id"]) if record.get("id") not in (None, "") else name
    zone = record.get("tz") or tz
    if not isinstance(zone, str):
        raise DocumentError(name, "'tz' is not a string")
    try:
        zone_named(zone)
    except DiscrepancyError as error:
        raise DocumentError(name, str(error)) from None
    stated = record.get("date")
    if stated in (None, ""):
        # A seed or TimeML text states its own date; a plain one needs ``reference``.
        try:
            return parse_document(text, path, reference, zone)
        except DocumentError as error:
            if reference is None and error.reason.startswith(("no reference date", "empty document")):
                raise DocumentError(name, "no 'date': every record needs a reference date YYYY-MM-DD "
                                          "(or give --date)") from None
            raise DocumentError(name, error.reason) from None
    else:
        if not isinstance(stated, str):
            raise DocumentError(name, "'date' is not a string YYYY-MM-DD")
        try:
            day = parse_date(stated[:10] if len(stated) > 10 and stated[10] in "T " else stated, "'date'")
        except ValueError as error:
            raise DocumentError(name, str(error)) from None
    return Document(path, text, day, zone, form="plain", source=text)


Render = Callable[[Outcome], Optional[str]]


class _Worker:
    """Reads and checks (or tags) one document at a time, and renders it; one per process."""

    def __init__(self, settings: BatchSettings, checker: Optional["Checker"] = None,
                 render: Optional[Render] = None):
        self.settings = settings
        self.render = render
        self._checker = checker

    @property
    def checker(self) -> "Checker":
        if self._checker is None:
            from .pipeline import Checker
            from .rules import load_rules

            self._checker = Checker(load_rules(list(self.settings.rule_paths), builtin=self.settings.builtin))
        return self._checker

    def process_chunk(self, chunk: list[tuple]) -> list[tuple]:
        """A chunk of `_work_tuple`s, processed in a worker process, as `_outcome_tuple`s."""
        return [_outcome_tuple(self.process(_Work(*work))) for work in chunk]

    def process(self, work: _Work) -> Outcome:
        outcome = self._outcome(work)
        # A renderer that fails is a bug of ours, as it was when the main process rendered:
        # it stops the run rather than being passed off as this document's fault.
        text = self.render(outcome) if self.render is not None else None
        keep_record = self.settings.keep_records or not outcome.ok
        return attrs.evolve(outcome, record=outcome.record if keep_record else None,
                            result=outcome.result if self.settings.keep_results else None, text=text)

    def _outcome(self, work: _Work) -> Outcome:
        """The whole outcome, result included: the renderer may want it even if the caller does not."""
        name = work.name
        try:
            document = self._read(work)
            name = document.path
            if self.settings.command == "tag":
                if not isinstance(document, Document):
                    raise DocumentError(name, "is a claims document: it has no text to tag")
                result = TagResult(document, tuple(find_times(document.scan_text, document.reference, document.zone)))
                record = tag_record(document, result.expressions)
                count = 0
            else:
                result = (self.checker.check(document) if isinstance(document, Document)
                          else self.checker.check_claims(document))
                record = check_record(result)
                count = len(result.findings)
        except Exception as error:  # noqa: BLE001 - nothing is lost: every failure becomes a record
            return Outcome(name, error_record(_error_path(work, name), error), error=error)
        return Outcome(name, record, result, finding_count=count)

    def _read(self, work: _Work) -> Union[Document, "ClaimsDocument"]:
        s = self.settings
        if work.kind in ("path", "bytes"):
            data = read_bytes(work.name) if work.kind == "path" else work.payload
            if s.command == "check":  # only a check reads structured claims documents
                from .api import read_input

                return read_input(work.name, data, s.reference, s.tz, s.encoding, s.encoding_errors, claims=True)
            return parse_document(decode(data, work.name, s.encoding, s.encoding_errors), work.name, s.reference, s.tz)
        if work.kind == "line":
            line = decode(work.payload, work.name, s.encoding, s.encoding_errors)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise DocumentError(work.name, f"not a JSON object: {error.msg} at column {error.colno}") from None
            return document_from_record(record, work.name, s.reference, s.tz)
        if work.kind == "record":
            return document_from_record(work.payload, work.name, s.reference, s.tz)
        if work.kind == "document":
            return work.payload
        if work.kind == "text":
            return parse_document(work.payload, work.name, s.reference, s.tz)
        raise work.payload


def _error_path(work: _Work, name: str) -> str:
    """Where an error record points: the JSON Lines line itself, else the document."""
    return work.name if work.kind == "line" else name


# -- worker processes --------------------------------------------------------------------

_PROCESS_WORKER: Optional[_Worker] = None


def _start_worker(settings: BatchSettings, checker: Optional["Checker"], render: Optional[Render]) -> None:
    global _PROCESS_WORKER
    _PROCESS_WORKER = _Worker(settings, checker, render)
    if settings.command == "check":
        _PROCESS_WORKER.checker  # compile now, once, rather than inside the first chunk


def _process_chunk(chunk: list[tuple]) -> list[tuple]:
    assert _PROCESS_WORKER is not None
    return _PROCESS_WORKER.process_chunk(chunk)


def _portable(outcome: Outcome) -> Outcome:
    """The outcome, with an error that cannot cross processes replaced by its message."""
    if outcome.error is None:
        return outcome
    import pickle

    try:
        pickle.loads(pickle.dumps(outcome.error))
    except Exception:  # noqa: BLE001
        return attrs.evolve(outcome, error=RuntimeError(f"{type(outcome.error).__name__}: {outcome.error}"))
    return outcome


# Between processes, work and outcomes travel as plain tuples: pickling an attrs instance
# costs a Python-level call per object, a tuple none.

def _work_tuple(work: _Work) -> tuple:
    return (work.kind, work.name, work.payload)


def _outcome_tuple(outcome: Outcome) -> tuple:
    outcome = _portable(outcome)
    return (outcome.path, outcome.record, outcome.result, outcome.error, outcome.text, outcome.finding_count)


def _chunks(works: Iterable[_Work], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for work in works:
        chunk.append(_work_tuple(work))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(works: Iterable[_Work], settings: BatchSettings, checker: Optional["Checker"] = None,
              jobs: int = 1, chunk_size: int = CHUNK_SIZE, render: Optional[Render] = None) -> Iterator[Outcome]:
    """One outcome per work item, in order; ``jobs`` worker processes when above one.

    ``render``, if given, turns each outcome into text where it was computed (`Outcome.text`).
    """
    if jobs <= 1:
        worker = _Worker(settings, checker, render)
        for work in works:
            yield worker.process(work)
        return
    from . import forkpool

    chunks = _chunks(works, chunk_size)
    if forkpool.available():
        answers = _forked(forkpool, chunks, settings, checker, render, jobs)
    else:
        answers = _spawned(chunks, settings, render, jobs)
    for answer in answers:
        for outcome in answer:
            yield Outcome(*outcome)


def _forked(forkpool, chunks: Iterator[list[tuple]], settings: BatchSettings, checker: Optional["Checker"],
            render: Optional[Render], jobs: int) -> Iterator[list[tuple]]:
    """Workers forked from this process, which inherit the compiled rule set and every module;
    this process checks documents too, between passing chunks and results along."""
    worker = _Worker(settings, checker, render)
    if settings.command == "check":
        worker.checker  # compiled here, once, before the fork
    # What the workers inherit is never freed; kept out of the collector's sight, its pages
    # are not copied into every worker the first time the collector runs there.
    gc.freeze()
    try:
        yield from forkpool.ordered_map(worker.process_chunk, chunks, jobs, CHUNKS_IN_FLIGHT_PER_JOB, work_here=True)
    finally:
        gc.unfreeze()


def _spawned(chunks: Iterator[list[tuple]], settings: BatchSettings, render: Optional[Render],
             jobs: int) -> Iterator[list[tuple]]:
    """Where there is no fork: `multiprocessing` workers, each compiling the rule files itself."""
    import multiprocessing

    if not settings.rules_from_files:
        raise ValueError("worker processes need rule files to compile: pass rule paths, not a compiled RuleSet")
    limit = max(1, jobs * CHUNKS_IN_FLIGHT_PER_JOB)
    with multiprocessing.get_context("spawn").Pool(jobs, initializer=_start_worker,
                                                   initargs=(settings, None, render)) as pool:
        pending: collections.deque = collections.deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_process_chunk, (chunk,)))
            if len(pending) >= limit:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# -- the public verbs ---------------------------------------------------------------------


def _reference(reference: Union[None, date, datetime]) -> Optional[date]:
    return reference.date() if isinstance(reference, datetime) else reference


def check_many(
    items: Iterable[Input],
    jobs: int = 1,
    rules: Union[None, "RuleSet", Sequence[PathLike]] = None,
    builtin: bool = True,
    reference: Union[None, date, datetime] = None,
    tz: str = "UTC",
    input_format: str = "auto",
    encoding: str = "utf-8",
    encoding_errors: str = "strict",
    records_only: bool = False,
) -> Iterator[Outcome]:
    """Check each input document under one rule set, yielding an `Outcome` per document.

    Rules are compiled at once (a bad rule file raises `RuleErrors` here, before any
    document is read); documents are read and checked lazily, in order, by ``jobs``
    processes.  ``rules`` is a compiled `RuleSet` or rule file paths loaded after the
    built-in pack unless ``builtin`` is false; with ``jobs`` above one on a system that
    cannot fork, give paths.  ``records_only`` leaves out the Python result objects and
    keeps the JSON records, which is cheaper across processes.
    """
    from .pipeline import Checker
    from .rules import RuleSet, load_rules

    zone_named(tz)
    compiled = isinstance(rules, RuleSet)
    paths = () if compiled else tuple(str(path) for path in rules or ())
    checker = Checker(rules if compiled else load_rules(list(paths), builtin=builtin))
    settings = BatchSettings("check", _reference(reference), tz, encoding, encoding_errors, not records_only,
                             paths, builtin, rules_from_files=not compiled)
    return run_batch(_works(items, input_format), settings, checker, jobs)


def tag_many(
    items: Iterable[Input],
    jobs: int = 1,
    reference: Union[None, date, datetime] = None,
    tz: str = "UTC",
    input_format: str = "auto",
    encoding: str = "utf-8",
    encoding_errors: str = "strict",
    records_only: bool = False,
) -> Iterator[Outcome]:
    """The time expressions of each input document, an `Outcome` per document, lazily and in order."""
    zone_named(tz)
    settings = BatchSettings("tag", _reference(reference), tz, encoding, encoding_errors, not records_only)
    return run_batch(_works(items, input_format), settings, None, jobs)
