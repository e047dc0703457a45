"""Hostile clients (issue 13): each reproduction the outside attack found, against the app
in-process. The store is the hand-built one of ``test_api.py``."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams
from test_api import AUTH, client, make_store  # the hand-built store and app of test_api.py

from eventwire.api.cache import cache_key


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with client(make_store(tmp_path_factory.mktemp("hostile"))) as c:
        yield c


def test_an_encoded_ampersand_never_takes_another_querys_cache_key():
    poisoned = cache_key("/events", QueryParams("event=CONSULT%26limit%3D1"))
    assert poisoned != cache_key("/events", QueryParams("event=CONSULT&limit=1"))
    assert cache_key("/events", QueryParams("b=2&a=1")) == cache_key("/events", QueryParams("a=1&b=2"))


def test_a_poisoned_query_does_not_change_what_other_clients_read(api):
    poisoned = api.get("/events?event=CONSULT%26limit%3D1")
    honest = api.get("/events?event=CONSULT&limit=1")
    assert honest.status_code == 200 and len(honest.json()["items"]) == 1
    assert poisoned.text != honest.text
    assert api.get("/events?event=CONSULT&limit=1").text == honest.text  # cached, and still right


def test_every_answer_carries_the_security_headers(api):
    for response in (api.get("/web/"), api.get("/events"), api.get("/events"),  # the second is cached
                     api.get("/no/such/path"), api.get("/static/app.css")):
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'self'" in response.headers["content-security-policy"]


def test_a_host_the_server_does_not_answer_to_is_refused_in_the_error_shape(tmp_path):
    from eventwire.cli.serve import allowed_hosts

    hosts = allowed_hosts("127.0.0.1", [])
    with client(make_store(tmp_path), allowed_hosts=hosts) as c:
        refused = c.get("/events", headers={"Host": "attacker.example:8000"})
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "bad_host"
        assert refused.headers["x-frame-options"] == "DENY"
        for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"):
            assert c.get("/events", headers={"Host": host}).status_code == 200, host
    assert allowed_hosts("0.0.0.0", []) is None  # every interface, public name unknown: said at start
    assert "news.example" in allowed_hosts("0.0.0.0", ["news.example"])


def test_the_api_reference_is_served_from_installed_files(api):
    page = api.get("/docs")
    assert page.status_code == 200 and "http" not in page.text.replace("http-equiv", "")  # no CDN
    assert "script-src" not in page.headers["content-security-policy"]  # scripts: 'self' only
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css", "/static/docs.js"):
        assert api.get(asset).status_code == 200, asset
    assert api.get("/openapi.json").json()["info"]["title"] == "eventwire"


@pytest.mark.parametrize("path", ["/events", "/articles", "/stories", "/quotes", "/claims"])
def test_a_date_with_text_after_it_is_refused(api, path):
    refused = api.get(path, params={"since": "2025-01-01xyz"})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "bad_date"
    assert api.get(path, params={"since": "2025-01-01", "until": "2025-12-31T23:59:00Z"}).status_code == 200


def test_a_lone_surrogate_in_any_field_is_a_validation_error_not_a_500(api):
    for body in (b'{"text": "Officials said talks \\ud800 went on.", "authors": []}',
                 b'{"text": "Officials in Rome said the talks went on.", "authors": ["\\udc00x"]}'):
        refused = api.post("/analyze", content=body, headers={"Content-Type": "application/json", **AUTH})
        assert refused.status_code == 422 and refused.json()["error"]["code"] == "validation", refused.text


def test_analysis_needs_the_token_unless_the_server_opens_it(tmp_path):
    # issue 13: POST /analyze (a parse per request) was open on a default server
    text = {"text": "Officials in Rome said on Monday that the talks would resume next week."}
    path = make_store(tmp_path)
    with client(path) as c:
        assert c.post("/analyze", json=text).status_code == 401
        assert c.post("/analyze", json=text, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.post("/analyze", json=text, headers=AUTH).status_code == 200
    with client(path, token=None) as c:  # no token at all: refused, saying how to open it
        refused = c.post("/analyze", json=text)
        assert refused.status_code == 403 and "--open-analyze" in refused.json()["error"]["message"]
    with client(path, open_analyze=True) as c:
        assert c.post("/analyze", json=text).status_code == 200
    with client(path, open_analyze=True, reads_need_token=True) as c:  # open as reads are
        assert c.post("/analyze", json=text).status_code == 401


def test_a_flood_of_analysis_requests_gets_503_and_reads_still_answer(tmp_path):
    # issue 13: 80 concurrent 40 KB posts held every worker thread, and /health, the pages and
    # uncached reads timed out for minutes; now analysis takes a bounded queue
    import threading
    import time

    from eventwire.api.backend import Backend
    from eventwire.ingest.raw import RawArticle
    from eventwire.settings import Settings

    class Slow:
        def analyse(self, raw, check=None):
            time.sleep(0.3)
            return raw.text

    backend = Backend(make_store(tmp_path), Settings(), writable=False, pipeline=Slow(), queue=2, wait=5)
    raw = RawArticle(text="Officials in Rome said the talks would resume next week.")
    answers: list[object] = []

    def post() -> None:
        try:
            answers.append(backend.analyse(raw))
        except Exception as exc:  # noqa: BLE001  (the 503s are what is counted)
            answers.append(exc)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    busy = [a for a in answers if getattr(a, "status", None) == 503]
    done = [a for a in answers if a == raw.text]
    assert len(done) >= 1 and len(busy) >= 4 and len(done) + len(busy) == 8  # 2 slots, 0.3 s each
    assert all(b.headers == {"Retry-After": "5"} for b in busy)
    waited = Backend(make_store(tmp_path / "w"), Settings(), writable=False, pipeline=Slow(), queue=2, wait=0.05)
    with waited._analyse_lock, pytest.raises(Exception, match="waited 0.05 s") as late:
        waited.analyse(raw)  # someone else's article is being analysed
    assert late.value.status == 503
    backend.close()
    waited.close()


def test_the_503_reaches_the_client_with_retry_after(api):
    backend = api.app.state.backend
    backend._queued += 10  # every place in the queue taken
    try:
        refused = api.post("/analyze", json={"text": "Officials said the talks went on."}, headers=AUTH)
        assert refused.status_code == 503 and refused.json()["error"]["code"] == "busy"
        assert refused.headers["retry-after"] == "5"
        assert api.get("/health").status_code == 200  # reads still answer
        unread = api.post("/analyze", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
        assert unread.status_code == 503  # answered before the body is read, so never a 422
        assert api.post("/articles", content=b"x" * 1000, headers=AUTH).status_code == 503
    finally:
        backend._queued -= 10


def test_health_says_when_the_store_was_damaged_under_the_server(tmp_path):
    # issue 13: a truncated store made every read a 500 while /health said ok
    path = make_store(tmp_path)
    with client(path) as c:
        assert c.get("/health").json()["status"] == "ok"
        with open(path, "r+b") as store_file:  # a full disk or a bad copy, after the server opened it
            store_file.truncate(4096 * 4)
        damaged = c.get("/health")
        assert damaged.status_code == 503 and damaged.json()["error"]["code"] == "store_damaged"
        assert "is damaged" in damaged.json()["error"]["message"]


@pytest.mark.parametrize(("path", "closest"), [("/events?status=negatd", "negated"), ("/events?event=CONSLT", "CONSULT"),
                                               ("/events?country=Englnd", "England"), ("/events?quad=5", None)])
def test_a_filter_that_can_match_nothing_is_a_400_naming_the_closest_value(api, path, closest):
    # issue 14: these returned an empty page, as if nothing matched
    answer = api.get(path)
    assert answer.status_code == 400 and "can match no event" in answer.json()["error"]["message"]
    assert closest is None or f"did you mean {closest}?" in answer.json()["error"]["message"]


def test_metadata_is_taken_and_a_lone_surrogate_in_it_is_a_422(api):
    kept = api.post("/analyze", json={"text": "Officials in Rome said the talks went on until late on Monday.",
                                      "metadata": {"category": "politics", "rank": 2}}, headers=AUTH)
    assert kept.status_code == 200 and kept.json()["article"]["metadata"] == {"category": "politics", "rank": 2}
    bad = api.post("/analyze", content=b'{"text": "Officials said so.", "metadata": {"k": "\\ud800"}}',
                   headers={**AUTH, "Content-Type": "application/json"})
    assert bad.status_code == 422
