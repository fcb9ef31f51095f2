import pytest

from newsgraph.ingest.dates import normalise


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1987-02-26T15:01:01", "1987-02-26T15:01:01"),
        ("2022-05-05", "2022-05-05"),
        ("19950101", "1995-01-01"),
        ("2022", "2022"),
        ("2022-05", "2022-05"),
        ("2022-05-05 16:30", "2022-05-05T16:30:00"),
        ("2022-05-05T16:30:00Z", "2022-05-05T16:30:00+00:00"),
        ("2022-05-05T16:30:00.250+03:00", "2022-05-05T16:30:00+03:00"),
        ("20220505163000", "2022-05-05T16:30:00"),
        ("Thu, 05 May 2022 16:30:00 GMT", "2022-05-05T16:30:00+00:00"),
        ("Thu, 05 May 2022 16:30:00 +0300", "2022-05-05T16:30:00+03:00"),
        ("5 May 2022 16:30", "2022-05-05T16:30:00"),
        ("May 5, 2022", "2022-05-05"),
        ("  2022-05-05  ", "2022-05-05"),
    ],
)
def test_dates_become_iso_with_their_precision(value, expected):
    assert normalise(value) == expected


@pytest.mark.parametrize("value", ["", "garbage", "2022-13", "2022-02-30", "2021-13-45", "yesterday", "last Thursday", "12"])
def test_non_dates_and_relative_dates_are_none(value):
    assert normalise(value) is None
