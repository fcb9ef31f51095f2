"""Users' SQL on DuckDB: one SELECT, which can neither change the store nor reach a file,
on the server's read-write connection as well as on a read-only one."""
import duckdb
import pytest

from newsgraph.model import Article, Record
from newsgraph.store import open_store
from newsgraph.store.base import ReadOnlyError

SECRET = "s3cr3t-in-a-file"
#: Refused by our check, or failing inside DuckDB (a function that does not exist with
#: extensions never auto-loaded, a table function that takes only a SELECT).
REFUSED = (ReadOnlyError, duckdb.Error)


@pytest.fixture(scope="module", params=["read-write", "read-only"])
def store(request, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("sql") / "u.duckdb")
    with open_store(db) as s:
        s.add_records([Record(article=Article(id="a1", text="Ann Lee spoke."))])
    if request.param == "read-write":
        with open_store(db) as s:
            yield s
    else:
        with open_store(db, read_only=True) as s:
            yield s


@pytest.fixture
def files(tmp_path):
    (tmp_path / "secret.csv").write_text(f"k,v\n{SECRET},1\n")
    (tmp_path / "secret.txt").write_text(SECRET)
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "schema.sql").write_text(f"CREATE TABLE {SECRET.replace('-', '_')} (x INT);")
    return tmp_path


CHANGES = [
    "DELETE FROM articles",
    "INSERT INTO failures VALUES ('f', 1, 's', 'e', now())",
    "UPDATE articles SET title = 'x'",
    "DROP TABLE articles",
    "CREATE TABLE t AS SELECT 1",
    "CREATE MACRO m(x) AS x",
    "ALTER TABLE articles ADD COLUMN x INT",
    "TRUNCATE articles",
    "SELECT 1; DELETE FROM articles",
    "SELECT 1;DROP TABLE articles;",
    "DELETE FROM articles; SELECT 1",
    "SELECT * FROM query('DELETE FROM articles')",
    "SELECT * FROM (DELETE FROM articles RETURNING *)",
    "WITH gone AS (DELETE FROM articles RETURNING *) SELECT * FROM gone",
    "INSTALL httpfs",
    "LOAD httpfs",
    "FORCE INSTALL fts",
    "UPDATE EXTENSIONS",
    "SET enable_external_access = true",
    "RESET enable_external_access",
    "PRAGMA enable_profiling",
    "CALL pragma_version()",
    "CHECKPOINT",
    "VACUUM",
    "BEGIN",
    "USE memory",
    "DETACH memory",
    "ATTACH ':memory:' AS scratch",
    "not sql at all",
]


@pytest.mark.parametrize("sql", CHANGES)
def test_statements_that_change_anything_are_refused(store, sql):
    with pytest.raises(REFUSED):
        store.query(sql)
    assert store.query("SELECT count(*) FROM articles")[1] == [(1,)]
    assert store.query("SELECT current_setting('enable_external_access')")[1] == [(False,)]


FILE_ACCESS = [
    "COPY articles TO '{d}/out.csv'",
    "COPY (SELECT 1) TO '{d}/out.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{d}/exported'",
    "IMPORT DATABASE '{d}/export'",
    "ATTACH '{d}/other.duckdb' AS other",
    "LOAD '{d}/evil.duckdb_extension'",
    "SELECT * FROM read_csv('{d}/secret.csv')",
    "SELECT * FROM read_csv_auto('{d}/secret.csv')",
    "SELECT * FROM '{d}/secret.csv'",
    "SELECT * FROM read_text('{d}/secret.txt')",
    "SELECT * FROM read_blob('{d}/secret.txt')",
    "SELECT * FROM read_json('{d}/secret.txt')",
    "SELECT * FROM read_parquet('{d}/*.parquet')",
    "SELECT * FROM glob('{d}/*')",
    "SELECT * FROM sniff_csv('{d}/secret.csv')",
    "SELECT * FROM read_text('http://127.0.0.1:9/x')",
    "SELECT * FROM sqlite_scan('{d}/x.db', 't')",
    "SELECT content FROM read_text('/etc/passwd')",
]


@pytest.mark.parametrize("sql", FILE_ACCESS)
def test_nothing_reaches_a_file(store, files, sql):
    with pytest.raises(REFUSED) as refused:
        store.query(sql.format(d=files))
    assert SECRET not in str(refused.value) and SECRET.replace("-", "_") not in str(refused.value)
    assert sorted(p.name for p in files.iterdir()) == ["export", "secret.csv", "secret.txt"]


@pytest.mark.parametrize("sql", ["SELECT id FROM articles", "FROM articles SELECT id",
                                 "WITH x AS (SELECT id FROM articles) SELECT * FROM x",
                                 "SELECT id FROM articles WHERE id = ?"])
def test_reading_works(store, sql):
    params = ["a1"] if "?" in sql else []
    assert store.query(sql, params)[1] == [("a1",)]
