"""Writing TimeML: a document's text with a TIMEX3 tag around each time expression.

The output is what the TempEval-3 tools read: a ``<DCT>`` with the reference date and a
``<TEXT>`` whose tag-free content is exactly the document text, so offsets line up with
the gold files.  Only TIMEX3 tags are written; any other annotation of the input is dropped.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from .documents import Document
from .temporal.expressions import TimeExpression


def tag_text(text: str, expressions: Sequence[TimeExpression], first_tid: int = 1) -> str:
    """``text`` with TIMEX3 tags inserted; overlapping expressions after the first are skipped."""
    from xml.sax.saxutils import escape, quoteattr  # imported here: it loads urllib, which only TimeML output needs
    pieces: list[str] = []
    cursor = 0
    tid = first_tid
    for expression in sorted(expressions, key=lambda e: (e.span.start, -e.span.end)):
        if expression.span.start < cursor:
            continue
        pieces.append(escape(text[cursor : expression.span.start]))
        attributes = f"tid={quoteattr(f't{tid}')} type={quoteattr(expression.type.value)} value={quoteattr(expression.value)}"
        if expression.mod:
            attributes += f" mod={quoteattr(expression.mod)}"
        pieces.append(f"<TIMEX3 {attributes}>{escape(expression.text)}</TIMEX3>")
        cursor = expression.span.end
        tid += 1
    pieces.append(escape(text[cursor:]))
    return "".join(pieces)


def render_timeml(document: Document, expressions: Sequence[TimeExpression]) -> str:
    """A complete TimeML file for ``document`` with ``expressions`` tagged in its text.

    A TimeML input keeps its own ``<DOCID>`` and ``<DCT>`` elements verbatim; other inputs
    get a DCT stating their reference date.
    """
    from xml.sax.saxutils import escape  # imported here: it loads urllib, which only TimeML output needs
    reference = document.reference.isoformat()
    doc_id = f"<DOCID>{escape(document.path.replace(chr(92), '/').rsplit('/', 1)[-1])}</DOCID>"
    dct = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{reference}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{reference}</TIMEX3></DCT>'
    )
    if document.form == "timeml" and document.source:
        doc_id = _element(document.source, "DOCID") or doc_id
        dct = _element(document.source, "DCT") or dct
    return (
        '<?xml version="1.0" ?>\n'
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
        f"{doc_id}\n\n{dct}\n\n"
        f"<TEXT>{tag_text(document.text, expressions)}</TEXT>\n\n"
        "</TimeML>\n"
    )


def _element(source: str, name: str) -> Optional[str]:
    match = re.search(rf"<{name}\b[^>]*>.*?</{name}\s*>", source, re.S | re.I)
    return match.group(0) if match else None
