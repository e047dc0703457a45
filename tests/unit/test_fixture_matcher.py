"""The expectations matcher on hand-built documents: it must pass what matches and fail
what does not, or every seed test means nothing."""

from __future__ import annotations

from eventwire.eval.fixtures import _assign, check_document, distance_km
from eventwire.model import (
    ActorRef,
    Article,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Relation,
    Span,
    Time,
)

TEXT = "Alice Smith met Bob Jones in Paris. Smith said the talks failed."


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle), text=needle)


def doc(**parts) -> Document:
    return Document(article=Article(id="a", text=TEXT), **parts)


ALICE = Entity(id="E1", name="Alice Smith", type="PERSON", country="GBR", sector="GOV",
               mentions=[span(TEXT, "Alice Smith"), span(TEXT, "Smith said")])
BOB = Entity(id="E2", name="Bob Jones", type="PERSON", country="USA", mentions=[span(TEXT, "Bob Jones")])
GOLD = {"entities": {"required": [{"name": "Alice Smith", "type": "PERSON", "country": "GBR",
                                   "aliases": ["Smith"]}],
                     "forbidden_merges": [["Alice Smith", "Bob Jones"]]}}


def test_entity_found_and_wrong_country_fails():
    ok = check_document(doc(entities=[ALICE, BOB]), GOLD, ["entities"])
    assert [c.ok for c in ok] == [True, True]
    wrong = ALICE.model_copy(update={"country": "FRA"})
    assert not check_document(doc(entities=[wrong]), GOLD, ["entities"])[0].ok


def test_forbidden_merge_detected():
    merged = ALICE.model_copy(update={"mentions": ALICE.mentions + [span(TEXT, "Bob Jones")]})
    checks = check_document(doc(entities=[merged]), GOLD, ["entities"])
    assert not checks[-1].ok


def test_distinct_assignment():
    assert _assign([["E1"], ["E1", "E2"]]) == ["E1", "E2"]
    assert _assign([["E1"], ["E1"]]).count(None) == 1


def test_quote_event_time_place_rules():
    quote = Quote(id="Q1", kind="indirect", content=span(TEXT, "the talks failed"),
                  cue=span(TEXT, "said"), source=span(TEXT, "Smith said"), speaker="E1")
    event = Event(id="V1", event="CONSULT", quad="verbal_cooperation", status="asserted",
                  actor=[ActorRef(entity="E1", text=span(TEXT, "Alice Smith"), country="GBR")],
                  recipient=[ActorRef(entity="E2", text=span(TEXT, "Bob Jones"), country="USA")],
                  event_text=span(TEXT, "met"), evidence=span(TEXT, TEXT[:35]), location="P1")
    place = Place(id="P1", name="Paris", country="FRA", lat=48.85, lon=2.35, mentions=[span(TEXT, "Paris")])
    time = Time(text=span(TEXT, "Paris"), type="DATE", value="2020")
    gold = {
        "quotes": {"required": [{"kind": "indirect", "speaker": "Alice Smith", "content_contains": "talks  FAILED", "cue": "said"}],
                   "forbidden": [{"speaker": "Bob Jones", "content_contains": ""}]},
        "events": {"required": [{"event": ["CONSULT"], "status": "asserted", "actor_any": ["GBR"],
                                 "recipient_any": ["Bob Jones"], "location_any": ["Paris"], "trigger_any": ["met"]}],
                   "forbidden": [{"event": "*", "actor_any": ["Bob Jones"]}]},
        "places": {"required": [{"name": "Paris", "country": "FRA", "lat": 48.86, "lon": 2.35, "tolerance_km": 5}]},
        "times": {"required": [{"text": "paris", "value": "2020"}]},
        "relations": {"required": [{"subject": "Alice Smith", "predicate": "aide_of", "object": "Bob Jones"}]},
    }
    d = doc(entities=[ALICE, BOB], quotes=[quote], events=[event], places=[place], times=[time],
            relations=[Relation(subject="E1", predicate="aide_of", object="E2", evidence=span(TEXT, TEXT[:20]))])
    assert all(c.ok for c in check_document(d, gold)), [c for c in check_document(d, gold) if not c.ok]
    bad = event.model_copy(update={"actor": [ActorRef(entity="E2", text=span(TEXT, "Bob Jones"))]})
    results = {c.id: c.ok for c in check_document(doc(entities=[ALICE, BOB], events=[bad]), gold, ["events"])}
    assert len(results) == 2 and not any(results.values())


def test_distance():
    assert abs(distance_km(55.75, 37.62, 55.75, 37.62)) < 1e-9
    assert 630 < distance_km(55.75, 37.62, 59.94, 30.31) < 640  # Moscow - St Petersburg
