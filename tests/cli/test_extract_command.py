import json

WIRE = """ date 2022-05-05 5 May. 16:30

Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks were useful.
"""


def test_wire_file_to_one_json_record(run, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(WIRE, encoding="utf-8")
    code, out, err = run("extract", str(path), "--format", "json")
    assert code == 0, err
    rec = json.loads(out)
    assert rec["article"]["published"] == "2022-05-05T16:30:00"
    assert rec["article"]["text"].startswith("Angela Merkel met")
    merkel = [e for e in rec["entities"] if e["name"] == "Angela Merkel"]
    assert len(merkel) == 1 and [m["text"] for m in merkel[0]["mentions"]] == ["Angela Merkel", "Merkel"]


def test_jsonl_keeps_order_and_ids(run, tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"id": f"doc-{i}", "text": f"Article number {i} mentions Paris."} for i in (3, 1, 2)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run("extract", str(path), "--format", "jsonl")
    assert code == 0, err
    ids = [json.loads(line)["article"]["id"] for line in out.splitlines()]
    assert ids == ["doc-3", "doc-1", "doc-2"]


def test_stdin(run):
    code, out, _ = run("extract", "-", "--format", "jsonl", input='{"id": "s1", "text": "Hello from Rome."}\n')
    assert code == 0
    assert json.loads(out)["article"]["id"] == "s1"


def test_bad_line_is_reported_and_the_rest_extracted(run, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n{broken\n{"id": "ok2", "text": "Also fine."}\n', encoding="utf-8")
    code, out, err = run("extract", str(path), "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["ok", "ok2"]
    assert f"{path}:2:" in err


def test_seed_article(run, seed_path):
    code, out, err = run("extract", str(seed_path), "--format", "json")
    assert code == 0, err
    rec = json.loads(out)
    assert rec["article"]["published"] == "2022-05-05T16:30:00"
    people = [e for e in rec["entities"] if e["type"] == "PERSON" and e["name"] == "Sergey Lavrov"]
    assert len(people) == 1
    texts = {m["text"] for m in people[0]["mentions"]}
    assert {"Sergey Larvov", "Lavrov"} <= texts
    text = rec["article"]["text"]
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
