"""Everything ``eventwire story ID`` shows about one story, as plain data: the timeline of
its articles, the actors, the events merged across articles, quotes grouped by speaker and
the claims that disagree. The CLI renders it; the API can serve it as JSON."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields, is_dataclass

from pydantic import BaseModel

from ..errors import StoreError
from ..model import Document
from .conflicts import find_conflicts
from .days import article_date
from .merge import merge_events


def _timeline(docs: list[Document]) -> list[dict]:
    rows = [{"date": (article_date(d) or "") and article_date(d).isoformat(),
             "article": d.article.input_id or d.article.id, "title": d.article.title,
             "source": d.article.source, "url": d.article.url} for d in docs]
    return sorted(rows, key=lambda r: r["date"] or "9999")


def _actors(docs: list[Document]) -> list[dict]:
    """Actors across the story, one row per actor: "Putin" and "Vladimir Putin" with the
    same code are one (the longest name is shown)."""
    rows: dict[tuple, dict] = {}
    for doc in docs:
        seen = set()
        for ent in doc.entities:
            if ent.type not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            key = (ent.name.split()[-1].lower() if ent.name.split() else ent.name, ent.code, ent.type)
            row = rows.setdefault(key, {"name": ent.name, "code": ent.code, "articles": 0, "mentions": 0})
            row["name"] = max(row["name"], ent.name, key=len)
            row["mentions"] += len(ent.mentions)
            if key not in seen:
                seen.add(key)
                row["articles"] += 1
    return sorted(rows.values(), key=lambda r: (-r["articles"], -r["mentions"], r["name"]))


def _quotes(docs: list[Document]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        names = {e.id: e.name for e in doc.entities}
        for q in doc.quotes:
            speaker = names.get(q.speaker) if q.speaker else (q.source.text if q.source else "(unattributed)")
            found[speaker or "(unattributed)"].append(
                {"article": doc.article.input_id or doc.article.id, "kind": q.kind, "text": q.content.text,
                 "cue": q.cue.text if q.cue else None, "said": q.with_cue()})
    return dict(sorted(found.items(), key=lambda kv: -len(kv[1])))


def _plain(obj):
    """A dataclass holding contract Spans as plain JSON-ready dicts."""
    if isinstance(obj, BaseModel):
        return obj.model_dump()
    if is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj) if not f.name.startswith("_")}
    if isinstance(obj, list):
        return [_plain(x) for x in obj]
    return obj


def gather(store, story_id: str) -> dict:
    """The story's view; ``StoreError`` when there is no such story."""
    from ..store.stories import story_article_ids

    ids = story_article_ids(store.con, story_id)
    if not ids:
        raise StoreError(f"no story {story_id!r} in the store {store.path}",
                         hint="list them with: eventwire stories")
    docs = list(store.documents(ids))
    row = store.con.execute('SELECT title, "first", "last" FROM stories WHERE id = ?', [story_id]).fetchone()
    merged = [{"id": m.id, "event": m.event, "quad": m.quad, "actors": m.actors,
               "recipients": m.recipients, "date": m.date, "statuses": m.statuses,
               "sources": m.sources, "mentions": [_plain(x) for x in m.mentions]}
              for m in merge_events(docs)]
    return {
        "story": story_id, "title": row[0] if row else None,
        "first": row[1].isoformat() if row and row[1] else None,
        "last": row[2].isoformat() if row and row[2] else None,
        "timeline": _timeline(docs), "actors": _actors(docs), "events": merged,
        "quotes": _quotes(docs), "conflicts": [_plain(c) for c in find_conflicts(docs)],
    }
