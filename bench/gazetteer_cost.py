"""What the gazetteer costs a fresh process: CPU seconds and peak RSS after building the
main index (``gazetteer()``) and then the towns index (``towns()``), which every worker
pays unless the pool's forkserver preloads them.

  .venv/bin/python bench/gazetteer_cost.py
"""
from __future__ import annotations

import resource
import time


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from newsgraph.resolve.gazetteer import gazetteer, towns

    for name, build in (("gazetteer", gazetteer), ("towns", towns)):
        t0 = time.process_time()
        build()
        print(f"{name:10} {time.process_time() - t0:.2f} CPU s, peak RSS {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
