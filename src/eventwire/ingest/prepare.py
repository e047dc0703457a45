"""From a raw article to the ``Article`` every component reads: one Unicode
normalisation (NFC) of the text, its id, language check, dateline and headings."""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any

from ..errors import EmptyArticleError, NotEnglishError, TooLargeError
from ..model import Article
from ..settings import Settings
from .dateline import find_dateline
from .dates import normalise_published
from .headings import find_headings
from .language import detect_language
from .raw import RawArticle


def normalise_text(text: str) -> str:
    """NFC, one newline convention, no BOM, no trailing spaces on lines, no outer blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def prepare(raw: RawArticle, settings: Settings | None = None) -> Article:
    """Normalise and check one raw article; raises a ``RefusedError`` to refuse it."""
    settings = settings or Settings()
    if len(raw.text.encode("utf-8", "surrogatepass")) > settings.max_bytes:
        raise TooLargeError(f"article is over the {settings.max_bytes:,}-byte limit", where=raw.origin)
    text = normalise_text(raw.text)
    if not text:
        raise EmptyArticleError("the article has no text", where=raw.origin)
    if len(text) > settings.max_chars:
        raise TooLargeError(f"the article's text is {len(text):,} characters, over the {settings.max_chars:,} "
                            "one parse may take", where=raw.origin,
                            hint="split it into articles, or raise max_chars (EVENTWIRE_MAX_CHARS)")
    language = detect_language(text, min_chars=settings.min_language_chars)
    if language != "en":
        raise NotEnglishError(f"the article is in {language!r}, not English", where=raw.origin)
    published = normalise_published(raw.published)
    return Article(
        id=article_id(text), input_id=raw.input_id, title=raw.title, source=raw.source,
        url=raw.url, authors=list(raw.authors), published=published, language="en", metadata=dict(raw.metadata),
        text=text, **read_layout(text, published),
    )


def read_layout(text: str, published: str | None) -> dict[str, Any]:
    """The article's layout, read once: its dateline and the sub-headings after it."""
    dateline = find_dateline(text, published)
    headings = find_headings(text, skip_before=dateline.span.end if dateline else 0)
    return {"dateline": dateline, "headings": headings}


def gold_article(text: str, id: str | None = None, published: str | None = None) -> Article:
    """A scorer's article over a gold text taken as it is (gold offsets must not move: no
    normalisation, no language check), with its layout read as ``prepare`` reads it."""
    return Article(id=id or article_id(text), text=text, published=published,
                   **read_layout(text, published))
