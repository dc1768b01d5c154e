"""The public verbs of `discrepancy`, over documents or plain strings.

`tag` finds the time expressions of a document.  Later verbs (`check`) are added here as
the layers below them land; the command line calls nothing but these.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional, Union

from .documents import Document, parse_document
from .temporal import find_times
from .temporal.expressions import TimeExpression

TextOrDocument = Union[str, Document]


def as_document(source: TextOrDocument, reference: Optional[Union[date, datetime]] = None, tz: Optional[str] = None) -> Document:
    """A `Document` for a string (a seed-format text or plain text with ``reference``) or as given."""
    if isinstance(source, Document):
        return source
    ref = reference.date() if isinstance(reference, datetime) else reference
    return parse_document(source, "<text>", ref, tz or "UTC")


def tag(source: TextOrDocument, reference: Optional[Union[date, datetime]] = None, tz: Optional[str] = None) -> list[TimeExpression]:
    """Every time expression in the document, in text order, with offsets into its text."""
    document = as_document(source, reference, tz)
    return find_times(document.scan_text, document.reference, document.zone)
