"""Plain-data records of results, for JSON output: one shape, written one way.

The command line and library users who want JSON both go through these functions, so the
same inputs always give byte-identical output: keys in a fixed order, no floating point,
instants in their document's zone, durations in ISO 8601.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Optional, Sequence

from .documents import Document

if TYPE_CHECKING:
    from .pipeline import CheckResult
from .errors import DiscrepancyError, DocumentError
from .temporal.expressions import TimeExpression, TimexType
from .temporal.values import Span


def span_record(span: Optional[Span], text: str) -> Optional[dict[str, Any]]:
    if span is None:
        return None
    return {"text": span.text_of(text), "start": span.start, "end": span.end}


def expression_record(expression: TimeExpression, text: str) -> dict[str, Any]:
    """The JSON form of one time expression; ``text`` is the document text it came from."""
    instant = expression.instant if expression.type in (TimexType.DATE, TimexType.TIME) else None
    duration = expression.duration if expression.type is TimexType.DURATION else None
    record: dict[str, Any] = {
        "text": expression.text,
        "start": expression.span.start,
        "end": expression.span.end,
        "type": expression.type.value,
        "value": expression.value,
        "earliest": instant.earliest.isoformat() if instant else None,
        "latest": instant.latest.isoformat() if instant else None,
        "min": duration.min.to_iso() if duration else None,
        "max": duration.max.to_iso() if duration and duration.max is not None else None,
        "role": expression.role.value if expression.role else None,
    }
    if expression.mod:
        record["mod"] = expression.mod
    cue = expression.bound.cue_span if expression.bound else expression.cue_span
    if cue is not None:
        record["cue"] = span_record(cue, text)
    if expression.bound is not None:
        record["inclusive"] = expression.bound.inclusive
        record["ends"] = {
            "earliest": expression.bound.end.earliest.isoformat(),
            "latest": expression.bound.end.latest.isoformat(),
        }
    return record


def tag_record(document: Document, expressions: Sequence[TimeExpression]) -> dict[str, Any]:
    return {
        "path": document.path,
        "reference": document.reference.isoformat(),
        "expressions": [expression_record(e, document.text) for e in expressions],
    }


def check_record(result: "CheckResult") -> dict[str, Any]:
    """The JSON form of one document's check: its findings and the errors met on the way."""
    return {
        "path": result.document.path,
        "reference": result.document.reference.isoformat(),
        "findings": [finding.to_json() for finding in result.findings],
        "errors": [],
    }


def error_record(path: str, error: BaseException) -> dict[str, Any]:
    """What a batch reports for an input that yielded no result, so nothing is lost silently."""
    reason = error.reason if isinstance(error, DocumentError) else str(error)
    kind = type(error).__name__ if isinstance(error, DiscrepancyError) else "InternalError"
    return {"path": path, "error": {"kind": kind, "message": reason}}


def dumps(record: Any, pretty: bool = True) -> str:
    """Deterministic JSON text of a record (insertion-ordered keys, UTF-8 kept readable)."""
    if pretty:
        return json.dumps(record, ensure_ascii=False, indent=2)
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
