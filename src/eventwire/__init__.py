"""eventwire: turn news into sourced event data.

    >>> import eventwire
    >>> doc = eventwire.extract("MOSCOW, Dec 3 - ...", published="2025-12-03")
    >>> doc.events, doc.quotes, doc.entities

Every fact in the returned ``Document`` carries the span of text it came from. ``Pipeline``
analyses streams of articles; ``Store`` keeps documents in DuckDB and groups them into
stories.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import EventwireError, RefusedError
from .ingest.raw import RawArticle
from .model import SCHEMA_VERSION, Document
from .pipeline import Pipeline
from .store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "EventwireError",
    "Pipeline",
    "RawArticle",
    "RefusedError",
    "Store",
    "__version__",
    "extract",
]

_default: Pipeline | None = None


def extract(text: str, **meta: object) -> Document:
    """Analyse one article's text (``published``, ``title``, ``source``, ``url`` optional)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default.analyse(RawArticle(text=text, **meta))  # type: ignore[arg-type]
