"""The JSON Schemas in docs/ describe what the tool really reads and writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

from discrepancy.cli import main  # noqa: E402

DOCS = Path(__file__).resolve().parent.parent / "docs"
SEED = Path(__file__).resolve().parent.parent / "seeds" / "founding_case.txt"


def schema(name):
    return json.loads((DOCS / name).read_text(encoding="utf-8"))


def test_check_output_follows_the_findings_schema(capsys, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("No date here.")
    main(["check", str(SEED), str(undated), "--format", "jsonl"])
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    validator = jsonschema.Draft202012Validator(schema("findings.schema.json"))
    assert len(records) == 2 and records[0]["findings"]
    for record in records:
        validator.validate(record)


def test_the_documented_claims_example_follows_the_claims_schema_and_runs(capsys, tmp_path):
    example = json.loads((DOCS / "examples" / "claims.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema("claims.schema.json")).validate(example)
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(example))
    assert main(["check", str(path), "--format", "json"]) == 1
    kinds = [finding["kind"] for finding in json.loads(capsys.readouterr().out)["findings"]]
    assert kinds == ["duration-vs-bound", "duration-vs-observed"]


def test_a_claim_whose_span_does_not_slice_its_text_is_refused(capsys, tmp_path):
    example = json.loads((DOCS / "examples" / "claims.json").read_text(encoding="utf-8"))
    example["windows"][0]["bounds"][0]["start"] += 1
    path = tmp_path / "shifted.json"
    path.write_text(json.dumps(example))
    assert main(["check", str(path), "--format", "jsonl"]) == 3
    record = json.loads(capsys.readouterr().out)
    assert "$.windows[0].bounds[0]" in record["error"]["message"]


def test_a_claims_document_with_an_unsupported_reference_is_refused_when_read(tmp_path):
    from discrepancy.claims.structured import parse_claims
    from discrepancy.errors import DocumentError

    example = json.loads((DOCS / "examples" / "claims.json").read_text(encoding="utf-8"))
    example["reference"] = "9999-12-31"
    with pytest.raises(DocumentError, match=r"\$\.reference: reference date 9999-12-31 is outside the supported range"):
        parse_claims(json.dumps(example), "far.json")
