"""Near-duplicate articles: MinHash LSH over word shingles.

Republished and lightly edited copies of a story share most of their word shingles, so the
Jaccard similarity of the shingle sets finds them whatever their ids, titles or dates.
MinHash signatures cut into LSH bands give each article a few band keys; articles that
share a key are candidates, and a candidate joins the cluster of a stored article only
when the exact Jaccard of their shingles clears ``THRESHOLD``.  The band keys are stored
with the articles, so an ingest next month still finds this month's copies.

MinHash is a few lines of numpy here rather than datasketch's, whose package imports scipy
(for its band search) and so cost the ingest's writer ~50 MB; the band keys of a store built
with datasketch's signatures (before 2026-11-28) do not match these.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

import numpy as np

from newsgraph.model import Record

#: Words per shingle: long enough that unrelated stories rarely share one.
SHINGLE_WORDS = 4
#: Shingle-set Jaccard from which two articles count as copies of one story.
THRESHOLD = 0.7
NUM_PERM = 128

#: The prime of the permutations ``(a * h + b) mod P`` over 32-bit shingle hashes: above
#: 2**32, so every hash is its own residue, and below 2**33, so ``a * h + b`` fits 64 bits.
_PRIME = np.uint64((1 << 32) + 15)
_RNG = np.random.default_rng(1)
_A = _RNG.integers(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 31, size=NUM_PERM, dtype=np.uint64)
#: Shingles hashed at once: bounds the (NUM_PERM x block) matrix for a long article.
_BLOCK = 4096


def _lsh_shape(threshold: float, num_perm: int, grid: int = 1001) -> tuple[int, int]:
    """(bands, rows) with ``bands * rows <= num_perm`` minimising the area of false
    positives below ``threshold`` plus false negatives above it: the chance that two
    articles of Jaccard ``s`` share a band is ``1 - (1 - s**rows)**bands``."""
    s = np.linspace(0.0, 1.0, grid)
    below, above = s <= threshold, s >= threshold

    def cost(bands: int, rows: int) -> float:
        hit = 1 - (1 - s ** rows) ** bands
        return float(np.trapezoid(hit[below], s[below]) + np.trapezoid(1 - hit[above], s[above]))

    return min(((b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)),
               key=lambda shape: cost(*shape))


BANDS, ROWS = _lsh_shape(THRESHOLD, NUM_PERM)

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


def signature(shingle_set: set[str]) -> np.ndarray:
    """The MinHash signature: per permutation, the least permuted hash of any shingle."""
    hashes = np.fromiter((int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")
                          for s in shingle_set), dtype=np.uint64, count=len(shingle_set))
    least = np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    for i in range(0, len(hashes), _BLOCK):
        block = hashes[i:i + _BLOCK]
        np.minimum(least, ((_A[:, None] * block[None, :] + _B[:, None]) % _PRIME).min(axis=1), out=least)
    return least


def band_keys(shingle_set: set[str]) -> list[int]:
    """One signed 64-bit key per LSH band of the MinHash signature of ``shingle_set``."""
    values = signature(shingle_set)
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS:(band + 1) * ROWS]
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
