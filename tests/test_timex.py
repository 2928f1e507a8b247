"""Time expressions resolved against the publication date (tidings.events.timex)."""

from __future__ import annotations

import pytest

from tidings.events.timex import find_timexes

PUB = "2024-11-12"  # a Tuesday


def one(text: str, dct: str | None = PUB):
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The talks ended on November 12, 2024 in Geneva.", "2024-11-12"),
        ("The accord was signed on 3 March 2023.", "2023-03-03"),
        ("Troops crossed the border on Nov. 9, officials said.", "2024-11-09"),
        ("The envoy arrived on Oct. 30.", "2024-10-30"),
        ("The minister flew to Tokyo yesterday.", "2024-11-11"),
        ("Officials met today to discuss the plan.", "2024-11-12"),
        ("The leaders will speak again tomorrow.", "2024-11-13"),
    ],
)
def test_days(text: str, day: str) -> None:
    tx = one(text)
    assert (tx.day, tx.granularity) == (day, "day")


def test_weekday_is_the_last_such_day_for_past_events() -> None:
    assert one("The president spoke by phone with his counterpart on Friday.").day == "2024-11-08"
    assert one("The minister said on Tuesday that talks would resume.").day == "2024-11-12"  # the same day


def test_weekday_looks_ahead_in_future_clauses() -> None:
    assert one("The two sides will meet again on Thursday.").day == "2024-11-14"


def test_day_of_month_is_this_month_or_the_last() -> None:
    assert one("The envoy landed in Hanoi on the 9th.").day == "2024-11-09"
    # the 20th has not come yet on the 12th: last month's 20th
    assert one("The drills began on the 20th.").day == "2024-10-20"
    assert one("The summit is scheduled to open on the 20th.").day == "2024-11-20"


def test_the_ninth_is_never_a_month() -> None:
    tx = one("Delegates gathered on the 9th.", "2025-03-15")
    assert tx.day == "2025-03-09"


def test_no_publication_date_no_day() -> None:
    assert one("The delegates gathered on the 9th.", None).day is None
    assert one("He left on Friday.", None).day is None
    assert one("The vote took place on Nov. 9.", None).day is None
    assert one("The vote took place on November 9, 2024.", None).day == "2024-11-09"


@pytest.mark.parametrize(
    ("text", "value", "gran"),
    [
        ("Inflation eased earlier this month.", "2024-11", "month"),
        ("The ministers met last week in Lima.", "2024-W45", "week"),
        ("The treaty takes effect next year.", "2025", "year"),
        ("The summit was held in August this year.", "2024-08", "month"),
        ("Elections were held two years ago.", "2022", "year"),
        ("Exports fell in May 2010.", "2010-05", "month"),
        ("Tensions rose last summer.", "2023-SU", "season"),
        ("The base was built in the 1990s.", "199", "decade"),
    ],
)
def test_coarser_granularity_has_no_day(text: str, value: str, gran: str) -> None:
    tx = one(text)
    assert (tx.value, tx.granularity, tx.day) == (value, gran, None)


def test_ranges_have_no_day() -> None:
    tx = one("From the 11th to the 17th, the forum will be held in Lima.")
    assert tx.granularity == "range" and tx.day is None


def test_durations_and_modal_may() -> None:
    assert one("The occupation lasted eight years.").value == "P8Y"
    assert one("a three-month freeze").value == "P3M"
    assert find_timexes("Officials may travel to Seoul.", PUB) == []
    assert one("The deal was signed in May.").value == "2024-05"


def test_offsets_point_into_the_text() -> None:
    text = "Talks resumed on Friday after a pause."
    tx = one(text)
    assert text[tx.start : tx.end] == tx.text == "Friday"
