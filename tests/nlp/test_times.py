"""Time expressions: calendar arithmetic, every construction against a Thursday
publication date (2022-05-05, like the seed), the same without a date, and the traps."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.nlp import timenorm
from newsgraph.nlp.timenorm import FUTURE, NEAREST, PAST

THURSDAY = "2022-05-05T16:30:00"


def times(nlp, text: str, published: str | None = THURSDAY) -> dict[str, tuple]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    assert not doc._.errors, doc._.errors
    for t in doc._.times:
        assert t.text == text[t.start:t.end]
    return {t.text: (t.value, t.granularity) for t in doc._.times}


def value_of(nlp, text: str, phrase: str, published: str | None = THURSDAY):
    """The (value, granularity) of the one time expression overlapping ``phrase``."""
    start = text.index(phrase)
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = nlp(doc)
    hits = [t for t in doc._.times if t.start < start + len(phrase) and start < t.end]
    assert len(hits) == 1, (phrase, doc._.times)
    return hits[0].value, hits[0].granularity


# -- calendar arithmetic ----------------------------------------------------------------

@pytest.mark.parametrize("published, expected", [
    ("2022-05-05T16:30:00", dt.date(2022, 5, 5)),
    ("2022-05-05T23:30:00-05:00", dt.date(2022, 5, 5)),
    ("2022-05-05T01:00:00Z", dt.date(2022, 5, 5)),
    ("2022-05-05", dt.date(2022, 5, 5)),
    ("not a date", None),
    (None, None),
])
def test_anchor_is_the_written_local_date(published, expected):
    assert timenorm.anchor_date(published) == expected


def test_choose_before_after_nearest_and_strict():
    assert timenorm.choose([3, 10, 17], 10, PAST) == 10
    assert timenorm.choose([3, 10, 17], 10, PAST, strict=True) == 3
    assert timenorm.choose([3, 10, 17], 10, FUTURE, strict=True) == 17
    assert timenorm.choose([3, 17], 10, NEAREST) == 3  # a tie goes to the past
    assert timenorm.choose([3, 12], 10, NEAREST) == 12


def test_periods_number_consecutively():
    thursday = dt.date(2022, 5, 5)
    assert timenorm.shifted(thursday, "week", -1) == (["2022-04-25", "2022-05-01"], "week")
    assert timenorm.shifted(dt.date(2022, 1, 15), "month", -1) == ("2021-12", "month")
    assert timenorm.shifted(dt.date(2022, 2, 1), "quarter", -1) == (["2021-10", "2021-12"], "quarter")
    assert timenorm.shifted(thursday, "day", 1) == ("2022-05-06", "day")


def test_centuries_count_from_year_one():
    assert timenorm.century_value(21) == ["2001", "2100"]
    assert timenorm.century_value(1) == ["0001", "0100"]


def test_may_fifth_without_year_nearest_to_publication():
    assert timenorm.day_in_year(dt.date(2022, 1, 10), 12, 20, NEAREST) == dt.date(2021, 12, 20)
    assert timenorm.day_in_year(dt.date(2022, 1, 10), 2, 29, NEAREST) is None


# -- weekdays and days --------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, value", [
    ("Lavrov said in an article published on Thursday.", "Thursday", "2022-05-05"),
    ("The minister said on Monday that talks had failed.", "Monday", "2022-05-02"),
    ("The minister arrived on Friday.", "Friday", "2022-04-29"),
    ("The ministers will meet on Monday.", "Monday", "2022-05-09"),
    ("The board plans to vote on Friday.", "Friday", "2022-05-06"),
    ("They met last Thursday.", "last Thursday", "2022-04-28"),
    ("They meet next Thursday.", "next Thursday", "2022-05-12"),
    ("The vote is this Friday.", "this Friday", "2022-05-06"),
    ("Shares fell on Tuesday afternoon.", "Tuesday afternoon", "2022-05-03"),
    ("Prices rose yesterday.", "yesterday", "2022-05-04"),
    ("The law takes effect today.", "today", "2022-05-05"),
    ("The result is due tomorrow.", "tomorrow", "2022-05-06"),
    ("He spoke this morning.", "this morning", "2022-05-05"),
])
def test_days(nlp, text, phrase, value):
    assert value_of(nlp, text, phrase) == (value, "day")


# -- relative periods -----------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("Exports fell last week.", "last week", (["2022-04-25", "2022-05-01"], "week")),
    ("Talks resume next week.", "next week", (["2022-05-09", "2022-05-15"], "week")),
    ("Prices rose last month.", "last month", ("2022-04", "month")),
    ("The plant opens next month.", "next month", ("2022-06", "month")),
    ("Output grew last year.", "last year", ("2021", "year")),
    ("Elections are due next year.", "next year", ("2023", "year")),
    ("Sales doubled this year.", "this year", ("2022", "year")),
    ("Profit fell in the current quarter.", "current quarter", (["2022-04", "2022-06"], "quarter")),
    ("The firm was founded three years ago.", "three years ago", ("2019", "year")),
    ("He left two days ago.", "two days ago", ("2022-05-03", "day")),
    ("The rule changed a month ago.", "a month ago", ("2022-04", "month")),
])
def test_relative_periods(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == expected


# -- months, explicit dates, years ------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("Inflation peaked in March.", "March", ("2022-03", "month")),
    ("The summit is planned for September.", "September", ("2022-09", "month")),
    ("Prices fell in November, the ministry said.", "November", ("2021-11", "month")),
    ("Sales rose last May.", "last May", ("2021-05", "month")),
    ("The plant opens next May.", "next May", ("2023-05", "month")),
    ("The deal is expected to close in early June.", "early June", ("2022-06", "month")),
    ("The deal closed in early June.", "early June", ("2021-06", "month")),
    ("Output rose in May 2021.", "May 2021", ("2021-05", "month")),
    ("The ruling came on May 5, 2021.", "May 5, 2021", ("2021-05-05", "day")),
    ("The ruling came on 5 May 2021.", "5 May 2021", ("2021-05-05", "day")),
    ("The ruling came on the 5th of May 2021.", "5th of May 2021", ("2021-05-05", "day")),
    ("The ruling came on Sept. 11, 2001.", "Sept. 11, 2001", ("2001-09-11", "day")),
    ("The filing is dated 2022-05-03.", "2022-05-03", ("2022-05-03", "day")),
    ("The filing is dated 5/3/2022.", "5/3/2022", ("2022-05-03", "day")),
    ("The filing is dated 13/3/2022.", "13/3/2022", ("2022-03-13", "day")),
    ("Arrivals for the week ended Feb 26 rose.", "Feb 26", ("2022-02-26", "day")),
    ("Books close May 11-21.", "May 11-21", (["2022-05-11", "2022-05-21"], "range")),
    ("The treaty was signed in 1994.", "1994", ("1994", "year")),
    ("Reactors will close by 2030.", "2030", ("2030", "year")),
    ("Output rose in fiscal 1987.", "1987", ("1987", "year")),
])
def test_months_dates_years(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == expected


def test_a_day_and_a_clock_time_make_one_time(nlp):
    assert value_of(nlp, "Talks start at 3 p.m. on Thursday.", "3 p.m.") == ("2022-05-05T15:00", "time")
    assert value_of(nlp, "Talks started on Monday at 16:30.", "16:30") == ("2022-05-02T16:30", "time")


def test_a_clock_time_alone_has_no_calendar_value(nlp):
    assert value_of(nlp, "The market opens at 9:30 a.m.", "9:30 a.m.") == (None, "time")


# -- ranges, decades, centuries, quarters -----------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("Between 2010 and 2021 alone, investments grew.", "Between 2010 and 2021", (["2010", "2021"], "range")),
    ("Prices rose from 2019 to 2021.", "from 2019 to 2021", (["2019", "2021"], "range")),
    ("The 2010-2021 figures were revised.", "2010-2021", (["2010", "2021"], "range")),
    ("The 2010–21 figures were revised.", "2010–21", (["2010", "2021"], "range")),
    ("The 1986/87 crop was large.", "1986/87", (["1986", "1987"], "range")),
    ("Shipments from May to July 2022 rose.", "from May to July 2022", (["2022-05", "2022-07"], "range")),
    ("Prices peaked in the 1990s.", "the 1990s", (["1990", "1999"], "decade")),
    ("It was a hit in the '80s.", "the '80s", (["1980", "1989"], "decade")),
    ("Cooperation between nations in the 21st century.", "the 21st century", (["2001", "2100"], "century")),
    ("It was built in the nineteenth century.", "the nineteenth century", (["1801", "1900"], "century")),
    ("Profit fell in the first quarter of 2021.", "first quarter of 2021", (["2021-01", "2021-03"], "quarter")),
    ("Profit fell in Q4 2021.", "Q4 2021", (["2021-10", "2021-12"], "quarter")),
    ("Profit fell in the fourth quarter.", "fourth quarter", (["2021-10", "2021-12"], "quarter")),
])
def test_ranges_decades_centuries_quarters(nlp, text, phrase, expected):
    assert value_of(nlp, text, phrase) == expected


# -- without a publication date -----------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, granularity", [
    ("He said on Thursday that talks failed.", "Thursday", "day"),
    ("Prices rose yesterday.", "yesterday", "day"),
    ("Exports fell last week.", "last week", "week"),
    ("Inflation peaked in March.", "March", "month"),
    ("The firm was founded three years ago.", "three years ago", "year"),
    ("Arrivals for the week ended Feb 26 rose.", "Feb 26", "day"),
])
def test_relative_expressions_stay_null_without_a_date(nlp, text, phrase, granularity):
    assert value_of(nlp, text, phrase, published=None) == (None, granularity)


def test_absolute_expressions_need_no_date(nlp):
    text = "Between 2010 and 2021, and on May 5, 2022, in the 21st century."
    found = times(nlp, text, published=None)
    assert found["Between 2010 and 2021"] == (["2010", "2021"], "range")
    assert found["May 5, 2022"] == ("2022-05-05", "day")
    assert found["the 21st century"] == (["2001", "2100"], "century")


# -- traps -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The plant has 2000 workers.",
    "He paid 1990 dlrs for the car.",
    "May I ask a question?",
    "Protesters march on the capital.",
    "COVID-19 cases rose.",
    "The team won 21 games.",
    "Call 555-1234 now.",
])
def test_not_times(nlp, text):
    assert times(nlp, text) == {}


# -- the seed -------------------------------------------------------------------------------------

def test_seed_times(seed_record, shared):
    gold = json.loads((shared / "seed" / "000_2bc63dc8be47816e.gold.json").read_text(encoding="utf-8"))
    text = seed_record.article.text
    for expected in gold["dates"]:
        start = text.index(expected["text"])
        hits = [t for t in seed_record.times if t.start < start + len(expected["text"]) and start < t.end]
        assert [t.value for t in hits] == [expected["value"]], expected


@pytest.mark.parametrize("text", [
    "on Sept. 3", "3 of March, 2021", "mid-May 2022", "late June", "last Friday morning", "five days ago",
    "A year Ago", "the early 1990s", "the '80s", "the 21st Century", "the twenty-first century",
])
def test_a_rule_that_matches_passes_its_gate(text):
    """Gated rules are skipped on texts without a match of their gate, so each gate must
    match wherever its rule does."""
    from newsgraph.nlp.times import GATES, RULES

    matched = [kind for kind, pattern in RULES if kind in GATES and pattern.search(text)]
    assert matched
    assert all(GATES[kind].search(text) for kind in matched)
