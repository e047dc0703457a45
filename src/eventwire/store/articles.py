"""Rows for the article-level tables: articles, entities and their mentions, quotes,
times, places, refusals. Each function turns documents into plain row dicts; the store
turns the lists into one Arrow table per table and appends them in one statement."""

from __future__ import annotations

import json
from datetime import datetime

from ..knowledge.identity import identity
from ..model import Document
from ..stories.days import article_date
from .rows import entity_names, span_values


def article_rows(doc: Document, origin: str | None, seq: int, now: datetime) -> list[dict]:
    a = doc.article
    return [{
        "id": a.id, "input_id": a.input_id, "origin": origin, "title": a.title,
        "source": a.source, "url": a.url, "published": a.published, "pub_date": article_date(doc),
        "language": a.language, "dateline_place": a.dateline.place if a.dateline else None,
        "dateline_country": a.dateline.country if a.dateline else None, "text": a.text,
        "document": doc.model_dump_json(), "story": None, "seq": seq, "ingested_at": now,
    }]


def entity_rows(doc: Document) -> list[dict]:
    aid = doc.article.id
    rows = []
    for e in doc.entities:
        actor, actor_name = identity(e.name, e.type, e.country, e.sector)
        rows.append({
            "article_id": aid, "id": e.id, "name": e.name, "type": e.type, "country": e.country,
            "sector": e.sector, "code": e.code,
            "roles": json.dumps([r.model_dump() for r in e.roles]) if e.roles else None,
            "n_mentions": len(e.mentions), "actor": actor, "actor_name": actor_name,
        })
    return rows


def mention_rows(doc: Document) -> list[dict]:
    aid = doc.article.id
    return [{"article_id": aid, "entity_id": e.id, **span_values("span", span)}
            for e in doc.entities for span in e.mentions]


def quote_rows(doc: Document) -> list[dict]:
    aid, names = doc.article.id, entity_names(doc)
    return [{
        "article_id": aid, "id": q.id, "kind": q.kind, **span_values("content", q.content),
        **span_values("cue", q.cue), **span_values("source", q.source), "speaker": q.speaker,
        "speaker_name": names.get(q.speaker) if q.speaker else None,
        "parts": json.dumps([part.model_dump() for part in q.parts]),
    } for q in doc.quotes]


def time_rows(doc: Document) -> list[dict]:
    aid = doc.article.id
    return [{"article_id": aid, "position": i, **span_values("span", t.text), "type": t.type,
             "value": t.value, "anchor": t.anchor} for i, t in enumerate(doc.times)]


def place_rows(doc: Document) -> list[dict]:
    aid = doc.article.id
    return [{
        "article_id": aid, "id": p.id, "name": p.name, "country": p.country, "feature": p.feature,
        "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid, "n_mentions": len(p.mentions),
    } for p in doc.places]


def refusal_row(origin: str, input_id: str | None, code: str, message: str, now: datetime) -> dict:
    return {"origin": origin, "input_id": input_id, "code": code, "message": message, "recorded_at": now}
