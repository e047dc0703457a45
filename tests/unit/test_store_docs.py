"""Hand-built contract documents for the store and stories tests, and the round-trip
tests: a document written to the store and read back is equal to what was written."""

from __future__ import annotations

import hashlib
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.model import (
    ActorRef,
    Article,
    Claim,
    Dateline,
    Document,
    Entity,
    Event,
    Place,
    Quote,
    Role,
    Span,
    Time,
    TimeValue,
)
from eventwire.store import Store


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def make_document(text: str, *, title=None, published=None, input_id=None, entities=(),
                  events=(), claims=(), places=(), quotes=(), times=()) -> Document:
    """``entities``: (id, name, type, country, sector); ``events``: (id, type, quad, trigger,
    actor ids, recipient ids, status, place id); ``claims``: (id, about, value, claimant id,
    evidence); ``places``: (id, name, country, lat, lon); ``quotes``: (id, content, speaker);
    ``times``: (text, value)."""
    ents = [Entity(id=i, name=n, type=t, country=c, sector=s, code=(c or "") + (s or "") or None,
                   mentions=[span(text, n)]) for i, n, t, c, s in entities]
    by_id = {e.id: e for e in ents}

    def ref(eid: str) -> ActorRef:
        e = by_id[eid]
        return ActorRef(entity=eid, text=e.mentions[0], country=e.country, sector=e.sector, code=e.code)

    evs = [Event(id=i, event=t, quad=q, status=st_, event_text=span(text, trig),
                 evidence=span(text, trig), actor=[ref(a) for a in acts],
                 recipient=[ref(r) for r in recs], location=loc, cameo="04")
           for i, t, q, trig, acts, recs, st_, loc in events]
    cls = [Claim(id=i, about=a, value=v, claimant=c, evidence=span(text, ev))
           for i, a, v, c, ev in claims]
    pls = [Place(id=i, name=n, country=c, lat=la, lon=lo, mentions=[span(text, n)])
           for i, n, c, la, lo in places]
    qs = [Quote(id=i, kind="direct", content=span(text, content), speaker=sp) for i, content, sp in quotes]
    tms = [Time(text=span(text, t), type="DATE", value=v) for t, v in times]
    article = Article(id=hashlib.sha256(text.encode()).hexdigest(), input_id=input_id, title=title,
                      published=published, text=text)
    return Document(article=article, entities=ents, events=evs, claims=cls, places=pls,
                    quotes=qs, times=tms)


TALKS = ("MOSCOW, Dec 3 - Vladimir Putin met Steve Witkoff in the Kremlin on Tuesday. "
         "Russia rejected the plan, said Yuri Ushakov. \"No compromise yet,\" Ushakov said. "
         "Officials said 12 people were hurt.")


def talks_document(**kw) -> Document:
    return make_document(
        TALKS, title="Kremlin talks end", published="2025-12-03", input_id="talks-1",
        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("E2", "Steve Witkoff", "PERSON", "USA", "GOV"),
                  ("E3", "Russia", "GPE", "RUS", "GOV"), ("E4", "Yuri Ushakov", "PERSON", "RUS", "GOV")],
        events=[("V1", "CONSULT", "verbal_cooperation", "met", ["E1"], ["E2"], "asserted", "P1"),
                ("V2", "REJECT", "verbal_conflict", "rejected", ["E3"], [], "asserted", None)],
        claims=[("C1", "injured", 12.0, None, "12 people were hurt")],
        places=[("P1", "Kremlin", "RUS", 55.75, 37.62)],
        quotes=[("Q1", "No compromise yet,", "E4")],
        times=[("Tuesday", "2025-12-02")], **kw)


def test_round_trip_is_exact(tmp_path):
    doc = talks_document()
    doc.entities[0].roles.append(Role(title="President", of="E3", span=span(TALKS, "Vladimir Putin")))
    doc.article.dateline = Dateline(place="MOSCOW", country="RUS", span=span(TALKS, "MOSCOW"),
                                    date=TimeValue(value="2025-12-03", precision="day", anchor="published"))
    with Store(tmp_path / "s.duckdb") as store:
        store.add([doc])
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        back = store.document(doc.article.id)
        assert back == doc
        assert list(store.documents()) == [doc]
        assert store.count("events") == 2 and store.count("event_actors") == 3


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@st.composite
def documents(draw) -> Document:
    """Arbitrary valid documents: any text, spans at arbitrary valid offsets."""
    text = draw(_TEXT)

    def any_span() -> Span:
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        return Span(start=a, end=b, text=text[a:b])

    n_ent = draw(st.integers(0, 3))
    ents = [Entity(id=f"E{i}", name=draw(_TEXT), type=draw(st.sampled_from(["PERSON", "ORG", "GPE"])),
                   country=draw(st.none() | st.sampled_from(["RUS", "USA"])), mentions=[any_span()])
            for i in range(n_ent)]
    evs = [Event(id=f"V{i}", event=draw(st.sampled_from(["AGREE", "REJECT", "ASSAULT"])),
                 quad="verbal_conflict", event_text=any_span(), evidence=any_span(),
                 context=draw(st.lists(_TEXT, max_size=2)),
                 actor=[ActorRef(entity=e.id, text=any_span()) for e in ents[:1]])
           for i in range(draw(st.integers(0, 2)))]
    floats = st.floats(allow_nan=False, allow_infinity=False)
    cls = [Claim(id=f"C{i}", about="deaths", value=draw(floats), max=draw(st.none() | floats),
                 evidence=any_span()) for i in range(draw(st.integers(0, 2)))]
    article = Article(id=uuid.uuid4().hex, text=text,
                      title=draw(st.none() | _TEXT), published=draw(st.none() | st.just("2024-02-29")),
                      authors=draw(st.lists(_TEXT, max_size=2)))
    return Document(article=article, entities=ents, events=evs, claims=cls,
                    warnings=draw(st.lists(_TEXT, max_size=2)))


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("rt") / "s.duckdb") as store:
        yield store


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_any_document_round_trips(shared_store, doc):
    shared_store.add([doc])
    assert shared_store.document(doc.article.id) == doc


def test_parts_of_a_document_hand_over_what_their_ids_name():
    # issue 14: `extract(text)` returned ids the user had to look up by hand
    import copy
    import pickle

    doc = talks_document()
    met, rejected = doc.events
    assert [a.entity.name for a in met.actors] == ["Vladimir Putin"] and met.actors[0].name == "Vladimir Putin"
    assert met.recipients[0].entity.country == "USA" and met.place.name == "Kremlin"
    assert rejected.place is None and rejected.recipients == [] and met.reporter is None
    assert doc.quotes[0].speaker_entity.name == "Yuri Ushakov" and doc.claims[0].claimant_entity is None
    for twin in (Document.model_validate_json(doc.model_dump_json()), pickle.loads(pickle.dumps(doc)),
                 copy.deepcopy(doc)):
        assert twin == doc and twin.events[0].actors[0].entity.name == "Vladimir Putin"
    assert "_document" not in doc.model_dump_json()
    loose = met.model_copy()
    loose._document = None  # an event outside any document names no entity, and says so
    assert loose.actors[0].entity is None and loose.actors[0].name == "Vladimir Putin"
