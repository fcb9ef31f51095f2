"""The command line and an ingest's writer start without spaCy: only the processes that
extract load it (a fresh interpreter, so other tests' imports do not count)."""
import subprocess
import sys

WRITER_MODULES = ["newsgraph.cli", "newsgraph.run.ingest", "newsgraph.run.local", "newsgraph.store.duckdb"]


def test_commands_and_the_writer_do_not_import_spacy():
    code = f"import sys\nfor m in {WRITER_MODULES!r}: __import__(m)\nprint('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
