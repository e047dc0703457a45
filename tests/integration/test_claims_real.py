"""Claims on real parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.claims import ClaimsComponent
from eventwire.model import Article
from eventwire.nlp import Annotated

pytestmark = pytest.mark.slow


def claims(nlp, text):
    ann = Annotated(article=Article(id="t", text=text), doc=nlp(text))
    ClaimsComponent()(ann)
    return [(c.about, c.value, c.max, c.bound, c.unit, c.per) for c in ann.claims]


def test_deaths_with_lower_bound(nlp):
    assert ("deaths", 156, None, "at_least", "person", None) in claims(
        nlp, "Militiamen attacked the camp, killing at least 156 people."
    )


def test_money_percent_and_distance(nlp):
    found = claims(
        nlp,
        "The fund paid $50,000 in fines, prices rose 3 per cent a year and the convoy drove 12 miles.",
    )
    assert ("money", 50000, None, "exact", "USD", None) in found
    assert ("percent", 3, None, "exact", "percent", "year") in found
    assert ("distance", 12, None, "exact", "mi", None) in found


def test_years_and_dates_are_not_claims(nlp):
    assert claims(nlp, "Russia invaded Ukraine in February 2022, and on Dec 3 in the 1980s.") == []


def test_displaced_range(nlp):
    assert ("displaced", 10000, 20000, "range", "person", None) in claims(
        nlp, "Between 10,000 and 20,000 people were displaced by the fighting."
    )


def test_a_movement_is_not_a_bound(nlp):
    found = claims(nlp, "The jobless rate went up to 5.5%, and rebels killed up to 40 soldiers.")
    assert ("percent", 5.5, None, "exact", "percent", None) in found
    assert ("deaths", 40, None, "at_most", "person", None) in found
