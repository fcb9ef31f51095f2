"""Read queries shared by the REST API, the web UI and the CLI, one module per topic.

Each function takes a ``Store`` and plain arguments and returns plain data (dicts, or a
``Page`` of dicts), runs portable SQL through ``store.fetch`` so it works on DuckDB and
PostgreSQL alike, and leaves text search to the backend's ``store.match_sql``.
Filters on articles (dates, source, entity, speaker) come as one ``common.Filters``.

  common     Page, Filters, paging and JSON helpers
  articles   articles and their near-duplicate clusters
  search     BM25 search over articles and quotes, with snippets
  entities   entities, their mentions, co-occurring entities
  quotes     quotes by speaker, about an entity, by text
  amounts    amounts (figures and what they count)
  events     coded events between actors
  relations  the graph of who quotes / acts on whom, tone between two actors
  timeline   counts per day / week / month
"""
