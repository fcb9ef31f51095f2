from newsgraph.resolve.gazetteer import Place
from newsgraph.resolve.geocode import Context, choose

PARIS_FR = Place("city", "1", "Paris", 48.85, 2.35, "FR", 2_100_000, admin1="FR.11", capital_of="FR")
PARIS_TX = Place("city", "2", "Paris", 33.66, -95.55, "US", 25_000, admin1="US.TX")
TEXAS = Place("admin1", "3", "Texas", 31.0, -100.0, "US", 29_000_000, admin1="US.TX")
GEORGIA = Place("country", "GE", "Georgia", 42.0, 43.5, "GE")
GEORGIA_US = Place("admin1", "4", "Georgia", 32.7, -83.4, "US", 10_000_000, admin1="US.GA")
NY_CITY = Place("city", "5", "New York City", 40.7, -74.0, "US", 8_800_000, admin1="US.NY")
NY_STATE = Place("admin1", "6", "New York", 43.0, -75.5, "US", 19_000_000, admin1="US.NY")


def test_population_decides_without_context():
    assert choose([PARIS_TX, PARIS_FR], Context()) is PARIS_FR


def test_state_named_in_the_article_decides():
    ctx = Context.of([[TEXAS]])
    assert choose([PARIS_FR, PARIS_TX], ctx) is PARIS_TX


def test_state_right_after_the_name_decides():
    assert choose([PARIS_FR, PARIS_TX], Context(), within=TEXAS) is PARIS_TX


def test_dateline_country_decides():
    ctx = Context.of([], dateline=Place("city", "7", "Dallas", 32.8, -96.8, "US", 1_300_000))
    assert choose([PARIS_FR, PARIS_TX], ctx) is PARIS_TX


def test_a_capital_by_its_own_name_outweighs_a_town_of_the_storys_country():
    washington = Place("city", "12", "Washington", 38.9, -77.04, "US", 690_000, admin1="US.DC", capital_of="US")
    assert choose([PARIS_FR, PARIS_TX], Context.of([], dateline=washington), name="Paris") is PARIS_FR
    dallas = Place("city", "7", "Dallas", 32.8, -96.8, "US", 1_300_000, admin1="US.TX")
    assert choose([PARIS_FR, PARIS_TX], Context.of([], dateline=dallas), name="Paris") is PARIS_TX


def test_country_wins_unless_the_story_is_in_the_other_country():
    assert choose([GEORGIA, GEORGIA_US], Context()) is GEORGIA
    us_story = Context.of([[Place("country", "US", "United States", 39.5, -99.0, "US")]])
    assert choose([GEORGIA, GEORGIA_US], us_story) is GEORGIA_US


def test_city_preferred_to_a_subdivision_of_its_name():
    assert choose([NY_STATE, NY_CITY], Context(), name="New York") is NY_CITY


def test_no_candidates():
    assert choose([], Context()) is None


def test_county_in_a_state_named_in_the_article_or_after_it():
    suffolk_ma = Place("admin2", "8", "Suffolk County", 42.3, -71.1, "US", 2_000_000, admin1="US.MA")
    suffolk_ny = Place("admin2", "9", "Suffolk County", 40.9, -72.7, "US", 1_500_000, admin1="US.NY")
    assert choose([suffolk_ma, suffolk_ny], Context()) is suffolk_ma
    assert choose([suffolk_ma, suffolk_ny], Context.of([[NY_STATE]])) is suffolk_ny
    assert choose([suffolk_ma, suffolk_ny], Context(), within=NY_STATE) is suffolk_ny


def test_a_name_is_no_evidence_for_itself():
    us = Place("country", "US", "United States", 39.5, -99.0, "US")
    ctx = Context.of([[GEORGIA, GEORGIA_US], [us]])
    assert choose([GEORGIA, GEORGIA_US], ctx) is GEORGIA
    assert choose([GEORGIA, GEORGIA_US], ctx.without([GEORGIA, GEORGIA_US])) is GEORGIA_US
    alone = Context.of([[PARIS_TX], [TEXAS]])
    assert alone.without([PARIS_TX]).countries == {"US": 1} and not alone.without([TEXAS]).admin1


def test_another_name_of_a_smaller_city_loses_to_the_city_of_that_name():
    milan = Place("city", "8", "Milan", 45.46, 9.19, "IT", 1_371_498, admin1="IT.09")
    syracuse = Place("city", "9", "Syracuse", 43.05, -76.15, "US", 144_142, admin1="US.NY")  # "Milan" among its names
    us_story = Context.of([[Place("country", "US", "United States", 39.5, -99.0, "US")]])
    assert choose([syracuse, milan], us_story, name="Milan") is milan
    harare = Place("city", "10", "Harare", -17.83, 31.05, "ZW", 1_542_813, capital_of="ZW")
    salisbury = Place("city", "11", "Salisbury", 51.07, -1.79, "GB", 45_000)
    assert choose([salisbury, harare], Context(), name="Salisbury") is harare
