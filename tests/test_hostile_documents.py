"""Broken and hostile documents, through the command line and the API.

Every input gets a correct result or a clear error naming the file and the reason: an
error record in the output, a message on standard error, exit status 3, and the other
inputs processed all the same.  A traceback reaching the user is a bug.
"""

from __future__ import annotations

import json
import time
from datetime import date

import pytest

import discrepancy
from discrepancy.cli import main
from discrepancy.documents import read_document
from discrepancy.errors import DocumentError

GOOD = "date 2026-02-03 Truce\nThe weeklong truce began Thursday and held only until February 1.\n"


def run(capsys, *args):
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def check_jsonl(capsys, *args):
    status, out, err = run(capsys, "check", *args, "--format", "jsonl")
    assert "Traceback" not in out + err
    return status, [json.loads(line) for line in out.splitlines()], err


# Each bad input: its bytes and a phrase the error must contain.
BROKEN = {
    "empty.txt": (b"", "empty document"),
    "blank.txt": (b"  \n\t\r\n  ", "empty document"),
    "binary.bin": (bytes(range(256)) * 8, "binary file"),
    "invalid-utf8.txt": (b"date 2026-02-03 T\nabc \xff def\n", "byte offset 22, line 2 (byte 0xff"),
    "no-date-line.txt": (b"The truce began Thursday.\n", "give --date YYYY-MM-DD, or start the file with a line 'date YYYY-MM-DD Title'"),
    "malformed-date.txt": (b"date 03/02/2026 T\nbody\n", "'03/02/2026' is not of the form YYYY-MM-DD; the first line must read 'date YYYY-MM-DD Title'"),
    "impossible-date.txt": (b"date 2026-02-30 T\nbody\n", "'2026-02-30' is not a real calendar date"),
    "bare-date-word.txt": (b"date\nThe truce began Thursday.\n", "the date line has no date; the first line must read 'date YYYY-MM-DD Title'"),
}


@pytest.fixture
def broken(tmp_path):
    paths = {}
    for name, (data, _reason) in BROKEN.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    return paths, good


def test_each_broken_document_is_an_error_record_naming_file_and_reason(capsys, broken):
    paths, good = broken
    names = sorted(paths)
    status, records, err = check_jsonl(capsys, good, *(paths[name] for name in names), good)
    assert status == 3
    assert [record["path"] for record in records] == [str(good)] + [str(paths[n]) for n in names] + [str(good)]
    assert records[0]["findings"] and records[-1] == records[0]  # the run went on
    for name, record in zip(names, records[1:-1]):
        assert record["error"]["kind"] == "DocumentError"
        assert BROKEN[name][1] in record["error"]["message"], name
        assert f"{paths[name]}: {record['error']['message']}" in err


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_broken_document_is_a_document_error_from_the_api(name, tmp_path):
    path = tmp_path / name
    path.write_bytes(BROKEN[name][0])
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.path == str(path) and BROKEN[name][1] in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_empty_and_blank_texts_with_a_reference_have_no_findings_and_no_times():
    for text in ("", "   \n\t  "):
        assert discrepancy.check(text, reference=date(2026, 2, 3)) == []
        assert discrepancy.tag(text, reference=date(2026, 2, 3)) == []


def test_a_date_line_alone_is_a_document_with_nothing_in_it(capsys, tmp_path):
    only = tmp_path / "only.txt"
    only.write_text("date 2026-02-03\n")
    status, [record], _ = check_jsonl(capsys, only)
    assert status == 0 and record["findings"] == [] and record["reference"] == "2026-02-03"


def test_invalid_utf8_offset_counts_the_bom(tmp_path):
    path = tmp_path / "bom-then-bad.txt"
    path.write_bytes(b"\xef\xbb\xbfdate 2026-02-03 T\n\xfe")
    with pytest.raises(DocumentError, match="byte offset 21, line 2"):
        read_document(path)


def test_encoding_options_read_what_strict_utf8_refuses(capsys, tmp_path):
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("date 2026-02-03 Café\nThe weeklong truce began Thursday and held only until February 1.\n"
                      .encode("latin-1"))
    status, [record], _ = check_jsonl(capsys, latin)
    assert status == 3 and "--encoding-errors replace" in record["error"]["message"]
    status, [as_latin], _ = check_jsonl(capsys, latin, "--encoding", "latin-1")
    status_replaced, [replaced], _ = check_jsonl(capsys, latin, "--encoding-errors", "replace")
    assert status == status_replaced == 1
    assert as_latin["findings"] == replaced["findings"] and as_latin["findings"]


def test_an_unknown_encoding_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path), "--encoding", "klingon-8"])
    assert exit_info.value.code == 2 and "unknown encoding 'klingon-8'" in capsys.readouterr().err


def test_bom_and_crlf_give_the_findings_of_the_plain_file_with_offsets_into_the_file(capsys, tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text(GOOD, encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode("utf-8"))
    _, [expected, got], _ = check_jsonl(capsys, plain, crlf)
    assert [f["kind"] for f in got["findings"]] == [f["kind"] for f in expected["findings"]] == ["duration-vs-bound"]
    text = crlf.read_bytes()[3:].decode("utf-8")
    for item in got["findings"][0]["evidence"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert read_document(crlf).text == text  # line ends kept, so offsets are the file's


def test_a_50_megabyte_file_is_read_and_tagged(capsys, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"date 2026-02-03 Big\n" + b"abcdefghijklmnopqrstuvwxyz" * (50_000_000 // 26)
                    + b"\nThe truce held until February 1.\n")
    started = time.process_time()
    status, out, _ = run(capsys, "tag", big, "--format", "jsonl")
    assert time.process_time() - started < 15
    [record] = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [e["text"] for e in record["expressions"]] == ["February 1"]
    assert record["expressions"][0]["start"] == big.stat().st_size - len("February 1.\n")


def test_a_megabyte_line_is_checked_and_its_findings_found(capsys, tmp_path):
    story = "The weeklong truce began Thursday and held only until February 1. "
    line = tmp_path / "line.txt"
    line.write_text("date 2026-02-03 One line\n" + "x" * 1_000_000 + " " + story, encoding="utf-8")
    started = time.process_time()
    status, [record], _ = check_jsonl(capsys, line)
    assert time.process_time() - started < 15
    assert status == 1 and [f["kind"] for f in record["findings"]] == ["duration-vs-bound"]


def test_a_bug_outside_any_document_is_one_sentence_not_a_traceback(capsys, monkeypatch, tmp_path):
    from discrepancy import api

    def broken(*args, **kwargs):
        raise RuntimeError("the rule cache is corrupt")

    monkeypatch.setattr(api, "checker_for", broken)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    status, out, err = run(capsys, "check", tmp_path / "a.txt")
    assert status == 70 and out == ""
    assert err.startswith("discrepancy: internal error: RuntimeError: the rule cache is corrupt\n")
    assert "DISCREPANCY_TRACEBACK=1" in err and "Traceback" not in err
    monkeypatch.setenv("DISCREPANCY_TRACEBACK", "1")
    with pytest.raises(RuntimeError):
        main(["check", str(tmp_path / "a.txt")])
