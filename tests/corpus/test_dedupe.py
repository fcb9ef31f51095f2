"""MinHash LSH near-duplicates: copies cluster, different stories do not."""
from newsgraph.corpus import dedupe
from newsgraph.model import Article, Record

STORY = ("The central bank raised its main interest rate by half a point on Tuesday to 5.25 percent, its fourth "
         "increase this year, saying inflation was still far above its target and wages were rising fast. "
         "Economists had expected a smaller move. The bank said further increases could follow if prices kept "
         "climbing, and the currency rose one percent against the dollar after the announcement.")


def rec(aid: str, text: str) -> Record:
    return Record(article=Article(id=aid, text=text))


def no_store(keys):
    return []


def test_shingles_are_casefolded_word_ngrams():
    assert dedupe.shingles("The Bank, the bank raised rates", k=2) == {
        "the bank", "bank the", "bank raised", "raised rates"}
    assert dedupe.shingles("Too short", k=4) == {"too short"}


def test_band_keys_are_stable_and_one_per_band():
    keys = dedupe.band_keys(dedupe.shingles(STORY))
    assert len(keys) == dedupe.BANDS and keys == dedupe.band_keys(dedupe.shingles(STORY))


def test_a_lightly_edited_copy_joins_the_first_and_another_story_does_not():
    edited = STORY.replace("on Tuesday", "in Tuesday's meeting").replace("Economists", "Most analysts")
    other = "Heavy rain flooded roads in the north of the country on Sunday and thousands of homes lost power."
    out = dedupe.assign_clusters([rec("a", STORY), rec("b", edited), rec("c", other)], no_store)
    assert out["a"].cluster_id == out["b"].cluster_id == "a"
    assert out["c"].cluster_id == "c"


def test_stored_copies_are_found_through_their_band_keys():
    first = dedupe.assign_clusters([rec("old", STORY)], no_store)["old"]
    stored = {key: (key, "old", "old", STORY) for key in first.band_keys}
    asked = []

    def lookup(keys):
        asked.append(keys)
        return [stored[k] for k in keys if k in stored]

    batch = [rec("new", STORY + " Markets closed higher."), rec("newer", STORY + " Shares fell.")]
    out = dedupe.assign_clusters(batch, lookup)
    assert out["new"].cluster_id == out["newer"].cluster_id == "old"
    assert len(asked) == 1, "one lookup for the whole batch"


def test_a_candidate_below_the_threshold_is_not_a_copy():
    half = " ".join(STORY.split()[: len(STORY.split()) // 2])
    assert dedupe.jaccard(dedupe.shingles(STORY), dedupe.shingles(half)) < dedupe.THRESHOLD
    out = dedupe.assign_clusters([rec("a", STORY), rec("b", half)], no_store)
    assert out["b"].cluster_id == "b"
