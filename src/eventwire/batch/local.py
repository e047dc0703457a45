"""The local runner: ``process_partition`` on every core of one machine.

    items -> chunks of ``chunk_size`` -> worker processes (model loaded once each, by the
    pool initializer) -> rows -> Outcomes, in input order

At most ``2 * workers`` chunks are in flight at a time and the input is read lazily, so
memory stays flat however long the input is. An article that crashes a component is
refused by the pipeline itself. A worker process that dies (killed, out of memory, a
crash in native code) breaks the pool: the chunks it had in flight are retried one article
at a time in a fresh pool, so only the article that kills a worker is recorded as refused
(with the reason) and the run goes on. ``workers=1`` runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from ..errors import ComponentError, UsageError
from ..settings import Settings
from .partition import (
    Item,
    describe_item,
    pipeline_for,
    process_partition,
    refusal_row,
    row_outcome,
)

DEFAULT_CHUNK = 16
_worker: dict[str, Any] = {}


def default_workers() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _init_worker(components: tuple[str, ...] | None, settings: Settings | None) -> None:
    """Pool initializer: load the model and build the pipeline once per worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _worker.update(components=components, settings=settings)
    pipeline_for(components, settings)


def _work(chunk: list[Item]) -> list[dict[str, Any]]:
    return list(process_partition(chunk, components=_worker["components"], settings=_worker["settings"]))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class _Pool:
    """A process pool that is replaced when a worker dies, and that pins the dead one's
    article down by retrying its chunks one article at a time."""

    def __init__(self, workers: int, components: tuple[str, ...] | None, settings: Settings | None):
        self.workers, self.init_args = workers, (components, settings)
        self.context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        self.executor: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[Item]) -> Future:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                self.workers, mp_context=self.context, initializer=_init_worker, initargs=self.init_args)
        try:
            return self.executor.submit(_work, chunk)
        except BrokenProcessPool:
            self.discard()
            return self.submit(chunk)

    def discard(self) -> None:
        """Drop a broken pool; the next submit starts a fresh one."""
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def collect(self, chunk: list[Item], future: Future) -> list[dict[str, Any]]:
        """A chunk's rows; when its pool broke, or was discarded because another chunk broke
        it (which cancels every future still queued), each article is redone on its own."""
        try:
            return future.result()
        except BrokenProcessPool:
            self.discard()
        except CancelledError:  # its pool is gone already; the current one is healthy
            pass
        return [row for item in chunk for row in self.alone(item)]

    def alone(self, item: Item) -> list[dict[str, Any]]:
        """One article in a worker of its own; a refusal row if the worker dies on it."""
        try:
            return self.submit([item]).result()
        except BrokenProcessPool as exc:
            self.discard()
            key, origin, input_id = describe_item(item)
            error = ComponentError(f"the worker process died while analysing this article ({exc})", where=origin)
            return [refusal_row(key, origin, error, input_id)]

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


def _ordered(pool: _Pool, items: Iterable[Item], chunk_size: int) -> Iterator[dict[str, Any]]:
    """Rows from ``pool`` in input order, with at most ``2 * workers`` chunks in flight."""
    inflight: deque[tuple[list[Item], Future]] = deque()
    for chunk in _chunks(items, chunk_size):
        inflight.append((chunk, pool.submit(chunk)))
        while len(inflight) >= 2 * pool.workers:
            yield from pool.collect(*inflight.popleft())
    while inflight:
        yield from pool.collect(*inflight.popleft())


def run_local_rows(
    items: Iterable[Item], *, workers: int | None = None, settings: Settings | None = None,
    chunk_size: int = DEFAULT_CHUNK, components: Iterable[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """``process_partition`` rows for every item, in order, on ``workers`` processes."""
    workers = default_workers() if workers is None else workers
    if workers < 1 or chunk_size < 1:
        raise UsageError("--workers and the chunk size must be at least 1")
    names = tuple(components) if components is not None else None
    if workers == 1:
        yield from process_partition(items, components=names, settings=settings)
        return
    pool = _Pool(workers, names, settings)
    try:
        yield from _ordered(pool, items, chunk_size)
    finally:
        pool.close()


_guards: dict[tuple, _Pool] = {}


def guarded_rows(
    items: Iterable[Item], *, components: Iterable[str] | None = None, settings: Settings | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[dict[str, Any]]:
    """Rows from one long-lived worker process, kept for the life of this process: for a
    process that must survive an article that kills its analyser (a Spark Python worker).
    The model is loaded once, in that worker, and reused by every later call."""
    names = tuple(components) if components is not None else None
    key = (names, settings)
    if key not in _guards:
        _guards[key] = _Pool(1, names, settings)
    yield from _ordered(_guards[key], items, chunk_size)


def run_local(
    items: Iterable[Item], *, workers: int | None = None, settings: Settings | None = None,
    chunk_size: int = DEFAULT_CHUNK, components: Iterable[str] | None = None,
) -> Iterator[Any]:
    """Like ``Pipeline.pipe`` (one ``Outcome`` per item, in order) on ``workers`` processes
    (default: every core). ``items`` is what ``iter_inputs`` yields."""
    for row in run_local_rows(items, workers=workers, settings=settings,
                              chunk_size=chunk_size, components=components):
        yield row_outcome(row)


#: Inputs shorter than this are analysed in this process: starting workers (each loading
#: the model) costs more than it saves.
SMALL_INPUT = 2 * DEFAULT_CHUNK


def analyse_stream(
    items: Iterable[Item], *, workers: int | None = None, settings: Settings | None = None,
) -> Iterator[Any]:
    """``Outcome``s for ``items`` in order: on ``workers`` processes (default every core), or
    in this process when ``workers`` is 1 or the input is small."""
    items = iter(items)
    head = list(islice(items, SMALL_INPUT))
    workers = default_workers() if workers is None else workers
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if workers == 1 or len(head) < SMALL_INPUT:
        from ..pipeline import Pipeline

        yield from Pipeline(settings=settings).pipe(_chain(head, items))
        return
    yield from run_local(_chain(head, items), workers=workers, settings=settings)


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest
