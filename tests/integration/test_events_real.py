"""The events component on real parses of sentences written for these tests, with entities
filled in by hand (so the test does not depend on the actors component)."""

from __future__ import annotations

import time

import pytest

from eventwire.extract.events import EventsComponent
from eventwire.model import Article, Entity
from eventwire.nlp import Annotated

pytestmark = pytest.mark.slow

ENTITIES = {
    "Russia": ("GPE", "RUS", None),
    "Ukraine": ("GPE", "UKR", None),
    "Poland": ("GPE", "POL", None),
    "NATO": ("ORG", None, "IGO"),
    "Putin": ("PERSON", "RUS", "GOV"),
    "Trump": ("PERSON", "USA", "GOV"),
    "Iran": ("GPE", "IRN", None),
    "Israel": ("GPE", "ISR", None),
    "Ushakov": ("PERSON", "RUS", "GOV"),
}


def analyse(nlp, text: str) -> Annotated:
    doc = nlp(text)
    ann = Annotated(article=Article(id="t", text=text, published="2025-12-03"), doc=doc)
    for number, (word, (kind, country, sector)) in enumerate(ENTITIES.items(), start=1):
        tokens = [t for t in doc if t.text == word]
        if tokens:
            ann.entities.append(
                Entity(id=f"E{number}", name=word, type=kind, country=country, sector=sector)
            )
            ann.token_entity.update({t.i: f"E{number}" for t in tokens})
    EventsComponent()(ann)
    return ann


def only(ann, event_type):
    found = [e for e in ann.events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.event_text.text) for e in ann.events]
    return found[0]


def test_condition_is_hypothetical(nlp):
    event = only(analyse(nlp, "If Russia attacked Poland, NATO would respond."), "ASSAULT")
    assert event.status == "hypothetical"


def test_will_meet_next_month_is_planned_and_a_promise(nlp):
    ann = analyse(nlp, "Putin will meet Trump next month.")
    assert only(ann, "CONSULT").status == "planned"
    assert only(ann, "AGREE").status == "asserted"


def test_may_is_possible(nlp):
    assert (
        only(analyse(nlp, "Iran may impose new sanctions on Israel."), "SANCTION").status
        == "possible"
    )


def test_passive_agent_is_the_actor(nlp):
    event = only(analyse(nlp, "Ukraine was attacked by Russia on Monday."), "ASSAULT")
    assert [a.country for a in event.actor] == ["RUS"] and [r.country for r in event.recipient] == [
        "UKR"
    ]


def test_scare_quoted_words_are_not_events(nlp):
    ann = analyse(nlp, 'Ushakov said Russia had discussed the "Ukraine invasion" problem.')
    assert not [e for e in ann.events if e.event == "ASSAULT"]


@pytest.mark.parametrize(
    "text",
    [
        "RUSSIA ATTACKS UKRAINE AS PUTIN MEETS TRUMP IN MOSCOW",
        "Putin, Trump, Ushakov, Russia, Ukraine, Poland, Iran, Israel, NATO, Putin, Trump, Ushakov.",
        "Country Russia Ukraine Poland 12 14 15 attack 3 4 5 Iran Israel 7 8 9 NATO 1 2 3 " * 4,
    ],
)
def test_bad_input_gives_nothing(nlp, text):
    assert analyse(nlp, text).events == []


def test_run_on_sentence_is_skipped_in_linear_time(nlp):
    words = "Russia attacked Ukraine and Putin met Trump and Iran threatened Israel and " * 25
    started = time.perf_counter()
    ann = analyse(nlp, words + "so on.")
    assert ann.events == []
    assert time.perf_counter() - started < 10


def test_the_same_invasion_outside_quotes_is_an_event(nlp):
    ann = analyse(nlp, "Ushakov said Russia had discussed the Ukraine invasion problem.")
    assert [e for e in ann.events if e.event == "ASSAULT"]


def test_every_event_of_the_examples_whose_clause_has_a_date_carries_that_date(nlp):
    from pathlib import Path

    from eventwire.extract.events.context import clause_head, is_date_value
    from eventwire.ingest.raw import RawArticle
    from eventwire.ingest.readers import iter_inputs
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline()
    examples = Path(__file__).resolve().parents[2] / "examples"
    checked = 0
    for raw in iter_inputs([str(examples)], pipeline.settings):
        if not isinstance(raw, RawArticle):
            continue
        ann = pipeline.annotate(raw)
        for event in ann.events:
            trigger = ann.token_range(event.event_text.start, event.event_text.end).root
            own = [
                value.value
                for (start, end), value in ann.time_values.items()
                if is_date_value(value.value)
                and (span := ann.token_range(start, end)) is not None
                and span.root.sent == trigger.sent
                and clause_head(span.root) == clause_head(trigger)
            ]
            if own:
                checked += 1
                assert event.date is not None and event.date.value in own, (event, own)
    assert checked >= 5  # the examples have dated clauses; the test must not pass empty
