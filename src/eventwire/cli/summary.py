"""``eventwire summary``: what the store holds, in three short tables (stories, actors,
events), sized for a terminal; `make run` ends with it."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from ..store.queries import ACTOR_NAME
from .common import friendly, out
from .store import StoreOpt, _store_path

STORIES = """
SELECT s.id, s.n_articles, count(DISTINCT coalesce(a.source, a.origin)) AS sources,
       (SELECT count(*) FROM events e JOIN articles x ON x.id = e.article_id WHERE x.story = s.id) AS events,
       s.title
FROM stories s JOIN articles a ON a.story = s.id
GROUP BY s.id, s.n_articles, s.title, s.last ORDER BY s.last DESC NULLS LAST, s.id LIMIT ?"""

#: Actors by their identity across the store (``entities.actor``): "US", "U.S." and
#: "Washington" acting are one state, "Putin" and "Vladimir Putin" one person.
ACTORS = f"""
SELECT {ACTOR_NAME} AS name, string_agg(DISTINCT x.code, ' ' ORDER BY x.code) AS codes,
       count(DISTINCT (x.article_id, x.event_id)) AS events, count(DISTINCT x.article_id) AS articles
FROM event_actors x JOIN entities n ON n.article_id = x.article_id AND n.id = x.entity
GROUP BY n.actor ORDER BY events DESC, name LIMIT ?"""

EVENTS = """
SELECT event, count(*) FILTER (status = 'asserted') AS asserted,
       count(*) FILTER (status = 'negated') AS negated,
       count(*) FILTER (status IN ('planned', 'not_planned')) AS planned,
       count(*) FILTER (status NOT IN ('asserted', 'negated', 'planned', 'not_planned')) AS other,
       count(*) AS total
FROM events GROUP BY event ORDER BY total DESC, event"""


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> Table:
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    return table


@friendly
def summary(store: StoreOpt = None, top: int = 10) -> None:
    """A short summary of the store: newest stories, most active actors, events by type."""
    from ..store import Store

    with Store(_store_path(store), read_only=True) as db:
        con = db.con
        out.print(_table("Stories, newest first", ("story", "articles", "sources", "events", "title"),
                         con.execute(STORIES, [top]).fetchall()))
        out.print(_table("Most active actors", ("actor", "codes", "events", "articles"),
                         con.execute(ACTORS, [top]).fetchall()))
        out.print(_table("Events by PLOVER type and status",
                         ("event", "asserted", "negated", "planned", "other", "total"),
                         con.execute(EVENTS).fetchall()))
        out.print(f"{db.count('articles')} articles, {db.count('events')} events, "
                  f"{db.count('quotes')} quotes, {db.count('claims')} claims, "
                  f"{db.count('refusals')} refusals in {db.path}")
