"""The pure TIMEX3 normalisers: hand-built cases and hypothesis properties."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.extract.timex import normalise as nz

DAYS = st.dates(min_value=date(1900, 1, 8), max_value=date(2099, 12, 24))
DIRECTIONS = st.sampled_from([-1, 0, 1])

TUESDAY = date(2025, 12, 2)
WEDNESDAY = date(2025, 12, 3)


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    (1, -1, date(2025, 12, 2)),   # past "on Tuesday" from a Wednesday: the day before
    (1, 1, date(2025, 12, 9)),    # future: next week's
    (2, -1, date(2025, 12, 3)),   # the anchor's own weekday is the anchor
    (4, -1, date(2025, 11, 28)),  # past Friday
    (4, 1, date(2025, 12, 5)),
    (4, 0, date(2025, 11, 28)),   # unknown tense reads as past
])
def test_resolve_weekday_cases(weekday, direction, expected):
    assert nz.resolve_weekday(weekday, WEDNESDAY, direction) == expected


@given(st.integers(0, 6), DAYS, DIRECTIONS)
def test_weekday_lands_within_a_week_on_the_tense_side(weekday, anchor, direction):
    day = nz.resolve_weekday(weekday, anchor, direction)
    assert day.weekday() == weekday
    gap = (day - anchor).days
    assert -6 <= gap <= 6
    assert gap >= 0 if direction > 0 else gap <= 0


@given(st.integers(0, 6), DAYS, DIRECTIONS)
def test_resolved_weekday_is_stable(weekday, anchor, direction):
    """Resolving again from the resolved date gives the same date."""
    day = nz.resolve_weekday(weekday, anchor, direction)
    assert nz.resolve_weekday(weekday, day, direction) == day


@pytest.mark.parametrize(("unit", "n", "expected"), [
    ("D", -1, "2025-12-02"), ("D", 0, "2025-12-03"), ("D", 1, "2025-12-04"),
    ("Y", -1, "2024"), ("Y", 0, "2025"), ("M", 1, "2026-01"), ("M", -12, "2024-12"),
    ("W", 0, "2025-W49"), ("W", -1, "2025-W48"), ("Q", -1, "2025-Q3"), ("Q", 1, "2026-Q1"),
    ("DE", 0, "202"), ("CE", 0, "20"),
])
def test_shift(unit, n, expected):
    assert nz.shift(WEDNESDAY, unit, n) == expected


@pytest.mark.parametrize(("unit", "expected"), [
    ("D", "XXXX-XX-XX"), ("Y", "XXXX"), ("W", "XXXX-WXX"), ("M", "XXXX-XX"),
])
def test_shift_without_anchor_invents_nothing(unit, expected):
    assert nz.shift(None, unit, -1) == expected


@given(DAYS, st.integers(-400, 400))
def test_day_shift_is_exact(anchor, n):
    assert date.fromisoformat(nz.shift(anchor, "D", n)) - anchor == timedelta(days=n)


@given(DAYS, st.integers(-50, 50))
def test_month_shift_round_trips(anchor, n):
    there = date.fromisoformat(nz.shift(anchor, "M", n) + "-01")
    assert nz.shift(there, "M", -n) == anchor.strftime("%Y-%m")


@pytest.mark.parametrize(("count", "unit", "expected"), [
    (5, "TH", "PT5H"), (2, "Y", "P2Y"), (3, "D", "P3D"), (None, "Y", "PXY"), ("X", "W", "PXW"),
    (2, "DE", "P20Y"), (1, "M", "P1M"), (30, "TM", "PT30M"), ("H", "Y", "P6M"),
])
def test_duration(count, unit, expected):
    assert nz.duration(count, unit) == expected


@given(st.integers(1, 999), st.sampled_from(["TS", "TM", "TH", "D", "W", "M", "Q", "Y"]))
def test_duration_is_wellformed(count, unit):
    assert re.fullmatch(r"P(T?)\d+[SMHDWQY]", nz.duration(count, unit))


@pytest.mark.parametrize(("month", "direction", "kwargs", "expected"), [
    (12, -1, {"day": 3}, "2025-12-03"),
    (2, 0, {"year": 2022}, "2022-02"),
    (11, -1, {}, "2025-11"),
    (1, 1, {"day": 14}, "2026-01-14"),       # a future January from December: next year
    (6, -1, {}, "2025-06"),
    (2, 0, {"day": 30}, None),                # no such day
])
def test_month_value(month, direction, kwargs, expected):
    assert nz.month_value(month, WEDNESDAY, direction, **kwargs) == expected


def test_month_value_without_anchor():
    assert nz.month_value(12, None, -1, day=3) == "XXXX-12-03"
    assert nz.month_value(2, None, 0) == "XXXX-02"


@given(st.integers(1, 12), DAYS, DIRECTIONS)
def test_nearest_year_within_a_year_of_the_anchor(month, anchor, direction):
    year = nz.nearest_year(month, anchor, direction)
    gap = (year * 12 + month) - (anchor.year * 12 + anchor.month)
    assert abs(gap) <= 12
    if direction < 0:
        assert gap <= 2
    if direction > 0:
        assert gap >= -2


@given(st.integers(1, 4), DAYS, DIRECTIONS)
def test_quarter_is_never_far_from_the_anchor(quarter, anchor, direction):
    value = nz.quarter_value(quarter, anchor, direction)
    year, q = int(value[:4]), int(value[-1])
    assert q == quarter
    assert abs((year * 4 + q) - (anchor.year * 4 + nz.quarter_of(anchor))) <= 4


@pytest.mark.parametrize(("year", "expected"), [(1980, "198"), (1989, "198"), (2000, "200")])
def test_decade(year, expected):
    assert nz.decade_value(year) == expected


def test_relative_month_and_season():
    assert nz.relative_month(4, WEDNESDAY, -1) == "2025-04"
    assert nz.relative_month(12, WEDNESDAY, -1) == "2024-12"
    assert nz.relative_month(3, WEDNESDAY, 1) == "2026-03"
    assert nz.season_value("SU", WEDNESDAY, -1) == "2025-SU"
    assert nz.season_value("WI", WEDNESDAY, -1) == "2024-WI"
    assert nz.season_value("SP", None, 1) == "XXXX-SP"


def test_clock_and_meridiem():
    assert nz.to_24h(3, "p.m.") == 15
    assert nz.to_24h(12, "a.m.") == 0
    assert nz.to_24h(12, "p.m.") == 12
    assert nz.clock_value("2025-12-03", 15, None) == "2025-12-03T15:00"


def test_nth_weekday_and_weekend():
    assert nz.nth_weekday(2025, 11, 4, 3) == date(2025, 11, 27)   # Thanksgiving 2025
    assert nz.nth_weekday(2025, 5, None, 0) == date(2025, 5, 26)  # last Monday of May
    assert nz.weekend_value(WEDNESDAY, -1) == "2025-W48-WE"
    assert nz.weekend_value(WEDNESDAY, 1) == "2025-W49-WE"


@given(st.integers(1990, 2050), st.integers(1, 12), st.integers(1, 5).filter(lambda n: n <= 4),
       st.integers(0, 6))
def test_nth_weekday_properties(year, month, nth, weekday):
    day = nz.nth_weekday(year, month, nth, weekday)
    assert day.weekday() == weekday and day.month == month
    assert (day.day - 1) // 7 == nth - 1


@pytest.mark.parametrize(("value", "expected"), [
    ("198", "decade"), ("2025", "year"), ("2025-12", "month"), ("2025-12-03", "day"),
    ("2025-12-03T15:00", "minute"), ("2025-12-03TMO", "hour"), ("PT5H", None),
    ("PRESENT_REF", None), ("2025-Q3", None),
])
def test_precision(value, expected):
    assert nz.precision_of(value) == expected
