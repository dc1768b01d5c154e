"""Batches: order and identity across worker processes, one record per input, laziness, progress."""

from __future__ import annotations

import io
import itertools
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from discrepancy import Document, check_many, tag_many
from discrepancy.batch import CHUNK_SIZE, CHUNKS_IN_FLIGHT_PER_JOB
from discrepancy.cli import EXIT_INPUT_ERRORS, main
from discrepancy.cli.progress import Progress, count_documents
from discrepancy.pipeline import Checker
from discrepancy.records import dumps
from discrepancy.rules import RuleErrors

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FOUNDING = SEEDS / "founding_case.txt"
TRUCE = "Trump first spoke of a weeklong ceasefire on Thursday. Russia resumed strikes overnight Monday."


def run(capsys, *args):
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def corpus(tmp_path, shared_dir) -> Path:
    """Forty news documents from the silver corpus, with the seeds, in one directory."""
    silver = sorted((shared_dir / "corpora" / "silver").glob("*.tml"))[:40]
    if not silver:
        pytest.skip("the silver corpus is not available")
    root = tmp_path / "corpus"
    root.mkdir()
    for path in silver + sorted(SEEDS.glob("*.txt")):
        (root / path.name).write_bytes(path.read_bytes())
    return root


@pytest.fixture
def bad_inputs(tmp_path) -> list[Path]:
    """One input of every kind that cannot be checked, among good ones."""
    undecodable = tmp_path / "undecodable.txt"
    undecodable.write_bytes(b"date 2026-02-03 T\n\xff\xfe broken")
    undated = tmp_path / "undated.txt"
    undated.write_text("No date line here.")
    lines = tmp_path / "archive.jsonl"
    lines.write_text("\n".join([
        json.dumps({"id": "good", "date": "2026-02-03", "text": TRUCE}),
        "{not json",
        json.dumps({"id": "no-date", "text": TRUCE}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-zone", "date": "2026-02-03", "tz": "Mars/Olympus", "text": TRUCE}),
        "",
        json.dumps({"date": "2026-02-30", "text": TRUCE}),
    ]) + "\n")
    return [FOUNDING, undecodable, undated, tmp_path / "missing.txt", lines]


# -- order and identity ---------------------------------------------------------------------


def test_check_many_gives_the_same_records_in_input_order_whatever_the_jobs(corpus):
    files = sorted(p for p in corpus.iterdir())
    single = [outcome.record for outcome in check_many([corpus])]
    parallel = [outcome.record for outcome in check_many([corpus], jobs=2)]
    assert parallel == single
    assert [record["path"] for record in single] == [str(path) for path in files]


def test_cli_output_is_byte_identical_across_jobs(capsys, corpus):
    outputs = {}
    for form in ("jsonl", "json", "text"):
        for jobs in (1, 3):
            status, out, err = run(capsys, "check", corpus, "--format", form, "--jobs", jobs, "--tz", "Europe/Kyiv")
            outputs[form, jobs] = (status, out)
        assert outputs[form, 1] == outputs[form, 3]
    _, out = outputs["jsonl", 1]
    assert json.loads(outputs["json", 1][1]) == [json.loads(line) for line in out.splitlines()]
    status, one, _ = run(capsys, "tag", corpus, "--format", "jsonl")
    assert run(capsys, "tag", corpus, "--format", "jsonl", "-j", "2")[1] == one


def test_streamed_json_is_what_dumping_the_whole_list_prints(capsys, corpus, tmp_path):
    _, lines, _ = run(capsys, "tag", corpus, "--format", "jsonl")
    _, whole, _ = run(capsys, "tag", corpus, "--format", "json")
    assert whole == dumps([json.loads(line) for line in lines.splitlines()]) + "\n"
    _, single, _ = run(capsys, "tag", FOUNDING, "--format", "json")
    assert json.loads(single)["path"] == str(FOUNDING)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(capsys, "tag", empty, "--format", "json")[1] == "[]\n"


def test_any_kind_of_item_is_accepted():
    document = Document("given", TRUCE, date(2026, 2, 3), "Europe/Kyiv")
    items = [FOUNDING, document, "date 2026-02-03 Truce\n" + TRUCE,
             {"id": "from-a-dict", "date": "2026-02-03", "tz": "Europe/Kyiv", "text": TRUCE}]
    outcomes = list(check_many(items, tz="Europe/Kyiv"))
    assert [o.path for o in outcomes] == [str(FOUNDING), "given", "<text>", "from-a-dict"]
    assert all(o.ok for o in outcomes)
    assert all(o.findings for o in outcomes)
    assert outcomes[1].record["findings"] == outcomes[3].record["findings"]
    tagged = list(tag_many([TRUCE], reference=date(2026, 2, 3)))
    assert [e.text for e in tagged[0].result.expressions] == ["weeklong", "Thursday", "overnight Monday"]


# -- nothing lost ---------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_bad_input_gives_an_error_record_and_the_run_goes_on(bad_inputs, jobs):
    outcomes = list(check_many(bad_inputs, jobs=jobs))
    by_path = {o.record["path"]: o.record for o in outcomes}
    lines = str(bad_inputs[-1])
    assert [o.record["path"] for o in outcomes] == [
        str(FOUNDING), str(bad_inputs[1]), str(bad_inputs[2]), str(bad_inputs[3]),
        "good", f"{lines}:2", f"{lines}:3", f"{lines}:4", f"{lines}:5", f"{lines}:7",
    ]
    assert [o.ok for o in outcomes] == [True, False, False, False, True, False, False, False, False, False]
    assert by_path["good"]["findings"]

    def message(path):
        return by_path[str(path)]["error"]["message"]

    assert "byte offset" in message(bad_inputs[1])
    assert "no reference date" in message(bad_inputs[2])
    assert "cannot be read" in message(bad_inputs[3])
    assert "not a JSON object" in message(f"{lines}:2")
    assert "no 'date'" in message(f"{lines}:3")
    assert "expected a JSON object" in message(f"{lines}:4")
    assert "unknown time zone" in message(f"{lines}:5")
    assert "not a real calendar date" in message(f"{lines}:7")
    assert all(by_path[p]["error"]["kind"] == "DocumentError" for p in by_path if "error" in by_path[p])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_makes_the_check_fail_is_an_error_record(monkeypatch, jobs):
    original = Checker.check

    def fragile(self, document):
        if "explode" in document.text:
            raise ZeroDivisionError("a rule divided by zero")
        return original(self, document)

    monkeypatch.setattr(Checker, "check", fragile)
    items = [{"id": str(n), "date": "2026-02-03", "text": "explode" if n == 2 else TRUCE} for n in range(4)]
    outcomes = list(check_many(items, jobs=jobs))
    assert [o.ok for o in outcomes] == [True, True, False, True]
    assert outcomes[2].record == {"path": "2", "error": {"kind": "InternalError", "message": "a rule divided by zero"}}
    assert isinstance(outcomes[2].error, ZeroDivisionError)


def test_cli_reports_bad_inputs_on_stderr_and_exits_3(capsys, bad_inputs):
    status, out, err = run(capsys, "check", *bad_inputs, "--format", "jsonl", "-j", "2")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == EXIT_INPUT_ERRORS
    assert len(records) == 10 and sum("error" in r for r in records) == 8
    assert f"{bad_inputs[-1]}:2: not a JSON object" in err
    assert "\r" not in err  # no progress bar: standard error is not a terminal here


def test_jsonl_from_standard_input_with_the_flag(capsys, monkeypatch):
    lines = "\n".join(json.dumps({"id": f"doc{n}", "date": "2026-02-03", "text": TRUCE}) for n in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    status, out, _ = run(capsys, "check", "-", "--input-format", "jsonl", "--format", "jsonl")
    assert status == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == ["doc0", "doc1", "doc2"]


def test_bad_rules_fail_before_any_document_is_read(tmp_path):
    broken = tmp_path / "broken.rules"
    broken.write_text("rule x:\n    when nonsense\n")
    pulled = []

    def items():
        pulled.append(1)
        yield TRUCE

    with pytest.raises(RuleErrors):
        check_many(items(), rules=[broken])
    assert pulled == []


# -- streaming --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_many_is_lazy_even_over_an_endless_stream(jobs):
    pulled = itertools.count()
    last = []

    def endless():
        for number in pulled:
            last.append(number)
            yield {"id": str(number), "date": "2026-02-03", "text": TRUCE}

    outcomes = check_many(endless(), jobs=jobs, reference=date(2026, 2, 3))
    first = [next(outcomes) for _ in range(3)]
    assert [o.path for o in first] == ["0", "1", "2"]
    bound = 3 if jobs == 1 else CHUNK_SIZE * (CHUNKS_IN_FLIGHT_PER_JOB * jobs + 1)
    assert last[-1] < bound
    outcomes.close()


def test_tag_many_yields_before_reading_the_rest(tmp_path):
    read = []

    def paths():
        for name in ("a", "b", "c"):
            read.append(name)
            path = tmp_path / f"{name}.txt"
            path.write_text("date 2026-02-03 T\nOn Monday.")
            yield path

    outcomes = tag_many(paths())
    assert read == []
    next(outcomes)
    assert read == ["a"]


# -- progress -------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_shows_done_rate_and_time_left_on_a_terminal():
    ticks = iter(range(100))
    stream = _Terminal()
    progress = Progress(stream, total=10, enabled=True, clock=lambda: float(next(ticks)))
    for _ in range(4):
        progress.advance()
    progress.note("discrepancy: x.txt: bad")
    progress.finish()
    shown = stream.getvalue()
    assert "4/10 documents" in shown and "/s" in shown and "left" in shown
    assert "\ndiscrepancy: x.txt: bad\n" in shown.replace("\r", "\n")
    assert shown.endswith("\n")


def test_progress_bar_is_silent_off_a_terminal_or_when_quiet(capsys, corpus):
    status, out, err = run(capsys, "tag", corpus, "--format", "jsonl")
    assert err == "" and out.count("\n") == len(list(corpus.iterdir()))
    stream = io.StringIO()
    progress = Progress(stream, total=None, enabled=False)
    progress.advance()
    progress.finish()
    assert stream.getvalue() == ""


def test_quiet_silences_the_bar_even_on_a_terminal(capsys, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main(["tag", str(FOUNDING), "--format", "jsonl", "--quiet"])
    assert terminal.getvalue() == ""
    main(["tag", str(FOUNDING), "--format", "jsonl"])
    assert "1/1 documents" in terminal.getvalue()


def test_documents_are_counted_for_the_bar(bad_inputs):
    assert count_documents([str(p) for p in bad_inputs], "auto") == 4 + 6
    assert count_documents(["-"], "auto") is None


# -- worker processes -------------------------------------------------------------------------


@pytest.mark.parametrize("command, forms", [("tag", ("jsonl", "json", "text")), ("check", ("jsonl", "json", "text"))])
def test_every_format_is_byte_identical_with_workers_error_records_included(capsys, corpus, bad_inputs, command, forms):
    for form in forms:
        runs = {jobs: run(capsys, command, corpus, *bad_inputs, "--format", form, "--jobs", jobs) for jobs in (1, 2, 3)}
        assert runs[2] == runs[1] and runs[3] == runs[1], (command, form)
        status, out, err = runs[1]
        assert status == EXIT_INPUT_ERRORS
        assert err.count("discrepancy: ") == 8 and f"{bad_inputs[-1]}:2: not a JSON object" in err
        if form == "jsonl":
            records = [json.loads(line) for line in out.splitlines()]
            assert len(records) == len(list(corpus.iterdir())) + 10
            assert sum("error" in record for record in records) == 8


def test_json_elements_keep_unicode_line_separators_as_they_are(capsys, tmp_path):
    """U+2028 stands raw in JSON text, and is a line break to str.splitlines: it must not be indented after."""
    lines = tmp_path / "odd.jsonl"
    lines.write_text("\n".join(json.dumps({"id": f"a\u2028b{n}", "date": "2026-02-03", "text": "On Monday\u2029."})
                               for n in range(2)) + "\n", encoding="utf-8")
    for jobs in (1, 2):
        _, out, _ = run(capsys, "tag", lines, "--format", "json", "-j", jobs)
        assert [record["path"] for record in json.loads(out)] == ["a\u2028b0", "a\u2028b1"]


def test_rendered_outcomes_carry_their_text_and_only_error_records(bad_inputs):
    from discrepancy.batch import BatchSettings, run_batch, works_from_paths
    from discrepancy.cli.output import jsonl_text

    settings = BatchSettings("tag", keep_results=False, keep_records=False)
    for jobs in (1, 2):
        outcomes = list(run_batch(works_from_paths([str(p) for p in bad_inputs]), settings, jobs=jobs,
                                  render=jsonl_text))
        assert [json.loads(o.text)["path"] for o in outcomes][:1] == [str(FOUNDING)]
        assert all(o.record is None for o in outcomes if o.ok)
        assert all(json.loads(o.text) == o.record for o in outcomes if not o.ok)
        assert all(o.result is None for o in outcomes)


def test_without_fork_the_spawned_workers_give_the_same_records(monkeypatch, bad_inputs):
    from discrepancy import forkpool

    single = [o.record for o in check_many(bad_inputs)]
    monkeypatch.setattr(forkpool, "available", lambda: False)
    assert [o.record for o in check_many(bad_inputs, jobs=2)] == single


def test_check_finding_counts_travel_with_outcomes():
    items = [{"id": str(n), "date": "2026-02-03", "text": TRUCE if n % 2 else "Nothing happened."} for n in range(6)]
    for jobs in (1, 2):
        outcomes = list(check_many(items, jobs=jobs, records_only=True))
        assert [o.finding_count > 0 for o in outcomes] == [False, True] * 3
        assert [o.finding_count for o in outcomes] == [len(o.record["findings"]) for o in outcomes]
