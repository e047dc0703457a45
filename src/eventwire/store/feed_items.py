"""The feed_items table: which items of which feed were already seen, and what became of
them (stored, refused, failed), so polling a feed again fetches only new items."""

from __future__ import annotations

import duckdb


def seen_items(con: duckdb.DuckDBPyConnection, feed: str) -> set[str]:
    rows = con.execute("SELECT item FROM feed_items WHERE feed = ?", [feed]).fetchall()
    return {row[0] for row in rows}
