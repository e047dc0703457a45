"""The events component end to end on hand-built parses with hand-filled entities and quotes."""

from __future__ import annotations

import pytest
from events_docs import (
    DEMANDED,
    INVADED,
    NEGATED_AGREE,
    NOT_PLANNED,
    REACTED,
    STROLL,
    TALKED,
    TALKS,
    add_quote,
    annotated,
)

from eventwire.extract.events import EventsComponent
from eventwire.model import Dateline, Place, TimeValue
from eventwire.registry import components

GPE = {
    w: ("GPE", c, None)
    for w, c in [
        ("Russia", "RUS"),
        ("US", "USA"),
        ("Ukraine", "UKR"),
        ("China", "CHN"),
        ("Japan", "JPN"),
        ("Moscow", "RUS"),
    ]
}
PEOPLE = {
    "Putin": ("PERSON", "RUS", "GOV"),
    "Trump": ("PERSON", "USA", "GOV"),
    "Witkoff": ("PERSON", "USA", "GOV"),
    "Ushakov": ("PERSON", "RUS", "GOV"),
    "Kremlin": ("ORG", "RUS", "GOV"),
}


def component() -> EventsComponent:
    """The component with the rule coder: these tests are about arguments, status, quotes
    and merging, which every coder shares; the coders have tests of their own."""
    return EventsComponent(coder="plover-rules")


def run(sentences, entities=None, **kw):
    ann = annotated(sentences, {**GPE, **PEOPLE, **(entities or {})}, **kw)
    return ann


def names(ann, refs):
    by_id = {e.id: e.name for e in ann.entities}
    return sorted(by_id.get(r.entity, r.text.text) for r in refs)


def test_registered_with_its_contract():
    comp = components.get("events")()
    assert comp.requires == ("doc", "time_values", "entities", "token_entity", "places", "token_place",
                             "quotes")
    assert comp.assigns == ("events",)


def test_unknown_coder_is_a_usage_error():
    from eventwire.errors import UsageError

    with pytest.raises(UsageError, match="no coder named"):
        EventsComponent(coder="nope")


def test_negated_agreement_with_split_actors_reported_by_the_quote_speaker():
    ann = run([NEGATED_AGREE])
    quote = add_quote(ann, "Russia and the US did not reach a compromise", "Kremlin")
    component()(ann)
    [event] = ann.events
    assert (event.event, event.status, event.cameo, event.quad) == (
        "AGREE",
        "negated",
        "03",
        "verbal_cooperation",
    )
    assert names(ann, event.actor) == ["Russia", "US"]
    assert event.event_text.text == "reach a compromise"
    assert (event.reported_by, event.quote) == (quote.speaker, quote.id)
    assert quote.speaker == next(e.id for e in ann.entities if e.name == "Kremlin")
    assert event.date == TimeValue(value="2025-12-03", precision="day", anchor="published")


def test_meeting_between_two_leaders_not_planned():
    ann = run([NOT_PLANNED])
    component()(ann)
    [event] = ann.events
    assert (event.event, event.status) == ("CONSULT", "not_planned")
    assert names(ann, event.actor + event.recipient) == ["Putin", "Trump"]


def test_reaction_inside_a_quote_is_the_speakers_account():
    ann = run([REACTED])
    add_quote(ann, "Putin reacted negatively to US proposals", "Ushakov")
    component()(ann)
    [event] = ann.events
    assert event.event == "REJECT" and names(ann, event.actor) == ["Putin"]
    assert names(ann, event.recipient) == ["US"]
    assert event.reported_by == next(e.id for e in ann.entities if e.name == "Ushakov")


def test_clause_time_gives_the_date_with_anchor_text():
    ann = run([INVADED])
    start = ann.text.index("February 2022")
    ann.time_values[(start, start + len("February 2022"))] = TimeValue(
        value="2022-02", precision="month"
    )
    component()(ann)
    [event] = ann.events
    assert (event.event, event.date.value, event.date.anchor) == ("ASSAULT", "2022-02", "text")


def test_demand_is_a_request_and_the_withdrawal_is_demanded():
    ann = run([DEMANDED])
    component()(ann)
    by_type = {e.event: e for e in ann.events}
    assert by_type["REQUEST"].status == "asserted" and names(ann, by_type["REQUEST"].actor) == [
        "China"
    ]
    assert by_type["RETREAT"].status == "demanded" and names(ann, by_type["RETREAT"].actor) == [
        "Japan"
    ]


def test_talks_and_talked_with_are_one_event_with_place():
    ann = run([TALKS, TALKED])
    moscow = [t.i for t in ann.doc if t.text == "Moscow"]
    for i in moscow:
        ann.token_place[i] = "P1"
    component()(ann)
    [event] = ann.events
    assert event.event == "CONSULT" and event.location == "P1"
    assert [m.text for m in event.mentions] == ["talked with"]


def test_no_political_actor_no_event():
    ann = run(
        [
            STROLL,
            (
                "Fans|fan|NOUN|NNS|nsubj|1 attacked|attack|VERB|VBD|ROOT|1 the|the|DET|DT|det|3 "
                "referee|referee|NOUN|NN|dobj|1|- .|.|PUNCT|.|punct|1|-"
            ),
        ]
    )
    component()(ann)
    assert ann.events == []


def test_headings_are_not_read():
    from eventwire.model import Span

    ann = run([INVADED])
    ann.article.headings.append(Span(start=0, end=len(ann.text), text=ann.text))
    component()(ann)
    assert ann.events == []


CROWD = (
    "Thousands|thousand|NOUN|NNS|nsubj|3 of|of|ADP|IN|prep|0 people|people|NOUN|NNS|pobj|1 "
    "protested|protest|VERB|VBN|ROOT|3 in|in|ADP|IN|prep|3 Cairo|Cairo|PROPN|NNP|pobj|4|- "
    ".|.|PUNCT|.|punct|3|-"
)


def test_a_crowd_is_coded_with_the_country_where_it_gathers():
    from eventwire.model import Place

    ann = run([CROWD])
    cairo = next(t for t in ann.doc if t.text == "Cairo")
    ann.places.append(Place(id="P1", name="Cairo", country="EGY", mentions=[ann.span_of(cairo)]))
    ann.token_place[cairo.i] = "P1"
    component()(ann)
    [event] = ann.events
    assert (event.event, event.location) == ("PROTEST", "P1")
    assert [(a.country, a.sector, a.entity) for a in event.actor] == [("EGY", "CVL", None)]


def test_a_crowd_with_no_place_is_no_event():
    ann = run([CROWD])
    component()(ann)
    assert ann.events == []


ARRESTED_AFTER_DATELINE = (
    "NAIROBI|Nairobi|PROPN|NNP|nsubjpass|6 -|-|PUNCT|:|punct|0 Some|some|DET|DT|det|4 "
    "100|100|NUM|CD|nummod|4 people|people|NOUN|NNS|nsubjpass|6 were|be|AUX|VBD|auxpass|6 "
    "arrested|arrest|VERB|VBN|ROOT|6 on|on|ADP|IN|prep|6 Friday|Friday|PROPN|NNP|pobj|7|- "
    ".|.|PUNCT|.|punct|6|-"
)
MARCHED = (
    "Thousands|thousand|NOUN|NNS|nsubj|3 of|of|ADP|IN|prep|0 demonstrators|demonstrator|NOUN|NNS|pobj|1 "
    "marched|march|VERB|VBD|ROOT|3 through|through|ADP|IN|prep|3 Tbilisi|Tbilisi|PROPN|NNP|pobj|4|- "
    ".|.|PUNCT|.|punct|3|-"
)


def test_a_dateline_parsed_as_subject_gives_way_to_the_phrase_after_it_and_the_clause_date():
    ann = run([ARRESTED_AFTER_DATELINE])
    ann.article = ann.article.model_copy(
        update={"dateline": Dateline(place="Nairobi", country="KEN", span=ann.span(0, 9))}
    )
    start = ann.text.index("Friday")
    ann.time_values[(start, start + 6)] = TimeValue(value="2025-11-28", precision="day")
    component()(ann)
    [event] = ann.events
    assert event.event == "COERCE" and not event.actor
    [people] = event.recipient
    assert (people.text.text, people.country, people.sector) == ("Some 100 people", "KEN", "CVL")
    assert (event.date.value, event.date.anchor) == ("2025-11-28", "text")


MET_AFTER_DATED_DATELINE = (
    "MOSCOW|Moscow|PROPN|NNP|nsubj|7|- ,|,|PUNCT|,|punct|7 Dec|Dec|PROPN|NNP|nmod|6 3|3|NUM|CD|nummod|2 "
    "-|-|PUNCT|:|punct|6 Vladimir|Vladimir|PROPN|NNP|compound|6 Putin|Putin|PROPN|NNP|nsubj|7 "
    "met|meet|VERB|VBD|ROOT|7 Steve|Steve|PROPN|NNP|compound|9 Witkoff|Witkoff|PROPN|NNP|dobj|7 "
    "in|in|ADP|IN|prep|7 the|the|DET|DT|det|12 Kremlin|Kremlin|PROPN|NNP|pobj|10 for|for|ADP|IN|prep|7 "
    "an|an|DET|DT|det|15 hour|hour|NOUN|NN|pobj|13 on|on|ADP|IN|prep|7 the|the|DET|DT|det|19 "
    "third|third|ADJ|JJ|amod|19 day|day|NOUN|NN|pobj|16|- .|.|PUNCT|.|punct|7|-"
)


def test_a_dated_dateline_hung_on_the_subject_still_gives_way_to_the_subject():
    # "MOSCOW, Dec 3 - Vladimir Putin met Steve Witkoff": the parser made MOSCOW a second subject
    # and hung "Dec 3 -" on Putin, so the phrase after the dateline started inside it and the
    # event lost its actor (and was dropped); with "(Outlet)" in the dateline it was found
    ann = run([MET_AFTER_DATED_DATELINE], {"Putin": ("PERSON", "RUS", "GOV"), "Witkoff": ("PERSON", "USA", "GOV")})
    ann.article = ann.article.model_copy(
        update={"dateline": Dateline(place="Moscow", country="RUS", span=ann.span(0, 15))})
    component()(ann)
    [event] = ann.events
    assert event.event == "CONSULT"
    assert [a.text.text for a in event.actor] == ["Vladimir Putin"] and [r.text.text for r in event.recipient] == ["Steve Witkoff"]


def test_a_crowd_counted_in_thousands_is_coded_by_what_it_is_and_where_it_marches():
    ann = run([MARCHED])
    tbilisi = next(t.i for t in ann.doc if t.text == "Tbilisi")
    ann.places.append(Place(id="P1", name="Tbilisi", country="GEO", feature="city",
                            mentions=[ann.span_of(ann.doc[tbilisi])]))
    ann.token_place[tbilisi] = "P1"
    component()(ann)
    [event] = ann.events
    assert event.event == "PROTEST" and event.location == "P1"
    assert [(a.country, a.sector) for a in event.actor] == [("GEO", "OPP")]
    assert event.date == ann.anchor  # no time in its clause: the article's anchor


FIGHTING_ERUPTED = (
    "Fighting|fighting|NOUN|NN|nsubj|1 erupted|erupt|VERB|VBD|ROOT|1 between|between|ADP|IN|prep|1 "
    "troops|troop|NOUN|NNS|pobj|2 and|and|CCONJ|CC|cc|3 rebels|rebel|NOUN|NNS|conj|3|- .|.|PUNCT|.|punct|1|-"
)
DEMANDED_RENOUNCE = (
    "Washington|Washington|PROPN|NNP|nsubj|1 demanded|demand|VERB|VBD|ROOT|1 that|that|SCONJ|IN|mark|4 "
    "Hamas|Hamas|PROPN|NNP|nsubj|4 renounce|renounce|VERB|VB|ccomp|1 violence|violence|NOUN|NN|dobj|4|- "
    ".|.|PUNCT|.|punct|1|-"
)


def test_fighting_that_erupts_between_two_groups_has_both_as_parties_without_a_country():
    ann = run([FIGHTING_ERUPTED])
    component()(ann)
    [event] = [e for e in ann.events if e.event == "ASSAULT"]
    parties = [(r.text.text, r.country, r.sector) for r in event.actor + event.recipient]
    assert parties == [("troops", None, "MIL"), ("rebels", None, "REB")]


def test_the_one_asked_is_the_subject_of_the_demanded_clause():
    ann = run([DEMANDED_RENOUNCE], {"Washington": ("GPE", "USA", None), "Hamas": ("ORG", "PSE", "REB")})
    component()(ann)
    [request] = [e for e in ann.events if e.event == "REQUEST"]
    assert names(ann, request.actor) == ["Washington"] and names(ann, request.recipient) == ["Hamas"]
