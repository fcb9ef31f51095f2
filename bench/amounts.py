"""Amount extraction on sentences written for the purpose, and a look at real wire text.

  .venv/bin/python bench/amounts.py [--verbose]        # bench/data/amounts_cases.jsonl
  .venv/bin/python bench/amounts.py --reuters 200      # ../shared/eval/reuters21578_body200.jsonl
  .venv/bin/python bench/amounts.py --speed 300        # cost of times + amounts in extract

Cases: each line is a sentence with the amounts a reader would check (money, percentages,
counts, measures, durations, ranges, approximations) or none (years, dates, clock times,
ordinals, phone numbers, ids, scores).  A predicted amount matches an expected one when
their spans overlap (one to one); precision and recall count matches, and for matched
pairs the value (within 0.5%), unit, qualifier and range are scored.  --verbose prints
every miss.  --reuters N counts amounts per unit over N dated wire articles and prints
20 random extractions (seeded) for a human check.  --speed N times ``extract`` over N wire
articles with the full pipeline and without times and amounts (best of two alternating
rounds; noisy on a shared machine), and the two components' own time on the parsed docs
as a share of the rest of the pipeline (steadier).
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import random
import time

from evalset import EVAL, articles
from overhead import overhead

from newsgraph.extract import extract
from newsgraph.model import Amount, Article, Record
from newsgraph.nlp.pipeline import load

CASES = pathlib.Path(__file__).resolve().parent / "data" / "amounts_cases.jsonl"
REUTERS = EVAL / "reuters21578_body200.jsonl"
#: Amounts read the times (what is not an amount) and spaCy's entities (names).
OURS = ("newsgraph_times", "newsgraph_amounts")


def records(arts: list[Article]) -> list[Record]:
    out = list(extract(arts, nlp=load(OURS)))
    failed = [r for r in out if not isinstance(r, Record)]
    if failed:
        raise SystemExit(f"{len(failed)} articles failed, first: {failed[0]}")
    return out


def close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def match(text: str, expected: list[dict], predicted: list[Amount]) -> list[tuple[dict, Amount | None]]:
    """Each expected amount with the first unused predicted one overlapping it."""
    used: set[int] = set()
    pairs = []
    for exp in expected:
        start = text.find(exp["text"])
        end = start + len(exp["text"])
        hit = next((i for i, p in enumerate(predicted) if i not in used and p.start < end and start < p.end), None)
        if hit is not None:
            used.add(hit)
        pairs.append((exp, predicted[hit] if hit is not None else None))
    return pairs


def cases(verbose: bool) -> None:
    rows = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = [Article(id=f"case{i}", text=r["text"], published="2022-05-05T12:00:00") for i, r in enumerate(rows)]
    t0 = time.perf_counter()
    recs = records(arts)
    secs = time.perf_counter() - t0
    n_pred = n_exp = tp = 0
    fields = collections.Counter()
    n_range = 0
    for row, rec in zip(rows, recs):
        pairs = match(row["text"], row["amounts"], rec.amounts)
        matched = [(e, p) for e, p in pairs if p is not None]
        n_pred += len(rec.amounts)
        n_exp += len(row["amounts"])
        tp += len(matched)
        for exp, pred in matched:
            fields["value"] += close(pred.value, exp["value"])
            fields["unit"] += pred.unit == exp["unit"]
            fields["qualifier"] += pred.qualifier == exp["qualifier"]
            if "range" in exp:
                n_range += 1
                fields["range"] += bool(pred.range) and all(close(p, e) for p, e in zip(pred.range, exp["range"]))
        if verbose:
            for exp, pred in pairs:
                got = (pred.value, pred.unit, pred.qualifier) if pred else None
                if got is None or not close(got[0], exp["value"]) or got[1:] != (exp["unit"], exp["qualifier"]):
                    print(f"  expected {exp['text']!r} {exp['value']} {exp['unit']} {exp['qualifier']}; got {got}   | {row['text']}")
            for p in rec.amounts:
                if all(p is not q for _, q in matched):
                    print(f"  spurious {p.text!r} {p.value} {p.unit} {p.qualifier}   | {row['text']}")
    p, r = tp / max(n_pred, 1), tp / max(n_exp, 1)
    print(f"cases {len(rows)} sentences, {n_exp} expected amounts, {n_pred} predicted, {tp} matched  [{secs:.1f}s]")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}")
    print("of matched: " + "  ".join(f"{k} {fields[k] / max(tp, 1):.3f}" for k in ("value", "unit", "qualifier"))
          + f"  range {fields['range']}/{n_range}")


def reuters(n: int) -> None:
    arts = articles(REUTERS, n)
    t0 = time.perf_counter()
    recs = records(arts)
    secs = time.perf_counter() - t0
    amounts = [(rec, a) for rec in recs for a in rec.amounts]
    units = collections.Counter(a.unit or "(count)" for _, a in amounts)
    print(f"reuters {len(arts)} articles, {len(amounts)} amounts ({len(amounts) / max(len(arts), 1):.1f} per article)  [{secs:.1f}s]")
    for key in ("qualifier", "object", "period", "range"):
        share = sum(getattr(a, key) is not None for _, a in amounts) / max(len(amounts), 1)
        print(f"  with {key:9} {share:.3f}")
    print("per unit: " + ", ".join(f"{u} {c}" for u, c in units.most_common()))
    print("20 random extractions (seed 5):")
    for rec, a in random.Random(5).sample(amounts, min(20, len(amounts))):
        text = rec.article.text
        context = " ".join(text[max(0, a.start - 60):a.end + 40].split())
        print(f"- {a.text!r}: value={a.value:g} unit={a.unit} qualifier={a.qualifier} object={a.object!r} "
              f"period={a.period}\n    ...{context}...")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reuters", type=int, default=None, metavar="N", help="N wire articles instead of the cases")
    ap.add_argument("--speed", type=int, default=None, metavar="N", help="time the components over N wire articles")
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    a = ap.parse_args()
    if a.speed:
        overhead("times + amounts", OURS, a.speed)
    elif a.reuters:
        reuters(a.reuters)
    else:
        cases(a.verbose)


if __name__ == "__main__":
    main()
