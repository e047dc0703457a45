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

from .errors import EventwireError, RefusedError, UsageError
from .ingest.raw import RawArticle
from .model import SCHEMA_VERSION, Document, Participant
from .pipeline import Pipeline
from .store import Store

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "EventwireError",
    "Participant",
    "Pipeline",
    "RawArticle",
    "RefusedError",
    "Store",
    "__version__",
    "extract",
]

_default: Pipeline | None = None


def extract(text: str | None = None, *, html: str | bytes | None = None, **meta: object) -> Document:
    """Analyse one article: its ``text``, or an HTML page (``html=``: the article is found in
    the page, with its title, date and authors when the page gives them); ``published``,
    ``title``, ``source``, ``url`` optional (they win over the page's)."""
    global _default
    if (text is None) == (html is None):
        raise UsageError("give extract() the article's text or html=, not both or neither")
    if _default is None:
        _default = Pipeline()
    if html is not None:
        from dataclasses import replace

        from .ingest.html import html_article

        raw = replace(html_article(html, str(meta.get("url") or "<html>")),
                      **{k: v for k, v in meta.items() if v is not None})
        return _default.analyse(raw)
    return _default.analyse(RawArticle(text=text, **meta))  # type: ignore[arg-type]
