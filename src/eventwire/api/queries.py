"""Read-only queries the API and the web page need beyond ``store.queries``.

Events are filtered with ``store.queries.where_clause`` itself, so ``eventwire query`` and
``GET /events`` always agree. The other resources (articles, quotes, actors, claims,
stories) have their own filters, built the same way: the SQL text is assembled only from
this module's fragments and every value a user gives is a bound parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import duckdb

from ..model import Document, Quote
from ..store.queries import (
    ACTOR_NAME,
    EVENT_DATE,
    Filters,
    check_event,
    country_filter,
    event_rows,
    not_one_of,
    parse_day,
    run_query,
    where_clause,
)


@dataclass
class Where:
    """A WHERE clause under construction: fragments with ``?`` and their values."""

    parts: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, sql: str, *values) -> None:
        self.parts.append(sql)
        self.params.extend(values)

    def contains(self, column: str, value: str | None) -> None:
        """Case-insensitive substring match of a user's text in a column."""
        if value:
            self.add(f"strpos(lower(coalesce({column}, '')), lower(?)) > 0", value)

    def days(self, column: str, since: str | None, until: str | None) -> None:
        if since:
            self.add(f"{column} >= ?", parse_day(since, "since"))
        if until:
            self.add(f"{column} <= ?", parse_day(until, "until"))

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


@dataclass
class Page:
    """One page of rows and the total matching."""

    items: list[dict]
    total: int
    limit: int
    offset: int


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _counts(con, value: str, count: str, source: str, where: Where) -> list[dict]:
    """A facet: ``count`` per non-null ``value`` of the rows ``source`` and ``where`` select,
    the largest first (ties by value), the top ``FACET_TOP``."""
    tail = Where([*where.parts, f"{value} IS NOT NULL"], list(where.params)).sql()
    rows = con.execute(f"SELECT {value}, {count} {source}{tail} GROUP BY 1 ORDER BY 2 DESC, 1 "
                       f"LIMIT {FACET_TOP}", where.params).fetchall()
    return [{"value": v, "n": int(n)} for v, n in rows]


_ACTOR_FROM = "FROM entities n JOIN articles a ON a.id = n.article_id"
_QUOTE_FROM = "FROM quotes q JOIN articles a ON a.id = q.article_id"


def _page(con, select: str, count: str, where: Where, order: str, limit: int, offset: int) -> Page:
    """Run the count and one page of ``select`` with the same WHERE."""
    total = int(con.execute(count + where.sql(), where.params).fetchone()[0])
    cur = con.execute(f"{select}{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                      [*where.params, limit, offset])
    return Page(_dicts(cur), total, limit, offset)


# -- events: exactly the CLI's filters -------------------------------------------------------

_EVENT_COUNT = "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"


def _event_dicts(con, tail: str, params: list) -> list[dict]:
    columns, rows = event_rows(con, tail, params)
    return [dict(zip(columns, row)) for row in rows]


def events(con, f: Filters, limit: int, offset: int) -> Page:
    """Events matching ``f`` (``eventwire query``'s filters, columns and order), one page."""
    where, params = where_clause(f)
    total = int(con.execute(_EVENT_COUNT + where, params).fetchone()[0])
    columns, rows = run_query(con, f, limit, offset)
    return Page([dict(zip(columns, row)) for row in rows], total, limit, offset)


_FACET_FROM = "FROM events e JOIN articles a ON a.id = e.article_id"
_FACET_PARTIES = ("FROM events e JOIN articles a ON a.id = e.article_id JOIN event_actors p "
                  "ON p.article_id = e.article_id AND p.event_id = e.id")
#: How many values of an open-ended facet (actors, countries) are counted.
FACET_TOP = 20
#: How many located places a map of the events shows (the most frequent).
PLACE_TOP = 300


def event_facets(con, f: Filters) -> dict:
    """What the events matching ``f`` break down into, for a reader narrowing them: counts by
    event type, quad class, status, top actors, recipients and countries (of the place or a
    side), by day (the event's date, else its article's) and by place (name, country and
    coordinates, for a map), each largest first except the days, which are in order."""
    where, params = where_clause(f)
    also = (where + " AND") if where else " WHERE"

    def counts(select: str, tail: str, extra: list | None = None) -> list[dict]:
        rows = con.execute(f"SELECT {select} AS value, count(DISTINCT (e.article_id, e.id)) AS n {tail}",
                           params + (extra or [])).fetchall()
        return [{"value": v.isoformat() if isinstance(v, date) else v, "n": int(n)} for v, n in rows]

    by = "GROUP BY 1 ORDER BY 2 DESC, 1"
    facets = {name: counts(f"e.{name}", f"{_FACET_FROM}{also} e.{name} IS NOT NULL {by}")
              for name in ("event", "quad", "status")}
    for role in ("actor", "recipient"):
        facets[role] = counts("p.name", f"{_FACET_PARTIES}{also} p.role = ? AND p.name IS NOT NULL {by} "
                              f"LIMIT {FACET_TOP}", [role])
    facets["country"] = counts(
        "x.country", f"{_FACET_FROM} JOIN (SELECT article_id, event_id, country FROM event_actors UNION "
        "SELECT article_id, id, location_country FROM events) x ON x.article_id = e.article_id AND "
        f"x.event_id = e.id{also} x.country IS NOT NULL {by} LIMIT {FACET_TOP}")
    facets["day"] = counts(EVENT_DATE, f"{_FACET_FROM}{also} {EVENT_DATE} IS NOT NULL GROUP BY 1 ORDER BY 1")
    facets["place"] = [
        {"value": name, "country": country, "lat": round(lat, 4), "lon": round(lon, 4), "n": int(n)}
        for name, country, lat, lon, n in con.execute(
            "SELECT e.location_name, e.location_country, avg(e.lat), avg(e.lon), "
            f"count(DISTINCT (e.article_id, e.id)) {_FACET_FROM}{also} e.lat IS NOT NULL AND "
            f"e.lon IS NOT NULL GROUP BY 1, 2 ORDER BY 5 DESC, 1 LIMIT {PLACE_TOP}", params).fetchall()]
    total = int(con.execute(_EVENT_COUNT + where, params).fetchone()[0])
    return {"total": total, "facets": facets}


# -- articles -------------------------------------------------------------------------------

ARTICLE_SELECT = """SELECT a.id, a.input_id, a.title, a.source, a.url, a.published, a.pub_date,
  a.story, a.dateline_place, a.dateline_country FROM articles a"""
_ARTICLE_COUNTS = """SELECT article_id, '{name}', count(*) FROM {table}
WHERE article_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_id"""


def _add_counts(con, rows: list[dict]) -> list[dict]:
    """``n_events``, ``n_quotes``, ``n_claims`` of the page's articles only."""
    ids = [r["id"] for r in rows]
    sql = " UNION ALL ".join(_ARTICLE_COUNTS.format(name=n, table=n) for n in ("events", "quotes", "claims"))
    counts = {(aid, name): n for aid, name, n in con.execute(sql, [ids, ids, ids]).fetchall()} if ids else {}
    for r in rows:
        for name in ("events", "quotes", "claims"):
            r[f"n_{name}"] = counts.get((r["id"], name), 0)
    return rows


def articles(con, *, story=None, source=None, text=None, actor=None, since=None, until=None,
             limit=50, offset=0) -> Page:
    """Stored articles, newest first, with their counts of events, quotes and claims."""
    w = Where()
    if story:
        w.add("a.story = ?", story)
    w.contains("a.source", source)
    if text:
        w.add("(strpos(lower(coalesce(a.title, '')), lower(?)) > 0 "
              "OR strpos(lower(a.text), lower(?)) > 0)", text, text)
    if actor:
        w.add("EXISTS (SELECT 1 FROM entities n WHERE n.article_id = a.id "
              "AND strpos(lower(n.name), lower(?)) > 0)", actor)
    w.days("a.pub_date", since, until)
    found = _page(con, ARTICLE_SELECT, "SELECT count(*) FROM articles a", w,
                  "a.pub_date DESC NULLS LAST, a.seq DESC", limit, offset)
    found.items = _add_counts(con, found.items)
    return found


# -- quotes ---------------------------------------------------------------------------------

QUOTE_SELECT = """SELECT q.article_id, q.id AS quote_id, q.kind, q.content_text AS content,
  q.content_start, q.content_end, q.parts, q.cue_text AS cue, q.source_text AS source_words,
  q.speaker, coalesce(q.speaker_name, q.source_text) AS speaker_name, a.pub_date AS date,
  a.title, a.source, a.story
FROM quotes q JOIN articles a ON a.id = q.article_id"""


def _with_cue(rows: list[dict]) -> list[dict]:
    """Quote rows with their ``parts`` as spans and ``said``: the cue with the words
    ('denied: Putin had rejected the plan'), so no view shows a denial as the claim."""
    for row in rows:
        parts = json.loads(row["parts"]) if row.get("parts") else [
            {"start": row["content_start"], "end": row["content_end"], "text": row["content"]}]
        row["parts"] = parts
        row["said"] = Quote.line(row["kind"], row["cue"], [p["text"] for p in parts])
    return rows


#: The kinds of quotation (the contract's ``QuoteKind``).
QUOTE_KINDS = ("direct", "indirect", "mixed")
#: The entity a quote's speaker is, in the quote's article.
_SPEAKER_ENTITY = "(SELECT n.country FROM entities n WHERE n.article_id = q.article_id AND n.id = q.speaker)"


def _quote_where(speaker=None, text=None, story=None, article=None, since=None, until=None,
                 kind=None, country=None) -> Where:
    w = Where()
    if speaker:
        w.add("(strpos(lower(coalesce(q.speaker_name, '')), lower(?)) > 0 "
              "OR strpos(lower(coalesce(q.source_text, '')), lower(?)) > 0)", speaker, speaker)
    w.contains("q.content_text", text)
    if story:
        w.add("a.story = ?", story)
    if article:
        w.add("(a.id = ? OR a.input_id = ?)", article, article)
    w.days("a.pub_date", since, until)
    if kind:
        if kind.strip().lower() not in QUOTE_KINDS:
            raise not_one_of("kind", kind, "a kind of quotation", QUOTE_KINDS, rows="quote")
        w.add("q.kind = ?", kind.strip().lower())
    if country:
        w.add(f"{_SPEAKER_ENTITY} = ?", country_filter(country, "country"))
    return w


def quotes(con, *, speaker=None, text=None, story=None, article=None, since=None, until=None,
           kind=None, country=None, limit=50, offset=0) -> Page:
    """Quotes with their speakers, newest article first; narrowed by speaker, words, story,
    article, dates, kind (direct, indirect, mixed) and the speaker's country."""
    w = _quote_where(speaker, text, story, article, since, until, kind, country)
    found = _page(con, QUOTE_SELECT, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id",
                  w, "a.pub_date DESC NULLS LAST, a.seq DESC, q.content_start", limit, offset)
    found.items = _with_cue(found.items)
    return found


def quote_facets(con, **filters) -> dict:
    """What the quotes matching the filters (those of ``quotes``) break down into: counts by
    speaker (top 20), kind and the speaker's country, largest first."""
    w = _quote_where(**filters)
    facets = {name: _counts(con, value, "count(*)", _QUOTE_FROM, w)
              for name, value in (("speaker", "coalesce(q.speaker_name, q.source_text)"), ("kind", "q.kind"),
                                  ("country", _SPEAKER_ENTITY))}
    total = int(con.execute(f"SELECT count(*) {_QUOTE_FROM}{w.sql()}", w.params).fetchone()[0])
    return {"total": total, "facets": facets}


# -- claims ---------------------------------------------------------------------------------

CLAIM_SELECT = """SELECT c.article_id, c.id AS claim_id, c.about, c.value, c.max, c.bound, c.unit,
  c.per, c.claimant, c.claimant_name, c.evidence_text AS evidence, a.pub_date AS date, a.title,
  a.source, a.story
FROM claims c JOIN articles a ON a.id = c.article_id"""


def claims(con, *, about=None, claimant=None, text=None, story=None, since=None, until=None,
           limit=50, offset=0) -> Page:
    """Numbers claimed, with who claimed them."""
    w = Where()
    if about:
        w.add("lower(c.about) = lower(?)", about)
    w.contains("c.claimant_name", claimant)
    w.contains("c.evidence_text", text)
    if story:
        w.add("a.story = ?", story)
    w.days("a.pub_date", since, until)
    return _page(con, CLAIM_SELECT, "SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id",
                 w, "a.pub_date DESC NULLS LAST, a.seq DESC, c.evidence_start", limit, offset)


# -- actors ---------------------------------------------------------------------------------

#: Actors by their identity across the store (``entities.actor``, knowledge/identity.py).
_ACTOR_SELECT = f"""SELECT n.actor AS id, {ACTOR_NAME} AS name, mode(n.type) AS type,
  mode(n.country) AS country, mode(n.sector) AS sector, mode(n.code) AS code,
  count(DISTINCT n.article_id) AS n_articles, sum(n.n_mentions) AS n_mentions
{_ACTOR_FROM}"""


def _actor_where(name=None, country=None, type=None, story=None, sector=None) -> Where:
    w = Where()
    w.contains("n.name", name)
    if country:
        w.add("n.country = ?", country_filter(country, "country"))
    if type:
        w.add("n.type = upper(?)", type)
    if sector:
        w.add("n.sector = upper(?)", sector)
    if story:
        w.add("a.story = ?", story)
    return w


def actors(con, *, name=None, country=None, type=None, story=None, sector=None, limit=50, offset=0) -> Page:
    """Actors across the store (one row per identity: "US", "U.S." and "United States" are
    one), most often named first; ``name`` matches any of the names an actor goes by."""
    w = _actor_where(name, country, type, story, sector)
    total = int(con.execute(
        "SELECT count(DISTINCT n.actor) FROM entities n JOIN articles a ON a.id = n.article_id"
        + w.sql(), w.params).fetchone()[0])
    cur = con.execute(f"{_ACTOR_SELECT}{w.sql()} GROUP BY n.actor "
                      "ORDER BY n_articles DESC, n_mentions DESC, name LIMIT ? OFFSET ?",
                      [*w.params, limit, offset])
    return Page(_dicts(cur), total, limit, offset)


def actor_facets(con, *, name=None, country=None, type=None, story=None, sector=None) -> dict:
    """What the actors matching the filters break down into: how many actors (identities
    across the store) of each type, country and sector, largest first."""
    w = _actor_where(name, country, type, story, sector)
    facets = {column: _counts(con, f"n.{column}", "count(DISTINCT n.actor)", _ACTOR_FROM, w)
              for column in ("type", "country", "sector")}
    total = int(con.execute(f"SELECT count(DISTINCT n.actor) {_ACTOR_FROM}{w.sql()}", w.params).fetchone()[0])
    return {"total": total, "facets": facets}


def actor_id(con, name: str) -> str | None:
    """The actor a page or request names: by its identity key ("state:RUS"), else by the
    name it is shown by or any name it goes by (any case); the most often named if several."""
    row = con.execute(
        "SELECT n.actor FROM entities n WHERE n.actor = ? OR lower(n.actor_name) = lower(?) "
        "OR lower(n.name) = lower(?) GROUP BY n.actor "
        "ORDER BY max(CASE WHEN n.actor = ? THEN 2 WHEN lower(n.actor_name) = lower(?) THEN 1 ELSE 0 END) DESC, "
        "count(DISTINCT n.article_id) DESC, n.actor LIMIT 1", [name, name, name, name, name]).fetchone()
    return row[0] if row else None


def actor_summary(con, name: str) -> dict | None:
    key = actor_id(con, name)
    if key is None:
        return None
    summary = _dicts(con.execute(_ACTOR_SELECT + " WHERE n.actor = ? GROUP BY n.actor", [key]))[0]
    summary["names"] = [r[0] for r in con.execute(
        "SELECT name FROM entities WHERE actor = ? GROUP BY name ORDER BY count(*) DESC, name", [key]).fetchall()]
    summary["roles"] = _dicts(con.execute(
        "SELECT code, first_seen, last_seen, n_articles FROM actor_roles WHERE actor = ? "
        "ORDER BY first_seen NULLS LAST, code", [key]))
    return summary


def actor_events(con, key: str, limit: int = 500) -> list[dict]:
    """Every event naming the actor (as actor or recipient, under any of its names), by date."""
    where, params = where_clause(Filters(party=key))
    return _event_dicts(con, f"{where} ORDER BY date NULLS LAST, a.seq, e.id LIMIT ?", [*params, limit])


def actor_quotes(con, key: str, limit: int = 500) -> list[dict]:
    """Every quote whose speaker is the actor, however the article named them there (a
    pronoun, a title, a short name), by date."""
    sql = (f"{QUOTE_SELECT} JOIN entities n ON n.article_id = q.article_id AND n.id = q.speaker "
           "WHERE n.actor = ? ORDER BY a.pub_date NULLS LAST, a.seq, q.content_start LIMIT ?")
    return _with_cue(_dicts(con.execute(sql, [key, limit])))


# -- stories --------------------------------------------------------------------------------

#: Stories with their counts, from two grouped passes rather than a subquery per story.
STORY_SELECT = """WITH counts AS (
  SELECT story, count(*) AS n_articles, count(DISTINCT coalesce(source, url, id)) AS n_sources
  FROM articles WHERE story IS NOT NULL GROUP BY story),
ev AS (SELECT a.story, count(*) AS n_events FROM events e JOIN articles a ON a.id = e.article_id
  GROUP BY a.story)
SELECT s.id, s.title, s."first", s."last", c.n_articles, c.n_sources,
  coalesce(ev.n_events, 0) AS n_events
FROM stories s JOIN counts c ON c.story = s.id LEFT JOIN ev ON ev.story = s.id"""


_STORY_FROM = ("FROM stories s JOIN (SELECT story, count(*) AS n_articles FROM articles GROUP BY story) c "
               "ON c.story = s.id")
_STORY_IDS = f"SELECT s.id {_STORY_FROM}"
#: The stories some article of which names an entity matching a condition on ``n``.
_STORIES_NAMING = ("s.id IN (SELECT a.story FROM entities n JOIN articles a ON a.id = n.article_id "
                   "WHERE {})")


def _story_where(text=None, since=None, until=None, min_articles=1, event=None, actor=None,
                 country=None) -> Where:
    w = Where()
    w.contains("s.title", text)
    w.days('s."last"', since, None)
    w.days('s."first"', None, until)
    w.add("c.n_articles >= ?", min_articles)
    if event:
        code = check_event(event)
        w.add("s.id IN (SELECT a.story FROM events e JOIN articles a ON a.id = e.article_id "
              "WHERE e.event = ? OR e.cameo = ?)", code, code)
    if actor:
        w.add(_STORIES_NAMING.format("strpos(lower(n.name), lower(?)) > 0"), actor)
    if country:
        code = country_filter(country, "country")
        w.add(f"({_STORIES_NAMING.format('n.country = ?')} OR s.id IN (SELECT a.story FROM events e "
              "JOIN articles a ON a.id = e.article_id WHERE e.location_country = ?))", code, code)
    return w


def stories(con, *, text=None, since=None, until=None, min_articles=1, event=None, actor=None,
            country=None, limit=50, offset=0) -> Page:
    """Stories, newest first, with their counts of articles, events and sources; narrowed by
    title words, dates, an event type, an actor named or a country."""
    w = _story_where(text, since, until, min_articles, event, actor, country)
    return _page(con, STORY_SELECT, f"SELECT count(*) {_STORY_FROM}", w,
                 's."last" DESC NULLS LAST, s.id DESC', limit, offset)


def story_facets(con, **filters) -> dict:
    """What the stories matching the filters (those of ``stories``) break down into: how many
    stories report each event type, name each actor (top 20) and each country (of an
    entity or an event's place), largest first."""
    w = _story_where(**filters)
    chosen = f"({_STORY_IDS}{w.sql()})"

    def counts(select: str, tail: str) -> list[dict]:
        rows = con.execute(f"SELECT {select}, count(DISTINCT a.story) {tail} AND a.story IN {chosen} "
                           f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {FACET_TOP}", w.params).fetchall()
        return [{"value": v, "n": int(n)} for v, n in rows]

    events_from = "FROM events e JOIN articles a ON a.id = e.article_id WHERE"
    named_from = "FROM entities n JOIN articles a ON a.id = n.article_id WHERE"
    facets = {"event": counts("e.event", f"{events_from} e.event IS NOT NULL"),
              "actor": counts("n.name", f"{named_from} n.name IS NOT NULL"),
              "country": counts("x.country", "FROM (SELECT article_id, country FROM entities UNION "
                                "SELECT article_id, location_country FROM events) x JOIN articles a ON "
                                "a.id = x.article_id WHERE x.country IS NOT NULL")}
    total = int(con.execute(f"SELECT count(*) FROM {chosen}", w.params).fetchone()[0])
    return {"total": total, "facets": facets}


def story_row(con, story_id: str) -> dict | None:
    rows = _dicts(con.execute(f"{STORY_SELECT} WHERE s.id = ?", [story_id]))
    return rows[0] if rows else None


# -- search ---------------------------------------------------------------------------------


def search(con, q: str, limit: int = 20) -> dict[str, list[dict]]:
    """Articles, quotes and events whose words contain ``q`` (case-insensitive)."""
    found_articles = articles(con, text=q, limit=limit).items
    found_quotes = quotes(con, speaker=None, text=q, limit=limit).items
    by_speaker = quotes(con, speaker=q, limit=limit).items
    seen = {(r["article_id"], r["quote_id"]) for r in by_speaker}
    merged_quotes = by_speaker + [r for r in found_quotes if (r["article_id"], r["quote_id"]) not in seen]
    w = _search_events(q)
    events_found = _event_dicts(con, f"{w.sql()} ORDER BY date DESC NULLS LAST, a.seq, e.id LIMIT ?",
                                [*w.params, limit])
    return {"articles": found_articles, "quotes": merged_quotes[:limit], "events": events_found}


def _search_events(q: str) -> Where:
    """The events a search for ``q`` finds: its words in the evidence or in a side's name."""
    w = Where()
    w.add("(strpos(lower(e.evidence_text), lower(?)) > 0 OR EXISTS (SELECT 1 FROM event_actors x "
          "WHERE x.article_id = e.article_id AND x.event_id = e.id "
          "AND strpos(lower(x.name), lower(?)) > 0))", q, q)
    return w


def search_days(con, q: str) -> list[dict]:
    """Every event a search for ``q`` finds (not only the first page), counted per day (the
    event's date, else its article's), in date order: what a time chart of the result draws."""
    w = _search_events(q)
    w.add(f"{EVENT_DATE} IS NOT NULL")
    rows = con.execute(f"SELECT {EVENT_DATE} AS day, count(*) {_FACET_FROM}{w.sql()} GROUP BY 1 ORDER BY 1",
                       w.params).fetchall()
    return [{"value": day.isoformat(), "n": int(n)} for day, n in rows]




# -- documents ------------------------------------------------------------------------------


def document(con, key: str) -> tuple[Document, str | None] | None:
    """An article's contract document and its story, by id or input id."""
    row = con.execute("SELECT document, story FROM articles WHERE id = ? OR input_id = ? "
                      "ORDER BY seq LIMIT 1", [key, key]).fetchone()
    return (Document.model_validate_json(row[0]), row[1]) if row else None


def story_documents(con, story: str, limit: int = 200) -> list[Document]:
    """The story's documents in the order they arrived (at most ``limit``, the latest)."""
    rows = con.execute("SELECT document FROM (SELECT document, seq FROM articles WHERE story = ? "
                       "ORDER BY seq DESC LIMIT ?) ORDER BY seq", [story, limit]).fetchall()
    return [Document.model_validate_json(r[0]) for r in rows]
