"""JSON lines: one article per line, read as a stream so a huge dump never sits in memory.

Each line is an object with ``text`` or ``html`` (HTML goes through trafilatura) and
optional ``title``, ``url``, ``published``, ``source``, ``id`` and ``authors``; any other
field (``category``, ``section``, ...) is kept as the article's ``metadata``. A line that
is not such an object is refused with its line number and the field at fault, and the
file goes on. Each line is held to ``Settings.max_bytes``; an oversize line is skipped
in chunks, never read whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import (
    BadDateError,
    EmptyArticleError,
    InvalidJSONLineError,
    RefusedError,
    TooLargeError,
)
from ..settings import Settings
from .dates import normalise_published
from .html import html_article
from .raw import RawArticle

_CHUNK = 1 << 20
#: The fields a line's article is made of; every other field is kept as metadata.
ARTICLE_FIELDS = frozenset({"text", "html", "title", "url", "published", "source", "id", "authors"})


def _string(obj: dict[str, Any], name: str, where: str) -> str | None:
    value = obj.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InvalidJSONLineError(
        f'field "{name}" must be a string, not {type(value).__name__}', where=where
    )


def _input_id(obj: dict[str, Any], where: str) -> str | None:
    """``id`` as a string; numbers are kept as their decimal text."""
    value = obj.get("id")
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InvalidJSONLineError(
        f'field "id" must be a string or a number, not {type(value).__name__}', where=where
    )


def _authors(obj: dict[str, Any], where: str) -> list[str]:
    value = obj.get("authors")
    if value is None:
        return []
    if isinstance(value, str):
        return [name.strip() for name in value.split(";") if name.strip()]
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return [name.strip() for name in value if name.strip()]
    raise InvalidJSONLineError('field "authors" must be a string or a list of strings', where=where)


def _published(obj: dict[str, Any], where: str) -> str | None:
    value = _string(obj, "published", where)
    try:
        return normalise_published(value)
    except BadDateError as exc:
        raise InvalidJSONLineError(f'field "published": {exc.message}', where=where) from None


def _body(obj: dict[str, Any], where: str) -> RawArticle:
    """The article body: ``text`` as is, else ``html`` through trafilatura."""
    text, html = _string(obj, "text", where), _string(obj, "html", where)
    if "text" not in obj and "html" not in obj:
        raise InvalidJSONLineError('the object has no "text" or "html" field', where=where)
    if text is not None and text.strip():
        return RawArticle(text=text, origin=where)
    if html is not None and html.strip():
        return html_article(html, where)
    raise EmptyArticleError("the article text is empty", where=where)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(value: Any) -> str | None:
    """The first lone surrogate in any string of a decoded JSON value ("\\ud800" escapes
    that pair with nothing), else None: such a string is not Unicode text and cannot be
    stored or printed."""
    if isinstance(value, str):
        found = _SURROGATE.search(value)
        return found.group() if found else None
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next((s for item in items if (s := _lone_surrogate(item)) is not None), None)


def article_from_object(obj: Any, where: str) -> RawArticle:
    """A RawArticle from one decoded JSON value; the object's own fields win over the HTML's."""
    if not isinstance(obj, dict):
        raise InvalidJSONLineError(
            f"expected a JSON object, got a {type(obj).__name__}", where=where
        )
    for name, value in obj.items():
        if (bad := _lone_surrogate(value)) is not None:
            raise InvalidJSONLineError(
                f"the {name!r} field holds a lone surrogate (\\u{ord(bad):04x}), which is not text: "
                "fix the encoding that wrote it", where=where)
    found = _body(obj, where)
    title = _string(obj, "title", where)
    url = _string(obj, "url", where)
    source = _string(obj, "source", where)
    published = _published(obj, where)
    authors = _authors(obj, where)
    return RawArticle(
        text=found.text,
        origin=where,
        title=title or found.title,
        source=source or found.source,
        url=url or found.url,
        published=published or found.published,
        authors=authors or found.authors,
        input_id=_input_id(obj, where),
        metadata=_metadata(obj),
    )


def _metadata(obj: dict[str, Any]) -> dict[str, Any]:
    """The line's other fields: scalars as they are, a list or an object as its JSON text."""
    return {name: value if value is None or isinstance(value, str | int | float | bool)
            else json.dumps(value, ensure_ascii=False)
            for name, value in obj.items() if name not in ARTICLE_FIELDS}


def parse_line(line: bytes, where: str) -> RawArticle:
    """One JSON line to a RawArticle, or an ``InvalidJSONLineError`` saying what is wrong."""
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidJSONLineError("the line is not UTF-8", where=where) from None
    except json.JSONDecodeError as exc:
        raise InvalidJSONLineError(
            f"not valid JSON ({exc.msg} at column {exc.colno})", where=where
        ) from None
    return article_from_object(obj, where)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when it is over ``limit`` bytes."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest in bounded chunks
                line = stream.readline(_CHUNK)
            yield number, None
        else:
            yield number, line


def iter_jsonl(
    stream: BinaryIO, name: str, settings: Settings
) -> Iterator[RawArticle | RefusedError]:
    """Articles from a JSON-lines stream; refusals are yielded with ``where`` = ``name:LINE``."""
    for number, line in _lines(stream, settings.max_bytes):
        where = f"{name}:{number}"
        if line is None:
            yield TooLargeError(
                f"line {number} is over the {settings.max_bytes:,}-byte limit", where=where
            )
            continue
        if not line.strip():
            continue
        try:
            yield parse_line(line, where)
        except RefusedError as exc:
            yield exc


def is_jsonl(head: bytes) -> bool:
    """True when the first non-blank line of ``head`` is a whole JSON object."""
    for line in head.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line.decode("utf-8-sig")), dict)
            except (UnicodeDecodeError, json.JSONDecodeError):
                return False
    return False
