"""Reading documents: forms, reference dates, offsets and the errors users see."""

from __future__ import annotations

from datetime import date

import pytest

from discrepancy.documents import (
    decode, expand_paths, parse_document, read_document, strip_timeml, timeml_creation_date, zone_named,
)
from discrepancy.errors import DocumentError


def test_seed_file_keeps_offsets_of_the_whole_file_and_hides_the_date_token():
    text = "date 2026-02-03 A title\nBody until February 1.\n"
    document = parse_document(text, "seed.txt")
    assert document.form == "seed"
    assert document.reference == date(2026, 2, 3)
    assert document.title == "A title"
    assert document.text == text
    assert len(document.scan_text) == len(text)
    assert "2026-02-03" not in document.scan_text
    assert document.scan_text.endswith("Body until February 1.\n")
    assert document.scan_text[document.scan_from:].startswith("A title")


def test_seed_date_wins_over_a_fallback_reference():
    document = parse_document("date 2024-01-29 T\nx", "a", reference=date(2000, 1, 1))
    assert document.reference == date(2024, 1, 29)


@pytest.mark.parametrize("first_line, reason", [
    ("date 2026-02-30 Title", "not a real calendar date"),
    ("date 03/02/2026 Title", "not of the form YYYY-MM-DD"),
])
def test_malformed_date_line_says_how_to_fix_it(first_line, reason):
    with pytest.raises(DocumentError) as caught:
        parse_document(first_line + "\nbody", "bad.txt")
    message = str(caught.value)
    assert message.startswith("bad.txt: ")
    assert reason in message
    assert "date YYYY-MM-DD Title" in message


def test_plain_text_needs_a_reference_date():
    with pytest.raises(DocumentError, match="--date YYYY-MM-DD"):
        parse_document("Talks resume Wednesday.", "plain.txt")
    document = parse_document("Talks resume Wednesday.", "plain.txt", reference=date(2026, 2, 3))
    assert document.form == "plain" and document.scan_text == document.text


def test_empty_plain_text_is_reported_as_empty():
    with pytest.raises(DocumentError, match="empty document"):
        parse_document("  \n", "empty.txt")


def test_invalid_utf8_names_the_byte_offset():
    with pytest.raises(DocumentError, match="byte offset 4"):
        decode(b"abcd\xff\xfe", "bad.bin")
    assert decode(b"abcd\xff", "bad.bin", errors="replace") == "abcd\ufffd"


def test_bom_is_dropped_and_crlf_kept():
    assert decode(b"\xef\xbb\xbfdate 2026-01-01 T\r\nx", "bom.txt") == "date 2026-01-01 T\r\nx"


def test_binary_data_is_refused():
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x00\x01\x02abc", "x.bin")


def test_unknown_zone_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        zone_named("Mars/Olympus")


TIMEML = """<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="1997-Q3">in the third quarter</TIMEX3> &amp; more.</TEXT>
</TimeML>"""


def test_timeml_text_is_the_tag_free_text_element_and_dct_is_the_reference():
    assert strip_timeml(TIMEML) == "Sales rose in the third quarter & more."
    assert timeml_creation_date(TIMEML) == date(1998, 1, 8)
    document = parse_document(TIMEML, "x.tml")
    assert document.form == "timeml" and document.reference == date(1998, 1, 8)


def test_missing_file_and_directory_are_document_errors(tmp_path):
    with pytest.raises(DocumentError, match="cannot be read"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="is a directory"):
        read_document(tmp_path)


def test_directories_expand_recursively_in_sorted_order_skipping_hidden(tmp_path):
    for name in ("b.txt", "a/c.txt", "a/b.txt", ".hidden/x.txt", ".y.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p[len(str(tmp_path)) + 1:] for p in expand_paths([str(tmp_path)])]
    assert found == ["a/b.txt", "a/c.txt", "b.txt"]
    assert list(expand_paths(["-", "missing.txt"])) == ["-", "missing.txt"]


def test_directory_walk_reads_documents_not_their_sidecars_or_other_files(tmp_path):
    for name in ("a.txt", "a.json", "claims.json", "notes.md", "b.tml", "batch.jsonl", "plain", "tool.py"):
        (tmp_path / name).write_text("x")
    found = sorted(p[len(str(tmp_path)) + 1:] for p in expand_paths([str(tmp_path)]))
    assert found == ["a.txt", "b.tml", "batch.jsonl", "claims.json", "plain"]
    named = list(expand_paths([str(tmp_path / "a.json"), str(tmp_path / "notes.md")]))
    assert [p[len(str(tmp_path)) + 1:] for p in named] == ["a.json", "notes.md"]
