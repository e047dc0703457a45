"""The REST API over a store of hand-built documents (no model): one error shape, tokens,
body limits, pagination, the same event filters as ``eventwire query``, escaping."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.ingest.prepare import prepare
from eventwire.model import (
    ActorRef,
    Article,
    Claim,
    Document,
    Entity,
    Event,
    Quote,
    Span,
    TimeValue,
)
from eventwire.settings import Settings
from eventwire.store import Store
from eventwire.store.queries import Filters, run_query

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
XSS = "<script>window.__pwned=1</script>"

TEXT_A = ('MOSCOW - Vladimir Putin met Steve Witkoff on Tuesday. "We found no compromise," '
          "Yuri Ushakov said. Putin did not agree to the plan. Ukraine holds 5,000 square km.")
TEXT_B = (f"KYIV - Volodymyr Zelenskiy said {XSS} that Ukraine would not withdraw. "
          "Officials said Ukraine holds 6,600 square km of the region.")


def span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def ref(text: str, words: str, entity: str | None, country: str | None = None) -> ActorRef:
    return ActorRef(entity=entity, text=span(text, words), country=country)


def doc_a() -> Document:
    t = TEXT_A
    return Document(
        article=Article(id="a" * 64, input_id="art-a", title="Putin meets Witkoff", source="Northwire",
                        published="2025-12-03", text=t),
        entities=[
            Entity(id="E1", name="Vladimir Putin", type="PERSON", country="RUS", sector="GOV",
                   mentions=[span(t, "Vladimir Putin"), span(t, "Putin", 1)]),
            Entity(id="E2", name="Steve Witkoff", type="PERSON", country="USA", mentions=[span(t, "Steve Witkoff")]),
            Entity(id="E3", name="Yuri Ushakov", type="PERSON", country="RUS", mentions=[span(t, "Yuri Ushakov")]),
        ],
        quotes=[Quote(id="Q1", kind="direct", content=span(t, "We found no compromise,"),
                      cue=span(t, "said"), source=span(t, "Yuri Ushakov"), speaker="E3")],
        events=[
            Event(id="V1", event="CONSULT", quad="verbal_cooperation", cameo="04",
                  actor=[ref(t, "Vladimir Putin", "E1", "RUS")], recipient=[ref(t, "Steve Witkoff", "E2", "USA")],
                  date=TimeValue(value="2025-12-02", precision="day"), event_text=span(t, "met"),
                  evidence=span(t, "Vladimir Putin met Steve Witkoff on Tuesday.")),
            Event(id="V2", event="AGREE", quad="verbal_cooperation", status="negated",
                  actor=[ref(t, "Putin", "E1", "RUS", )], event_text=span(t, "agree"),
                  evidence=span(t, "Putin did not agree to the plan.")),
        ],
        claims=[Claim(id="C1", about="area", value=5000, unit="km2", evidence=span(t, "Ukraine holds 5,000 square km."))],
    )


def doc_b() -> Document:
    t = TEXT_B
    return Document(
        article=Article(id="b" * 64, input_id="art-b", title=f"Kyiv {XSS}", source="Herald",
                        published="2025-12-04", text=t),
        entities=[Entity(id="E1", name=f"Volodymyr {XSS}", type="PERSON", country="UKR",
                         mentions=[span(t, "Volodymyr Zelenskiy")])],
        quotes=[Quote(id="Q1", kind="indirect", content=span(t, f"{XSS} that Ukraine would not withdraw"),
                      source=span(t, "Volodymyr Zelenskiy"), speaker="E1")],
        events=[Event(id="V1", event="RETREAT", quad="material_cooperation", status="not_planned",
                      actor=[ref(t, "Ukraine", None, "UKR")], event_text=span(t, "withdraw"),
                      evidence=span(t, "Ukraine would not withdraw."))],
        claims=[Claim(id="C1", about="area", value=6600, unit="km2",
                      evidence=span(t, "Ukraine holds 6,600 square km of the region."))],
    )


class PrepareOnly:
    """The real preparation (language, size and emptiness checks) with no components: the
    API's own behaviour is under test here, not extraction."""

    def analyse(self, raw, check=None):
        if check is not None:
            check()
        return Document(article=prepare(raw, Settings()))


def make_store(folder) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "store.duckdb"
    with Store(path) as store:
        store.add([doc_a(), doc_b()])
    return str(path)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("api"))


def client(store_path, token=TOKEN, **kw) -> TestClient:
    app = create_app(store_path, Settings(max_bytes=2000), token, pipeline=PrepareOnly(), **kw)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def api(store_path):
    with client(store_path) as c:
        yield c


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


def test_lists_are_paginated_with_total(api):
    first = api.get("/events", params={"limit": 1}).json()
    assert first["total"] == 3 and len(first["items"]) == 1 and first["next"] == 1
    last = api.get("/events", params={"limit": 1, "offset": 2}).json()
    assert last["next"] is None and last["items"][0]["event"] != first["items"][0]["event"]
    stories = api.get("/stories").json()
    assert stories["total"] >= 1
    assert sum(s["n_articles"] for s in stories["items"]) == 2
    assert sum(s["n_events"] for s in stories["items"]) == 3
    assert api.get("/stories", params={"min_articles": 3}).json() == {
        "items": [], "total": 0, "limit": 50, "offset": 0, "next": None}
    counts = {a["input_id"]: (a["n_events"], a["n_quotes"], a["n_claims"]) for a in api.get("/articles").json()["items"]}
    assert counts == {"art-a": (2, 1, 1), "art-b": (1, 1, 1)}


@pytest.mark.parametrize("filters", [
    {"actor": "putin"}, {"actor": "RUS"}, {"recipient": "witkoff"}, {"event": "AGREE"}, {"event": "04"},
    {"quad": "1"}, {"status": "negated"}, {"country": "Ukraine"}, {"since": "2025-12-03"},
    {"until": "2025-12-02"}, {"text": "withdraw"}, {"actor": "x' OR 1=1 --"},
])
def test_event_filters_agree_with_the_cli(api, filters):
    columns, rows = run_query(api.app.state.backend.cursor(), Filters(**filters))
    expected = [(r[columns.index("article_id")], r[columns.index("event_id")]) for r in rows]
    got = api.get("/events", params=filters).json()
    assert [(i["article_id"], i["event_id"]) for i in got["items"]] == expected
    assert got["total"] == len(expected)


def test_quotes_actors_claims_articles_and_search(api):
    quotes = api.get("/quotes", params={"speaker": "ushakov"}).json()
    assert [q["content"] for q in quotes["items"]] == ["We found no compromise,"]
    actors = api.get("/actors", params={"country": "RUS"}).json()
    assert {a["name"] for a in actors["items"]} == {"Vladimir Putin", "Yuri Ushakov"}
    putin = api.get("/actors/vladimir putin").json()
    assert putin["actor"]["name"] == "Vladimir Putin" and len(putin["events"]) == 2
    claims = api.get("/claims", params={"about": "area"}).json()
    assert sorted(c["value"] for c in claims["items"]) == [5000, 6600]
    arts = api.get("/articles", params={"source": "north"}).json()
    assert [a["input_id"] for a in arts["items"]] == ["art-a"]
    assert api.get("/articles/art-a").json()["document"]["article"]["id"] == "a" * 64
    found = api.get("/search", params={"q": "Ushakov"}).json()
    assert [q["speaker_name"] for q in found["quotes"]] == ["Yuri Ushakov"]
    assert [a["input_id"] for a in found["articles"]] == ["art-a"]
    found = api.get("/search", params={"q": "witkoff"}).json()
    assert [e["event_id"] for e in found["events"]] == ["V1"]


def test_story_detail_has_merged_events_and_conflicts(api):
    story = api.get("/articles/art-a").json()["story"]
    view = api.get(f"/stories/{story}").json()
    assert view["story"]["id"] == story
    assert {e["event"] for e in view["events"]} >= {"CONSULT", "AGREE"}
    assert any(e["actor"] == "Vladimir Putin" and e["recipient"] == "Steve Witkoff" for e in view["interactions"])


@pytest.mark.parametrize("method, path, status, code", [
    ("get", "/nope", 404, "not_found"),
    ("get", "/stories/S999", 404, "not_found"),
    ("get", "/articles/none", 404, "not_found"),
    ("get", "/actors/Nobody", 404, "not_found"),
    ("delete", "/stories", 405, "method_not_allowed"),
    ("get", "/events?limit=0", 422, "validation"),
    ("get", "/events?limit=abc", 422, "validation"),
    ("get", "/events?since=yesterday", 422, "bad_date"),
    ("get", "/search", 422, "validation"),
])
def test_one_error_shape(api, method, path, status, code):
    assert_error(getattr(api, method)(path), status, code)


def test_validation_error_lists_details_without_echoing_input(api):
    error = assert_error(api.post("/analyze", json={"text": 5, "extra": "x" * 500}, headers=AUTH), 422, "validation")
    assert error["details"] and "x" * 100 not in str(error)


def test_unexpected_failure_is_500_in_the_shape(api, monkeypatch):
    from eventwire.api import queries

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "stories", broken)
    error = assert_error(api.get("/stories", params={"text": "not cached"}), 500, "internal")
    assert "secret" not in error["message"]


def test_writes_need_the_token(api, tmp_path):
    body = {"text": "Officials in Paris said the talks would resume next week after a pause."}
    assert_error(api.post("/articles", json=body), 401, "unauthorized")
    assert_error(api.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}), 403, "forbidden")
    assert_error(api.post("/articles", json=body, headers={"Authorization": "Basic abc"}), 401, "unauthorized")
    with client(make_store(tmp_path), token=None) as ro:
        assert_error(ro.post("/articles", json=body, headers=AUTH), 403, "writes_disabled")
        assert ro.get("/stories").status_code == 200


def test_reads_can_require_the_token(tmp_path):
    with client(make_store(tmp_path), reads_need_token=True) as c:
        assert_error(c.get("/stories"), 401, "unauthorized")
        assert_error(c.get("/web/"), 401, "unauthorized")
        assert c.get("/stories", headers=AUTH).status_code == 200
        assert c.get("/health").status_code == 200


def test_body_over_the_limit_is_413(api):
    big = {"text": "word " * 1000}
    assert_error(api.post("/analyze", json=big, headers=AUTH), 413, "too_large")

    def chunks():
        yield b'{"text": "'
        yield b"a" * 3000
        yield b'"}'

    assert_error(api.post("/analyze", content=chunks(), headers={"Content-Type": "application/json", **AUTH}),
                 413, "too_large")


def test_analyze_returns_the_document_and_refusals_are_422(api):
    text = "Officials in Paris said on Monday that the talks would resume next week after a pause."
    doc = api.post("/analyze", json={"text": text, "title": "Talks", "published": "2025-12-01"}, headers=AUTH).json()
    assert doc["schema_version"] == "2" and doc["article"]["text"] == text
    assert doc["article"]["published"] == "2025-12-01"
    german = "Die Gespräche zwischen den beiden Regierungen werden nächste Woche in Berlin fortgesetzt."
    assert_error(api.post("/analyze", json={"text": german}, headers=AUTH), 422, "not_english")
    assert_error(api.post("/analyze", json={"text": "   "}, headers=AUTH), 422, "empty")
    assert_error(api.post("/analyze", json={"text": text, "published": "someday"}, headers=AUTH), 422, "bad_date")
    lone_surrogate = b'{"text": "\\ud800 broken"}'
    assert_error(api.post("/analyze", content=lone_surrogate, headers={"Content-Type": "application/json", **AUTH}),
                 422, "validation")


def test_post_articles_stores_once_and_records_refusals(tmp_path):
    path = str(tmp_path / "w.duckdb")
    text = "Officials in Rome said on Monday that the talks would resume next week after a long pause."
    with client(path) as c:
        assert c.get("/articles").json()["total"] == 0  # now cached...
        first = c.post("/articles", json={"text": text, "id": "r1"}, headers=AUTH)
        assert first.status_code == 201 and first.json()["stored"] is True
        assert c.get("/articles").json()["total"] == 1  # ...and dropped by the write
        again = c.post("/articles", json={"text": text}, headers=AUTH)
        assert again.status_code == 200 and again.json()["stored"] is False
        assert c.get("/articles/r1").status_code == 200
        german = "Die Gespräche zwischen den beiden Regierungen werden nächste Woche in Berlin fortgesetzt."
        assert_error(c.post("/articles", json={"text": german}, headers=AUTH), 422, "not_english")
    with Store(path, read_only=True) as store:
        assert [r.code for r in store.refusals()] == ["not_english"]
        assert store.count("articles") == 1


def test_pages_escape_untrusted_text(api):
    for path in ("/web/articles/art-b", "/web/", "/web/search?q=Kyiv",
                 "/web/actors", f"/web/stories/{api.get('/articles/art-b').json()['story']}"):
        html = api.get(path).text
        assert "<script>window.__pwned" not in html, path
    page = api.get("/web/articles/art-b").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert '<script type="application/json" id="facts">' in page


def test_article_page_marks_the_facts(api):
    page = api.get("/web/articles/art-a", params={"event": "V1"}).text
    assert 'class="hl hl-ent" data-fact="ent:E1"' in page
    assert 'data-fact="quote:Q1"' in page and 'id="Q1"' in page
    assert 'class="hl hl-event st-negated"' in page
    assert 'class="hl hl-evidence" data-fact="event:V1"' in page and 'id="evidence"' in page


def test_web_errors_are_pages_for_browsers(api):
    r = api.get("/web/stories/none", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "no story &#39;none&#39;" in r.text or "no story 'none'" in r.text
    assert_error(api.get("/web/stories/none"), 404, "not_found")


def test_openapi_docs(api):
    spec = api.get("/openapi.json").json()
    assert {"/events", "/stories", "/articles", "/analyze", "/quotes", "/actors", "/claims"} <= set(spec["paths"])
    assert api.get("/docs").status_code == 200


def test_serve_command_is_registered_and_checks_its_options(monkeypatch):
    import typer
    from typer.testing import CliRunner

    from eventwire.cli.serve import is_loopback, register

    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:
        """Test app."""

    runner = CliRunner()
    shown = runner.invoke(app, ["serve", "--help"])
    assert shown.exit_code == 0 and "--token-required-for-reads" in shown.output
    monkeypatch.delenv("EVENTWIRE_TOKEN", raising=False)
    refused = runner.invoke(app, ["serve", "--token-required-for-reads"])
    assert refused.exit_code == 2
    assert runner.invoke(app, ["serve", "--port", "70000"]).exit_code == 2
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("example.org")


def test_story_view_lays_out_timeline_network_quotes_and_conflicts():
    from eventwire.web.story_view import story_page

    view = story_page({"id": "S1"}, [doc_a(), doc_b()])
    items = {i["event"]: i for i in view["timeline"]["items"]}
    assert items["CONSULT"]["day"] == "2025-12-02" and not items["CONSULT"]["hollow"]
    assert items["AGREE"]["hollow"] and items["AGREE"]["day"] == "2025-12-03"  # negated; article's day
    assert items["RETREAT"]["hollow"]  # not_planned
    assert items["CONSULT"]["x"] < items["AGREE"]["x"] < items["RETREAT"]["x"]  # by date
    xs = [i["x"] for i in view["timeline"]["items"]]
    assert min(xs) >= 0 and max(xs) <= view["timeline"]["width"] - 70  # room for the labels
    edges = view["network"]["edges"]
    assert [(e["a"]["name"], e["r"]["name"], e["label"]) for e in edges] == [
        ("Vladimir Putin", "Steve Witkoff", "CONSULT")]
    [edge] = edges  # its label sits on the curve, between the two actors
    for axis in ("x", "y"):
        low, high = sorted((edge["a"][axis], edge["r"][axis]))
        assert low - 40 <= edge["l" + axis] <= high + 40
    speakers = {g["speaker"]: len(g["quotes"]) for g in view["speakers"]}
    assert speakers == {"Yuri Ushakov": 1, f"Volodymyr {XSS}": 1}
    [conflict] = view["conflicts"]
    assert conflict["about"] == "area" and {s["value"] for s in conflict["sides"]} == {"5000", "6600"}
    assert {s["article"] for s in conflict["sides"]} == {"a" * 64, "b" * 64}


def test_the_story_page_labels_each_edge_of_the_actor_graph(api):
    # issue 14: the actor graph had no edge labels (a tooltip only)
    story = next(s["id"] for s in api.get("/stories").json()["items"] if "Putin" in (s["title"] or ""))
    html = api.get(f"/web/stories/{story}").text
    assert '<text class="edge-label"' in html and ">CONSULT</text>" in html


def test_the_story_timeline_is_also_told_in_words(api):
    # issue 14: the timeline was dots; who did what to whom was only on hover
    story = next(s["id"] for s in api.get("/stories").json()["items"] if "Putin" in (s["title"] or ""))
    html = api.get(f"/web/stories/{story}").text
    words = html[html.index('<details class="timeline-text">'):]
    words = words[:words.index("</details>")]
    assert "Vladimir Putin" in words and ">CONSULT</span> Steve Witkoff" in words and "1 report)" in words


def test_the_article_page_reads_plain_until_a_kind_of_highlight_is_switched_on(api):
    # issue 14: the article page with every highlight on was hard to read
    article = api.get("/articles").json()["items"][0]["id"]
    html = api.get(f"/web/articles/{article}").text
    boxes = re.findall(r'<input type="checkbox" data-toggle="(\w+)"( checked)?>', html)
    assert len(boxes) == 8 and not any(checked for _, checked in boxes)
    classes = re.search(r'<article class="([^"]+)" id="article-text">', html)[1].split()
    assert {f"hide-{kind}" for kind, _ in boxes} <= set(classes)
