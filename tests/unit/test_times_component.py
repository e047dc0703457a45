"""The ``times`` component on a hand-built Annotated (blank tokenizer, no model)."""

from __future__ import annotations

import spacy

from eventwire.extract.times import Times
from eventwire.model import Article, Dateline, Span, TimeValue
from eventwire.nlp import Annotated
from eventwire.registry import components

TEXT = "MOSCOW, Dec 3 — The talks ended today after five hours. He spoke yesterday."


def annotated(text: str = TEXT, published: str | None = "2025-12-03", dateline: bool = True) -> Annotated:
    line = None
    if dateline:
        line = Dateline(place="Moscow", country="RUS",
                        date=TimeValue(value="2025-12-03", precision="day", anchor="published"),
                        span=Span(start=0, end=15, text=text[:15]))
    article = Article(id="t", text=text, published=published, dateline=line)
    return Annotated(article, spacy.blank("en")(text))


def test_registered_with_its_contract():
    comp = components.get("times")()
    assert (comp.name, comp.requires, comp.assigns) == ("times", ("doc",), ("times", "time_values"))


def test_fills_times_and_time_values():
    ann = annotated()
    Times()(ann)
    got = {t.text.text: (t.type, t.value, t.anchor) for t in ann.times}
    assert got["today"] == ("DATE", "2025-12-03", "dateline")
    assert got["yesterday"] == ("DATE", "2025-12-02", "dateline")
    assert got["five hours"] == ("DURATION", "PT5H", None)
    for t in ann.times:
        assert ann.text[t.text.start:t.text.end] == t.text.text
        assert ann.time_values[(t.text.start, t.text.end)].value == t.value
    assert ann.time_values[(ann.text.index("yesterday"), ann.text.index("yesterday") + 9)].precision == "day"


def test_dateline_date_appears_once_with_the_datelines_value():
    ann = annotated()
    Times()(ann)
    dec3 = [t for t in ann.times if t.text.text == "Dec 3"]
    assert len(dec3) == 1 and dec3[0].value == "2025-12-03"


def test_without_any_date_relative_values_stay_unknown():
    ann = annotated("The talks ended yesterday.", published=None, dateline=False)
    Times()(ann)
    assert [(t.text.text, t.value, t.anchor) for t in ann.times] == [("yesterday", "XXXX-XX-XX", None)]
