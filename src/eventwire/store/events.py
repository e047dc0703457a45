"""Rows for the event-level tables: events, their actor/recipient rows, and claims."""

from __future__ import annotations

from ..model import ActorRef, Document, Event
from ..stories.days import to_date
from .rows import entity_names, span_values


def event_rows(doc: Document) -> list[dict]:
    aid, names = doc.article.id, entity_names(doc)
    places = {p.id: p for p in doc.places}
    rows = []
    for ev in doc.events:
        place = places.get(ev.location) if ev.location else None
        rows.append({
            "article_id": aid, "id": ev.id, "event": ev.event, "mode": ev.mode,
            "context": ",".join(ev.context) or None, "cameo": ev.cameo, "quad": ev.quad,
            "status": ev.status, "date_value": ev.date.value if ev.date else None,
            "event_date": to_date(ev.date.value) if ev.date else None, "location": ev.location,
            "location_name": place.name if place else None,
            "location_country": place.country if place else None,
            "lat": place.lat if place else None, "lon": place.lon if place else None,
            "reported_by": ev.reported_by,
            "reported_by_name": names.get(ev.reported_by) if ev.reported_by else None,
            "quote": ev.quote, **span_values("event_text", ev.event_text),
            **span_values("evidence", ev.evidence),
        })
    return rows


def _actor_row(aid: str, ev: Event, role: str, i: int, ref: ActorRef, names: dict) -> dict:
    return {
        "article_id": aid, "event_id": ev.id, "role": role, "position": i, "entity": ref.entity,
        "name": names.get(ref.entity, ref.text.text) if ref.entity else ref.text.text,
        **span_values("span", ref.text), "country": ref.country, "sector": ref.sector,
        "code": ref.code,
    }


def actor_rows(doc: Document) -> list[dict]:
    aid, names = doc.article.id, entity_names(doc)
    rows = []
    for ev in doc.events:
        rows += [_actor_row(aid, ev, "actor", i, r, names) for i, r in enumerate(ev.actor)]
        rows += [_actor_row(aid, ev, "recipient", i, r, names) for i, r in enumerate(ev.recipient)]
    return rows


def claim_rows(doc: Document) -> list[dict]:
    aid, names = doc.article.id, entity_names(doc)
    return [{
        "article_id": aid, "id": c.id, "about": c.about, "value": c.value, "max": c.max,
        "bound": c.bound, "unit": c.unit, "per": c.per, "claimant": c.claimant,
        "claimant_name": names.get(c.claimant) if c.claimant else None,
        **span_values("evidence", c.evidence),
    } for c in doc.claims]
