"""`discrepancy.dask` on a local cluster of worker processes: the same records as one process."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'discrepancy[dask]')")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")

from discrepancy import check_many, tag_many  # noqa: E402
from discrepancy import dask as on_dask  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)  # any free port: runs may overlap
    with distributed.Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[dict]:
    """The seed texts and some news documents as JSON Lines records, with a bad one among them."""
    records = []
    for path in sorted(SEEDS.glob("*.txt")):
        records.append({"id": path.name, "date": None, "text": path.read_text(encoding="utf-8")})
    # A dated plain text, so that the dataframe has its date column without ../shared.
    records.append({"id": "plain", "date": "2024-01-29",
                    "text": "The freight strike began on Tuesday and was set to last six days. It stopped on Sunday."})
    silver = REPO.parent / "shared" / "corpora" / "silver"
    for path in sorted(silver.glob("*.tml"))[:24]:
        from discrepancy import read_document

        document = read_document(path)
        records.append({"id": path.name, "date": document.reference.isoformat(), "text": document.text})
    records.insert(3, {"id": "undated", "text": "No date here, and none given."})
    return [{key: value for key, value in record.items() if value is not None} for record in records]


def test_check_over_a_bag_on_two_worker_processes_matches_one_process(client, documents, tmp_path):
    extra = tmp_path / "extra.rules"
    extra.write_text(re.sub(r"^rule ", "rule copied-", (REPO / "rules" / "core.rules").read_text(), flags=re.M))
    expected = [outcome.record for outcome in check_many(documents, rules=[extra], tz="Europe/Kyiv")]
    bag = dask_bag.from_sequence(documents, npartitions=5)
    records = on_dask.check(bag, rules=[extra], tz="Europe/Kyiv").compute()
    assert records == expected
    assert any(record["findings"] for record in records if "findings" in record)
    assert sum("error" in record for record in records) == 1
    assert len(client.scheduler_info()["workers"]) == 2


def test_tag_over_a_dataframe_matches_one_process(client, documents):
    frame = pandas.DataFrame(documents)
    expected = [outcome.record for outcome in tag_many(
        [dict(record, id=str(index)) if "id" not in record else record for index, record in enumerate(documents)])]
    records = on_dask.tag(dask_dataframe.from_pandas(frame, npartitions=3)).compute()
    assert json.dumps(records) == json.dumps(expected)


def test_a_dataframe_without_text_is_refused(client):
    frame = dask_dataframe.from_pandas(pandas.DataFrame({"body": ["x"], "date": ["2026-02-03"]}), npartitions=1)
    with pytest.raises(ValueError, match="'text' and 'date'"):
        on_dask.check(frame)
