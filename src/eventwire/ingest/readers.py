"""Reading inputs: files, directories and standard input, as a stream of RawArticles.

``iter_inputs`` is the one entry point. It checks every path exists before reading any,
then yields, in order, a ``RawArticle`` per article or the ``RefusedError`` that refused
it (with ``where`` naming the file or ``file:LINE``), so one bad article never stops a
batch and no refusal is swallowed.

What is read:

- ``-``: standard input, sniffed: JSON lines if it starts with ``{``, HTML if it looks
  like a page, else plain text.
- a directory: walked recursively in sorted order, reading ``.txt``, ``.html``, ``.htm``,
  ``.jsonl`` and ``.json`` when it holds JSON lines; other files (and hidden ones, and
  ``*.meta.json`` sidecars) are skipped.
- a named file: by extension; an unknown extension is sniffed like standard input, and so
  is a named pipe (``<(curl ...)``), which is read once as a stream.
- a ``.json`` file named explicitly that is not JSON lines is read as one article object.

Sidecars: for a single-article file ``NAME.txt`` (or ``.html``/``.htm``), a
``NAME.meta.json`` beside it may hold ``{"published", "title", "source", "url", "authors",
"id"}``; its values fill the article's metadata. A sidecar that is not a valid JSON
object refuses the article with a message naming the sidecar.

``meta`` (the CLI's ``--published/--title/--source/--url``) sets those fields on plain text
and standard-input articles, and fills fields still missing on the others.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, BinaryIO, TextIO

from ..errors import (
    InputError,
    InvalidJSONLineError,
    MissingPathError,
    RefusedError,
    SidecarError,
    UsageError,
)
from ..settings import Settings
from .dates import normalise_published
from .html import html_article
from .jsonl import article_from_object, is_jsonl, iter_jsonl
from .raw import RawArticle
from .text import SNIFF_BYTES, check_binary, decode, peekable, read_file, read_stream, sniff

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
KINDS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json"}
META_FIELDS = ("published", "title", "source", "url", "authors", "id")
SIDECAR_SUFFIX = ".meta.json"

Item = RawArticle | RefusedError


def iter_inputs(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: TextIO | BinaryIO | None = None,
    meta: dict[str, Any] | None = None,
) -> Iterator[Item]:
    """Every article in ``paths`` (files, directories, ``-``), or the refusal of it.

    Raises at once, before reading anything: ``MissingPathError`` if a path does not
    exist, ``BadDateError`` if ``meta["published"]`` cannot be read. While reading,
    ``InputError`` if a file exists but the system will not let it be read.
    """
    for path in paths:
        if path != STDIN and not os.path.exists(path):
            raise MissingPathError("no such file or directory", where=path)
    return _iter_all(list(paths), settings, stdin, _check_meta(meta or {}))


def _iter_all(
    paths: list[str], settings: Settings, stdin: TextIO | BinaryIO | None, meta: dict[str, Any]
) -> Iterator[Item]:
    for path in paths:
        if path == STDIN:
            yield from _read_stream(peekable(stdin or sys.stdin), STDIN_ORIGIN, settings, meta)
        elif os.path.isdir(path):
            yield from _read_directory(path, settings, meta)
        else:
            yield from _read_path(path, settings, meta, explicit=True)


def _check_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The CLI metadata with empty values dropped and the date normalised (or refused)."""
    unknown = set(meta) - set(META_FIELDS)
    if unknown:
        raise UsageError(
            f"unknown metadata {', '.join(sorted(unknown))}",
            hint=f"known: {', '.join(META_FIELDS)}",
        )
    clean = {key: value for key, value in meta.items() if value not in (None, "", [])}
    if "published" in clean:
        clean["published"] = normalise_published(clean["published"])
    return clean


def _apply_meta(article: RawArticle, meta: dict[str, Any], plain: bool) -> RawArticle:
    """Plain text and stdin take ``meta`` outright; other articles only fill gaps with it."""
    if not meta:
        return article
    changes: dict[str, Any] = {}
    for key, value in meta.items():
        name = "input_id" if key == "id" else key
        if key == "authors" and isinstance(value, str):
            value = [value]
        if plain or not getattr(article, name):
            changes[name] = str(value) if name == "input_id" else value
    return replace(article, **changes)


def _with_meta(items: Iterator[Item], meta: dict[str, Any]) -> Iterator[Item]:
    """JSON-lines articles keep their own fields; ``meta`` only fills the gaps."""
    for item in items:
        yield item if isinstance(item, RefusedError) else _apply_meta(item, meta, plain=False)


def _read_directory(root: str, settings: Settings, meta: dict[str, Any]) -> Iterator[Item]:
    """Known article files under ``root``, recursively, in sorted order; others skipped."""
    for path in _article_files(root):
        yield from _read_path(path, settings, meta, explicit=False)


def _article_files(root: str) -> Iterator[str]:
    """The files under ``root`` a directory read takes: known kinds, no hidden files, no
    sidecars, recursively in sorted order."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
                continue
            if os.path.splitext(name)[1].lower() in KINDS:
                yield os.path.join(folder, name)


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles ``paths`` hold, counted without analysing them (a JSON-lines file's
    non-blank lines, one for any other file), for a progress bar's total; None when standard
    input is among them or a file cannot be read."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        for file in _article_files(path) if os.path.isdir(path) else [path]:
            try:
                with open(file, "rb") as handle:
                    head = handle.read(4096)
                    if file.lower().endswith(".jsonl") or is_jsonl(head):
                        handle.seek(0)
                        total += sum(1 for line in handle if line.strip())
                    else:
                        total += 1
            except OSError:
                return None
    return total


def _read_path(
    path: str, settings: Settings, meta: dict[str, Any], *, explicit: bool
) -> Iterator[Item]:
    """One file by its extension (sniffed when unknown and named explicitly)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a named pipe or device: read it once
            with open(path, "rb") as handle:
                yield from _read_stream(peekable(handle), path, settings, meta)
            return
        kind = _file_kind(path, settings, explicit)
        if kind == "jsonl":
            with open(path, "rb") as handle:
                yield from _with_meta(iter_jsonl(handle, path, settings), meta)
        elif kind == "json":
            yield _apply_meta(_read_json_document(path, settings), meta, plain=False)
        elif kind is not None:
            yield _read_single(path, kind, settings, meta)
    except RefusedError as exc:
        yield exc
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", where=path) from None


def _file_kind(path: str, settings: Settings, explicit: bool) -> str | None:
    """How to read a regular file: by extension, else sniffed; None to skip it.

    A ``.json`` file (or a sniffed one starting with ``{``) is JSON lines when its first
    non-blank line is a whole object, else one JSON document; in a folder, a ``.json``
    file that is neither (a list, a config) is skipped.
    """
    kind = KINDS.get(os.path.splitext(path)[1].lower())
    if kind in ("text", "html", "jsonl"):
        return kind
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        check_binary(head, path)
        if kind is None and sniff(head) != "jsonl":
            return sniff(head)
        handle.seek(0)
        first = b""
        while not first.strip():
            first = handle.readline(settings.max_bytes)
            if not first:
                break
    if is_jsonl(first):
        return "jsonl"
    if explicit or first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "json"
    return None


def _read_json_document(path: str, settings: Settings) -> RawArticle:
    """A ``.json`` file that holds one (pretty-printed) article object."""
    return _json_document(read_file(path, settings), path)


def _json_document(data: bytes, where: str) -> RawArticle:
    try:
        obj = json.loads(decode(data, where))
    except json.JSONDecodeError as exc:
        raise InvalidJSONLineError(
            f"not valid JSON ({exc.msg} at line {exc.lineno})", where=where
        ) from None
    return article_from_object(obj, where)


def _read_single(path: str, kind: str, settings: Settings, meta: dict[str, Any]) -> RawArticle:
    """A one-article text or HTML file, with its sidecar metadata, then ``meta``."""
    data = read_file(path, settings)
    if kind == "html":
        article = html_article(data, path)
    else:
        article = RawArticle(text=decode(data, path), origin=path)
    article = _apply_meta(article, read_sidecar(path), plain=True)
    return _apply_meta(article, meta, plain=kind == "text")


class _Rejoined:
    """A byte stream whose first bytes were already read to decide what it is: ``readline``
    and ``read`` give them again first, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: Any):
        self.head = head
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        if not self.head:
            return self.stream.readline(limit)
        end = self.head.find(b"\n") + 1 or len(self.head)
        if 0 <= limit < end:
            end = limit
        line, self.head = self.head[:end], self.head[end:]
        if not line.endswith(b"\n") and not self.head and (limit < 0 or len(line) < limit):
            line += self.stream.readline(-1 if limit < 0 else limit - len(line))
        return line

    def read(self, size: int = -1) -> bytes:
        head, self.head = self.head, b""
        if size < 0:
            return head + self.stream.read()
        if len(head) >= size:
            self.head = head[size:]
            return head[:size]
        return head + self.stream.read(size - len(head))


def _first_line(stream: Any, limit: int) -> tuple[bytes, bytes]:
    """(bytes read, first non-blank line) of a stream: the line is read whole, whatever its
    length up to ``limit``, so JSON lines are told from one JSON document by what the first
    line is, not by how much of it a peek could see."""
    read = b""
    while True:
        line = stream.readline(limit + 1)
        read += line
        if not line or line.strip() or len(read) > limit:
            return read, line


def _read_stream(
    stream: Any, name: str, settings: Settings, meta: dict[str, Any]
) -> Iterator[Item]:
    """Standard input or a pipe, sniffed as JSON lines, one JSON object, HTML or plain text;
    ``meta`` applies to a text or HTML article and fills the gaps of JSON ones."""
    head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    try:
        check_binary(head, name)
        kind = sniff(head)
        if kind == "jsonl":
            read, first = _first_line(stream, settings.max_bytes)
            stream = _Rejoined(read, stream)
            if len(first) > settings.max_bytes or is_jsonl(first):  # an overlong line is refused alone
                yield from _with_meta(iter_jsonl(stream, name, settings), meta)
                return
            kind = "json"  # a pretty-printed object: "{" alone on the first line
        data = read_stream(stream, settings, name)
        if kind == "json":
            yield _apply_meta(_json_document(data, name), meta, plain=False)
            return
        if kind == "html":
            article = html_article(data, name)
        else:
            article = RawArticle(text=decode(data, name), origin=name)
        yield _apply_meta(article, meta, plain=True)
    except RefusedError as exc:
        yield exc


def sidecar_path(path: str) -> str:
    """``NAME.meta.json`` beside ``NAME.txt``."""
    return os.path.splitext(path)[0] + SIDECAR_SUFFIX


def read_sidecar(path: str) -> dict[str, Any]:
    """The metadata in the sidecar of ``path`` ({} when there is none), checked field by field."""
    side = sidecar_path(path)
    if not os.path.isfile(side):
        return {}
    try:
        with open(side, encoding="utf-8-sig") as handle:
            obj = json.load(handle)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _sidecar_error(side, f"is not valid JSON ({exc})", path) from None
    if not isinstance(obj, dict):
        raise _sidecar_error(side, f"must hold a JSON object, not a {type(obj).__name__}", path)
    try:
        probe = article_from_object({**obj, "text": "x"}, side)
    except RefusedError as exc:
        raise _sidecar_error(side, exc.message, path) from None
    values = {
        "published": probe.published,
        "title": probe.title,
        "source": probe.source,
        "url": probe.url,
        "authors": probe.authors,
        "id": probe.input_id,
    }
    return {key: value for key, value in values.items() if value}


def _sidecar_error(side: str, problem: str, where: str) -> SidecarError:
    return SidecarError(f"the metadata sidecar {os.path.basename(side)} {problem}", where=where)


__all__ = ["iter_inputs", "read_sidecar", "sidecar_path"]
