"""``newsgraph ingest`` keeps failures, ``newsgraph failures`` lists them, ``--strict`` stops."""
import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import open_store

runner = CliRunner()


def inputs(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps({"id": f"g{i}", "text": f"Ann Lee spoke in Oslo, item {i}."}) for i in range(3)) + "\n")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text(json.dumps({"id": "m1", "text": "Fine."}) + "\n{broken\n" + json.dumps({"id": "m3"}) + "\n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02 binary")
    return [str(mixed), str(binary), str(good)]


def test_failures_are_stored_and_listed_and_the_rest_is_ingested(tmp_path):
    db = str(tmp_path / "f.duckdb")
    res = runner.invoke(app, ["ingest", *inputs(tmp_path), "--db", db, "--workers", "1"])
    assert res.exit_code == 1
    assert "4 stored" in res.stdout and "3 failed" in res.stdout
    listed = runner.invoke(app, ["failures", "--db", db])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert len(lines) == 3
    assert any(line.startswith(f"{tmp_path / 'mixed.jsonl'}:2\tread\tinvalid JSON") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'mixed.jsonl'}:3\tread\t") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'blob.txt'}\tread\tbinary file") for line in lines)
    as_json = [json.loads(x) for x in runner.invoke(app, ["failures", "--db", db, "--format", "jsonl", "--limit", "1"]).stdout.splitlines()]
    assert len(as_json) == 1 and set(as_json[0]) == {"file", "line", "stage", "error"}


def test_strict_stops_at_the_first_failure(tmp_path):
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["ingest", *inputs(tmp_path), "--db", db, "--workers", "1", "--strict"])
    assert res.exit_code == 1
    assert "stopped at the first failure" in res.output
    with open_store(db, read_only=True) as store:
        assert len(store.failures()) == 1
        assert store.stats()["articles"] == 0  # good.jsonl, read after the failure, was never reached


def test_rerunning_records_no_failure_twice(tmp_path):
    db = str(tmp_path / "r.duckdb")
    args = ["ingest", *inputs(tmp_path), "--db", db, "--workers", "1"]
    runner.invoke(app, args)
    again = runner.invoke(app, args)
    assert "0 stored" in again.stdout and "4 done by an earlier run" in again.stdout
    with open_store(db, read_only=True) as store:
        assert len(store.failures()) == 3
