"""The embedded store: DuckDB tables of articles, facts, stories and refusals.

    from eventwire.store import Store
    with Store("eventwire.duckdb") as store:
        for result in store.ingest(pipeline.pipe(raws)):
            ...
"""

from __future__ import annotations

from .core import BatchResult, Refusal, Store, refusal_of

__all__ = ["BatchResult", "Refusal", "Store", "refusal_of"]
