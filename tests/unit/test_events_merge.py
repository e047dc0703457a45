"""One event per real event: merging readings, on hand-made events (no parse)."""

from __future__ import annotations

from eventwire.extract.events.merge import Draft, merge
from eventwire.model import ActorRef, Event, Span, TimeValue

TEXT = "x" * 200


def span(start: int, end: int) -> Span:
    return Span(start=start, end=end, text=TEXT[start:end])


def ref(entity: str | None, country: str = "RUS", sector: str | None = "GOV") -> ActorRef:
    return ActorRef(entity=entity, text=span(0, 1), country=country, sector=sector)


def event(
    start: int, actors=(), recipients=(), kind="CONSULT", status="asserted", date=None
) -> Event:
    return Event(
        id="V0",
        event=kind,
        quad="verbal_cooperation",
        status=status,
        actor=list(actors),
        recipient=list(recipients),
        date=date,
        event_text=span(start, start + 5),
        evidence=span(0, 100),
    )


def test_shared_participants_make_one_event_with_mentions():
    first = Draft.of(event(10, [ref("E1")], [ref(None, "USA")]), True, "meeting")
    second = Draft.of(event(40, [ref("E1")], [ref(None, "USA"), ref("E3", "USA")]), True, "talk")
    [merged] = merge([first, second])
    assert merged.id == "V1" and [m.start for m in merged.mentions] == [40]
    assert [r.entity for r in merged.recipient] == [None, "E3"]


def test_one_shared_participant_needs_the_same_word():
    a = Draft.of(event(10, [ref("E1")]), True, "complain")
    b = Draft.of(event(40, [ref("E1")], [ref("E2")]), True, "scold")
    assert len(merge([a, b])) == 2
    c = Draft.of(event(60, [ref("E1")], [ref("E4")]), True, "complain")
    assert len(merge([a, c])) == 1


def test_different_status_or_type_stay_apart():
    asserted = Draft.of(event(10, [ref("E1"), ref("E2")]), True, "meet")
    unplanned = Draft.of(event(40, [ref("E1"), ref("E2")], status="not_planned"), True, "meet")
    agree = Draft.of(event(60, [ref("E1"), ref("E2")], kind="AGREE"), True, "meet")
    assert [e.status for e in merge([asserted, unplanned, agree])] == [
        "asserted",
        "not_planned",
        "asserted",
    ]


def test_dates_from_the_text_that_differ_keep_events_apart():
    may = TimeValue(value="2024-05", anchor="text")
    june = TimeValue(value="2024-06", anchor="text")
    a = Draft.of(event(10, [ref("E1"), ref("E2")], date=may), True, "meet")
    b = Draft.of(event(40, [ref("E1"), ref("E2")], date=june), True, "meet")
    assert len(merge([a, b])) == 2


def test_bare_reading_joins_the_latest_event_and_uncoded_ones_are_dropped():
    coded = Draft.of(event(10, [ref("E1"), ref("E2")]), True, "meet")
    bare = Draft.of(event(40), False, "talk")
    lonely = Draft.of(event(60, kind="ASSAULT"), False, "attack")
    [only] = merge([coded, bare, lonely])
    assert [m.start for m in only.mentions] == [40]


def test_the_events_scorer_counts_records_with_a_wrong_extra_type():
    from types import SimpleNamespace as NS

    from eventwire.eval.events import score

    def doc(*types):
        return NS(events=[NS(event=t, actor=[], recipient=[], mode=None) for t in types])

    records = [{"event": "ASSAULT"}, {"event": "ASSAULT"}, {"event": "ASSAULT"}, {"event": "AGREE"}]
    documents = [doc("ASSAULT"), doc("ASSAULT", "ASSAULT"), doc("ASSAULT", "PROTEST"), None]
    scores = score(records, documents).scores
    # a second event of the gold type is extra but not wrong; PROTEST beside ASSAULT is
    assert scores["wrong_extra_type"] == 0.25 and scores["extra_events_per_record"] == 0.5
    assert scores["uncoded"] == 0.25 and scores["type_accuracy"] == 0.75
