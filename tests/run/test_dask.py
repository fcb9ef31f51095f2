"""A real 2-worker LocalCluster gives the Records of a local run, as Parquet and in a store."""
import json

import pyarrow.parquet as pq
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.extract import extract
from newsgraph.ingest import read_paths
from newsgraph.model import Article, Record
from newsgraph.run import parquet
from newsgraph.run.dask import connect
from newsgraph.store import open_store

runner = CliRunner()

TEXTS = [
    'Angela Merkel met Emmanuel Macron in Paris on Monday. "The talks were useful," Merkel said.',
    "Boris Johnson said the United Kingdom would spend $5 billion on roads by 2030.",
    "Nothing happened.",
    "Joe Biden flew to Tokyo, Japan, where officials said exports rose 3% in May.",
    "Kenji Sato, the mayor of Osaka, told reporters the city had 2.7 million residents.",
]


def corpus(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": t, "published": "2024-05-0%d" % (i + 1)}) for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(lines[:2] + ["{not json"] + lines[2:]) + "\n")
    return path


def local_records(path, nlp):
    articles = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
    return {r.article.id: r.to_dict() for r in extract(articles, nlp=nlp)}


def test_extract_on_dask_writes_the_local_records_as_parquet(tmp_path, nlp):
    path, out = corpus(tmp_path), tmp_path / "parts"
    out.mkdir()
    parquet.write(parquet.to_table([]), parquet.partition_path(out, 7))  # an earlier run's partition
    res = runner.invoke(app, ["extract", str(path), "--engine", "dask", "--workers", "2", "--out", str(out),
                              "--partition-size", "2"])
    assert res.exit_code == 1  # the broken line
    parts = sorted(out.glob(parquet.PATTERN))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = pq.read_table(out)  # the folder reads as one dataset
    assert table.num_rows == len(TEXTS)
    assert table.column("id").to_pylist() == [f"d{i}" for i in range(len(TEXTS))]
    got = {row["id"]: Record.from_json(row["record"]).to_dict() for row in table.to_pylist()}
    assert got == local_records(path, nlp)
    assert table.column("published").to_pylist()[0] == "2024-05-01"


def test_ingest_on_a_dask_scheduler_stores_what_a_local_ingest_stores(tmp_path):
    path = corpus(tmp_path)
    stored = {}
    with connect(workers=2) as client:  # a running cluster, reached by its scheduler's address
        address = client.scheduler.address
        for engine in ("local", "dask"):
            db = str(tmp_path / f"{engine}.duckdb")
            res = runner.invoke(app, ["ingest", str(path), "--db", db, "--engine", engine, "--workers", "2",
                                      "--scheduler", address, "--partition-size", "2"])
            assert res.exit_code == 1 and f"{len(TEXTS)} stored" in res.stdout and "1 failed" in res.stdout
            with open_store(db, read_only=True) as store:
                _, rows = store.query("SELECT id, record FROM articles ORDER BY id")
                stored[engine] = rows
                assert [(f.line, f.stage) for f in store.failures()] == [(3, "read")]
    assert stored["dask"] == stored["local"]
    assert len(stored["dask"]) == len(TEXTS)
