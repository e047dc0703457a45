"""``process_partition``: the one code path every batch runner wraps.

The local multiprocessing runner calls it on each chunk in a worker process; the Spark
job calls it inside ``mapPartitions`` on each executor. Both therefore analyse an article
with the same code and produce the same flat row for it:

    key, kind, origin, article_id, input_id, date, document, code, message, hint

``kind`` is ``"document"`` (``document`` holds the contract document as JSON) or
``"refusal"`` (``code``/``message``/``hint`` say why). ``key`` names the *input* (its
``id`` when it gave one, else the sha256 of its normalised text, which is the id its
article gets; ``origin:FILE:LINE`` for a line refused as it was read): it is what a rerun
anti-joins on to process only what is missing, so it is computed before analysis.

Items may be ``RawArticle`` objects (from ``iter_inputs``), refusals a reader already made
(``RefusedError``), or dicts: an article object as in a JSON line (``text`` or ``html``,
``title``, ``id``, ...) or a wrapper ``{"_line": "<one JSON line>"}``; both may carry
``_origin`` and ``_key``.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ComponentError, EventwireError, RefusedError, catalogue
from ..ingest.jsonl import article_from_object, parse_line
from ..ingest.prepare import article_id, normalise_text
from ..ingest.raw import RawArticle
from ..model import Document
from ..settings import Settings

#: The columns of every row ``process_partition`` yields, in order.
ROW_FIELDS: tuple[str, ...] = (
    "key", "kind", "origin", "article_id", "input_id", "date", "document", "code", "message", "hint",
)
Item = RawArticle | RefusedError | dict[str, Any]
_PIPELINES: dict[tuple[tuple[str, ...] | None, Settings | None], Any] = {}


def pipeline_for(components: Iterable[str] | None = None, settings: Settings | None = None):
    """The pipeline for these components, built once per process (the model with it)."""
    from ..pipeline import Pipeline

    names = tuple(components) if components is not None else None
    cache_key = (names, settings)
    if cache_key not in _PIPELINES:
        _PIPELINES[cache_key] = Pipeline(names, settings=settings)
    return _PIPELINES[cache_key]


def text_key(text: str) -> str:
    """The key of an input without an id: the id its article will get (sha256 of the text)."""
    return article_id(normalise_text(text))


def item_key(item: RawArticle | RefusedError) -> str:
    """The key of a read input: its ``id``, else the hash of its text; an input refused as it
    was read (a corrupt line) is known by where it is."""
    if isinstance(item, RefusedError):
        return "origin:" + (item.where or "<input>")
    return item.input_id or text_key(item.text)


def read_item(source: str | dict[str, Any], origin: str) -> RawArticle | RefusedError:
    """One JSON line, or one decoded article object, read as ``iter_inputs`` reads it."""
    try:
        if isinstance(source, str):
            return parse_line(source.encode("utf-8"), origin)
        return article_from_object(source, origin)
    except RefusedError as exc:
        return exc


def article_line(raw: RawArticle) -> str:
    """A read article as one JSON line that reads back to the same ``RawArticle`` (HTML
    already turned into text), so a later stage need not extract it again."""
    obj = {"text": raw.text, "title": raw.title, "source": raw.source, "url": raw.url,
           "published": raw.published, "authors": raw.authors, "id": raw.input_id}
    fields = {k: v for k, v in obj.items() if v not in (None, [])}
    return json.dumps({**raw.metadata, **fields}, ensure_ascii=False)  # the input's other fields too


def _from_item(item: Item) -> tuple[str, RawArticle | RefusedError]:
    """(key, what the pipeline reads) for one item of any accepted kind."""
    if isinstance(item, RawArticle | RefusedError):
        return item_key(item), item
    origin = str(item.get("_origin") or "<input>")
    line = item.get("_line")
    read = read_item(line if line is not None else {k: v for k, v in item.items() if not k.startswith("_")}, origin)
    return str(item.get("_key") or item_key(read)), read


def describe_item(item: Item) -> tuple[str, str, str | None]:
    """(key, origin, input id) of an item, for recording it when it could not be analysed."""
    key, raw = _from_item(item)
    if isinstance(raw, RawArticle):
        return key, raw.origin, raw.input_id
    return key, raw.where or "<input>", None


def _row(key: str, origin: str, **values: Any) -> dict[str, Any]:
    row = dict.fromkeys(ROW_FIELDS)
    row.update(key=key, origin=origin, **values)
    return row


def document_row(key: str, origin: str, doc: Document) -> dict[str, Any]:
    """The flat row of an analysed article."""
    return _row(key, origin, kind="document", article_id=doc.article.id,
                input_id=doc.article.input_id, date=document_date(doc), document=doc.model_dump_json())


def refusal_row(key: str, origin: str, error: EventwireError, input_id: str | None = None) -> dict[str, Any]:
    """The flat row of a refused article: its code, message and what to do."""
    return _row(key, origin, kind="refusal", input_id=input_id, code=error.code,
                message=error.message, hint=error.hint or None)


def document_date(doc: Document) -> str | None:
    """The day the article speaks from (published, else its dateline's date), as YYYY-MM-DD."""
    for value in (doc.article.published,
                  doc.article.dateline.date.value if doc.article.dateline and doc.article.dateline.date else None):
        if value and len(value) >= 10 and value[:4].isdigit() and value[4] == "-":
            return value[:10]
    return None


def process_partition(
    articles: Iterable[Item], *, components: Iterable[str] | None = None, settings: Settings | None = None
) -> Iterator[dict[str, Any]]:
    """Analyse a stream of articles; one flat row per article, in order, never raising for
    one bad article (a crashing component or unreadable line becomes a refusal row)."""
    pipeline = pipeline_for(components, settings)
    pending: deque[tuple[str, RawArticle | RefusedError]] = deque()

    def feed() -> Iterator[RawArticle | RefusedError]:
        for item in articles:
            pending.append(_from_item(item))
            yield pending[-1][1]

    for outcome in pipeline.pipe(feed()):
        key, raw = pending.popleft()
        if outcome.document is not None:
            yield document_row(key, outcome.origin, outcome.document)
        else:
            input_id = raw.input_id if isinstance(raw, RawArticle) else None
            yield refusal_row(key, outcome.origin, outcome.error or ComponentError("no result"), input_id)


_ERRORS = {cls.code: cls for cls in catalogue()}


def row_error(row: dict[str, Any]) -> RefusedError:
    """The refusal a refusal row records, as the error class its code names."""
    cls = _ERRORS.get(row.get("code") or "", RefusedError)
    if not issubclass(cls, RefusedError):
        cls = RefusedError
    return cls(row.get("message") or "refused", where=row.get("origin"), hint=row.get("hint"))


def row_outcome(row: dict[str, Any]):
    """A row back to the pipeline's ``Outcome`` (what ``eventwire extract`` prints)."""
    from ..pipeline import Outcome

    if row["kind"] == "document":
        return Outcome(row["origin"], document=Document.model_validate_json(row["document"]))
    return Outcome(row["origin"], error=row_error(row))
