"""CAMEO events on the PETRARCH validation sets: root-code P/R/F1 from the shared scorer
and source/target actor agreement.

    .venv/bin/python bench/events.py [--shared ../shared] [--show-errors 10 [--kinds missed,actor wrong]]
                                     [--coverage 2000]

The sets' sentences are stylised and their actors fictional ("Arnor", "Gondor"), so
``bench/events_gazetteer.json`` names them twice: for the NER (an EntityRuler before
spaCy's ``ner``) and for actor codes (the events component's ``actors`` file, the hook an
analyst uses for an own actor dictionary).  Real countries and roles are left to newsgraph.
Actor agreement is counted over predicted events matched one-to-one to gold events of the
same root in the same sentence, exact and on the first three letters (the country).

Both sets were coded with PETRARCH's validation dictionaries, not the CAMEO codebook:
``petrarch2_unittest`` mostly in WEIS codes (its dictionary, PETR.Validate.verbs.txt, says
so: "arrive" 032, "restore ties" 064, "condemn" 122), so its root score says little about
CAMEO coding; ``udpetrarch`` in CAMEO except mostly its VERB, PATTERN and SYNSET cases,
which test the dictionary machinery with made-up codes ("abandon ties" 080, "did not
clash" 050).  Hence three lines besides the scorer's: root F1 per category (and over the
categories other than those three), the errors broken down (gold events matched with both
actors right or an actor wrong, answered by another root, missed; predictions spurious),
and, for the WEIS-coded set, events found regardless of code with actor agreement on them.
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language

from newsgraph.extract import extract
from newsgraph.ingest import ReadError
from newsgraph.model import Article, Record
from newsgraph.nlp.actors import UNKNOWN_COUNTRY
from newsgraph.nlp.pipeline import COMPONENTS, MODEL

HERE = Path(__file__).resolve().parent
SETS = ("events_udpetrarch_validate.jsonl", "events_petrarch2_unittest.jsonl")


def pipeline(gazetteer: dict[str, dict[str, str]], actors_file: Path) -> Language:
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns([{"label": label, "pattern": name} for label, names in gazetteer.items()
                        if label != "about" for name in names])
    for name, module in COMPONENTS.items():
        importlib.import_module(module)
        config = {"actors": str(actors_file)} if name == "newsgraph_events" else {}
        nlp.add_pipe(name, config=config)
    return nlp


def predict(nlp: Language, rows: list[dict], out: Path) -> list[Record]:
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    records = []
    with out.open("w", encoding="utf-8") as fh:
        for result in extract(articles, nlp=nlp):
            if isinstance(result, ReadError):
                print(f"failed: {result}", file=sys.stderr)
                continue
            records.append(result)
            fh.write(result.to_json() + "\n")
    return records


def match(gold: list[dict], pred: list[dict], any_root: bool = False) -> list[tuple[dict, dict]]:
    """Gold and predicted events of the same root (or, ``any_root``, of any), one-to-one,
    actors agreeing first."""
    pairs, free = [], list(pred)
    for g in gold:
        same = [p for p in free if any_root or p["root"] == g["code"][:2]]
        if same:
            best = max(same, key=lambda p: (p["source_actor"] == g["source"]) + (p["target_actor"] == g["target"]))
            free.remove(best)
            pairs.append((g, best))
    return pairs


def actor_agreement(rows: list[dict], records: list[Record], any_root: bool = False) -> dict[str, float]:
    pred = predicted(records)
    n = Counter()
    for row in rows:
        for g, p in match(row["events"], pred.get(row["id"], []), any_root):
            n["matched"] += 1
            n["source"] += p["source_actor"] == g["source"]
            n["target"] += p["target_actor"] == g["target"]
            n["both"] += p["source_actor"] == g["source"] and p["target_actor"] == g["target"]
            n["source_country"] += (p["source_actor"] or "")[:3] == g["source"][:3]
            n["target_country"] += (p["target_actor"] or "")[:3] == g["target"][:3]
    total = n.pop("matched", 0) or 1
    return {"matched_events": total, **{k: round(v / total, 3) for k, v in n.items()}}


def sentence_errors(gold: list[dict], pred: list[dict]) -> Counter:
    """Where one sentence's points go: gold events matched on root with both actors right or
    an actor wrong, gold events answered by an event of another root (wrong root), gold
    events with nothing left to answer them (missed), predictions left over (spurious)."""
    n = Counter()
    pairs = match(gold, pred)
    for g, p in pairs:
        n["right" if (p["source_actor"], p["target_actor"]) == (g["source"], g["target"]) else "actor wrong"] += 1
    left_gold, left_pred = len(gold) - len(pairs), len(pred) - len(pairs)
    n["wrong root"] += min(left_gold, left_pred)
    n["missed"] += max(0, left_gold - left_pred)
    n["spurious"] += max(0, left_pred - left_gold)
    return n


def predicted(records: list[Record]) -> dict[str, list[dict]]:
    return {r.article.id: [vars(e) for e in r.events] for r in records}


def breakdown(rows: list[dict], records: list[Record]) -> Counter:
    pred = predicted(records)
    return sum((sentence_errors(row["events"], pred.get(row["id"], [])) for row in rows), Counter())


def any_code(rows: list[dict], records: list[Record]) -> str:
    """Events found regardless of code, per sentence as counts: for a set coded in another
    scheme than CAMEO this separates finding the events from naming them."""
    by_id = {r.article.id: r for r in records}
    tp = n_gold = n_pred = 0
    for row in rows:
        record = by_id.get(row["id"])
        n = len(record.events) if record else 0
        tp += min(n, len(row["events"]))
        n_gold += len(row["events"])
        n_pred += n
    p, r = tp / (n_pred or 1), tp / (n_gold or 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / ((p + r) or 1):.3f}"


#: Categories whose cases test the validation dictionary's own machinery (synsets, verb
#: patterns) with codes of its own rather than the CAMEO codebook's.
MACHINERY = ("VERB", "PATTERN", "SYNSET")


def by_category(rows: list[dict], records: list[Record]) -> str:
    """Root F1 per test category of the set (its stylised cases test different things), and
    over the categories other than ``MACHINERY``."""
    by_id = {r.article.id: r for r in records}
    counts: dict[str, Counter] = {}
    for row in rows:
        gold = Counter(e["code"][:2] for e in row["events"])
        record = by_id.get(row["id"])
        pred = Counter(e.root for e in record.events) if record else Counter()
        c = counts.setdefault(row.get("category") or "-", Counter())
        c["tp"] += sum((gold & pred).values())
        c["gold"] += sum(gold.values())
        c["pred"] += sum(pred.values())
    rest = sum((c for cat, c in counts.items() if cat not in MACHINERY), Counter())
    counts[f"all but {'/'.join(MACHINERY)}"] = rest
    return " ".join(f"{cat} {2 * c['tp'] / (c['gold'] + c['pred']):.2f} ({c['gold']})"
                    for cat, c in sorted(counts.items()) if c["gold"] + c["pred"])


def show_errors(rows: list[dict], records: list[Record], limit: int, kinds: set[str]) -> None:
    """Sentences with an error of one of ``kinds`` (a ``breakdown`` key), with gold and ours."""
    pred = predicted(records)
    shown = 0
    for row in rows:
        ours = pred.get(row["id"], [])
        errors = sentence_errors(row["events"], ours)
        if shown < limit and any(errors[k] for k in kinds):
            shown += 1
            print(f"  {row['id']} {dict((k, v) for k, v in errors.items() if k != 'right')}: {row['text']}")
            print(f"    gold {[(e['source'], e['target'], e['code']) for e in row['events']]}")
            print(f"    ours {[(e['source_actor'], e['target_actor'], e['code'], e['text']) for e in ours]}")


def coverage(eval_dir: Path, n: int) -> None:
    """How many events on real newswire get actor codes (no gold: a share, not an accuracy),
    and the entities most often left without one."""
    rows = []
    with (eval_dir / "reuters21578_body200.jsonl").open(encoding="utf-8") as fh:
        for line, _ in zip(fh, range(n)):
            rows.append(json.loads(line))
    articles = [Article(id=r["id"], text=r["text"], published=r.get("date")) for r in rows]
    events, uncoded = Counter(), Counter()
    for record in extract(articles):
        if isinstance(record, ReadError):
            continue
        names = {e.id: e.name for e in record.entities}
        for e in record.events:
            events["events"] += 1
            events["source"] += e.source_actor is not None
            events["target"] += e.target_actor is not None
            events["both"] += e.source_actor is not None and e.target_actor is not None
            # a role of no named place ("---COP") is coded, but says nothing of a country
            events["both with country"] += all(c and not c.startswith(UNKNOWN_COUNTRY)
                                               for c in (e.source_actor, e.target_actor))
            for entity, code in ((e.source, e.source_actor), (e.target, e.target_actor)):
                if code is None and entity in names:
                    uncoded[names[entity]] += 1
    total = events.pop("events", 0) or 1
    print(f"== actor codes on the first {n} Reuters articles: {total} events, coded "
          + ", ".join(f"{k} {v / total:.3f}" for k, v in events.items()))
    print("most frequent uncoded:", ", ".join(f"{name} {c}" for name, c in uncoded.most_common(15)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--show-errors", type=int, default=0, help="list at most this many sentences with errors")
    ap.add_argument("--kinds", default="missed,wrong root,actor wrong,spurious",
                    help="which errors --show-errors lists (comma-separated breakdown keys)")
    ap.add_argument("--coverage", type=int, default=0,
                    help="also: the share of events with actor codes on this many Reuters articles")
    args = ap.parse_args()
    eval_dir = Path(args.shared) / "eval"
    out_dir = HERE / "out"
    out_dir.mkdir(exist_ok=True)
    gazetteer = json.loads((HERE / "events_gazetteer.json").read_text(encoding="utf-8"))
    actors_file = out_dir / "events_actors.json"
    actors_file.write_text(json.dumps({n: c for label, names in gazetteer.items() if label != "about"
                                       for n, c in names.items()}), encoding="utf-8")
    nlp = pipeline(gazetteer, actors_file)
    for name in SETS:
        gold_path = eval_dir / name
        rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
        pred_path = out_dir / name.replace(".jsonl", ".pred.jsonl")
        records = predict(nlp, rows, pred_path)
        print(f"== {name}")
        scored = subprocess.run([sys.executable, str(eval_dir / "score" / "score_events.py"),
                                 "--gold", str(gold_path), "--pred", str(pred_path)],
                                capture_output=True, text=True, check=True)
        print(scored.stdout.strip().splitlines()[-1])
        print("actor agreement", json.dumps(actor_agreement(rows, records)))
        print("root F1 by category (gold events):", by_category(rows, records))
        print("errors:", json.dumps(breakdown(rows, records)))
        print("events found, any code:", any_code(rows, records))
        print("actor agreement, any code", json.dumps(actor_agreement(rows, records, any_root=True)))
        if args.show_errors:
            show_errors(rows, records, args.show_errors, set(args.kinds.split(",")))
    if args.coverage:
        coverage(eval_dir, args.coverage)


if __name__ == "__main__":
    main()
