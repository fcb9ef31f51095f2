"""Running the per-article step: in this process, in local worker processes, or on Dask."""
