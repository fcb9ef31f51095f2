"""``newsgraph sql``: a SELECT answers; anything else, or any file, is refused."""
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.model import Article, Record
from newsgraph.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("sql") / "c.duckdb")
    with open_store(path) as s:
        s.add_records([Record(article=Article(id="a1", text="Ann Lee spoke."))])
    return path


def test_a_select_prints_rows(db):
    res = runner.invoke(app, ["sql", "SELECT id FROM articles", "--db", db])
    assert res.exit_code == 0 and res.stdout.splitlines() == ["id", "a1"]


@pytest.mark.parametrize("sql", ["DELETE FROM articles", "SELECT 1; DROP TABLE articles", "COPY articles TO 'x.csv'",
                                 "SELECT * FROM read_text('/etc/hostname')", "INSTALL httpfs", "PRAGMA enable_profiling"])
def test_anything_else_is_refused(db, sql):
    res = runner.invoke(app, ["sql", sql, "--db", db])
    assert res.exit_code == 2 and "refused" in res.output
    assert runner.invoke(app, ["sql", "SELECT count(*) AS n FROM articles", "--db", db]).stdout.splitlines() == ["n", "1"]
