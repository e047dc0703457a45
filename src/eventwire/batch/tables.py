"""The tables a batch run writes, from the flat rows ``process_partition`` yields.

The fact tables (entities, mentions, quotes, events, their actors, claims, times,
places) are the store's own: the same columns, built by the same row functions as
``eventwire ingest`` uses (``store/articles.py``, ``store/events.py``), so a Parquet
output and a DuckDB store can be queried alike. Two tables are the batch run's own:
``documents`` (one row per analysed article with its whole contract document) and
``refusals`` (one row per refused input, with the reason). Every row also carries
``date`` (the article's day, YYYY-MM-DD, or null), which Spark partitions by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from ..model import Document
from ..store import articles as store_articles
from ..store import events as store_events
from ..store.schema import TABLES

_S, _I = pa.string(), pa.int64()

#: Fact table name -> the store's row function (document -> row dicts).
FACT_ROWS: dict[str, Callable[[Document], list[dict[str, Any]]]] = {
    "entities": store_articles.entity_rows,
    "entity_mentions": store_articles.mention_rows,
    "quotes": store_articles.quote_rows,
    "times": store_articles.time_rows,
    "places": store_articles.place_rows,
    "events": store_events.event_rows,
    "event_actors": store_events.actor_rows,
    "claims": store_events.claim_rows,
}

#: The batch run's own tables: (column, Arrow type).
OWN_TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "documents": [
        ("key", _S), ("article_id", _S), ("input_id", _S), ("origin", _S), ("title", _S),
        ("source", _S), ("url", _S), ("published", _S), ("n_entities", _I), ("n_events", _I),
        ("n_quotes", _I), ("n_claims", _I), ("document", _S), ("date", _S),
    ],
    "refusals": [
        ("key", _S), ("origin", _S), ("input_id", _S), ("code", _S), ("message", _S),
        ("hint", _S), ("date", _S),
    ],
}
TABLE_NAMES: tuple[str, ...] = (*FACT_ROWS, "documents", "refusals")


def columns(table: str) -> list[tuple[str, pa.DataType]]:
    """(name, Arrow type) of every column of ``table``, ``date`` last."""
    if table in OWN_TABLES:
        return OWN_TABLES[table]
    return [(name, arrow) for name, _, arrow in TABLES[table]] + [("date", _S)]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema(columns(table))


def _documents_row(row: dict[str, Any], doc: Document) -> dict[str, Any]:
    a = doc.article
    return {
        "key": row["key"], "article_id": a.id, "input_id": a.input_id, "origin": row["origin"],
        "title": a.title, "source": a.source, "url": a.url, "published": a.published,
        "n_entities": len(doc.entities), "n_events": len(doc.events), "n_quotes": len(doc.quotes),
        "n_claims": len(doc.claims), "document": row["document"], "date": row["date"],
    }


def table_rows(row: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) pairs for one row of ``process_partition``."""
    if row["kind"] != "document":
        yield "refusals", {name: row.get(name) for name, _ in OWN_TABLES["refusals"]}
        return
    doc = Document.model_validate_json(row["document"])
    for table, make in FACT_ROWS.items():
        for fact in make(doc):
            yield table, {**fact, "date": row["date"]}
    yield "documents", _documents_row(row, doc)


def split_tables(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for a batch of ``process_partition`` rows (all tables present)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
    for row in rows:
        for table, values in table_rows(row):
            out[table].append(values)
    return out
