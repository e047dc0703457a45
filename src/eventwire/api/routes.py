"""The JSON API: articles, stories, events, quotes, actors, claims, search; analyse and store.

Lists are paginated with ``limit``/``offset`` and say how many match (``total``) and where
the next page starts (``next``, null on the last page). ``GET /events`` takes exactly the
filters of ``eventwire query`` and runs the same query.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool

from ..errors import RefusedError, StoreError
from ..ingest.raw import RawArticle
from ..store.queries import Filters
from . import queries
from .cache import answer_headers, cache_key
from .errors import ApiError
from .security import require_analyze, require_read, require_write


class ErrorDetail(BaseModel):
    code: str = Field(description="what went wrong, e.g. not_found, validation, not_english")
    message: str
    status: int
    details: list[dict] | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    total: int = Field(description="how many match the filters, over all pages")
    limit: int
    offset: int
    next: int | None = Field(description="the offset of the next page; null on the last page")


class ArticleIn(BaseModel):
    """An article to analyse: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="the article's plain text")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO datetime")
    source: str | None = None
    url: str | None = None
    authors: list[str] = Field(default_factory=list)
    id: str | None = Field(None, description="your own id for the article")
    metadata: dict[str, str | int | float | bool | None] = Field(
        default_factory=dict, description="anything else known about it (category, section...), kept as given")

    @field_validator("text", "title", "published", "source", "url", "id")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("text must be valid Unicode (no lone surrogates)") from None
        return value

    @field_validator("authors")
    @classmethod
    def _encodable_names(cls, value: list[str]) -> list[str]:
        for name in value:
            cls._encodable(name)
        return value

    @field_validator("metadata")
    @classmethod
    def _encodable_metadata(cls, value: dict) -> dict:
        for key, item in value.items():
            cls._encodable(key)
            if isinstance(item, str):
                cls._encodable(item)
        return value

    def raw(self, origin: str) -> RawArticle:
        return RawArticle(text=self.text, origin=origin, title=self.title, source=self.source,
                          url=self.url, published=self.published, authors=list(self.authors),
                          input_id=self.id, metadata=dict(self.metadata))


class StoredOut(BaseModel):
    id: str
    stored: bool = Field(description="false when the article was already in the store")
    story: str | None
    counts: dict[str, int]


ERRORS = {code: {"model": ErrorOut} for code in (401, 403, 404, 413, 422, 500)}
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many items")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="skip this many items")]
Text = Annotated[str | None, Query(max_length=200)]

router = APIRouter(responses=ERRORS)
reads = APIRouter(dependencies=[Depends(require_read)], responses=ERRORS)


def backend(request: Request):
    return request.app.state.backend


def con(request: Request):
    return request.app.state.backend.cursor()


def page(found: queries.Page) -> dict:
    end = found.offset + len(found.items)
    return {"items": found.items, "total": found.total, "limit": found.limit,
            "offset": found.offset, "next": end if end < found.total else None}


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


async def cached_json(request: Request, compute: Callable[[], dict]) -> Response:
    """The JSON answer for this request, from the cache when the store has not changed.

    A cached answer is sent straight from the event loop; a new one is computed in the
    thread pool (DuckDB blocks), so a slow query never holds up the others."""
    be = backend(request)
    key = cache_key(request.url.path, request.query_params)
    as_csv = request.query_params.get("format") == "csv"
    body = be.peek(key)
    if body is None:
        def make() -> bytes:
            answer = compute()
            if as_csv:
                return list_csv(answer).encode("utf-8")
            return json.dumps(answer, default=_plain, ensure_ascii=False).encode("utf-8")

        body = await run_in_threadpool(be.cached, key, make)
    return Response(body, headers=answer_headers(request.url.path, request.query_params))


def list_csv(answer: dict) -> str:
    """A list answer's items as CSV (``format=csv`` on any list): one column per field in the
    order first seen; a list's values "; "-joined, an object as JSON, nothing as empty."""
    if "items" not in answer:
        raise ApiError(400, "not_a_list", "format=csv is for lists (events, stories, actors, quotes, "
                       "claims, articles); ask for this one as JSON")
    columns: list[str] = []
    for item in answer["items"]:
        columns += [k for k in item if k not in columns]

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, list):
            return "; ".join(cell(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, default=_plain, ensure_ascii=False)
        if isinstance(value, date | datetime):
            return _plain(value)
        if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
            return "'" + value  # a spreadsheet would run it as a formula
        return str(value)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(item.get(c)) for c in columns] for item in answer["items"])
    return out.getvalue()


# -- reading ----------------------------------------------------------------------------------


@reads.get("/events", response_model=PageOut, tags=["events"])
async def list_events(request: Request, actor: Text = None, recipient: Text = None, event: Text = None,
                quad: Text = None, status: Text = None, country: Text = None, place: Text = None,
                since: Text = None, until: Text = None, speaker: Text = None, text: Text = None,
                story: Text = None, limit: Limit = 50, offset: Offset = 0):
    """Events matching every filter given: the same filters and order as `eventwire query`."""
    f = Filters(actor, recipient, event, quad, status, country, place, since, until, speaker, text, story)
    return await cached_json(request, lambda: page(queries.events(con(request), f, limit, offset)))


@reads.get("/events/facets", tags=["events"])
async def event_facets(request: Request, actor: Text = None, recipient: Text = None, event: Text = None,
                       quad: Text = None, status: Text = None, country: Text = None, place: Text = None,
                       since: Text = None, until: Text = None, speaker: Text = None, text: Text = None,
                       story: Text = None):
    """What the events matching the filters break down into: counts by event type, quad
    class, status, top actors, recipients and countries, by day (for a time chart) and by
    located place with its coordinates (for a map)."""
    f = Filters(actor, recipient, event, quad, status, country, place, since, until, speaker, text, story)
    return await cached_json(request, lambda: queries.event_facets(con(request), f))


@reads.get("/articles", response_model=PageOut, tags=["articles"])
async def list_articles(request: Request, story: Text = None, source: Text = None, text: Text = None,
                  actor: Text = None, since: Text = None, until: Text = None,
                  limit: Limit = 50, offset: Offset = 0):
    """Stored articles, newest first, with their counts of events, quotes and claims."""
    return await cached_json(request, lambda: page(queries.articles(
        con(request), story=story, source=source, text=text, actor=actor, since=since, until=until,
        limit=limit, offset=offset)))


@reads.get("/articles/{article_id}", tags=["articles"])
def get_article(request: Request, article_id: str) -> dict:
    """One stored article's contract document (by id or by the input's own id), with its story."""
    found = queries.document(con(request), article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id!r} in the store")
    doc, story = found
    return {"story": story, "document": doc.model_dump(mode="json")}


MinArticles = Annotated[int, Query(ge=1, le=1_000_000)]


@reads.get("/stories", response_model=PageOut, tags=["stories"])
async def list_stories(request: Request, text: Text = None, since: Text = None, until: Text = None,
                       min_articles: MinArticles = 1, event: Text = None, actor: Text = None,
                       country: Text = None, limit: Limit = 50, offset: Offset = 0):
    """Stories, newest first, with counts of articles, events and sources; narrowed by words
    of the title, dates, a PLOVER type or CAMEO code reported, an actor named, a country."""
    return await cached_json(request, lambda: page(queries.stories(
        con(request), text=text, since=since, until=until, min_articles=min_articles, event=event,
        actor=actor, country=country, limit=limit, offset=offset)))


@reads.get("/stories/facets", tags=["stories"])
async def story_facets(request: Request, text: Text = None, since: Text = None, until: Text = None,
                       min_articles: MinArticles = 1, event: Text = None, actor: Text = None,
                       country: Text = None):
    """What the stories matching the filters break down into: how many report each event
    type, name each actor and each country."""
    return await cached_json(request, lambda: queries.story_facets(
        con(request), text=text, since=since, until=until, min_articles=min_articles, event=event,
        actor=actor, country=country))


@reads.get("/stories/{story_id}", tags=["stories"])
async def get_story(request: Request, story_id: str) -> Response:
    """One story: its articles, merged events (timeline), actor network, quotes by speaker
    and conflicting claims."""
    return await cached_json(request, lambda: _story(con(request), story_id))


def _story(c, story_id: str) -> dict:
    from ..web.story_view import story_page

    row = queries.story_row(c, story_id)
    if row is None:
        raise ApiError(404, "not_found", f"no story {story_id!r} in the store")
    view = story_page(row, queries.story_documents(c, story_id))
    articles = [{"id": d.article.id, "input_id": d.article.input_id, "title": d.article.title,
                 "source": d.article.source, "published": d.article.published} for d in view["docs"]]
    edges = [{"actor": e["a"]["name"], "recipient": e["r"]["name"], "events": e["label"].split(", "),
              "count": e["count"], "quad": e["quad"]} for e in view["network"]["edges"]]
    return {"story": row, "articles": articles, "events": view["timeline"]["items"],
            "interactions": edges, "quotes_by_speaker": view["speakers"], "conflicts": view["conflicts"]}


@reads.get("/quotes", response_model=PageOut, tags=["quotes"])
async def list_quotes(request: Request, speaker: Text = None, text: Text = None, story: Text = None,
                      article: Text = None, since: Text = None, until: Text = None, kind: Text = None,
                      country: Text = None, limit: Limit = 50, offset: Offset = 0):
    """Quotes with their speakers (the entity's name, else the words naming the speaker);
    ``kind`` is direct, indirect or mixed, ``country`` the speaker's."""
    return await cached_json(request, lambda: page(queries.quotes(
        con(request), speaker=speaker, text=text, story=story, article=article, since=since,
        until=until, kind=kind, country=country, limit=limit, offset=offset)))


@reads.get("/quotes/facets", tags=["quotes"])
async def quote_facets(request: Request, speaker: Text = None, text: Text = None, story: Text = None,
                       article: Text = None, since: Text = None, until: Text = None, kind: Text = None,
                       country: Text = None):
    """What the quotes matching the filters break down into: counts by speaker, kind and the
    speaker's country."""
    return await cached_json(request, lambda: queries.quote_facets(
        con(request), speaker=speaker, text=text, story=story, article=article, since=since,
        until=until, kind=kind, country=country))


@reads.get("/actors", response_model=PageOut, tags=["actors"])
async def list_actors(request: Request, name: Text = None, country: Text = None, type: Text = None,
                      story: Text = None, sector: Text = None, limit: Limit = 50, offset: Offset = 0):
    """Actors (entities by name) across the store, most often named first."""
    return await cached_json(request, lambda: page(queries.actors(
        con(request), name=name, country=country, type=type, story=story, sector=sector, limit=limit,
        offset=offset)))


@reads.get("/actors/facets", tags=["actors"])
async def actor_facets(request: Request, name: Text = None, country: Text = None, type: Text = None,
                       story: Text = None, sector: Text = None):
    """What the actors matching the filters break down into: how many of each type, country
    and sector."""
    return await cached_json(request, lambda: queries.actor_facets(
        con(request), name=name, country=country, type=type, story=story, sector=sector))


@reads.get("/actors/{name}", tags=["actors"])
def get_actor(request: Request, name: str) -> dict:
    """One actor, by its id ("state:RUS", "person:vladimir putin") or any name it goes by
    (any case): its names, the dated history of its codes, and every event and quote
    involving it under any of its names, by date."""
    c = con(request)
    summary = queries.actor_summary(c, name)
    if summary is None:
        raise ApiError(404, "not_found", f"no actor named {name!r} in the store")
    return {"actor": summary, "events": queries.actor_events(c, summary["id"]),
            "quotes": queries.actor_quotes(c, summary["id"])}


@reads.get("/claims", response_model=PageOut, tags=["claims"])
async def list_claims(request: Request, about: Text = None, claimant: Text = None, text: Text = None,
                story: Text = None, since: Text = None, until: Text = None,
                limit: Limit = 50, offset: Offset = 0):
    """Numbers claimed in the articles, with who claimed them."""
    return await cached_json(request, lambda: page(queries.claims(
        con(request), about=about, claimant=claimant, text=text, story=story, since=since,
        until=until, limit=limit, offset=offset)))


@reads.get("/search", tags=["search"])
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict:
    """Articles, quotes (by words or speaker) and events (by words or actor) matching `q`."""
    return queries.search(con(request), q, limit)


@router.get("/health", tags=["server"])
def health(request: Request) -> dict:
    """The server is up and its store readable; how much the store holds. A store damaged
    since the server started (a truncated file, a failing block) answers 503 ``store_damaged``."""
    import duckdb

    from ..store.core import check_size, damage_error

    c, path = con(request), backend(request).path
    try:
        check_size(c, path)
        n = c.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    except (duckdb.Error, StoreError) as exc:
        error = exc if isinstance(exc, StoreError) else damage_error(path, exc)
        if error is None:
            raise
        raise ApiError(503, "store_damaged", error.one_line()) from None
    return {"status": "ok", "articles": n[0], "events": n[1], "writable": backend(request).writable}


# -- analysing and storing ----------------------------------------------------------------------


def _origin(request: Request, article: ArticleIn) -> str:
    return article.url or f"api:{article.id or 'POST ' + request.url.path}"


@router.post("/analyze", tags=["analysis"], dependencies=[Depends(require_analyze)])
async def analyze(request: Request, article: ArticleIn) -> dict:
    """Analyse one article and return its contract document, without storing it (needs the
    token unless the server was started with ``--open-analyze``).

    A refused article (empty, not English, too large) answers 422 with the refusal's code; a
    full queue answers 503 with Retry-After. A client that goes away drops its article."""
    doc = await backend(request).analyse_for(article.raw(_origin(request, article)), request.is_disconnected)
    return doc.model_dump(mode="json")


@router.post("/articles", response_model=StoredOut, status_code=201, tags=["articles"],
             dependencies=[Depends(require_write)])
async def store_article(request: Request, response: Response, article: ArticleIn):
    """Analyse one article and keep it in the store (needs the token). Answers 201 when it
    was stored, 200 when the same text was already stored; a refusal is recorded and
    answered 422 with its code. A client that goes away before its article is analysed
    drops it: nothing is stored."""
    be = backend(request)
    origin = _origin(request, article)
    try:
        doc = await be.analyse_for(article.raw(origin), request.is_disconnected)
    except RefusedError as exc:
        await run_in_threadpool(be.record_refusal, exc, origin)
        raise
    stored = await run_in_threadpool(be.store_document, doc, origin)
    if not stored:
        response.status_code = 200
    row = await run_in_threadpool(lambda: queries.document(be.cursor(), doc.article.id))
    counts = {k: len(getattr(doc, k)) for k in ("entities", "quotes", "events", "claims", "times", "places")}
    return {"id": doc.article.id, "stored": stored, "story": row[1] if row else None, "counts": counts}


