"""Record -> table rows: the only place that knows how the Record maps onto the schema."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional

from newsgraph.model import Record

#: Column order of every per-article table, as in schema.sql.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "content_hash", "source", "url", "title", "published", "published_at", "language",
                 "text", "meta", "tone_score", "tone_positive", "tone_negative", "tone_polarity",
                 "cluster_id", "record", "ingested_at"),
    "article_entities": ("article_id", "local_id", "entity_id", "name", "type", "roles", "metonym_for"),
    "mentions": ("article_id", "entity_id", "start_char", "end_char", "text", "kind"),
    "quotes": ("article_id", "idx", "kind", "start_char", "end_char", "text", "speaker_id", "speaker_name",
               "speaker_start", "speaker_end", "speaker_text", "cue", "medium", "confidence"),
    "amounts": ("article_id", "idx", "start_char", "end_char", "text", "value", "range_low", "range_high",
                "unit", "qualifier", "object", "period_from", "period_to", "speaker_id"),
    "times": ("article_id", "idx", "start_char", "end_char", "text", "value_from", "value_to", "granularity"),
    "events": ("article_id", "idx", "start_char", "end_char", "text", "source_id", "target_id", "source_actor",
               "target_actor", "code", "root", "quad_class", "goldstein", "negated"),
    "themes": ("article_id", "name", "start_char", "end_char", "text"),
    # Filled by the store from corpus.dedupe, not from the Record.
    "minhash_bands": ("article_id", "band_key"),
}

ENTITY_COLUMNS = ("id", "name", "type", "kb_id", "country", "lat", "lon", "members", "roles", "aliases")
FAILURE_COLUMNS = ("file", "line", "stage", "error", "failed_at")
PROGRESS_COLUMNS = ("input", "signature", "line", "done", "updated_at")

#: Tables holding one article's rows, deleted together when an article is replaced.
ARTICLE_TABLES = tuple(COLUMNS)


def parse_published(value: Optional[str]) -> Optional[dt.datetime]:
    """The publication time as a naive datetime (dates become midnight), or None."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


def record_rows(record: Record, entity_ids: dict[str, str], cluster_id: Optional[str] = None) -> dict[str, list[tuple]]:
    """Rows of every per-article table; ``entity_ids`` maps local ids (e1) to corpus ids."""
    a = record.article
    aid = a.id
    glob = lambda local: entity_ids.get(local, local) if local else None  # noqa: E731
    tone = record.tone
    rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS}
    rows["articles"].append((
        aid, a.content_hash, a.source, a.url, a.title, a.published, parse_published(a.published), a.language,
        a.text, _json(a.meta), tone.score, tone.positive, tone.negative, tone.polarity, cluster_id,
        record.to_json(), dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    ))
    for e in record.entities:
        rows["article_entities"].append((aid, e.id, glob(e.id), e.name, e.type, _json(e.roles), e.metonym_for))
        rows["mentions"] += [(aid, glob(e.id), m.start, m.end, m.text, m.kind) for m in e.mentions]
    for i, q in enumerate(record.quotes):
        sm = q.speaker_mention
        rows["quotes"].append((
            aid, i, q.kind, q.start, q.end, q.text, glob(q.speaker), q.speaker_name,
            sm.start if sm else None, sm.end if sm else None, sm.text if sm else None,
            q.cue, glob(q.medium) if q.medium in entity_ids else q.medium, q.confidence,
        ))
    for i, m in enumerate(record.amounts):
        low, high = (m.range or [None, None])[:2]
        period = m.period or [None, None]
        rows["amounts"].append((aid, i, m.start, m.end, m.text, m.value, low, high, m.unit, m.qualifier,
                                m.object, period[0], period[-1], glob(m.speaker)))
    for i, t in enumerate(record.times):
        lo, hi = (t.value[0], t.value[-1]) if isinstance(t.value, list) and t.value else (t.value, t.value)
        rows["times"].append((aid, i, t.start, t.end, t.text, lo, hi, t.granularity))
    for i, ev in enumerate(record.events):
        rows["events"].append((aid, i, ev.start, ev.end, ev.text, glob(ev.source), glob(ev.target),
                               ev.source_actor, ev.target_actor, ev.code, ev.root, ev.quad_class,
                               ev.goldstein, ev.negated))
    rows["themes"] += [(aid, th.name, th.start, th.end, th.text) for th in record.themes]
    return rows


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
