"""What is particular to the PostgreSQL store: placeholders, users' SQL, shared use."""
import threading

import psycopg
import pytest
import sample_corpus

from newsgraph.store.base import ReadOnlyError
from newsgraph.store.postgres import PostgresStore, to_pyformat


def test_placeholders_are_rewritten_outside_quoted_text():
    assert to_pyformat("SELECT ? WHERE a LIKE '%?%' AND b = ?") == "SELECT %s WHERE a LIKE '%%?%%' AND b = %s"
    assert to_pyformat('SELECT "odd?name" FROM t WHERE x % 2 = ?') == 'SELECT "odd?name" FROM t WHERE x %% 2 = %s'


@pytest.fixture
def pg_url(pg_server):
    return pg_server.new_database()


def test_users_sql_is_refused_to_a_role_that_can_read_server_files(pg_server, pg_url):
    with PostgresStore(pg_url) as store:
        store.add_records(sample_corpus.records())
    superuser_url = pg_url.replace("//newsgraph@", "//postgres@")
    with PostgresStore(superuser_url, read_only=True) as store:
        with pytest.raises(ReadOnlyError, match="server's files"):
            store.query("SELECT count(*) FROM articles")


def test_an_ordinary_role_reads_but_cannot_write_or_reach_files(pg_url):
    with PostgresStore(pg_url) as store:
        store.add_records(sample_corpus.records())
        assert store.query("SELECT count(*) FROM articles") == (["count"], [(4,)])
        assert store.query("WITH x AS (SELECT 1 AS n) SELECT n FROM x")[1] == [(1,)]
        for sql in ("DELETE FROM articles", "SELECT 1; DELETE FROM articles", "COPY articles TO STDOUT",
                    "WITH d AS (DELETE FROM articles RETURNING id) SELECT count(*) FROM d"):
            with pytest.raises(ReadOnlyError):
                store.query(sql)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            store.query("SELECT pg_read_file('/etc/hostname')")
        assert store.stats()["articles"] == 4


def test_two_processes_worth_of_stores_share_one_database(pg_url):
    """Schema creation is serialised, and a reader sees a writer's committed batches."""
    errors = []

    def open_one():
        try:
            PostgresStore(pg_url).close()
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with PostgresStore(pg_url) as writer, PostgresStore(pg_url, read_only=True) as reader:
        writer.add_records(sample_corpus.records()[:2])
        assert reader.fetch("SELECT count(*) AS n FROM articles")[0]["n"] == 2
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader.fetch("DELETE FROM articles")


def test_serve_answers_while_another_process_ingests(pg_url, tmp_path):
    """With PostgreSQL, `newsgraph ingest` and `newsgraph serve` run side by side."""
    import pathlib
    import subprocess
    import time

    import httpx
    from server import newsgraph_command, serving

    samples = pathlib.Path(__file__).resolve().parents[2] / "samples"
    with PostgresStore(pg_url) as store:
        store.add_records(sample_corpus.records())
    with serving(pg_url, tmp_path / "serve.log") as url:
        ingest = subprocess.Popen([str(newsgraph_command()), "ingest", str(samples), "--db", pg_url,
                                   "--workers", "1", "--batch-size", "4"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        totals, statuses = [], set()
        while ingest.poll() is None:
            response = httpx.get(url + "/api/articles", params={"limit": 1}, timeout=30)
            statuses.add(response.status_code)
            totals.append(response.json()["total"])
            time.sleep(0.2)
        assert ingest.returncode == 0 and statuses == {200} and len(totals) >= 5
        assert len(set(totals)) > 1  # batches committed while the server answered
        assert httpx.get(url + "/api/stats").json()["articles"] > max(totals) - 1 >= 4
        assert httpx.get(url + "/api/search", params={"q": "Arusha"}).json()["total"] >= 1  # GIN: at once
