"""Speaker resolution: names, surnames, pronouns by gender and recency, nominals by the
roles seen earlier, anonymous sources left unresolved, and what goes back on entities."""
from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention, Quote
from newsgraph.nlp.pipeline import load
from newsgraph.nlp.speakers import gender_of_words, role_classes


def run(nlp, text: str):
    doc = nlp(text)
    assert not doc._.errors, doc._.errors
    ents = {e.id: e for e in doc._.entities}
    for q in doc._.quotes:
        assert 0.0 <= q.confidence <= 1.0
        assert (q.speaker is None) == (q.speaker_name is None)
        if q.speaker is not None:
            assert ents[q.speaker].name == q.speaker_name
    return doc._.quotes, ents


def speaker_of(nlp, text: str) -> tuple[Quote, Entity | None]:
    qs, ents = run(nlp, text)
    (q,) = [q for q in qs if q.kind != "partial"]
    return q, ents.get(q.speaker)


def test_role_classes_follow_the_title():
    assert {"foreign minister", "minister", "diplomat"} <= role_classes("Russian Foreign Minister")
    assert "spokesperson" in role_classes("State Department spokeswoman")
    assert role_classes("Russian") == set()


@pytest.mark.parametrize("role, head_of_state", [
    ("Kenyan President", True), ("President", True), ("South Korean President", True), ("Brazil's President", True),
    ("interim president", True),
    # a president of something else, or a vice president, is no head of state
    ("central bank president", False), ("Board President", False), ("European Commission President", False),
    ("executive vice president", False),
])
def test_a_states_office_alone_implies_its_rank(role, head_of_state):
    assert ("head of state" in role_classes(role)) is head_of_state


def test_a_subordinate_title_is_not_the_title_it_ends_in():
    assert "president" not in role_classes("vice president")
    assert "foreign minister" not in role_classes("Deputy Foreign Minister")
    assert {"deputy foreign minister", "minister", "diplomat"} <= role_classes("Deputy Foreign Minister")


def test_gender_words():
    assert gender_of_words(["Mrs."]) == "f"
    assert gender_of_words(["spokesman"]) == "m"
    assert gender_of_words(["minister"]) is None


def test_surname_resolves_to_the_full_name(nlp):
    q, ent = speaker_of(nlp, 'John Smith arrived on Monday. "We will win," Smith said.')
    assert ent.name == "John Smith" and q.speaker_mention.text == "Smith"


@pytest.mark.parametrize("pronoun, name", [("she", "Mary Jones"), ("he", "John Smith")])
def test_pronoun_by_gender(nlp, pronoun, name):
    q, ent = speaker_of(nlp, f'Mary Jones met John Smith on Monday. "We agree," {pronoun} said.')
    assert ent.name == name
    assert any(m.kind == "pronoun" and m.text == pronoun for m in ent.mentions)


def test_pronoun_prefers_the_latest_person(nlp):
    text = ('John Smith spoke first. Later Peter Brown took the floor for an hour. '
            '"We will not give up," he said.')
    _, ent = speaker_of(nlp, text)
    assert ent.name == "Peter Brown"


def test_pronoun_with_a_gendered_noun_in_between_stays_unresolved(nlp):
    q, ent = speaker_of(nlp, 'John Smith left. The woman stayed. "I am staying," she said.')
    assert ent is None and q.speaker_mention.text == "she"


def test_nominal_by_role_seen_earlier(nlp):
    text = 'Russian Foreign Minister Sergey Lavrov arrived on Monday. "We agree," the diplomat said.'
    q, ent = speaker_of(nlp, text)
    assert ent.name == "Sergey Lavrov"
    assert {"Russian Foreign Minister", "foreign minister", "minister", "diplomat"} <= set(ent.roles)
    assert any(m.kind == "nominal" and m.text == "the diplomat" for m in ent.mentions)


def test_nominal_chooses_the_matching_title_and_nationality(nlp):
    text = ('US Secretary of State John Kerry met Russian Foreign Minister Sergey Lavrov and '
            'the mayor, Anna Jones. "There is no deal," the Russian diplomat said.')
    _, ent = speaker_of(nlp, text)
    assert ent.name == "Sergey Lavrov"
    assert "Russian diplomat" in ent.roles


def test_nominal_without_a_matching_role_stays_unresolved(nlp):
    q, ent = speaker_of(nlp, 'Mary Jones arrived. "We agree," the ambassador said.')
    assert ent is None and q.speaker_mention.text == "the ambassador"


@pytest.mark.parametrize("text, surface", [
    ('"It is over," officials said.', "officials"),
    ('"It is over," a source said.', "a source"),
])
def test_anonymous_sources_stay_unresolved(nlp, text, surface):
    q, ent = speaker_of(nlp, text)
    assert ent is None and q.speaker_mention.text == surface
    assert q.confidence < 0.9


def test_relative_pronoun_goes_to_its_antecedent(nlp):
    q, ent = speaker_of(nlp, "John Smith, who said the plan was bad, left early.")
    assert q.speaker_mention.text == "who" and ent.name == "John Smith"


def test_named_speaker_missed_by_the_ner_becomes_a_person():
    nlp = load(("newsgraph_quotes", "newsgraph_speakers"))
    doc = nlp('"We will win," said Anna Jones.')
    (q,) = doc._.quotes
    (ent,) = doc._.entities
    assert (ent.id, ent.type, ent.name, q.speaker) == ("e1", "PERSON", "Anna Jones", "e1")


def test_new_person_id_does_not_clash():
    nlp = load(("newsgraph_quotes", "newsgraph_speakers"))
    text = '"We will win," said Anna Jones in Lagos.'
    doc = nlp.make_doc(text)
    start = text.index("Lagos")
    doc._.entities = [Entity("e1", "Lagos", "GPE", mentions=[Mention(start, start + 5, "Lagos", "name")])]
    doc = nlp(doc)
    assert [(e.id, e.name) for e in doc._.entities] == [("e1", "Lagos"), ("e2", "Anna Jones")]
    assert doc._.quotes[0].speaker == "e2"


def test_confidence_orders_named_over_pronoun(nlp):
    text = '"We will win," John Smith said. Later he spoke again. "We did win," he said.'
    first, second = run(nlp, text)[0]
    assert first.speaker == second.speaker is not None
    assert first.confidence > second.confidence
