"""Schema migrations: ordered, named functions, each applied once and recorded.

``schema_version`` holds one row per applied migration (version, name, when). Opening a
store applies the missing migrations in order, each in its own transaction; a store
written by a newer eventwire (a version this code does not know) is refused, untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import duckdb

from ..errors import StoreError
from .schema import FEED_TABLES, STORY_TABLES, TABLES, create_sql

Migration = tuple[int, str, Callable[[duckdb.DuckDBPyConnection], None]]


def _create(tables: dict) -> Callable[[duckdb.DuckDBPyConnection], None]:
    def run(con: duckdb.DuckDBPyConnection) -> None:
        for name, columns in tables.items():
            con.execute(create_sql(name, columns))

    return run


def initial_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Articles with their documents, and one table per kind of fact."""
    _create(TABLES)(con)


def story_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Stories with their incremental state (centroids) and the term document frequencies."""
    _create(STORY_TABLES)(con)


def feed_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Feed items already seen, so a feed polled again fetches only what is new."""
    _create(FEED_TABLES)(con)


MIGRATIONS: list[Migration] = [
    (1, "initial_tables", initial_tables),
    (2, "story_tables", story_tables),
    (3, "feed_tables", feed_tables),
]
LATEST = MIGRATIONS[-1][0]

_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied migration, 0 for a new store."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0) if row else 0


def check_version(version: int, where: str) -> None:
    """Refuse a store from a newer eventwire: its tables may mean something else."""
    if version > LATEST:
        raise StoreError(
            f"the store {where} has schema version {version}, newer than this eventwire "
            f"understands ({LATEST})",
            hint="upgrade eventwire, or use another --store",
        )


def migrate(con: duckdb.DuckDBPyConnection, where: str, upto: int | None = None) -> list[str]:
    """Apply the missing migrations in order (up to ``upto``); returns their names."""
    version = current_version(con)
    check_version(version, where)
    applied: list[str] = []
    for number, name, run in MIGRATIONS:
        if number <= version or (upto is not None and number > upto):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_VERSION_TABLE)
            run(con)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [number, name, datetime.now(UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number} ({name}) failed on {where}: {exc}") from None
        applied.append(name)
    return applied
