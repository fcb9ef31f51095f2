"""The local pool: N worker processes, results in input order, same Records as in-process."""
import gc
import os
import time
from concurrent.futures import Future

from newsgraph.extract import extract
from newsgraph.model import Article
from newsgraph.run.local import pool, process
from newsgraph.run.ordered import batches, ordered_map


def _pids(batch: list[int]) -> list[tuple[int, int]]:
    time.sleep(0.05)  # long enough that no single worker takes every batch
    return [(x, os.getpid()) for x in batch]


def test_batches_cover_the_input_in_order():
    assert list(batches(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batches([], 2)) == []


def test_work_is_spread_over_n_processes_and_returned_in_order():
    with pool(2) as executor:
        out = [p for chunk in ordered_map(_pids, batches(range(40), 2), executor, in_flight=4) for p in chunk]
    assert [x for x, _ in out] == list(range(40))
    pids = {pid for _, pid in out}
    assert len(pids) == 2 and os.getpid() not in pids


def _loaded(_: int) -> tuple[int, int, int]:
    from newsgraph.resolve.gazetteer import gazetteer, towns

    return gazetteer.cache_info().currsize, towns.cache_info().currsize, gc.get_freeze_count()


def test_workers_are_forked_with_the_pipeline_and_gazetteers_loaded():
    with pool(1) as executor:
        gazetteer, towns, frozen = executor.submit(_loaded, 0).result()
    assert gazetteer == 1 and towns == 1  # built in the forkserver, not on demand
    assert frozen > 0  # preloaded objects are out of the collector's reach


class _Recorder:
    """An executor that runs at once and counts the results not yet taken."""

    def __init__(self):
        self.outstanding = 0
        self.peak = 0

    def submit(self, fn, chunk):
        self.outstanding += 1
        self.peak = max(self.peak, self.outstanding)
        f = Future()
        f.set_result(fn(chunk))
        return f


def test_no_more_than_in_flight_batches_are_pending():
    rec = _Recorder()
    for _ in ordered_map(len, batches(range(100), 3), rec, in_flight=4):
        rec.outstanding -= 1
    assert rec.peak == 4


def test_a_pool_gives_the_records_of_an_in_process_run(nlp):
    texts = ["Angela Merkel met Emmanuel Macron in Paris.", "Boris Johnson spoke in London on Friday.",
             "Nothing to see.", "Joe Biden flew to Tokyo, Japan."]
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts * 3)]
    pooled = list(process(articles, workers=2, batch_size=2))
    alone = list(extract(articles, nlp=nlp))
    assert [r.article.id for r in pooled] == [a.id for a in articles]
    assert [r.to_dict() for r in pooled] == [r.to_dict() for r in alone]
