"""Events with no coded party (issue 26, part 4): dropped by default, kept for material
acts the trained decision is sure of with ``uncoded_events = "sure"``. Sentences written
for these tests from the PLOVER manual's ASSAULT definition."""

from __future__ import annotations

import pytest

from eventwire.extract.events.component import EventsComponent

pytestmark = pytest.mark.slow

BEFORE = ("times", "sports", "actors", "places", "quotes")
NO_PARTY = "Gun attacks in the north left seven people dead."


def events(annotate, text, uncoded):
    ann = annotate(text, components=BEFORE, published="2025-06-01")
    EventsComponent(uncoded=uncoded)(ann)
    return ann.events


def test_an_attack_with_no_coded_party_is_dropped_by_default(annotate):
    assert events(annotate, NO_PARTY, None) == []


def test_kept_when_asked_and_the_decision_is_sure(annotate):
    found = events(annotate, NO_PARTY, "sure")
    assert [(e.event, e.event_text.text, e.actor, e.recipient) for e in found] == [
        ("ASSAULT", "attacks", [], [])
    ]


def test_not_kept_in_words_nobody_codes_even_when_asked(annotate):
    # a verbal act, and a sport's "attacked": neither is a material act the decision is sure of
    assert events(annotate, "The striker attacked the ball and scored twice.", "sure") == []
    assert events(annotate, "Critics questioned the plan on Tuesday.", "sure") == []
