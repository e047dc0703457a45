"""The store commands: ``ingest``, ``query``, ``sql``, ``export``, ``stories``, ``story``.

``register(app)`` adds them to the main app. Every command takes ``--store PATH``
(default: the ``store`` setting, ``eventwire.duckdb``).
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import UsageError
from ..settings import Settings
from .common import err, friendly, out, report_error

StoreOpt = Arg[str | None, typer.Option("--store", help="The store file (default: the store setting, eventwire.duckdb).")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


class StoryOrder(str, Enum):
    date = "date"
    size = "size"
    id = "id"


class ExportFormat(str, Enum):
    plover = "plover"
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


def _store_path(store: str | None) -> str:
    return store or Settings.load().store


def parse_every(value: str) -> float:
    """Seconds in ``90s``, ``15m``, ``1h`` (a bare number is minutes)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value or "")
    if not match or float(match[1]) <= 0:
        raise UsageError(f"--every {value!r} is not a duration", hint="give e.g. 90s, 15m or 1h")
    return float(match[1]) * {"s": 1, "m": 60, "h": 3600, "": 60}[match[2]]


# -- ingest ----------------------------------------------------------------------------


def _unknown(raws: Iterable, store, skipped: list[int], chunk: int = 256) -> Iterator:
    """The inputs whose article is not stored yet (a re-run analyses only what is missing)."""
    from ..ingest.prepare import article_id, normalise_text
    from ..ingest.raw import RawArticle

    it = iter(raws)
    while batch := list(itertools.islice(it, chunk)):
        ids = {i: article_id(normalise_text(r.text)) for i, r in enumerate(batch) if isinstance(r, RawArticle)}
        known = store.known_ids(list(ids.values()))
        for i, raw in enumerate(batch):
            if i in ids and ids[i] in known:
                skipped[0] += 1
            else:
                yield raw


def _progress():
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]:.1f} articles/s, refused {task.fields[refused]}"),
                    TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), console=err, transient=True)


def _ingest_paths(store, paths: list[str], settings: Settings, batch_size: int,
                  workers: int | None, meta: dict | None = None) -> tuple[int, Counter, int]:
    from ..batch import analyse_stream
    from ..ingest.readers import count_inputs, iter_inputs

    inputs = iter_inputs(paths, settings, stdin=sys.stdin.buffer, meta=meta)
    first = next(inputs, None)  # a missing path fails here, before the model loads
    if first is None:
        raise UsageError("no articles found in the given paths", hint="eventwire reads .txt, .html, .htm and .jsonl files")
    known, stored_twice = [0], 0  # skipped before analysis (already stored), and after
    refused: Counter = Counter()
    added, started = 0, time.perf_counter()
    with _progress() as progress:
        task = progress.add_task("ingest", total=count_inputs(paths), rate=0.0, refused=0)

        def watched(outcomes):
            for n, outcome in enumerate(outcomes, start=1):
                if outcome.error is not None:
                    refused[outcome.error.code] += 1
                rate = n / max(time.perf_counter() - started, 1e-6)
                progress.update(task, completed=n + known[0], rate=rate, refused=sum(refused.values()))
                yield outcome

        stream = analyse_stream(_unknown(itertools.chain([first], inputs), store, known),
                                workers=workers, settings=settings)
        for result in store.ingest(watched(stream), batch_size=batch_size):
            added += result.added
            stored_twice += result.skipped
    return added, refused, known[0] + stored_twice


def _ingest_via_server(url: str, paths: list[str], settings: Settings, timeout: float,
                       meta: dict | None = None) -> None:
    """Post each input to the server's ``/articles``; refusals are reported and counted, as a
    local ingest does (the server records them in its store too)."""
    import os

    from ..api.client import Remote
    from ..errors import RefusedError
    from ..ingest.readers import iter_inputs

    remote = Remote(url, os.environ.get("EVENTWIRE_TOKEN"), timeout=max(timeout, 120.0))
    stored = already = 0
    refused: Counter = Counter()
    for item in iter_inputs(paths, settings, stdin=sys.stdin.buffer, meta=meta):
        if isinstance(item, RefusedError):
            refused[item.code] += 1
            report_error(item)
            continue
        answer = remote.store(item)
        if answer.status == 201:
            stored += 1
        elif answer.status == 200:
            already += 1
        else:
            code = answer.error.get("code") or f"http_{answer.status}"
            refused[code] += 1
            err.print(f"[yellow]refused:[/] {escape(item.origin or '')}: "
                      f"{escape(answer.error.get('message') or f'HTTP {answer.status}')}")
    why = ", ".join(f"{n} {code}" for code, n in refused.most_common())
    out.print(f"stored {stored} articles ({already} already stored), refused {sum(refused.values())}"
              f"{f' ({why})' if why else ''} through {escape(url)}")


def _poll(store, pipeline, feeds: list[str], timeout: float, keep_going: bool) -> None:
    """One poll of each feed; when polling forever, a failing feed is reported, not fatal."""
    from ..errors import InputError
    from ..ingest.feeds import poll_feed

    for url in feeds:
        try:
            result = poll_feed(store, pipeline, url, timeout=timeout)
        except InputError as exc:
            if not keep_going:
                raise
            report_error(exc)
            continue
        for message in result.errors:
            err.print(f"[yellow]refused:[/] {escape(message)}")
        err.print(f"feed {escape(url)}: {result.items} items, {result.new} new, stored {result.stored}, "
                  f"refused {result.refused}")


@friendly
def ingest(
    paths: Arg[list[str] | None, typer.Argument(help="Files, directories, JSONL, or - for standard input.")] = None,
    feed: Arg[list[str] | None, typer.Option("--feed", help="An RSS/Atom feed URL (repeatable).")] = None,
    every: Arg[str | None, typer.Option("--every", help="With --feed: poll again every 90s/15m/1h until interrupted.")] = None,
    timeout: Arg[float, typer.Option(help="Seconds to wait for a feed or page.")] = 10.0,
    batch_size: Arg[int, typer.Option(help="Articles per transaction.")] = 256,
    max_bytes: Arg[int | None, typer.Option(help="Refuse inputs over this size.")] = None,
    workers: Arg[int | None, typer.Option(help="Worker processes (default: every core; small inputs run in one).")] = None,
    store: StoreOpt = None,
    server: Arg[str | None, typer.Option(
        "--server", help="Send the articles through the `eventwire serve` at this URL, which holds "
        "the store (needs EVENTWIRE_TOKEN).")] = None,
    published: Arg[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) of plain-text inputs; articles with a date of their own "
        "(JSONL field, sidecar, HTML) keep it.")] = None,
    source: Arg[str | None, typer.Option(help="Outlet of the inputs, where they do not name one.")] = None,
) -> None:
    """Analyse articles (or a feed's new items) and keep them in the store, grouped into stories.

    Ingesting the same input twice changes nothing; an interrupted ingest can be re-run. While
    `eventwire serve` holds the store, send the articles through it with --server URL."""
    from ..store import Store

    if not paths and not feed:
        raise UsageError("nothing to ingest", hint="pass files or directories, or --feed URL")
    if server:
        if feed:
            raise UsageError("--feed cannot go through --server", hint="start the server with serve --feed URL")
        if store:
            raise UsageError("--store and --server name two stores", hint="the server's store is the one it holds")
        _ingest_via_server(server, paths or [], Settings.load().with_values(max_bytes=max_bytes), timeout,
                           {"published": published, "source": source})
        return
    if every and not feed:
        raise UsageError("--every needs --feed")
    if batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    interval = parse_every(every) if every else None
    settings = Settings.load().with_values(max_bytes=max_bytes)
    path = _store_path(store)
    started = time.perf_counter()
    with Store(path) as db:
        if paths:
            added, refused, skipped = _ingest_paths(db, paths, settings, batch_size, workers,
                                                    {"published": published, "source": source})
            elapsed = time.perf_counter() - started
            why = ", ".join(f"{n} {code}" for code, n in refused.most_common())
            out.print(f"stored {added} articles ({skipped} already stored), refused {sum(refused.values())}"
                      f"{f' ({why})' if why else ''}; {db.count('stories')} stories in {escape(path)}; "
                      f"{added / max(elapsed, 1e-6):.1f} articles/s")
        if feed:
            from ..pipeline import Pipeline

            pipeline = Pipeline(settings=settings)
        while feed:
            _poll(db, pipeline, feed, timeout, keep_going=interval is not None)
            if interval is None:
                break
            time.sleep(interval)


# -- query, sql ------------------------------------------------------------------------


def _emit(columns: list[str], rows: list[tuple], fmt: TableFormat) -> None:
    if fmt is TableFormat.json:
        records = [dict(zip(columns, row)) for row in rows]
        out.file.write(json.dumps(records, ensure_ascii=False, indent=1, default=str) + "\n")
    elif fmt is TableFormat.csv:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in row] for row in rows)
        out.file.write(buf.getvalue())
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*(escape("" if v is None else str(v)) for v in row))
        out.print(table)


_SHOWN = ("date", "event", "status", "actor", "recipient", "place", "country", "text", "title")


@friendly
def query(
    actor: Arg[str | None, typer.Option(help="Actor name (part of it) or code (RUSGOV, RUS).")] = None,
    recipient: Arg[str | None, typer.Option(help="Recipient name (part of it) or code.")] = None,
    event: Arg[str | None, typer.Option(help="PLOVER event type (AGREE...) or CAMEO root code.")] = None,
    quad: Arg[str | None, typer.Option(help="verbal_cooperation ... material_conflict, or 1-4.")] = None,
    status: Arg[str | None, typer.Option(help="asserted, negated, planned, ...")] = None,
    country: Arg[str | None, typer.Option(help="Country (code or name) of the place or a participant.")] = None,
    place: Arg[str | None, typer.Option(help="Place name (part of it).")] = None,
    since: Arg[str | None, typer.Option(help="From this date (YYYY-MM-DD).")] = None,
    until: Arg[str | None, typer.Option(help="Up to this date (YYYY-MM-DD).")] = None,
    speaker: Arg[str | None, typer.Option(help="Who reported it (part of the name).")] = None,
    text: Arg[str | None, typer.Option(help="Words in the event's sentence.")] = None,
    story: Arg[str | None, typer.Option(help="Only this story's events.")] = None,
    format: Arg[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    limit: Arg[int | None, typer.Option(help="At most this many rows.")] = None,
    store: StoreOpt = None,
) -> None:
    """Events in the store matching every filter given."""
    from ..store import Store
    from ..store.queries import Filters, run_query

    filters = Filters(actor, recipient, event, quad, status, country, place, since, until, speaker, text, story)
    with Store(_store_path(store), read_only=True) as db:
        columns, rows = run_query(db.con, filters, limit)
    if format is TableFormat.table:
        keep = [columns.index(c) for c in _SHOWN]
        columns, rows = list(_SHOWN), [tuple(r[i] for i in keep) for r in rows]
    else:
        drop = columns.index("seq")
        columns = columns[:drop] + columns[drop + 1:]
        rows = [r[:drop] + r[drop + 1:] for r in rows]
    _emit(columns, rows, format)
    err.print(f"{len(rows)} events")


@friendly
def sql(
    statement: Arg[str, typer.Argument(help="SQL to run on the store (read-only).")],
    format: Arg[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    timeout: Arg[float, typer.Option(help="Stop the query after this many seconds (0: no limit).")] = 30.0,
    store: StoreOpt = None,
) -> None:
    """Run your own SQL on the store, read-only (tables: SHOW TABLES); Ctrl-C stops it."""
    from ..store import Store
    from ..store.queries import run_sql

    if timeout < 0:
        raise UsageError(f"--timeout {timeout:g} is negative", hint="give seconds, or 0 for no limit")
    with Store(_store_path(store), read_only=True) as db:
        columns, rows = run_sql(db.con, statement, timeout=timeout)
    _emit(columns, rows, format)


@friendly
def export(
    format: Arg[ExportFormat, typer.Option("--format", "-f", help="plover, gdelt (the GDELT 2.0 Event table), gdelt-mentions (its Mentions table), csv, parquet or jsonl.")],
    out_path: Arg[Path, typer.Option("--out", "-o", help="File to write (a folder for parquet); - for standard output.")],
    actor: Arg[str | None, typer.Option(help="Only events with this actor.")] = None,
    event: Arg[str | None, typer.Option(help="Only this event type.")] = None,
    country: Arg[str | None, typer.Option(help="Only this country.")] = None,
    since: Arg[str | None, typer.Option(help="From this date.")] = None,
    until: Arg[str | None, typer.Option(help="Up to this date.")] = None,
    store: StoreOpt = None,
) -> None:
    """Export the stored events for PLOVER or GDELT tools, as CSV, Parquet or contract JSONL."""
    from ..store import Store
    from ..store.exports import export as write
    from ..store.queries import Filters

    filters = Filters(actor=actor, event=event, country=country, since=since, until=until)
    with Store(_store_path(store), read_only=True) as db:
        n = write(db.con, format.value, out_path, filters)
    what = {ExportFormat.jsonl: "documents", ExportFormat.gdelt_mentions: "mentions"}.get(format, "events")
    where = "standard output" if str(out_path) == "-" else escape(str(out_path))
    err.print(f"wrote {n} {what} to {where}")


# -- stories ---------------------------------------------------------------------------


@friendly
def stories(
    format: Arg[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    min_articles: Arg[int, typer.Option(help="Only stories with at least this many articles.")] = 1,
    sort: Arg[StoryOrder, typer.Option("--sort", help="date: newest first; size: most articles first; id.")] = "date",
    store: StoreOpt = None,
) -> None:
    """The stories in the store: title, articles, first and last date (newest first)."""
    from ..store import Store
    from ..store.stories import list_stories

    with Store(_store_path(store), read_only=True) as db:
        found = list_stories(db.con, min_articles, StoryOrder(sort).value)
    if format is ListFormat.jsonl:
        for item in found:
            out.file.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    table = Table("story", "articles", "first", "last", "title")
    for s in found:
        table.add_row(s["story"], str(len(s["articles"])), s["first"] or "", s["last"] or "", escape(s["title"] or ""))
    out.print(table)


@friendly
def story(
    story_id: Arg[str, typer.Argument(help="The story id (see eventwire stories).")],
    format: Arg[str, typer.Option("--format", "-f", help="pretty or json.")] = "pretty",
    store: StoreOpt = None,
) -> None:
    """One story: timeline, actors, merged events, quotes by speaker, conflicting claims."""
    from ..store import Store
    from ..stories.view import gather

    if format not in ("pretty", "json"):
        raise UsageError(f"unknown format {format!r}", hint="use pretty or json")
    with Store(_store_path(store), read_only=True) as db:
        view = gather(db, story_id)
    if format == "json":
        out.file.write(json.dumps(view, ensure_ascii=False, indent=1, default=str) + "\n")
    else:
        render(view)


def render(view: dict) -> None:
    """The story as rich tables: timeline, actors, merged events, quotes, conflicts."""
    out.print(f"[bold]{escape(view['story'])}[/] {escape(view['title'] or '')} "
              f"({view['first'] or '?'} .. {view['last'] or '?'})")
    timeline = Table("date", "article", "title", "source", title="timeline")
    for t in view["timeline"]:
        timeline.add_row(t["date"] or "", escape(t["article"][:24]), escape(t["title"] or ""), escape(t["source"] or ""))
    out.print(timeline)
    actors = Table("actor", "code", "articles", "mentions", title="actors")
    for a in view["actors"][:20]:
        actors.add_row(escape(a["name"]), a["code"] or "", str(a["articles"]), str(a["mentions"]))
    out.print(actors)
    events = Table("event", "actor", "recipient", "date", "status", "sources", "words", title="merged events")
    for e in view["events"]:
        words = " | ".join(dict.fromkeys(m["event_text"]["text"] for m in e["mentions"]))
        events.add_row(e["event"], escape("; ".join(e["actors"])), escape("; ".join(e["recipients"])),
                       e["date"] or "", ", ".join(e["statuses"]), str(len(e["sources"])), escape(words))
    out.print(events)
    for speaker, quotes in view["quotes"].items():
        out.print(f"[bold]{escape(speaker)}[/]")
        for q in quotes:
            out.print(f"  {escape(q['said'])} [dim]({escape(q['article'][:24])})[/]")
    conflicts = Table("about", "one says", "another says", title="conflicting claims")
    for c in view["conflicts"]:
        conflicts.add_row(escape(c["about"]), *(escape(_claim_text(c[k])) for k in ("a", "b")))
    out.print(conflicts)


def _claim_text(ref: dict) -> str:
    value = f"{ref['value']:g}" + (f"-{ref['max']:g}" if ref["max"] is not None else "")
    return f"{value} ({ref['bound']}) by {ref['claimant'] or 'unattributed'} in {ref['article'][:24]}: {ref['evidence']['text']}"


def register(app: typer.Typer) -> None:
    """Add the store commands to the main app."""
    for command in (ingest, query, sql, export, stories, story):
        app.command()(command)


__all__ = ["parse_every", "register", "report_error"]
