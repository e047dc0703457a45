"""Quotes as users see them: each part of an interrupted quote highlighted, never its cue."""

from __future__ import annotations

import hashlib

from eventwire.model import Article, Document, Entity, Quote, Span
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
