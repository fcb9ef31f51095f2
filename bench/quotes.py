"""Quotes and speakers on PolNeAR: newsgraph against textacy's ``direct_quotations``.

  .venv/bin/python bench/quotes.py [--split dev|train] [--limit N] [--show-errors N] [--no-cache]
  .venv/bin/python bench/quotes.py --speed 300 [--rounds 2]

Both systems read the same spaCy parse of the same texts in one run: the bare model parses
each article once (cached as a DocBin under bench/out/ unless --no-cache), then our
components run on it and ``record_from_doc`` makes the Record exactly as ``newsgraph
extract`` does, and textacy's triples are turned into Record-like JSON (speaker mention
offsets included).  Both are scored by ``../shared/eval/score/score_quotes.py``, on
quotations (the default gold filter) and on all attributions (``--all``).

``--speed N`` instead times ``newsgraph.extract.extract`` over the first N Reuters articles
with the whole pipeline and with the same pipeline less quotes and speakers, alternating
the two chunk by chunk (A B, B A, ...) so that load on the machine hits both alike, and
prints the share quotes and speakers add (their budget is 10%).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import time
from typing import Any, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from overhead import overhead

from newsgraph.extract import record_from_doc
from newsgraph.model import Article
from newsgraph.nlp.pipeline import COMPONENTS, MODEL, load

ROOT = pathlib.Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SCORER = EVAL / "score" / "score_quotes.py"
OUT = ROOT / "bench" / "out"
#: Our components up to and including the speakers (later ones do not touch quotes).
UPTO = "newsgraph_speakers"


def read_articles(path: pathlib.Path, limit: int | None) -> list[Article]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in rows[:limit]]


def parsed(nlp: Language, articles: list[Article], cache: pathlib.Path | None) -> list[Doc]:
    """The bare model's parse of every article, from the cache when it matches."""
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == [a.text for a in articles]:
            return docs
    docs = list(nlp.pipe(a.text for a in articles))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(cache)
    return docs


def newsgraph_records(docs: list[Doc], articles: list[Article]) -> tuple[list[dict], float]:
    nlp = load()
    names = list(COMPONENTS)
    stages = [nlp.get_pipe(n) for n in names[:names.index(UPTO) + 1]]
    out, t0 = [], time.perf_counter()
    for doc, art in zip(docs, articles):
        doc._.published = art.published
        for stage in stages:
            doc = stage(doc)
        out.append(record_from_doc(doc, art).to_dict())
    return out, time.perf_counter() - t0


def textacy_records(docs: list[Doc], articles: list[Article]) -> tuple[list[dict], int]:
    """textacy's (speaker, cue, content) triples as Records; it refuses articles with an
    odd number of quote marks, which then have no quotes."""
    from textacy.extract.triples import direct_quotations

    out, refused = [], 0
    for doc, art in zip(docs, articles):
        try:
            quotes = [_textacy_quote(doc, t) for t in direct_quotations(doc)]
        except ValueError:
            quotes, refused = [], refused + 1
        out.append({"article": {"id": art.id, "text": art.text}, "entities": [], "quotes": quotes})
    return out, refused


def _textacy_quote(doc: Doc, triple: Any) -> dict:
    content, speaker = triple.content, triple.speaker
    s, e = speaker[0].idx, speaker[-1].idx + len(speaker[-1])
    return {"kind": "direct", "start": content.start_char, "end": content.end_char, "text": content.text,
            "speaker": None, "speaker_name": doc.text[s:e], "cue": " ".join(t.text for t in triple.cue),
            "speaker_mention": {"start": s, "end": e, "text": doc.text[s:e]}, "confidence": 1.0}


def score(gold: pathlib.Path, records: list[dict], name: str, extra: list[str], show: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    pred = OUT / f"quotes_{name}.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    cmd = [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), *extra]
    if show:
        cmd += ["--show-errors", str(show)]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    if show:
        sys.stderr.write(f"--- errors: {name} {' '.join(extra)}\n{res.stderr}")
    return json.loads("\n".join(res.stdout.strip().splitlines()[:-1]))


def rows(m: dict) -> Iterator[tuple[str, float]]:
    c, e = m["content"], m["e2e"]
    yield "content P", c["p"]
    yield "content R", c["r"]
    yield "content F1", c["f1"]
    yield "speaker acc", m["speaker_acc"]
    yield "e2e P", e["p"]
    yield "e2e R", e["r"]
    yield "e2e F1", e["f1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="scorer's error examples (stderr)")
    ap.add_argument("--no-cache", action="store_true", help="parse again instead of reading bench/out/")
    ap.add_argument("--speed", type=int, default=0, metavar="N",
                    help="time extract on N Reuters articles with and without quotes and speakers")
    ap.add_argument("--rounds", type=int, default=2, help="alternating timing rounds for --speed")
    a = ap.parse_args()
    if a.speed:
        return overhead("quotes + speakers", ("newsgraph_quotes", "newsgraph_speakers"), a.speed, a.rounds)
    gold = EVAL / f"polnear_{a.split}.jsonl"
    if not gold.is_file():
        sys.exit(f"{gold} not found: the evaluation data lives in ../shared/eval beside the checkout")
    articles = read_articles(gold, a.limit)
    if a.limit:
        gold = OUT / f"polnear_{a.split}_{a.limit}.jsonl"
        OUT.mkdir(parents=True, exist_ok=True)
        gold.write_text("".join(line + "\n" for line in (EVAL / f"polnear_{a.split}.jsonl").read_text(
            encoding="utf-8").splitlines()[:a.limit]), encoding="utf-8")
    cache = None if a.no_cache else OUT / f"polnear_{a.split}_{a.limit or 'all'}.spacy"
    docs = parsed(spacy.load(MODEL), articles, cache)
    ours, secs = newsgraph_records(docs, articles)
    theirs, refused = textacy_records(docs, articles)
    results = {}
    for scope, extra in (("quotations", []), ("all attributions", ["--all"])):
        results[scope] = (score(gold, ours, f"newsgraph_{a.split}", extra, a.show_errors),
                          score(gold, theirs, f"textacy_{a.split}", extra, 0))
    print(f"PolNeAR {a.split}: {len(articles)} articles; newsgraph components {secs:.1f}s; "
          f"textacy refused {refused} article(s) with odd quote marks")
    for scope, (ng, tx) in results.items():
        print(f"\n{scope} (gold {ng['content']['n_gold']}; predicted: newsgraph {ng['content']['n_pred']}, "
              f"textacy {tx['content']['n_pred']})")
        print(f"  {'':14} {'newsgraph':>10} {'textacy':>10}")
        for (label, x), (_, y) in zip(rows(ng), rows(tx)):
            print(f"  {label:14} {x:10.3f} {y:10.3f}")


if __name__ == "__main__":
    main()
