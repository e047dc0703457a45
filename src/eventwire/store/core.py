"""``Store``: the embedded DuckDB database of everything eventwire has read.

Writes come in batches of documents (and refusals). A batch is one transaction: all of
it is written or none, and it is idempotent by article id (articles already stored are
skipped), so ingesting a corpus twice changes nothing and re-running an interrupted
ingest neither duplicates nor loses anything. Rows are appended as Arrow tables, one
``INSERT ... SELECT`` per table per batch (DuckDB's row-by-row ``executemany`` is three
orders of magnitude slower). Each new article is assigned to a story in the same
transaction, so stories never disagree with the articles stored.

Opening checks the file before anything is written: a missing file for reading, a file
that is not a DuckDB database, one locked by another process, or one written by a newer
eventwire each raise a one-line ``StoreError`` and leave the file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import duckdb
import pyarrow as pa

from ..errors import EventwireError, StoreError
from ..model import Document
from . import articles, events
from .feed_items import seen_items
from .migrations import LATEST, check_version, current_version, migrate
from .schema import ALL_TABLES, arrow_schema, column_names
from .stories import load_index, save_index

#: table -> rows of one document, in the order they are written.
_CHILD_ROWS = {
    "entities": articles.entity_rows, "entity_mentions": articles.mention_rows,
    "quotes": articles.quote_rows, "times": articles.time_rows, "places": articles.place_rows,
    "events": events.event_rows, "event_actors": events.actor_rows, "claims": events.claim_rows,
}


@dataclass
class Refusal:
    """An article that was refused, as it is recorded."""

    origin: str
    code: str
    message: str
    input_id: str | None = None


@dataclass
class BatchResult:
    added: int = 0
    skipped: int = 0
    refused: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


#: What DuckDB says when a store file is damaged: a block whose checksum fails, or a file
#: shorter than its blocks.
_DAMAGE = ("corrupt database file", "does not match stored checksum", "could not read enough bytes")
_HEADER_BYTES = 3 * 4096  # DuckDB's file header and two database headers, before the blocks


def damage_error(path: str, exc: BaseException | str) -> StoreError | None:
    """The one-line error for a damaged store, when ``exc`` says the file is damaged."""
    text = str(exc)
    if not any(sign in text.lower() for sign in _DAMAGE):
        return None
    return StoreError(f"the store {path} is damaged ({text.splitlines()[0][:160]})",
                      hint="restore a copy, or move it away and ingest the articles again")


def check_size(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a store file shorter than the blocks its header counts (a truncated copy or a
    full disk): it would open, then fail on the first read of a missing block."""
    row = con.execute("PRAGMA database_size").fetchone()
    block_size, total_blocks = int(row[2]), int(row[3])
    expected = _HEADER_BYTES + block_size * total_blocks
    actual = os.path.getsize(path)
    if actual < expected:
        raise damage_error(path, f"Could not read enough bytes: the file is {actual:,} bytes, "
                                 f"its header counts {expected:,}")


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    text = str(exc)
    if damaged := damage_error(path, exc):
        return damaged
    if "could not set lock" in text.lower() or "conflicting lock" in text.lower():
        return StoreError(f"the store {path} is in use by another process",
                          hint="wait for it to finish, or use another --store; if `eventwire serve` "
                               "holds it, ingest through it with --server URL")
    if "not a valid DuckDB database" in text:
        return StoreError(f"{path} is not an eventwire store (not a DuckDB database file)",
                          hint="check the path, or move the file away and ingest again")
    return StoreError(f"cannot open the store {path}: {text.splitlines()[0]}")


def connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """A checked connection: refuses missing (for reading), corrupt, locked and newer stores."""
    exists = os.path.exists(path) and os.path.getsize(path) > 0
    if read_only and not exists:
        raise StoreError(f"there is no store at {path}",
                         hint="ingest articles first (eventwire ingest PATH), or give --store")
    try:
        if exists:  # probe read-only first, so a refused store is never written to
            with duckdb.connect(path, read_only=True) as probe:
                version = current_version(probe)
                check_size(probe, path)
            check_version(version, path)
            if read_only and version < LATEST:
                raise StoreError(f"the store {path} has schema version {version}, older than {LATEST}",
                                 hint="open it once for writing (eventwire ingest) to upgrade it")
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise _open_error(path, exc) from None


class Store:
    """The store at ``path`` (created and migrated when opened for writing)."""

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False, **story_params):
        self.path = str(Path(path))
        self.read_only = read_only
        if not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = connect(self.path, read_only)
        self._story_params = story_params
        self._index = None
        if not read_only:
            migrate(self.con, self.path)
            self._seq = int(self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing -------------------------------------------------------------------------

    def add(self, documents: Iterable[Document | tuple[Document, str]],
            refusals: Iterable[Refusal] = (), feed_items: list[dict] = ()) -> BatchResult:
        """Write one batch atomically; articles already in the store are skipped.

        ``documents`` may pair each document with its origin (file:line, URL);
        ``feed_items`` are ``feed_items`` rows recorded in the same transaction."""
        self._writable()
        fresh, skipped = self._fresh(documents)
        refusals = self._new_refusals(list(refusals))
        if not fresh and not refusals and not feed_items:
            return BatchResult(skipped=skipped)
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._write(fresh, refusals)
            self._append("feed_items", [{**row, "seen_at": _now()} for row in feed_items])
            self.con.execute("COMMIT")
        except BaseException as exc:
            self.con.execute("ROLLBACK")
            self._index = None  # the in-memory story state is ahead of the store: reload it
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"writing to the store {self.path} failed: {exc}") from None
            raise
        self._seq += len(fresh)
        return BatchResult(added=len(fresh), skipped=skipped, refused=len(refusals))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store {self.path} was opened read-only")

    def _fresh(self, documents) -> tuple[list[tuple[Document, str | None]], int]:
        """The batch's documents not yet stored, first occurrence of each id only."""
        pairs = [d if isinstance(d, tuple) else (d, None) for d in documents]
        fresh, seen = [], self.known_ids([doc.article.id for doc, _ in pairs])
        for doc, origin in pairs:
            if doc.article.id not in seen:
                seen.add(doc.article.id)
                fresh.append((doc, origin))
        return fresh, len(pairs) - len(fresh)

    def _new_refusals(self, refusals: list[Refusal]) -> list[Refusal]:
        keys = [f"{r.origin}\x1f{r.code}" for r in refusals]
        known = {row[0] for row in self.con.execute(
            "SELECT origin || chr(31) || code FROM refusals "
            "WHERE origin || chr(31) || code IN (SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()}
        out, seen = [], set(known)
        for key, refusal in zip(keys, refusals):
            if key not in seen:
                seen.add(key)
                out.append(refusal)
        return out

    def _write(self, fresh: list[tuple[Document, str | None]], refusals: list[Refusal]) -> None:
        now = _now()
        index = self.story_index()
        rows: dict[str, list[dict]] = {name: [] for name in ("articles", *_CHILD_ROWS)}
        for i, (doc, origin) in enumerate(fresh):
            row = articles.article_rows(doc, origin, self._seq + i + 1, now)[0]
            row["story"] = index.assign(doc)
            rows["articles"].append(row)
            for name, make in _CHILD_ROWS.items():
                rows[name].extend(make(doc))
        rows["refusals"] = [articles.refusal_row(r.origin, r.input_id, r.code, r.message, now)
                            for r in refusals]
        for name, table_rows in rows.items():
            self._append(name, table_rows)
        save_index(self.con, index)

    def _append(self, name: str, rows: list[dict]) -> None:
        """Append rows as one Arrow table in one statement."""
        if not rows:
            return
        table = pa.Table.from_pylist(rows, schema=arrow_schema(name))
        cols = ", ".join(f'"{c}"' for c in column_names(name))
        view = f"_batch_{name}"
        self.con.register(view, table)
        try:
            self.con.execute(f'INSERT INTO "{name}" ({cols}) SELECT {cols} FROM {view}')
        finally:
            self.con.unregister(view)

    def story_index(self):
        if self._index is None:
            self._index = load_index(self.con, **self._story_params)
        return self._index

    def ingest(self, outcomes: Iterable, batch_size: int = 256) -> Iterator[BatchResult]:
        """Write pipeline ``Outcome``s (or ``(origin, Document | EventwireError)``) in batches."""
        docs: list[tuple[Document, str]] = []
        refused: list[Refusal] = []
        for outcome in outcomes:
            origin = getattr(outcome, "origin", None)
            doc = getattr(outcome, "document", None)
            error = getattr(outcome, "error", None)
            if doc is not None:
                docs.append((doc, origin))
            elif error is not None:
                refused.append(refusal_of(error, origin))
            if len(docs) + len(refused) >= batch_size:
                yield self.add(docs, refused)
                docs, refused = [], []
        if docs or refused:
            yield self.add(docs, refused)

    def known_ids(self, ids: list[str]) -> set[str]:
        """Which of these article ids are already stored (to skip analysing them again)."""
        return {row[0] for row in self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}

    # -- feeds ---------------------------------------------------------------------------

    def seen_feed_items(self, feed: str) -> set[str]:
        return seen_items(self.con, feed)

    # -- reading -------------------------------------------------------------------------

    def document(self, article_id: str) -> Document:
        rows = self.con.execute("SELECT document FROM articles WHERE id = ?", [article_id]).fetchall()
        row = rows[0] if rows else None  # fetchall: a result left open would block the next query
        if row is None:
            raise StoreError(f"no article {article_id!r} in the store {self.path}")
        return Document.model_validate_json(row[0])

    def documents(self, ids: list[str] | None = None) -> Iterator[Document]:
        """Stored documents in the order they were ingested."""
        sql = "SELECT document FROM articles"
        params: list = []
        if ids is not None:
            sql += " WHERE id IN (SELECT unnest(?::VARCHAR[]))"
            params = [ids]
        cur = self.con.execute(sql + " ORDER BY seq", params)
        while batch := cur.fetchmany(500):
            for (text,) in batch:
                yield Document.model_validate_json(text)

    def count(self, table: str) -> int:
        if table not in ALL_TABLES:
            raise StoreError(f"no table {table!r}")
        return int(self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def refusals(self) -> list[Refusal]:
        rows = self.con.execute(
            "SELECT origin, code, message, input_id FROM refusals ORDER BY recorded_at, origin").fetchall()
        return [Refusal(*row) for row in rows]

    def version(self) -> int:
        return current_version(self.con)


def refusal_of(error: BaseException, origin: str | None) -> Refusal:
    """The record of a refused article: its error code and one-line message."""
    if isinstance(error, EventwireError):
        return Refusal(origin or error.where or "<input>", error.code, error.message)
    return Refusal(origin or "<input>", "error", str(error))
