"""The REST API and the web UI, served by one FastAPI process (``newsgraph serve``)."""
