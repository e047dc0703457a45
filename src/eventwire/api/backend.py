"""The server's hold on the store and the pipeline, shared by every request.

Reads run concurrently, each worker thread on its own DuckDB cursor of the one
connection (a DuckDB connection must not be used from two threads at once; cursors of it
may). Writes (``POST /articles``) and analysis are serialised by locks: the store's
story index and the spaCy pipeline are not meant for concurrent use. Analysis takes a
bounded queue (``ANALYSIS_QUEUE`` requests, each waiting at most ``ANALYSIS_WAIT`` s; the
rest are answered 503 with Retry-After), so a flood of posts cannot hold every worker
thread while readers wait. The store is
opened for writing only when writes are possible (a token is set), so a read-only
server can share a store file with other readers.

While the server runs, the store can change only through it (DuckDB lets one process
write a file, and no other process write while this one has it open), so read results
are cached, keyed by request, and the whole cache is dropped on every write: a reader
never sees a stale answer.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

import anyio.to_thread
import duckdb

from ..errors import EventwireError
from ..ingest.raw import RawArticle
from ..model import Document
from ..settings import Settings
from ..store import Refusal, Store
from .errors import ApiError

#: Analysis requests (``POST /analyze``, ``POST /articles``) one server takes at a time: one
#: being analysed, the rest waiting; more are answered 503 at once, with Retry-After.
ANALYSIS_QUEUE = 4
#: How long a queued analysis request waits for its turn before it is answered 503.
ANALYSIS_WAIT = 30.0
#: How long one article may take to analyse before it is dropped (checked between the pipeline's
#: steps; the 200,000-character cap bounds one step).
ANALYSIS_BUDGET = 120.0
#: How often a request whose article is being analysed asks whether its client is still there.
WATCH = 0.25


class Backend:
    """The store (opened once) and a lazily built pipeline."""

    def __init__(self, path: str, settings: Settings, writable: bool, pipeline=None, cache_size: int = 512,
                 queue: int = ANALYSIS_QUEUE, wait: float = ANALYSIS_WAIT, budget: float = ANALYSIS_BUDGET):
        self.path = path
        self.settings = settings
        self.writable = writable
        if not writable and not (os.path.exists(path) and os.path.getsize(path) > 0):
            Store(path).close()  # create an empty store, so a new server shows an empty page
        self.store = Store(path, read_only=not writable)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._analyse_lock = threading.Lock()
        self._pipeline = pipeline
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._cache_lock = threading.Lock()
        self._generation = 0
        self._inflight: dict[str, threading.Event] = {}
        self._queue, self._queued = queue, 0  # analysis requests taken, at most ``queue``
        self._queue_lock = threading.Lock()
        self._wait = wait
        self._budget = budget
        self._closing = threading.Event()

    def peek(self, key: str) -> bytes | None:
        """The cached answer for ``key``, if there is one."""
        with self._cache_lock:
            return self._cache.get(key)

    def cached(self, key: str, compute: Callable[[], bytes]) -> bytes:
        """The answer for ``key``, computed once per store state (least recently used dropped);
        concurrent requests for a key being computed wait for it instead of computing it again."""
        while True:
            with self._cache_lock:
                if key in self._cache:
                    self._cache.move_to_end(key)
                    return self._cache[key]
                waiting = self._inflight.get(key)
                if waiting is None:
                    self._inflight[key] = threading.Event()
                    generation = self._generation
                    break
            waiting.wait(timeout=30)
        try:
            value = compute()
            with self._cache_lock:
                if generation == self._generation and self._cache_size > 0:
                    self._cache[key] = value
                    while len(self._cache) > self._cache_size:
                        self._cache.popitem(last=False)
            return value
        finally:
            with self._cache_lock:
                self._inflight.pop(key).set()

    def _changed(self) -> None:
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the store."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = self._local.con = self.store.con.cursor()
        return con

    def pipeline(self):
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(settings=self.settings)
        return self._pipeline

    def analyse(self, raw: RawArticle, stop: threading.Event | None = None) -> Document:
        """One article's document; raises the ``RefusedError`` that refuses it, or a 503
        ``ApiError`` when ``queue`` requests are already analysing or waiting, or this one
        waited ``wait`` seconds, or ran past ``budget`` seconds, or the server is stopping: a
        flood of posts cannot hold every worker thread, so reads keep being answered.

        Setting ``stop`` (its client went away) drops the work: while it waits at once, while
        it is analysed before the next step of the pipeline (``Gone`` is raised)."""
        stop = stop or threading.Event()
        self._check(stop)
        with self._queue_lock:
            if self._queued >= self._queue:
                raise _busy(FULL)
            self._queued += 1
        try:
            deadline = time.monotonic() + self._wait
            while not self._analyse_lock.acquire(timeout=0.05):
                self._check(stop)
                if time.monotonic() >= deadline:
                    raise _busy(f"the article waited {self._wait:g} s for its turn")
            try:
                self._check(stop)  # it may have been told to stop while the lock came free
                started = time.monotonic()

                def check() -> None:
                    self._check(stop)
                    if time.monotonic() - started > self._budget:
                        raise ApiError(503, "too_slow", f"the article took over {self._budget:g} s to "
                                       "analyse and was dropped; send it in parts, or store it with "
                                       "`eventwire ingest`", headers={"Retry-After": "5"})

                return self.pipeline().analyse(raw, check=check)
            finally:
                self._analyse_lock.release()
        finally:
            with self._queue_lock:
                self._queued -= 1

    def full(self) -> ApiError | None:
        """The 503 an analysis request would get now (the queue is full, or the server is
        stopping), or None: the server answers it before it reads the request's body."""
        if self._closing.is_set():
            return _busy(STOPPING)
        return _busy(FULL) if self._queued >= self._queue else None

    async def analyse_for(self, raw: RawArticle, gone: Callable[[], Awaitable[bool]]) -> Document:
        """``analyse`` in a worker thread, for a client that may go away: ``gone`` is asked
        every ``WATCH`` seconds while the work waits or runs, and when it answers True (or this
        request is cancelled, as at shutdown) the work is dropped at once, never finished for
        nobody."""
        stop = threading.Event()
        work = asyncio.ensure_future(anyio.to_thread.run_sync(self.analyse, raw, stop))
        try:
            while True:
                done, _ = await asyncio.wait({work}, timeout=WATCH)
                if done:
                    return work.result()
                if await gone():
                    stop.set()
                    raise Gone("the client went away; its article was dropped")
        finally:
            stop.set()  # a cancelled request (shutdown) drops its work too

    def stopping(self) -> None:
        """The server is shutting down: waiting and running analyses end at their next step."""
        self._closing.set()

    def _check(self, stop: threading.Event) -> None:
        if stop.is_set():
            raise Gone("the client went away; its article was dropped")
        if self._closing.is_set():
            raise _busy(STOPPING)

    def store_document(self, doc: Document, origin: str) -> bool:
        """Store one document; False when it was already stored."""
        with self._write_lock:
            try:
                return self.store.add([(doc, origin)]).added == 1
            finally:
                self._changed()

    def record_refusal(self, error: EventwireError, origin: str) -> None:
        """Keep the refusal in the store, as ``eventwire ingest`` does: never swallowed."""
        with self._write_lock:
            try:
                self.store.add([], [Refusal(origin, error.code, error.message)])
            finally:
                self._changed()

    def poll(self, url: str, timeout: float = 10.0):
        """Read one feed and store its new items' articles (``ingest/feeds.poll_feed``) in this
        process: fetching and analysing hold only the analysis lock, the store is touched under
        the write lock, and readers keep reading from their cursors meanwhile."""
        from ..ingest.feeds import poll_feed

        return poll_feed(_LockedStore(self), _LockedPipeline(self), url, timeout=timeout)

    def close(self) -> None:
        self.store.close()


class Gone(ApiError):
    """The client that asked for the work went away, so the work was dropped."""

    def __init__(self, message: str):
        super().__init__(499, "client_gone", message)


FULL = "the server is analysing as many articles as it queues"
STOPPING = "the server is shutting down"


def _busy(why: str) -> ApiError:
    return ApiError(503, "busy", f"{why}; try again shortly", headers={"Retry-After": "5"})


class _LockedStore:
    """What ``poll_feed`` asks of the store, under the backend's write lock."""

    def __init__(self, backend: Backend):
        self.backend = backend

    def seen_feed_items(self, url: str):
        with self.backend._write_lock:
            return self.backend.store.seen_feed_items(url)

    def add(self, *args, **kwargs):
        with self.backend._write_lock:
            try:
                return self.backend.store.add(*args, **kwargs)
            finally:
                self.backend._changed()


class _LockedPipeline:
    """The backend's pipeline for a feed's batch, under the analysis lock."""

    def __init__(self, backend: Backend):
        self.backend = backend

    def pipe(self, raws):
        with self.backend._analyse_lock:
            return list(self.backend.pipeline().pipe(raws))


class FeedPoller:
    """A thread of the server process that polls ``feeds`` every ``every`` seconds until
    stopped: one writer (this process), many readers, no second process on the store. A
    feed that fails is reported on standard error and tried again next time."""

    def __init__(self, backend: Backend, feeds: list[str], every: float, timeout: float = 10.0,
                 report: Callable[[str], None] | None = None):
        self.backend, self.feeds, self.every, self.timeout = backend, list(feeds), every, timeout
        self.report = report or (lambda line: print(line, file=sys.stderr))
        self.polls = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="eventwire-feeds", daemon=True)

    def start(self) -> FeedPoller:
        self._thread.start()
        return self

    def stop(self, wait: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout=wait)

    def _run(self) -> None:
        while not self._stop.is_set():
            for url in self.feeds:
                if self._stop.is_set():
                    return
                try:
                    result = self.backend.poll(url, self.timeout)
                except EventwireError as exc:
                    self.report(f"feed {url}: {exc.one_line()}")
                    continue
                except Exception as exc:  # noqa: BLE001  (one bad poll never stops the server's polling)
                    self.report(f"feed {url}: {type(exc).__name__}: {exc}")
                    continue
                self.report(f"feed {url}: {result.items} items, {result.new} new, stored {result.stored}, "
                            f"refused {result.refused}")
            self.polls += 1
            self._stop.wait(self.every)
