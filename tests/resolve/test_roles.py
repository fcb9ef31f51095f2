from newsgraph.resolve.roles import is_title, role_of, title_at_end


def test_role_keeps_modifiers_and_drops_determiners():
    assert role_of(["the", "Russian", "top", "diplomat"]) == "Russian top diplomat"
    assert role_of(["Russian", "Foreign", "Minister"]) == "Russian Foreign Minister"
    assert role_of(["Russia", "'s", "foreign", "minister"]) == "Russia's foreign minister"


def test_phrase_without_a_title_is_no_role():
    assert role_of(["the", "Russian", "newspaper", "article"]) is None
    assert role_of([]) is None


def test_multiword_titles():
    assert title_at_end(["the", "secretary", "of", "state"]) == 3
    assert title_at_end(["chief", "executive"]) == 2
    assert is_title("Prime Minister") and not is_title("newspaper")
