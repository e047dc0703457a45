"""Schema migrations: ordered, named functions, each applied once and recorded.

``schema_version`` holds one row per applied migration (version, name, when). Opening a
store applies the missing migrations in order, each in its own transaction; a store
written by a newer eventwire (a version this code does not know) is refused, untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Document
from .queries import ACTOR_NAME
from .schema import FEED_TABLES, STORY_TABLES, TABLES, create_sql

Migration = tuple[int, str, Callable[[duckdb.DuckDBPyConnection], None]]


def _create(tables: dict[str, Any]) -> Callable[[duckdb.DuckDBPyConnection], None]:
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


def upgrade_v1(document: dict[str, Any]) -> dict[str, Any]:
    """A contract version 1 document as version 2: every quote gets ``parts`` = [its content]
    (version 1 had no interrupted quotes: each piece was a quote of its own). Pure."""
    quotes = [{**q, "parts": q.get("parts") or [q["content"]]} for q in document.get("quotes", [])]
    return {**document, "schema_version": "2", "quotes": quotes}


def quote_parts(con: duckdb.DuckDBPyConnection) -> None:
    """Contract version 2: stored version 1 documents rewritten with quote ``parts``, and a
    ``parts`` column (JSON list of spans) on the quotes table."""
    con.execute('ALTER TABLE quotes ADD COLUMN IF NOT EXISTS "parts" VARCHAR')
    rows = con.execute("SELECT id, document FROM articles "
                       "WHERE json_extract_string(document, '$.schema_version') = '1'").fetchall()
    for article_id, text in rows:
        document = Document.model_validate(upgrade_v1(json.loads(text))).model_dump_json()
        con.execute("UPDATE articles SET document = ? WHERE id = ?", [document, article_id])
    con.execute(
        "UPDATE quotes SET parts = json_array(json_object('start', content_start, 'end', content_end, "
        "'text', content_text)) WHERE parts IS NULL"
    )


#: The actors across the store: one row per actor (its identity key), with its names, codes,
#: the articles naming it and when; and the dated history of its codes.
ACTOR_VIEWS = (
    f"""CREATE OR REPLACE VIEW actors AS
SELECT n.actor AS id, {ACTOR_NAME} AS name, mode(n.type) AS type, mode(n.country) AS country,
  mode(n.sector) AS sector, list(DISTINCT n.name ORDER BY n.name) AS names,
  list(DISTINCT n.code ORDER BY n.code) FILTER (WHERE n.code IS NOT NULL) AS codes,
  count(DISTINCT n.article_id) AS n_articles, sum(n.n_mentions) AS n_mentions,
  min(a.pub_date) AS first_seen, max(a.pub_date) AS last_seen
FROM entities n JOIN articles a ON a.id = n.article_id GROUP BY n.actor""",
    """CREATE OR REPLACE VIEW actor_roles AS
SELECT n.actor, n.code, min(a.pub_date) AS first_seen, max(a.pub_date) AS last_seen,
  count(DISTINCT n.article_id) AS n_articles
FROM entities n JOIN articles a ON a.id = n.article_id WHERE n.code IS NOT NULL
GROUP BY n.actor, n.code""",
)


def actor_identity(con: duckdb.DuckDBPyConnection) -> None:
    """One identity per actor across the store: ``actor`` and ``actor_name`` on every entity
    (computed for the rows already stored), and the ``actors`` and ``actor_roles`` views."""
    from ..knowledge.identity import identity

    con.execute('ALTER TABLE entities ADD COLUMN IF NOT EXISTS "actor" VARCHAR')
    con.execute('ALTER TABLE entities ADD COLUMN IF NOT EXISTS "actor_name" VARCHAR')
    found = con.execute("SELECT DISTINCT name, type, country, sector FROM entities WHERE actor IS NULL").fetchall()
    if found:
        keys = [(*row, *identity(*row)) for row in found]
        con.execute("CREATE TEMP TABLE actor_keys (name VARCHAR, type VARCHAR, country VARCHAR, "
                    "sector VARCHAR, actor VARCHAR, actor_name VARCHAR)")
        con.executemany("INSERT INTO actor_keys VALUES (?, ?, ?, ?, ?, ?)", keys)
        con.execute(
            "UPDATE entities SET actor = k.actor, actor_name = k.actor_name FROM actor_keys k "
            "WHERE entities.actor IS NULL AND entities.name IS NOT DISTINCT FROM k.name "
            "AND entities.type IS NOT DISTINCT FROM k.type AND entities.country IS NOT DISTINCT FROM k.country "
            "AND entities.sector IS NOT DISTINCT FROM k.sector")
        con.execute("DROP TABLE actor_keys")
    for view in ACTOR_VIEWS:
        con.execute(view)


MIGRATIONS: list[Migration] = [
    (1, "initial_tables", initial_tables),
    (2, "story_tables", story_tables),
    (3, "feed_tables", feed_tables),
    (4, "quote_parts", quote_parts),
    (5, "actor_identity", actor_identity),
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
