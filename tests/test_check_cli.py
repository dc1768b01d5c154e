"""``discrepancy check`` and ``discrepancy tag`` end to end: outputs, exit codes, error records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from discrepancy.cli import main

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "founding_case.txt"

CLAIMS = {
    "reference": "2026-02-03", "timezone": "Europe/Kyiv",
    "windows": [{"kind": "truce",
                 "durations": [{"text": "weeklong", "value": "P7D"}],
                 "bounds": [{"text": "February 1", "value": "2026-02-01"}],
                 "starts": [{"text": "Thursday", "value": {"earliest": "2026-01-29T00:00", "latest": "2026-01-31T00:00"}}],
                 "observations": [{"text": "overnight Monday", "value": "2026-02-02TNI", "kind": "resumed"}]}],
}


def run(capsys, *args):
    status = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_founding_case_reports_the_two_discrepancies_and_nothing_else(capsys):
    status, out, _ = run(capsys, "check", SEED, "--tz", "Europe/Kyiv", "--format", "json")
    record = json.loads(out)
    assert status == 1
    assert [f["kind"] for f in record["findings"]] == ["duration-vs-bound", "duration-vs-observed"]
    bound, observed = record["findings"]
    assert bound["claimed"] == "P7D" and bound["effective"]["min"] == "P2D"
    assert observed["effective"] == {"min": "P3D", "max": "P5D"}
    text = SEED.read_text(encoding="utf-8")
    for finding in record["findings"]:
        for item in finding["evidence"]:
            assert text[item["start"]:item["end"]] == item["text"]


def test_text_output_quotes_evidence_and_draws_a_timeline(capsys):
    status, out, _ = run(capsys, "check", SEED, "--tz", "Europe/Kyiv", "--color", "never")
    assert status == 1
    assert "claimed 7 days (week-long), effective 2-4 days" in out
    assert '"until February 1"' in out and "said by Dmitry Peskov" in out
    assert "claimed      =======" in out
    assert "\x1b[" not in out


def test_no_findings_exits_zero(capsys, tmp_path):
    calm = tmp_path / "calm.txt"
    calm.write_text("date 2024-01-10 Calm\nThe ceasefire took effect on Monday and is holding.\n")
    status, out, _ = run(capsys, "check", calm)
    assert status == 0 and "no discrepancies found" in out


def test_structured_claims_input_runs_the_same_rules(capsys, tmp_path):
    claims = tmp_path / "claims.json"
    claims.write_text(json.dumps(CLAIMS))
    status, out, _ = run(capsys, "check", claims, "--format", "json")
    kinds = [f["kind"] for f in json.loads(out)["findings"]]
    assert status == 1 and kinds == ["duration-vs-bound", "duration-vs-observed"]


def test_every_input_yields_a_record_or_an_error_record(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"date 2026-02-03 T\n\xff\xfe broken")
    undated = tmp_path / "undated.txt"
    undated.write_text("No date line here.")
    status, out, err = run(capsys, "check", SEED, bad, undated, tmp_path / "missing.txt", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 3
    assert [("error" in r) for r in records] == [False, True, True, True]
    assert "byte offset" in records[1]["error"]["message"]
    assert "--date YYYY-MM-DD" in records[2]["error"]["message"]
    assert "cannot be read" in records[3]["error"]["message"]
    assert str(bad) in err


def test_bad_rule_file_exits_two_with_a_positioned_message(capsys, tmp_path):
    rules = tmp_path / "bad.rules"
    rules.write_text("rule x:\n    kind duration-vs-bound\n    severity fatal\n")
    status, _, err = run(capsys, "check", SEED, "--rules", rules)
    assert status == 2
    assert "bad.rules:3:14: expected severity" in err


def test_unknown_zone_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(SEED), "--tz", "Mars/Olympus"])
    assert exit_info.value.code == 2
    assert "unknown time zone" in capsys.readouterr().err


def test_tag_json_offsets_slice_the_whole_file(capsys):
    status, out, _ = run(capsys, "tag", SEED, "--tz", "Europe/Kyiv", "--format", "json")
    record = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    assert status == 0 and record["reference"] == "2026-02-03"
    assert all(text[e["start"]:e["end"]] == e["text"] for e in record["expressions"])
    values = {e["text"]: e for e in record["expressions"]}
    assert values["February 1"]["role"] == "bound"
    assert values["February 1"]["cue"]["text"] == "until"
    assert values["weeklong"]["min"] == "P7D"


def test_tag_timeml_writes_one_file_per_input_under_its_name(capsys, tmp_path):
    status, _, _ = run(capsys, "tag", SEED, "--format", "timeml", "--output-dir", tmp_path)
    written = (tmp_path / SEED.name).read_text(encoding="utf-8")
    assert status == 0
    assert 'functionInDocument="CREATION_TIME"' in written and "<TIMEX3 tid=" in written


# Environments that must not change a byte of the output: hash seeds, zones far from UTC
# and with DST, locales that do not exist or are not UTF-8, an ASCII or Latin-1 stdout,
# and worker processes.
ENVIRONMENTS = [
    ({"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C"}, []),
    ({"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LC_ALL": "tr_TR.UTF-8"}, []),
    ({"PYTHONHASHSEED": "12345", "TZ": "America/St_Johns", "LC_ALL": "de_DE.ISO-8859-1",
      "PYTHONIOENCODING": "latin-1"}, []),
    ({"PYTHONHASHSEED": "random", "TZ": "Asia/Kathmandu", "LANG": "ja_JP.eucJP", "PYTHONIOENCODING": "ascii"},
     ["--jobs", "2"]),
]


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    """The founding case under a Cyrillic name, a plain text, a broken file and a nested file."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "нічна пауза.txt").write_bytes(SEED.read_bytes())
    (root / "plain.txt").write_text("Talks on a 30-day truce resume Wednesday — officials said.", encoding="utf-8")
    (root / "broken.txt").write_bytes(b"date 2026-02-03 T\n\xff")
    (root / "b").mkdir()
    (root / "b" / "a.txt").write_text("date 2024-03-31 Strike\nThe 48-hour strike began Friday and ended Saturday.\n")
    return root


@pytest.mark.parametrize("form", ["json", "text"])
def test_output_is_byte_identical_across_hash_seeds_zones_locales_encodings_and_jobs(mixed_corpus, form):
    outputs = set()
    # The text form adds month names and layout, not paths through the batch: two runs do.
    for env, extra in ENVIRONMENTS if form == "json" else ENVIRONMENTS[1:3]:
        env = dict(env, PATH="/usr/bin:/bin", PYTHONPATH=str(REPO),
                   DISCREPANCY_CACHE_DIR=os.environ["DISCREPANCY_CACHE_DIR"])  # the session's, not ~/.cache
        done = subprocess.run([sys.executable, "-m", "discrepancy", "check", ".", "--date", "2026-02-03",
                               "--tz", "Europe/Kyiv", "--format", form, "--color", "never", *extra],
                              capture_output=True, cwd=mixed_corpus, env=env, check=False)
        assert done.returncode == 3, done.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
    output = outputs.pop().decode("utf-8")
    assert "нічна пауза.txt" in output and "duration-vs-bound" in output


def test_output_does_not_depend_on_the_order_files_were_created_in(capsys, tmp_path):
    names = ["c.txt", "a.txt", "b/z.txt", "b/y.txt", "B.txt", "é.txt"]
    outputs = []
    for order in (names, names[::-1]):
        root = tmp_path / "corpus"
        for name in order:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(SEED.read_bytes())
        status, out, _ = run(capsys, "check", root, "--format", "jsonl")
        outputs.append(out)
        for name in order:
            (root / name).unlink()
    assert outputs[0] == outputs[1]
    paths = [json.loads(line)["path"][len(str(tmp_path / "corpus")) + 1:] for line in outputs[0].splitlines()]
    assert paths == ["B.txt", "a.txt", "b/y.txt", "b/z.txt", "c.txt", "é.txt"]


def test_verbatim_founding_article_gives_the_same_two_discrepancies(capsys, shared_dir):
    status, out, _ = run(capsys, "check", shared_dir / "seeds", "--tz", "Europe/Kyiv", "--format", "json")
    record = json.loads(out)
    assert status == 1
    kinds = {f["kind"]: f for f in record["findings"]}
    assert sorted(kinds) == ["duration-vs-bound", "duration-vs-observed"]
    assert kinds["duration-vs-bound"]["claimed"] == "P7D"
    assert kinds["duration-vs-bound"]["effective"]["min"] == "P2D"
    assert kinds["duration-vs-observed"]["effective"] == {"min": "P3D", "max": "P5D"}
