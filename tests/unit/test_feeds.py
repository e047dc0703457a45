"""Feeds against a real HTTP server on 127.0.0.1: items fetched once, failures recorded,
non-feeds refused with a clear error and the store unchanged."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventwire.errors import InputError
from eventwire.ingest.feeds import poll_feed, read_feed
from eventwire.ingest.prepare import prepare
from eventwire.model import Document
from eventwire.pipeline import Outcome
from eventwire.store import Store

PARAGRAPHS = [
    ("The city council voted on Tuesday to approve a new budget for the harbour district, "
     "after a debate that lasted most of the afternoon and drew a large crowd of residents."),
    ("Supporters said the plan would repair the old piers and bring new jobs to the waterfront, "
     "while critics argued that the cost had been underestimated by several million dollars."),
    "The mayor said she expected work to begin in the spring and to finish within two years.",
]


def page(title: str) -> bytes:
    body = "".join(f"<p>{p} ({title})</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact</footer></body></html>").encode()


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{name}</title><link>{base}/{name}</link><guid>{base}/{name}</guid>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
        for name in ("one.html", "two.html", "slow.html", "missing.html"))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
            f"<link>{base}</link><description>t</description>{items}</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_port}"
        routes = {"/feed.xml": rss(base), "/one.html": page("Harbour budget approved"),
                  "/two.html": page("Council debate on piers"), "/notfeed.html": page("Just a page"),
                  "/garbage": bytes(range(256)) * 20}
        if self.path == "/slow.html":
            time.sleep(1.5)
            routes["/slow.html"] = page("Too late")
        body = routes.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


class PreparingPipeline:
    """Stands in for the NLP pipeline: prepares each article, finds nothing in it."""

    def pipe(self, raws):
        for raw in raws:
            yield Outcome(raw.origin, document=Document(article=prepare(raw)))


def test_read_feed_lists_items(server):
    items = read_feed(f"{server}/feed.xml", timeout=2)
    assert [i.link.rsplit("/", 1)[1] for i in items] == ["one.html", "two.html", "slow.html", "missing.html"]
    assert items[0].published.startswith("2024-03-05")


@pytest.mark.parametrize("path, why", [("/notfeed.html", "not an RSS or Atom feed"),
                                       ("/garbage", "not an RSS or Atom feed"),
                                       ("/nothing.xml", "HTTP 404")])
def test_non_feeds_are_refused_and_the_store_is_unchanged(server, tmp_path, path, why):
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(InputError, match=why) as caught:
            poll_feed(store, PreparingPipeline(), f"{server}{path}", timeout=2)
        assert "\n" not in caught.value.one_line()
        assert store.count("articles") == store.count("feed_items") == store.count("refusals") == 0


def test_poll_stores_new_items_once_and_records_failures(server, tmp_path):
    feed = f"{server}/feed.xml"
    with Store(tmp_path / "s.duckdb") as store:
        first = poll_feed(store, PreparingPipeline(), feed, timeout=0.5)
        assert (first.items, first.new, first.stored, first.refused) == (4, 4, 2, 2)
        assert sorted(r.code for r in store.refusals()) == ["fetch_failed", "fetch_failed"]
        assert any("timed out" in m for m in first.errors) and any("HTTP 404" in m for m in first.errors)
        titles = {d.article.title for d in store.documents()}
        assert titles == {"Harbour budget approved", "Council debate on piers"}
        assert all(d.article.published.startswith("2024-03-05") for d in store.documents())
        second = poll_feed(store, PreparingPipeline(), feed, timeout=0.5)
        assert (second.new, second.stored) == (2, 0)  # only the failed items are tried again
        assert store.count("articles") == 2 and store.count("refusals") == 2
        assert store.count("feed_items") == 2


def test_every_reads_durations():
    from eventwire.cli.store import parse_every
    from eventwire.errors import UsageError

    assert [parse_every(v) for v in ("90s", "15m", "1h", "2")] == [90, 900, 3600, 120]
    for bad in ("", "soon", "0m", "-5m"):
        with pytest.raises(UsageError):
            parse_every(bad)
