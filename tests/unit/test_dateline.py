from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.ingest.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "published", "place", "country", "date"),
    [
        ("MOSCOW, Dec 3 — Talks ended.", "2025-12-03", "Moscow", "RUS", "2025-12-03"),
        ("WASHINGTON (Reuters) - The Senate voted.", "2025-06-01", "Washington", "USA", None),
        ("KYIV, Ukraine, Dec. 3 (AP) — Sirens sounded.", "2025-12-04", "Kyiv", "UKR", "2025-12-03"),
        ("LONDON — Ministers met.", None, "London", "GBR", None),
        ("PARIS, 12 December (AFP) - Farmers marched.", "2026-01-05", "Paris", "FRA", "2025-12-12"),
        ("NEW YORK, March 5, 2024 -- Stocks fell.", "2024-03-05", "New York", "USA", "2024-03-05"),
        ("MOSCOW, Dec 3 — Talks ended.", None, "Moscow", "RUS", "XXXX-12-03"),
    ],
)
def test_datelines(text, published, place, country, date):
    found = find_dateline(text, published)
    assert found, f"no dateline found in {text!r}"
    assert (found.place, found.country) == (place, country)
    assert (found.date.value if found.date else None) == date
    assert text[found.span.start:found.span.end] == found.span.text


@pytest.mark.parametrize("text", [
    "Putin said - and repeated - that talks went well.",
    "The talks ended without a deal on Tuesday.",
    "US: the result is in.",
])
def test_not_datelines(text):
    assert find_dateline(text, "2025-12-03") is None


def test_year_is_the_latest_not_after_publication():
    # an article published on Jan 2 with a Dec 30 dateline is from the year before
    assert find_dateline("BERLIN, Dec 30 - x", "2026-01-02").date.value == "2025-12-30"
    assert find_dateline("BERLIN, Jan 2 - x", "2026-01-02").date.value == "2026-01-02"


@given(st.dates(min_value=date(1800, 1, 1)), st.integers(1, 12), st.integers(1, 28))
def test_dateline_date_never_after_publication(published, month, day):
    # from 1800 on: in year 1 a dateline after publication has no earlier year to fall back to
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    found = find_dateline(f"LONDON, {months[month - 1]} {day} - text", published.isoformat())
    assert found.date.value <= published.isoformat()
    assert found.date.value.endswith(f"-{month:02d}-{day:02d}")


def test_us_state_qualifier():
    found = find_dateline("PORTLAND, Maine (AP) - The storm hit.", "2025-01-02")
    assert (found.place, found.country) == ("Portland", "USA")
    assert find_dateline("MOSCOW, Idaho - x", None).country == "USA"


@pytest.mark.parametrize(("text", "place", "country", "date", "span"), [
    ("CRICKET - KENT WIN .\nLONDON 1996-08-30\nKent beat Essex .", "London", "GBR", "1996-08-30",
     "LONDON 1996-08-30"),
    ("SOCCER - JAPAN WIN .\nNADIM LADKI\nAL-AIN , United Arab Emirates 1996-12-06\nJapan won .",
     "Al-Ain", "ARE", "1996-12-06", "AL-AIN , United Arab Emirates 1996-12-06"),
    ("Talks end in Moscow\nMOSCOW, Dec 3 (Reuters) - Talks ended.", "Moscow", "RUS", "1996-12-03",
     "MOSCOW, Dec 3 (Reuters) -"),
])
def test_dateline_on_an_opening_line(text, place, country, date, span):
    # after a kicker, headline or byline: the wire form with a date, or the bare form
    found = find_dateline(text, "1996-12-31")
    assert (found.place, found.country, found.date.value) == (place, country, date)
    assert found.span.text == span == text[found.span.start:found.span.end]


@pytest.mark.parametrize("text", [
    "Talks end\nLONDON - Ministers met.",            # a later line needs a date
    "Talks end\nLondon, Dec 3 - Ministers met.",      # ... and its place in capitals
    "One\nTwo\nThree\nFour\nLONDON 1996-08-30\nx",  # past the opening lines
    "Talks end\nLONDON 1996-08-30 was a hot day",     # the bare form is a line of its own
])
def test_not_datelines_on_later_lines(text):
    assert find_dateline(text, "1996-12-31") is None
