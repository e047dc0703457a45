"""``create_app``: the FastAPI application serving the store as JSON and as a web page.

    from eventwire.api import create_app
    app = create_app("eventwire.duckdb", token="s3cret")   # uvicorn.run(app)

The store is opened when the app is made (so a bad store fails at once, not on the first
request) and closed when the server shuts down.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..settings import Settings
from . import errors
from .backend import Backend, FeedPoller
from .cache import CachedReads
from .docs import install_docs
from .security import Admission, BodyLimit, Guard

DESCRIPTION = """Sourced event data from news: every fact with the words that support it.

Reads are open unless the server requires the token for them; writes (`POST /articles`)
and analysis (`POST /analyze`, unless the server was started with `--open-analyze`) need
`Authorization: Bearer <EVENTWIRE_TOKEN>`. Every error has one shape:
`{"error": {"code": ..., "message": ..., "status": ...}}`. Every list (events, stories, actors,
quotes, claims, articles) answers as CSV with `format=csv` (the page asked for: `limit` up to 500)."""


def create_app(store_path: str | None = None, settings: Settings | None = None, token: str | None = None,
               *, reads_need_token: bool = False, open_analyze: bool = False, pipeline=None,
               cache_size: int = 512, allowed_hosts: list[str] | None = None,
               feeds: list[str] = (), every: float = 900.0) -> FastAPI:
    """The app over the store at ``store_path`` (default: the ``store`` setting).

    ``token`` (default: ``EVENTWIRE_TOKEN``) is needed to write and to analyse; with none,
    writes are refused and the store is opened read-only. ``open_analyze`` lets anyone who
    may read use ``POST /analyze``. ``feeds`` are polled every ``every`` seconds by a thread
    of the server while it runs (the store is then opened for writing, token or not). ``pipeline`` replaces the default
    ``Pipeline`` used to analyse posted articles (it is built on first use); ``cache_size``
    answers are kept (0: none). ``allowed_hosts``: the host names the server answers to
    (``eventwire serve`` passes its own address and localhost); None answers to any."""
    from ..web.pages import HERE, home, make_templates
    from ..web.pages import router as web_router
    from .routes import reads, router

    settings = settings or Settings.load()
    token = token if token is not None else (os.environ.get("EVENTWIRE_TOKEN") or None)
    backend = Backend(store_path or settings.store, settings, writable=bool(token) or bool(feeds),
                      pipeline=pipeline, cache_size=cache_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        poller = FeedPoller(backend, list(feeds), every).start() if feeds else None
        app.state.poller = poller
        yield
        backend.stopping()
        if poller is not None:
            poller.stop()
        backend.close()

    app = FastAPI(title="eventwire", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.backend = backend
    app.state.token = token
    app.state.reads_need_token = reads_need_token
    app.state.open_analyze = open_analyze
    app.state.templates = make_templates()
    errors.install(app)
    app.include_router(router)
    app.include_router(reads)
    app.include_router(web_router)
    app.include_router(home)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_docs(app)
    app.add_middleware(CachedReads, backend=backend, enabled=not reads_need_token)
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    app.add_middleware(Admission, backend=backend)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)
    return app
