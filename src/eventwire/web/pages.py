"""The web page: server-rendered Jinja2 templates (autoescaping on) over the same queries
as the API. Pages live under ``/web``; ``/`` sends a browser to the stories list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from ..api import queries
from ..api.errors import ApiError
from ..api.security import require_read
from ..store.queries import Filters
from .article_view import STATUS_WORDS, actor_href, article_page
from .charts import day_chart
from .maps import world_map
from .story_view import QUADS, story_page

HERE = Path(__file__).parent
PAGE_SIZE = 50


def make_templates() -> Jinja2Templates:
    """Templates with autoescaping on for every file (not only ``.html``)."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    templates.env.globals.update(actor_href=actor_href, quads=QUADS, status_words=STATUS_WORDS,
                                 http_url=http_url, counted=counted)
    return templates


#: The plural of the nouns the pages count, where it is not the noun and an s.
PLURALS = {"story": "stories"}


def counted(n: int, noun: str) -> str:
    """ "1 event", "2 events", "1 story", "3 stories"."""
    return f"{n} {noun if n == 1 else PLURALS.get(noun, noun + 's')}"


def http_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: an article's URL must never become a
    ``javascript:`` link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


router = APIRouter(prefix="/web", include_in_schema=False, dependencies=[Depends(require_read)])
home = APIRouter(include_in_schema=False)


def _con(request: Request):
    return request.app.state.backend.cursor()


def _render(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@home.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/web/", status_code=307)


Filter = Annotated[str | None, Query(max_length=200)]
Offset = Annotated[int, Query(ge=0, le=10**9)]


def _given(**values) -> dict:
    """The filters a page was given (empty ones left out), in the order of its form."""
    return {k: v for k, v in values.items() if v}


def _listing(**given) -> dict:
    """What every list page's template needs beyond its rows: the filters given, and a
    ``query(**more)`` that links to the same list with some changed."""
    return {"given": given, "page_size": PAGE_SIZE, "query": lambda **more: _query({**given, **more})}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, text: Filter = None, event: Filter = None, actor: Filter = None,
                 country: Filter = None, since: Filter = None, until: Filter = None, offset: Offset = 0):
    """The stories, narrowed by facets (event type, actor, country) and a date range."""
    given = _given(text=text, event=event, actor=actor, country=country, since=since, until=until)
    con = _con(request)
    found = queries.stories(con, **given, limit=PAGE_SIZE, offset=offset)
    facets = queries.story_facets(con, **given)["facets"]
    return _render(request, "stories.html", page=found, facets=facets, **_listing(**given))


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str):
    con = _con(request)
    row = queries.story_row(con, story_id)
    if row is None:
        raise ApiError(404, "not_found", f"no story {story_id!r} in the store")
    facets = queries.event_facets(con, Filters(story=story_id))["facets"]
    return _render(request, "story.html", chart=day_chart(facets["day"]), **_map(facets, story=story_id),
                   **story_page(row, queries.story_documents(con, story_id)))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, event: Annotated[str | None, Query(max_length=40)] = None):
    found = queries.document(_con(request), article_id)
    if found is None:
        raise ApiError(404, "not_found", f"no article {article_id!r} in the store")
    doc, story_id = found
    return _render(request, "article.html", **article_page(doc, story_id, event))


#: The filters the events page takes (those of /events), in the order its form shows them.
EVENT_FILTERS = ("event", "status", "quad", "actor", "recipient", "country", "place", "since", "until",
                 "speaker", "text", "story")


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, event: Filter = None, status: Filter = None, quad: Filter = None,
                actor: Filter = None, recipient: Filter = None, country: Filter = None, place: Filter = None,
                since: Filter = None, until: Filter = None, speaker: Filter = None, text: Filter = None,
                story: Filter = None, offset: Offset = 0):
    """The events, narrowed by facets: each facet value links to the list with it added."""
    given = _given(**dict(zip(EVENT_FILTERS, (event, status, quad, actor, recipient, country, place,
                                              since, until, speaker, text, story), strict=True)))
    f = Filters(**given)
    con = _con(request)
    found = queries.events(con, f, PAGE_SIZE, offset)
    facets = queries.event_facets(con, f)["facets"]
    return _render(request, "events.html", page=found, chart=day_chart(facets["day"]),
                   facets={k: facets[k] for k in ("event", "status", "quad", "actor", "recipient", "country")},
                   **_listing(**given), **_map(facets, **given))


def _query(params: dict) -> str:
    """A query string for the events page (empty values left out)."""
    from urllib.parse import urlencode

    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _map(facets: dict, **given) -> dict:
    """The template context of the world map of the events ``facets`` describe: the map, and
    the events-page query of each dot (the filters ``given`` with its place)."""
    return {"world": world_map(facets["place"], facets["country"]),
            "map_query": lambda **more: _query({**given, "offset": None, **more})}


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: Filter = None, text: Filter = None, kind: Filter = None,
                country: Filter = None, since: Filter = None, until: Filter = None, story: Filter = None,
                offset: Offset = 0):
    """The quotes, narrowed by facets (speaker, kind, the speaker's country) and dates."""
    given = _given(speaker=speaker, text=text, kind=kind, country=country, since=since, until=until,
                   story=story)
    con = _con(request)
    found = queries.quotes(con, **given, limit=PAGE_SIZE, offset=offset)
    facets = queries.quote_facets(con, **given)["facets"]
    return _render(request, "quotes.html", page=found, facets=facets, **_listing(**given))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, name: Filter = None, type: Filter = None, country: Filter = None,
           sector: Filter = None, offset: Offset = 0):
    """The actors, narrowed by facets (type, country, sector) and words of the name."""
    given = _given(name=name, type=type, country=country, sector=sector)
    con = _con(request)
    found = queries.actors(con, **given, limit=PAGE_SIZE, offset=offset)
    facets = queries.actor_facets(con, **given)["facets"]
    return _render(request, "actors.html", page=found, facets=facets, **_listing(**given))


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor(request: Request, name: str):
    con = _con(request)
    summary = queries.actor_summary(con, name)
    if summary is None:
        raise ApiError(404, "not_found", f"no actor named {name!r} in the store")
    events = queries.actor_events(con, summary["id"])
    quotes = queries.actor_quotes(con, summary["id"])
    facets = queries.event_facets(con, Filters(party=summary["id"]))["facets"]
    return _render(request, "actor.html", actor=summary, events=events, quotes=quotes,
                   timeline=_by_day(events, quotes), chart=day_chart(facets["day"]),
                   **_map(facets, actor=summary["name"]))


def _by_day(events: list[dict], quotes: list[dict]) -> list[dict]:
    """Events and quotes merged into one list by date (undated last)."""
    items = [{"date": e["date"], "kind": "event", "row": e} for e in events]
    items += [{"date": q["date"], "kind": "quote", "row": q} for q in quotes]
    return sorted(items, key=lambda i: (i["date"] is None, i["date"] or date.min))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=200)] = ""):
    con = _con(request)
    results = queries.search(con, q.strip()) if q.strip() else None
    chart = day_chart(queries.search_days(con, q.strip())) if q.strip() else None
    return _render(request, "search.html", q=q, results=results, chart=chart)
