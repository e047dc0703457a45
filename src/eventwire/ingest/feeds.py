"""RSS and Atom feeds: read the feed, fetch each item not seen before, store what it says.

The feed is fetched with ``urllib`` (standard library) and a timeout, parsed with
feedparser; each new item's page is fetched the same way and read through the HTML path
(trafilatura), with the item's title, link and date filling what the page lacks. What
became of each item is recorded in the store's ``feed_items`` table, in the same
transaction as its article, so a feed polled again fetches only new items.

A feed that cannot be fetched (404, time-out), or that is not a feed (an HTML page,
garbage) raises an ``InputError`` before anything is written. An item page that cannot
be fetched is recorded as a refusal (``fetch_failed``) and left unseen, so the next poll
tries it again; a page with no article text is a refusal and is marked seen.
"""

from __future__ import annotations

import contextlib
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..errors import FetchError, InputError, RefusedError
from .dates import normalise_published
from .html import html_article
from .raw import RawArticle

USER_AGENT = "eventwire/0.1 (+https://github.com/eventwire)"
MAX_BYTES = 10_000_000


@dataclass
class FeedItem:
    key: str
    link: str
    title: str | None = None
    published: str | None = None


@dataclass
class PollResult:
    feed: str
    items: int = 0
    new: int = 0
    stored: int = 0
    refused: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def fetch(url: str, timeout: float) -> bytes:
    """The body at ``url``; raises ``OSError``-derived errors, ``urllib.error.HTTPError``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read(MAX_BYTES)


def _why(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, (socket.timeout, TimeoutError)) or "timed out" in str(exc):
        return "timed out"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__


def _check_scheme(url: str) -> None:
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url!r} is not an http(s) URL", hint="give the feed's full URL")


def read_feed(url: str, timeout: float = 10.0) -> list[FeedItem]:
    """The feed's items; ``InputError`` if it cannot be fetched or is not RSS/Atom."""
    import feedparser

    _check_scheme(url)
    try:
        body = fetch(url, timeout)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot fetch the feed {url}: {_why(exc)}", hint="check the URL") from None
    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        raise InputError(f"{url} is not an RSS or Atom feed",
                         hint="give the feed's URL (often ending in /rss, /feed or .xml)")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = entry.get("published") or entry.get("updated")
        items.append(FeedItem(entry.get("id") or link, link, entry.get("title"), _date(published)))
    return items


def _date(value: str | None) -> str | None:
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    with contextlib.suppress(Exception):  # RFC 822 dates are not ISO: try them next
        return normalise_published(value)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def item_article(item: FeedItem, timeout: float) -> RawArticle:
    """The item's page as a raw article; ``FetchError`` or ``NoArticleTextError`` if not."""
    _check_scheme(item.link)
    try:
        page = fetch(item.link, timeout)
    except (OSError, ValueError) as exc:
        raise FetchError(f"cannot fetch {item.link}: {_why(exc)}", where=item.link) from None
    raw = html_article(page, item.link)
    return replace(raw, title=raw.title or item.title, url=item.link,
                   published=raw.published or item.published, input_id=item.key)


def new_articles(items: list[FeedItem], seen: set[str], timeout: float) -> Iterator[tuple[FeedItem, RawArticle | RefusedError]]:
    """Each item not seen before, with its article or the refusal of it."""
    for item in items:
        if item.key in seen:
            continue
        try:
            yield item, item_article(item, timeout)
        except RefusedError as exc:
            yield item, exc


def _item_row(feed: str, item: FeedItem, status: str, article_id: str | None = None,
              message: str | None = None) -> dict:
    return {"feed": feed, "item": item.key, "link": item.link, "title": item.title,
            "status": status, "article_id": article_id, "message": message}


def poll_feed(store, pipeline, url: str, *, timeout: float = 10.0) -> PollResult:
    """Read the feed once and store every new item's article (one transaction)."""
    from ..store import refusal_of

    items = read_feed(url, timeout)
    result = PollResult(url, items=len(items))
    pairs = list(new_articles(items, store.seen_feed_items(url), timeout))
    result.new = len(pairs)
    refusals, rows, raws = [], [], {}
    for item, found in pairs:
        if isinstance(found, RawArticle):
            raws[found.origin] = (item, found)
            continue
        refusals.append(refusal_of(found, item.link))
        result.errors.append(found.one_line())
        if not isinstance(found, FetchError):  # a fetch failure is tried again next time
            rows.append(_item_row(url, item, "refused", message=found.message))
    docs = []
    for outcome in pipeline.pipe([raw for _, raw in raws.values()]):
        item = raws[outcome.origin][0]
        if outcome.document is not None:
            docs.append((outcome.document, outcome.origin))
            rows.append(_item_row(url, item, "stored", article_id=outcome.document.article.id))
        else:
            refusals.append(refusal_of(outcome.error, outcome.origin))
            rows.append(_item_row(url, item, "refused", message=outcome.error.message))
    batch = store.add(docs, refusals, feed_items=rows)
    result.stored, result.skipped, result.refused = batch.added, batch.skipped, len(refusals)
    return result
