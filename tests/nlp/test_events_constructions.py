"""CAMEO events: constructions the coder reads off the parse (appositions, role-noun
compounds, raising passives, hedges, demands about a clause, event nouns that did
something or are the object of a light verb, coordinated verbs sharing an object,
relative clauses)."""
from __future__ import annotations

import pytest

from newsgraph.nlp.actors import ActorTable, adjective_base
from newsgraph.nlp.cameo import Action, verbs


def triples(nlp, text: str) -> set[tuple]:
    doc = nlp(text)
    assert not doc._.errors, doc._.errors
    return {(e.source_actor, e.target_actor, e.code) for e in doc._.events}


def test_national_adjectives_give_country_codes():
    assert adjective_base("Danish") == "DNK"
    assert adjective_base("danish") is None  # only as a name is written
    assert adjective_base("Islamist") is None


@pytest.mark.parametrize("text, expected", [
    # an apposition names the subject itself
    ("The lions and the evil awful Germany welcomed a resumption of formal diplomatic ties with France.",
     ("DEU", "FRA", "051")),
    # a role noun compounded with a plain head noun gives the role
    ("Egypt's largest opposition party criticized the Egyptian government.", ("EGYOPP", "EGYGOV", "111")),
    # a group named by a national adjective and something else acts for the country
    ("The Danish Islamist media warned Sweden.", ("DNKMED", "SWE", "130")),
    # a raising passive hands its subject down as the actor ...
    ("Germany is said to be about to restore diplomatic ties with Iran.", ("DEU", "IRN", "050")),
    # ... while a real passive, even a fronted participle, takes its agent
    ("Rebuked by Poland, Belarus is being drawn into the talks.", ("POL", "BLR", "111")),
    # a demand about a clause targets the clause's subject
    ("France demanded that Germany withdraw its troops.", ("FRA", "DEU", "100")),
])
def test_constructions(nlp, text, expected):
    assert expected in triples(nlp, text)


def test_an_adjective_is_no_role(nlp):
    """Military ties are the country's, not its military's."""
    assert triples(nlp, "Poland will abandon full military ties with Germany.") == {("POL", "DEU", "161")}


@pytest.mark.parametrize("text, expected", [
    ("Russia may impose sanctions on Georgia.", ("RUS", "GEO", "1312")),  # threaten with sanctions
    ("Russia would attack Georgia if provoked.", ("RUS", "GEO", "1384")),  # threaten with force
    ("Russia might send aid to Syria.", ("RUS", "SYR", "033")),  # intent to provide aid
])
def test_a_hedged_act_is_announced_not_done(nlp, text, expected):
    assert triples(nlp, text) == {expected}


def test_a_demand_spans_its_clause(nlp):
    event = nlp("France demanded that Germany withdraw its troops.")._.events[0]
    assert event.text == "France demanded that Germany withdraw its troops"


def test_an_event_noun_that_did_something_took_place(nlp):
    assert ("RUS", "GEO", "190") in triples(nlp, "Russia's attack on Georgia killed ten people.")
    assert ("CHNGOV", "BRA", "042") in triples(nlp, "A visit by the Chinese president to Brazil drew protests.")


def test_an_event_noun_under_a_modal_is_no_event(nlp):
    assert triples(nlp, "Russia's attack on Georgia would be a mistake.") == set()


def test_a_visit_goes_to_the_first_destination_not_a_later_for_phrase(nlp):
    found = triples(nlp, "The Chinese deputy premier left for Moscow on Wednesday for meetings of the "
                         "joint committee with India.")
    assert ("CHNGOV", "RUS", "042") in found
    assert not any("IND" in (s, t) for s, t, _ in found)


def test_seats_of_government_act_for_it(nlp):
    assert ("RUSGOV", "USAMIL", "111") in triples(nlp, "The Kremlin condemned the Pentagon.")
    assert ("USAGOV", "IRN", "111") in triples(nlp, "White House security officials criticized Iran.")


def test_actor_table_reads_plurals_and_names_without_their_article():
    table = ActorTable({"agents": {"congress": "LEG", "minister": "GOV"}, "not_groups": [], "regions": {}, "seats": {},
                        "groups": {}, "organisations": {}}, {"the Shire": "SHR"})
    assert table.agent("Congresses") == "LEG"
    assert table.agent("ministers") == "GOV"
    assert table.agent("congresse") is None
    assert table.named("Shire") == table.named("the Shire") == "SHR"


def test_an_act_denied_in_a_clause_is_not_reported(nlp):
    found = triples(nlp, "The Kremlin denied that Russia had attacked Ukrainian grain ports.")
    assert not any(code.startswith("19") for _, _, code in found)
    assert ("RUSGOV", "RUS", "016") in found
    assert ("RUS", "UKR", "190") in triples(nlp, "The Kremlin admitted that Russia had attacked Ukrainian grain ports.")


def test_light_verbs_take_the_code_of_their_event_noun():
    """An event noun codes its light verb; the verb's own entry comes first."""
    dictionary = verbs()
    assert dictionary.action("stage", {"attack", "on", "ukraine"}) == Action("190")
    assert dictionary.action("hold", {"talk", "with"}) == Action("040", "040")
    assert dictionary.action("open", {"talk"}) == Action("046", "046")  # starting negotiations
    assert dictionary.action("stage", {"play"}) is None


@pytest.mark.parametrize("text, expected", [
    ("Russia staged an attack on Ukraine.", {("RUS", "UKR", "190")}),
    ("Turkey opened an investigation into Russia.", {("TUR", "RUS", "090")}),
    ("India paid a visit to Nepal.", {("IND", "NPL", "042"), ("NPL", "IND", "043")}),
    ("Japan held talks with South Korea on Monday.", {("JPN", "KOR", "040"), ("KOR", "JPN", "040")}),
])
def test_light_verb_constructions(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_coordinated_verbs_share_a_later_object(nlp):
    assert triples(nlp, "France criticized and threatened Germany.") == {("FRA", "DEU", "111"), ("FRA", "DEU", "130")}


def test_a_verb_with_arguments_of_its_own_shares_no_object(nlp):
    """"met in Paris" is no meeting with the object of "praised"."""
    assert triples(nlp, "Russia met in Paris and praised China.") == {("RUS", "CHN", "051")}


@pytest.mark.parametrize("text", [
    "Germany welcomed the Chinese delegation, which Russia had criticized.",
    "Germany welcomed the Chinese delegation, which was criticized by Russia.",
])
def test_a_relative_clause_acts_on_the_noun_it_modifies(nlp, text):
    assert triples(nlp, text) == {("DEU", "CHNGOV", "051"), ("RUS", "CHNGOV", "111")}


def test_a_possessor_in_an_apposition_gives_the_country_not_the_role(nlp):
    """The Kenyan government's critic is Kenyan, not the government."""
    assert triples(nlp, "John Smith, the Kenyan government's fiercest critic, criticized Uganda.") == {
        ("KEN", "UGA", "111")}


def test_force_aims_at_its_object_before_the_place(nlp):
    assert triples(nlp, "A Pakistani soldier shot at Indian officers in Kashmir.") == {("PAKMIL", "INDCOP", "193")}


@pytest.mark.parametrize("text, expected", [
    ("Turkey celebrated the anniversary with Azerbaijan.", ("TUR", "AZE", "017")),
    ("The French president laid a wreath in Algeria.", ("FRAGOV", "DZA", "017")),
])
def test_symbolic_acts(nlp, text, expected):
    assert triples(nlp, text) == {expected}


@pytest.mark.parametrize("text, expected", [
    # with a source, the members of "between" are the targets
    ("Egypt's mediation between Israel and Jordan succeeded.", {("EGY", "ISR", "045"), ("EGY", "JOR", "045")}),
    # without one they act on each other
    ("Talks between Russia and Ukraine began on Monday.", {("RUS", "UKR", "040"), ("UKR", "RUS", "040")}),
    # after a source, "of" names the object of a nominalised act
    ("Iran's seizure of a British tanker angered London.", {("IRN", "GBR", "171")}),
])
def test_event_nouns(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_a_counterpart_is_an_official(nlp):
    assert ("GRCGOV", "TURGOV", "040") in triples(nlp, "Greek officials met their Turkish counterparts.")


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan exchanged fire on the border.",  # coordinated subjects
    "Armenia exchanged fire with Azerbaijan.",  # a reciprocal act codes both ways
])
def test_an_exchange_of_fire_is_force_both_ways(nlp, text):
    assert triples(nlp, text) == {("ARM", "AZE", "190"), ("AZE", "ARM", "190")}


@pytest.mark.parametrize("text, expected", [
    ("The United States imposed a new round of sanctions on Russia.", {("USA", "RUS", "163")}),
    ("Japan pledged a package of aid to Ukraine.", {("JPN", "UKR", "033")}),
    ("Russia and Ukraine held a round of talks in Istanbul on Monday.", {("RUS", "UKR", "040"), ("UKR", "RUS", "040")}),
])
def test_an_object_codes_through_what_it_is_a_quantity_of(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # where an act coded by its object was done is no party to it ...
    ("Russia and Ukraine signed an agreement in Istanbul.", {("RUS", "UKR", "057"), ("UKR", "RUS", "057")}),
    ("Russia and Ukraine held talks in Istanbul.", {("RUS", "UKR", "040"), ("UKR", "RUS", "040")}),
    # ... but a request, a statement or force is about the place
    ("The UN called for a ceasefire in Gaza.", {("IGOUNO", "PSE", "0256")}),
    ("France condemned the coup in Niger.", {("FRA", "NER", "111")}),
    ("Russia praised the progress in Kazakhstan.", {("RUS", "KAZ", "051")}),
])
def test_a_place_after_the_object_locates_an_act_and_is_the_topic_of_words(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru signed a trade agreement.", {("CHL", "PER", "057"), ("PER", "CHL", "057")}),
    ("Chile and Peru postponed their meeting.", {("CHL", "PER", "125"), ("PER", "CHL", "125")}),
    # one-way acts with no target are no events between the actors who did them
    ("Chile and Peru praised the plan.", set()),
    ("The plan was proposed by Chile, Peru and Bolivia.", set()),
    ("Mediation between Israel and Egypt began on Monday.", set()),
])
def test_coordinated_actors_do_only_joint_acts_to_each_other(nlp, text, expected):
    assert triples(nlp, text) == expected


def test_business_offers_and_declining_comment_are_no_intent_or_rejection(nlp):
    assert triples(nlp, "Germany's Siemens said it was offering shares to investors in France.") == set()
    assert triples(nlp, "Germany refused to comment on the report by France.") == {("DEU", "FRA", "011")}


def test_an_actor_does_not_act_on_itself(nlp):
    assert triples(nlp, "Japan had agreed to increase purchases of parts by Japanese car makers.") == set()
    assert triples(nlp, "Russia praised Moscow.") == set()


@pytest.mark.parametrize("text, expected", [
    # a participle is a passive on the noun it modifies, which is its object
    ("The sanctions imposed by the United States on Iran took effect on Monday.", {("USA", "IRN", "163")}),
    ("The aid sent by Japan to Ukraine arrived on Monday.", {("JPN", "UKR", "070")}),
    # without an agent it is no act of the clause's subject
    ("Russia welcomed the consultations held between Kazakhstan and Uzbekistan.",
     {("RUS", "KAZ", "051"), ("RUS", "UZB", "051")}),
    # a passive whose patient is no actor targets a prepositional object
    ("Sanctions were imposed on Iran by the United States.", {("USA", "IRN", "163")}),
])
def test_participles_and_passives_take_their_agent(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("China lashed out at Japan.", {("CHN", "JPN", "111")}),
    ("Ukraine and Russia exchanged prisoners on Sunday.", {("UKR", "RUS", "0841"), ("RUS", "UKR", "0841")}),
])
def test_phrasal_and_two_way_verbs(nlp, text, expected):
    assert triples(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a warning about someone targets them, not the one warned ...
    ("Germany warned France of a Russian attack.", {("DEU", "RUS", "130")}),
    # ... unless what it is about names no one
    ("The United States warned Russia about the consequences of an invasion.", {("USA", "RUS", "130")}),
])
def test_a_warning_targets_what_it_is_about(nlp, text, expected):
    assert triples(nlp, text) == expected
