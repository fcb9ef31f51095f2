"""Near-duplicate articles: MinHash LSH over word shingles.

Republished and lightly edited copies of a story share most of their word shingles, so the
Jaccard similarity of the shingle sets finds them whatever their ids, titles or dates.
MinHash signatures cut into LSH bands give each article a few band keys; articles that
share a key are candidates, and a candidate joins the cluster of a stored article only
when the exact Jaccard of their shingles clears ``THRESHOLD``.  The band keys are stored
with the articles, so an ingest next month still finds this month's copies.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from datasketch import MinHash, MinHashLSH

from newsgraph.model import Record

#: Words per shingle: long enough that unrelated stories rarely share one.
SHINGLE_WORDS = 4
#: Shingle-set Jaccard from which two articles count as copies of one story.
THRESHOLD = 0.7
NUM_PERM = 128

#: Bands and rows per band that datasketch finds optimal for THRESHOLD.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r

_WORD = re.compile(r"\w+")

#: Looks up stored articles under any of the band keys: (band key, id, cluster_id, text) rows.
Lookup = Callable[[list[int]], Iterable[tuple[int, str, Optional[str], str]]]


@dataclass
class Assignment:
    cluster_id: str
    band_keys: list[int]


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """Casefolded word k-grams (the whole text when it is shorter than k words)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= k:
        return {" ".join(words)}
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def band_keys(shingle_set: set[str]) -> list[int]:
    """One signed 64-bit key per LSH band of the MinHash signature of ``shingle_set``."""
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([s.encode("utf-8") for s in shingle_set])
    keys = []
    for band in range(BANDS):
        rows = mh.hashvalues[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(band.to_bytes(2, "little") + rows.tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def assign_clusters(records: list[Record], lookup: Lookup) -> dict[str, Assignment]:
    """Cluster id and band keys for each article of a batch: the cluster of its most
    similar earlier copy (stored, or earlier in the batch), else its own id.  The store
    is asked once for the whole batch, and each stored candidate is shingled once."""
    shingle_sets = [shingles(r.article.text) for r in records]
    key_lists = [band_keys(s) for s in shingle_sets]
    stored: dict[int, list[tuple[str, Optional[str]]]] = {}
    texts: dict[str, str] = {}
    for key, aid, cid, text in lookup(sorted({k for keys in key_lists for k in keys})):
        stored.setdefault(key, []).append((aid, cid))
        texts[aid] = text
    shingled = {aid: shingles(text) for aid, text in texts.items()}
    out: dict[str, Assignment] = {}
    batch: dict[int, list[tuple[str, str, set[str]]]] = {}
    for record, mine, keys in zip(records, shingle_sets, key_lists):
        article = record.article
        candidates = {(aid, cid) for key in keys for aid, cid in stored.get(key, ())}
        matches = [(jaccard(mine, shingled[aid]), cid or aid) for aid, cid in candidates if aid != article.id]
        matches += [(jaccard(mine, theirs), cid) for key in keys for aid, cid, theirs in batch.get(key, [])
                     if aid != article.id]
        sim, best = max(matches, default=(0.0, article.id))
        best = best if sim >= THRESHOLD else article.id
        out[article.id] = Assignment(best, keys)
        for key in keys:
            batch.setdefault(key, []).append((article.id, best, mine))
    return out
