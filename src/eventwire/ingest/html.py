"""HTML pages through trafilatura: the article body, its title, authors and date.

trafilatura's precise mode (``fast=True``, no fallback extractors) is tried first: it
keeps only the main content and returns nothing for a page of navigation alone. When it
finds nothing, the fallback extractors run on a page already stripped of navigation,
header, footer, asides and ad/cookie/share blocks, so what they find is never boilerplate.
The date comes from the page's metadata only (no guessing from the body text); a date
that cannot be read is left out rather than guessed.
"""

from __future__ import annotations

import logging
from typing import Any

import trafilatura

from ..errors import BadDateError, NoArticleTextError
from .dates import normalise_published
from .raw import RawArticle

logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: class/id words that mark page furniture rather than the article.
BOILERPLATE_WORDS = (
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "consent",
    "cookie",
    "cookies",
    "newsletter",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "sponsored",
    "subscribe",
)
_TAGS = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe")


def _boilerplate_xpath() -> list[str]:
    """XPath expressions for furniture: tags by name, blocks by a whole class/id word."""
    paths = [f"//{tag}" for tag in _TAGS]
    for word in BOILERPLATE_WORDS:
        for attr in ("class", "id"):
            paths.append(
                f"//*[contains(concat(' ', translate(normalize-space(@{attr}), '-_', '  '), ' '), ' {word} ')]"
            )
    return paths


PRUNE = _boilerplate_xpath()
_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def _extract(page: bytes | str) -> Any:
    """trafilatura's Document for the page, precise mode first, then pruned fallback."""
    found = trafilatura.bare_extraction(page, fast=True, **_OPTIONS)
    if found is None or not (found.text or "").strip():
        found = trafilatura.bare_extraction(page, prune_xpath=PRUNE, **_OPTIONS)
    return found


def _authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with ``;``."""
    return [name.strip() for name in (value or "").split(";") if name.strip()]


def _published(value: str | None) -> str | None:
    try:
        return normalise_published(value)
    except BadDateError:
        return None


def _body(text: str, title: str | None) -> str:
    """The body without the headline line trafilatura puts first (the title is metadata)."""
    lines = text.strip().split("\n")
    if title and len(lines) > 1 and lines[0].strip() == title.strip():
        lines = lines[1:]
    return "\n".join(lines).strip()


def html_article(page: bytes | str, origin: str) -> RawArticle:
    """One article from an HTML page; ``NoArticleTextError`` when it holds no article text."""
    found = _extract(page)
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        raise NoArticleTextError("no article text found in the HTML page", where=origin)
    return RawArticle(
        text=_body(text, found.title),
        origin=origin,
        title=found.title or None,
        source=found.sitename or None,
        url=found.url or None,
        published=_published(found.date),
        authors=_authors(found.author),
    )
