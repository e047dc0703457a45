"""A capital stands for its government where it is a party (issue 15, part 4): the subject
of a verb, a party after "with"/"against"/"between", the one a thing is given to, the owner
of an act the event lexicon names; elsewhere it is the city. Sentences written for these
tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

BEFORE_EVENTS = ("times", "sports", "actors", "places", "quotes", "events")


def coded(ann, name: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.code) for e in ann.entities if e.name == name}


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Russia said it was ready to keep talking with Washington about the war.", "Washington", "USAGOV"),
    ("The main obstacle is Moscow's demand for all of the Donbas.", "Moscow", "RUSGOV"),
    ("Officials said the administration had given Kyiv a deadline to accept the plan.", "Kyiv", "UKRGOV"),
    ("Fighting between Moscow and Kyiv continued on Sunday.", "Kyiv", "UKRGOV"),
    ("Beijing has warned the island against any move.", "Beijing", "CHNGOV"),
])
def test_a_capital_that_is_a_party_is_its_government(annotate, text, name, code):
    assert ("ORG", code) in coded(annotate(text, components=("actors",)), name)


@pytest.mark.parametrize(("text", "name"), [
    ("Thousands marched through Moscow's streets on Sunday.", "Moscow"),
    ("The envoy flew to Moscow on Monday.", "Moscow"),
    ("Witkoff will brief Umerov on the Moscow talks.", "Moscow"),
])
def test_a_capital_that_is_a_place_stays_the_city(annotate, text, name):
    found = coded(annotate(text, components=("actors",)), name)
    assert found and all(type_ == "GPE" for type_, _ in found)


def test_a_city_naming_where_talks_are_held_is_no_side(annotate):
    ann = annotate("Rubio, who led the Geneva talks, spoke to reporters on Tuesday.",
                   components=BEFORE_EVENTS, published="2025-12-03")
    geneva = {e.id for e in ann.entities if e.name == "Geneva"}
    assert geneva
    assert not [e for e in ann.events for ref in e.actor + e.recipient if ref.entity in geneva]
    us = annotate("The US sanctions hit the country hard.", components=BEFORE_EVENTS, published="2025-12-03")
    assert [ref.code for e in us.events if e.event == "SANCTION" for ref in e.actor] == ["USA"]
