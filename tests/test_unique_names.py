"""pytest imports test modules by basename (rootdir-relative sys.path), so two test files
with one name break collection of the whole suite; catch that early with a clear message."""
import collections
import pathlib


def test_test_module_basenames_are_unique():
    here = pathlib.Path(__file__).parent
    names = collections.Counter(p.name for p in here.rglob("test_*.py"))
    assert [n for n, c in names.items() if c > 1] == []
