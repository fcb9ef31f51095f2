from newsgraph.resolve.within import NameMention, abbreviates, canonical_name, group, normalise


def mentions(*items):
    """(text, label[, key]) items placed one after another."""
    out, pos = [], 0
    for text, label, *key in items:
        out.append(NameMention(pos, pos + len(text), text, label, key[0] if key else None))
        pos += len(text) + 10
    return out


def test_misspelt_surname_joins_and_majority_spelling_wins():
    ents = group(mentions(("Sergey Larvov", "PERSON"), ("Lavrov", "PERSON"), ("Lavrov", "PERSON")))
    assert len(ents) == 1
    assert ents[0].name == "Sergey Lavrov"
    assert [m.text for m in ents[0].mentions] == ["Sergey Larvov", "Lavrov", "Lavrov"]


def test_transliterated_given_names_and_surnames_join():
    ents = group(mentions(("Sergei Lavrov", "PERSON"), ("Sergey Lavrov", "PERSON"),
                          ("Volodymyr Zelensky", "PERSON"), ("Zelenskyy", "PERSON")))
    assert [len(e.mentions) for e in ents] == [2, 2]


def test_different_given_names_stay_apart_and_lone_surname_joins_the_last_named():
    ents = group(mentions(("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")))
    assert [e.name for e in ents] == ["Bill Clinton", "Hillary Clinton"]
    assert [m.text for m in ents[1].mentions] == ["Hillary Clinton", "Clinton"]


def test_initial_agrees_with_given_name():
    ents = group(mentions(("J. Smith", "PERSON"), ("John Smith", "PERSON"), ("K. Smith", "PERSON")))
    assert [len(e.mentions) for e in ents] == [2, 1]


def test_acronym_joins_its_expansion_in_either_order():
    ents = group(mentions(("European Union", "ORG"), ("EU", "ORG"), ("OSCE", "ORG"),
                          ("Organisation for Security and Cooperation in Europe", "ORG")))
    assert [e.name for e in ents] == ["European Union", "Organisation for Security and Cooperation in Europe"]
    assert abbreviates("KDP", "Kurdistan Democratic Party")
    assert not abbreviates("Kurdistan", "Kurdistan Democratic Party")


def test_knowledge_base_key_groups_different_spellings():
    ents = group(mentions(("U.S.", "GPE", "country:US"), ("United States", "GPE", "country:US"),
                          ("US", "GPE", "country:US")))
    assert len(ents) == 1


def test_names_of_different_things_stay_apart():
    ents = group(mentions(("Russia", "GPE"), ("Russian", "NORP"), ("Reuters", "ORG")))
    assert [e.type for e in ents] == ["GPE", "NORP", "ORG"]
    assert [e.id for e in ents] == ["e1", "e2", "e3"]


def test_embedded_mentions_keep_their_kind_and_do_not_decide_the_type():
    ms = mentions(("Zimbabwe", "ORG"), ("Zimbabwe", "GPE"), ("Zimbabwe", "GPE"))
    ms[0].kind = "embedded"
    ms[1].kind = ms[2].kind = "name"
    (ent,) = group(ms)
    assert ent.type == "GPE"
    assert [m.kind for m in ent.mentions] == ["embedded", "name", "name"]


def test_normalise_and_canonical_name():
    assert normalise("the United States's") == "united states"
    assert canonical_name(mentions(("EU", "ORG"), ("EU", "ORG"), ("European Union", "ORG")), "ORG") == "European Union"
    # a name the wire broke over two lines is the same name, and shown on one line
    assert canonical_name(mentions(("World\nBank", "ORG"), ("World Bank", "ORG")), "ORG") == "World Bank"
