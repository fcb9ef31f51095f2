"""The checkpoint: what a rerun may skip, given what was read and what was stored."""
import os

from newsgraph.run.checkpoint import Checkpoint, signature
from newsgraph.store.base import Progress


def _file(tmp_path, name="a.jsonl", text="{}\n"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_a_file_is_done_once_read_to_its_end_and_its_last_article_stored(tmp_path):
    a, b = _file(tmp_path, "a.jsonl"), _file(tmp_path, "b.jsonl")
    cp = Checkpoint({})
    cp.read(a)
    cp.sent(a, 1)
    cp.read(a)
    cp.sent(a, 2)
    cp.read(b)  # a has been read to its end
    cp.sent(b, 1)
    (row,) = cp.stored(1)
    assert (row.input, row.line, row.done) == (os.path.abspath(a), 1, False)
    rows = {r.input: r for r in cp.stored(1)}
    assert rows[os.path.abspath(a)].done and rows[os.path.abspath(a)].line == 2
    cp.end_of_input()
    (row,) = cp.stored(1)
    assert row.input == os.path.abspath(b) and row.done


def test_a_file_with_nothing_to_extract_is_done_at_the_next_store(tmp_path):
    a = _file(tmp_path)
    cp = Checkpoint({})
    cp.read(a)  # e.g. only read errors, or only articles stored already
    cp.end_of_input()
    (row,) = cp.stored(0)
    assert row.done and row.line is None


def test_what_a_saved_checkpoint_covers(tmp_path):
    a, b = _file(tmp_path, "a.jsonl"), _file(tmp_path, "b.jsonl")
    saved = {os.path.abspath(a): Progress(os.path.abspath(a), signature(a), 5, False),
             os.path.abspath(b): Progress(os.path.abspath(b), signature(b), None, True)}
    cp = Checkpoint(saved)
    assert cp.covers(a, 5) and not cp.covers(a, 6) and not cp.covers(a, None)
    assert cp.covers(b, 1000) and cp.covers(b, None)
    assert not cp.covers("<stdin>", 1) and not cp.covers(None, 1)


def test_a_changed_file_starts_over(tmp_path):
    a = _file(tmp_path)
    saved = {os.path.abspath(a): Progress(os.path.abspath(a), signature(a), None, True)}
    with open(a, "a") as f:
        f.write("{}\n")
    assert not Checkpoint(saved).covers(a, 1)


def test_progress_never_goes_back_and_done_files_are_not_rewritten(tmp_path):
    a, b = _file(tmp_path, "a.jsonl"), _file(tmp_path, "b.jsonl")
    saved = {os.path.abspath(a): Progress(os.path.abspath(a), signature(a), 9, False),
             os.path.abspath(b): Progress(os.path.abspath(b), signature(b), None, True)}
    cp = Checkpoint(saved)
    cp.read(b)
    cp.read(a)
    cp.sent(a, 3)  # a line before the saved position, e.g. after --no-resume
    (row,) = cp.stored(1)
    assert row.input == os.path.abspath(a) and row.line == 9


def test_stdin_and_directories_are_never_checkpointed(tmp_path):
    cp = Checkpoint({})
    cp.read("<stdin>")
    cp.sent("<stdin>", 1)
    cp.read(str(tmp_path))
    cp.end_of_input()
    assert cp.stored(1) == []
