"""The stories tables: story rows with their incremental state, term document
frequencies and counters. Loaded once per writing session, saved with each batch (only
the stories and terms the batch touched)."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa

from ..errors import UsageError
from ..stories.cluster import Story, StoryIndex
from .schema import arrow_schema, column_names


def load_index(con: duckdb.DuckDBPyConnection, **params) -> StoryIndex:
    """The story index as the store holds it."""
    stories = {
        sid: Story.from_state(sid, title, first, last, json.loads(state))
        for sid, title, first, last, state in con.execute(
            'SELECT id, title, "first", "last", state FROM stories').fetchall()
    }
    df = dict(con.execute("SELECT term, df FROM story_terms").fetchall())
    meta = dict(con.execute("SELECT key, value FROM story_meta").fetchall())
    return StoryIndex(stories=stories, df=df, n_docs=int(meta.get("n_docs", 0)),
                      next_id=int(meta.get("next_id", 1)), **params)


def _upsert(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict]) -> None:
    if not rows:
        return
    table = pa.Table.from_pylist(rows, schema=arrow_schema(name))
    cols = ", ".join(f'"{c}"' for c in column_names(name))
    view = f"_upsert_{name}"
    con.register(view, table)
    try:
        con.execute(f'INSERT OR REPLACE INTO "{name}" ({cols}) SELECT {cols} FROM {view}')
    finally:
        con.unregister(view)


def save_index(con: duckdb.DuckDBPyConnection, index: StoryIndex) -> None:
    """Write what changed since the last save (inside the caller's transaction)."""
    _upsert(con, "stories", [
        {"id": s.id, "title": s.title, "first": s.first, "last": s.last, "n_articles": s.n,
         "state": json.dumps(s.state(), separators=(",", ":"))}
        for s in (index.stories[sid] for sid in sorted(index.dirty_stories))
    ])
    _upsert(con, "story_terms", [{"term": t, "df": index.df[t]} for t in sorted(index.dirty_terms)])
    _upsert(con, "story_meta", [{"key": "n_docs", "value": index.n_docs},
                                {"key": "next_id", "value": index.next_id}])
    index.dirty_stories.clear()
    index.dirty_terms.clear()


#: How ``list_stories`` can order the stories: newest (by last date) first, largest first, or by id.
STORY_ORDERS = {
    "date": 's."last" DESC NULLS LAST, s."first" DESC NULLS LAST, max(a.seq) DESC',
    "size": 'count(*) DESC, s."last" DESC NULLS LAST, s.id',
    "id": "s.id",
}


def list_stories(con: duckdb.DuckDBPyConnection, min_articles: int = 1, sort: str = "date") -> list[dict]:
    """Each story as ``{"story", "title", "articles", "first", "last"}``, in ``sort`` order
    (``STORY_ORDERS``: newest first by default); articles by their input ids when they have
    one, in the order they arrived."""
    if sort not in STORY_ORDERS:
        raise UsageError(f"--sort {sort!r} is not an order of stories", hint=f"use one of: {', '.join(STORY_ORDERS)}")
    rows = con.execute(
        'SELECT s.id, s.title, list(coalesce(a.input_id, a.id) ORDER BY a.seq), s."first", s."last" '
        "FROM stories s JOIN articles a ON a.story = s.id GROUP BY s.id, s.title, s.\"first\", s.\"last\" "
        f"HAVING count(*) >= ? ORDER BY {STORY_ORDERS[sort]}", [min_articles]).fetchall()
    return [{"story": sid, "title": title, "articles": list(ids),
             "first": first.isoformat() if first else None, "last": last.isoformat() if last else None}
            for sid, title, ids, first, last in rows]


def story_article_ids(con: duckdb.DuckDBPyConnection, story: str) -> list[str]:
    return [row[0] for row in con.execute(
        "SELECT id FROM articles WHERE story = ? ORDER BY seq", [story]).fetchall()]
