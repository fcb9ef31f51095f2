"""The per-article step on a Dask cluster: a scheduler's address, or a LocalCluster.

This process reads the input (the same readers, so the same Articles and ids as a local
run) and cuts it into partitions; workers run ``extract`` on a partition and send back
its Results as an Arrow table; the partitions are written as Parquet files in input
order, which ``ingest`` then loads into the store.  Only the extraction needs the
cluster's cores, so workers need no access to the input or output files, and at most
two partitions per worker are in flight, so memory here stays bounded too.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
from distributed import Client, LocalCluster

from newsgraph.extract import Result, extract
from newsgraph.model import Article
from newsgraph.run import parquet
from newsgraph.run.ordered import batches, ordered_map

#: Articles per partition: a task of some seconds, a Parquet file of a few MB.
PARTITION_SIZE = 256


@contextlib.contextmanager
def connect(scheduler: Optional[str] = None, workers: int = 2) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster of ``workers``
    single-threaded processes (spaCy holds the GIL: threads would not add throughput)."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def extract_partition(articles: list[Article]) -> pa.Table:
    """What a worker runs: ``extract`` over one partition."""
    return parquet.to_table(extract(articles))


def partitions(articles: Iterable[Article], client: Client, out: Path,
               partition_size: int = PARTITION_SIZE) -> Iterator[Path]:
    """Parquet partitions of the Results for ``articles``, written to ``out`` in input order."""
    out.mkdir(parents=True, exist_ok=True)
    parquet.clear(out)
    in_flight = 2 * max(1, sum(client.nthreads().values()))
    tables = ordered_map(extract_partition, batches(articles, partition_size), client.get_executor(pure=False), in_flight)
    for index, table in enumerate(tables):
        yield parquet.write(table, parquet.partition_path(out, index))


def process(articles: Iterable[Article], client: Client, out: Path,
            partition_size: int = PARTITION_SIZE) -> Iterator[Result]:
    """Results for ``articles`` in input order, each partition loaded from its Parquet file."""
    paths = partitions(articles, client, out, partition_size)
    return itertools.chain.from_iterable(parquet.read(path) for path in paths)
