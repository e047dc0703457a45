"""Quotes as users see them: each part of an interrupted quote highlighted, and the cue shown with
the words everywhere (CLI, API, article, story, actor and search pages), so "He denied that X" is
never read as "X"."""

from __future__ import annotations

import hashlib
from html import unescape

import pytest

from eventwire.model import Article, Document, Entity, Quote, Span
from eventwire.store import Store
from eventwire.web.article_view import marks
from eventwire.web.highlight import highlight

TEXT = '"We will not sign," Ushakov said, "not this year." He denied that Putin had rejected the plan.'


def span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def document() -> Document:
    first, second = span("We will not sign"), span("not this year.")
    interrupted = Quote(id="Q1", kind="direct", content=Span(start=first.start, end=second.end,
                        text=TEXT[first.start:second.end]), parts=[first, second], cue=span("said"),
                        source=span("Ushakov"), speaker="E1")
    denied = Quote(id="Q2", kind="indirect", content=span("Putin had rejected the plan"),
                   cue=span("denied"), source=span("He"), speaker="E1")
    article = Article(id=hashlib.sha256(TEXT.encode()).hexdigest(), text=TEXT, input_id="talks")
    ushakov = Entity(id="E1", name="Yuri Ushakov", type="PERSON", mentions=[span("Ushakov")])
    return Document(article=article, entities=[ushakov], quotes=[interrupted, denied])


def test_each_part_is_highlighted_and_the_interruption_is_not():
    quote_marks = [m for m in marks(document()) if m.kind == "quote" and m.key == "quote:Q1"]
    assert [TEXT[m.start:m.end] for m in quote_marks] == ["We will not sign", "not this year."]
    assert [m.anchor for m in quote_marks] == ["Q1", ""]  # one anchor per quote
    html = str(highlight(TEXT, quote_marks))
    assert html.count('data-fact="quote:Q1"') == 2 and '" Ushakov said, "' in html.replace("&#34;", '"')


def test_an_uninterrupted_quote_is_its_own_only_part():
    q = document().quotes[1]
    assert q.parts == [q.content]


DENIED = "denied: Putin had rejected the plan"
INTERRUPTED_LINE = "said: \u201cWe will not sign … not this year.\u201d"


def test_the_cue_comes_with_the_words():
    first, second = document().quotes
    assert first.with_cue() == INTERRUPTED_LINE and second.with_cue() == DENIED
    assert Quote.line("indirect", None, ["the talks  failed"]) == "the talks failed"


def test_pretty_output_shows_the_cue_with_the_content():
    from rich.console import Console

    from eventwire.cli.render import pretty

    console = Console(width=200, record=True)
    console.print(pretty(document()))
    shown = console.export_text()
    assert DENIED in shown and INTERRUPTED_LINE in shown


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from eventwire.api import create_app
    from eventwire.settings import Settings

    path = tmp_path_factory.mktemp("web-quotes") / "store.duckdb"
    with Store(path) as store:
        store.add([document()])
    with TestClient(create_app(str(path), Settings(), "token"), raise_server_exceptions=False) as c:
        yield c


def test_api_quotes_carry_the_cue_parts_and_the_line_to_show(client):
    items = {q["quote_id"]: q for q in client.get("/quotes").json()["items"]}
    assert items["Q2"]["cue"] == "denied" and items["Q2"]["said"] == DENIED
    assert [p["text"] for p in items["Q1"]["parts"]] == ["We will not sign", "not this year."]
    assert items["Q1"]["said"] == INTERRUPTED_LINE
    actor = client.get("/actors/Yuri Ushakov").json()
    assert DENIED in [q["said"] for q in actor["quotes"]]


def test_article_story_actor_and_search_pages_show_the_cue(client):
    html = lambda path: unescape(client.get(path, headers={"Accept": "text/html"}).text)
    article = html("/web/articles/talks")
    assert '<span class="cue">denied</span>: Putin had rejected the plan' in article
    assert 'class="hl hl-cue" data-fact="quote:Q2"' in article
    story = client.get("/articles/talks").json()["story"]
    assert '<span class="cue">denied</span>: Putin had rejected the plan' in html(f"/web/stories/{story}")
    assert DENIED in html("/web/actors/Yuri Ushakov") and DENIED in html("/web/search?q=rejected")
