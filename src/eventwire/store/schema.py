"""The store's tables, declared once: column names with their DuckDB and Arrow types.

The migrations create tables from these declarations and the writers build Arrow tables
with the same columns in the same order, so a column added here is added in both places.
Spans are kept as three columns (``<name>_start``, ``<name>_end``, ``<name>_text``) so they
can be filtered and joined in SQL; the whole contract document is kept per article
(``articles.document``) so it can be read back exactly.
"""

from __future__ import annotations

import pyarrow as pa

#: (column, DuckDB type, Arrow type)
Column = tuple[str, str, pa.DataType]

_S, _I, _F, _D, _T = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.timestamp("us")


def span_columns(name: str) -> list[Column]:
    """Three columns for one contract Span."""
    return [(f"{name}_start", "BIGINT", _I), (f"{name}_end", "BIGINT", _I), (f"{name}_text", "VARCHAR", _S)]


TABLES: dict[str, list[Column]] = {
    "articles": [
        ("id", "VARCHAR PRIMARY KEY", _S), ("input_id", "VARCHAR", _S), ("origin", "VARCHAR", _S),
        ("title", "VARCHAR", _S), ("source", "VARCHAR", _S), ("url", "VARCHAR", _S),
        ("published", "VARCHAR", _S), ("pub_date", "DATE", _D), ("language", "VARCHAR", _S),
        ("dateline_place", "VARCHAR", _S), ("dateline_country", "VARCHAR", _S),
        ("text", "VARCHAR", _S), ("document", "VARCHAR", _S), ("story", "VARCHAR", _S),
        ("seq", "BIGINT", _I), ("ingested_at", "TIMESTAMP", _T),
    ],
    "entities": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("name", "VARCHAR", _S),
        ("type", "VARCHAR", _S), ("country", "VARCHAR", _S), ("sector", "VARCHAR", _S),
        ("code", "VARCHAR", _S), ("roles", "VARCHAR", _S), ("n_mentions", "BIGINT", _I),
        # the actor across the store (knowledge/identity.py; migration actor_identity)
        ("actor", "VARCHAR", _S), ("actor_name", "VARCHAR", _S),
    ],
    "entity_mentions": [
        ("article_id", "VARCHAR", _S), ("entity_id", "VARCHAR", _S), *span_columns("span"),
    ],
    "quotes": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("kind", "VARCHAR", _S),
        *span_columns("content"), *span_columns("cue"), *span_columns("source"),
        ("speaker", "VARCHAR", _S), ("speaker_name", "VARCHAR", _S),
        ("parts", "VARCHAR", _S),  # JSON list of Spans (contract version 2; migration quote_parts)
    ],
    "events": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("event", "VARCHAR", _S),
        ("mode", "VARCHAR", _S), ("context", "VARCHAR", _S), ("cameo", "VARCHAR", _S),
        ("quad", "VARCHAR", _S), ("status", "VARCHAR", _S), ("date_value", "VARCHAR", _S),
        ("event_date", "DATE", _D), ("location", "VARCHAR", _S), ("location_name", "VARCHAR", _S),
        ("location_country", "VARCHAR", _S), ("lat", "DOUBLE", _F), ("lon", "DOUBLE", _F),
        ("reported_by", "VARCHAR", _S), ("reported_by_name", "VARCHAR", _S),
        ("quote", "VARCHAR", _S), *span_columns("event_text"), *span_columns("evidence"),
    ],
    "event_actors": [
        ("article_id", "VARCHAR", _S), ("event_id", "VARCHAR", _S), ("role", "VARCHAR", _S),
        ("position", "BIGINT", _I), ("entity", "VARCHAR", _S), ("name", "VARCHAR", _S),
        *span_columns("span"), ("country", "VARCHAR", _S), ("sector", "VARCHAR", _S),
        ("code", "VARCHAR", _S),
    ],
    "claims": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("about", "VARCHAR", _S),
        ("value", "DOUBLE", _F), ("max", "DOUBLE", _F), ("bound", "VARCHAR", _S),
        ("unit", "VARCHAR", _S), ("per", "VARCHAR", _S), ("claimant", "VARCHAR", _S),
        ("claimant_name", "VARCHAR", _S), *span_columns("evidence"),
    ],
    "times": [
        ("article_id", "VARCHAR", _S), ("position", "BIGINT", _I), *span_columns("span"),
        ("type", "VARCHAR", _S), ("value", "VARCHAR", _S), ("anchor", "VARCHAR", _S),
    ],
    "places": [
        ("article_id", "VARCHAR", _S), ("id", "VARCHAR", _S), ("name", "VARCHAR", _S),
        ("country", "VARCHAR", _S), ("feature", "VARCHAR", _S), ("lat", "DOUBLE", _F),
        ("lon", "DOUBLE", _F), ("geonameid", "BIGINT", _I), ("n_mentions", "BIGINT", _I),
    ],
    "refusals": [
        ("origin", "VARCHAR", _S), ("input_id", "VARCHAR", _S), ("code", "VARCHAR", _S),
        ("message", "VARCHAR", _S), ("recorded_at", "TIMESTAMP", _T),
    ],
}

#: Tables added by later migrations (see migrations.py), declared here with the rest.
STORY_TABLES: dict[str, list[Column]] = {
    "stories": [
        ("id", "VARCHAR PRIMARY KEY", _S), ("title", "VARCHAR", _S), ("first", "DATE", _D),
        ("last", "DATE", _D), ("n_articles", "BIGINT", _I), ("state", "VARCHAR", _S),
    ],
    "story_terms": [("term", "VARCHAR PRIMARY KEY", _S), ("df", "BIGINT", _I)],
    "story_meta": [("key", "VARCHAR PRIMARY KEY", _S), ("value", "BIGINT", _I)],
}

FEED_TABLES: dict[str, list[Column]] = {
    "feed_items": [
        ("feed", "VARCHAR", _S), ("item", "VARCHAR", _S), ("link", "VARCHAR", _S),
        ("title", "VARCHAR", _S), ("status", "VARCHAR", _S), ("article_id", "VARCHAR", _S),
        ("message", "VARCHAR", _S), ("seen_at", "TIMESTAMP", _T),
    ],
}

ALL_TABLES: dict[str, list[Column]] = {**TABLES, **STORY_TABLES, **FEED_TABLES}


def create_sql(name: str, columns: list[Column]) -> str:
    cols = ", ".join(f'"{col}" {sql_type}' for col, sql_type, _ in columns)
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})'


def arrow_schema(name: str) -> pa.Schema:
    return pa.schema([(col, arrow_type) for col, _, arrow_type in ALL_TABLES[name]])


def column_names(name: str) -> list[str]:
    return [col for col, _, _ in ALL_TABLES[name]]
