"""The bundled sample articles in ``examples/`` all read, prepare and carry their metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.ingest.prepare import prepare
from eventwire.ingest.raw import RawArticle
from eventwire.ingest.readers import iter_inputs
from eventwire.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HTML_EXAMPLE = EXAMPLES / "kyiv-reaction.html"
#: Words that appear only in the HTML example's nav, ads, cookie banner, scripts,
#: aside, newsletter box and footer.
HTML_FURNITURE = (
    "Markets Today",
    "Opinion & Letters",
    "Crosswords",
    "Refinance",
    "Advertisement",
    "cookies",
    "Accept all",
    "dataLayer",
    "trackPageView",
    "loadAds",
    "Related stories",
    "Winter blackouts",
    "Morning Brief",
    "Copyright",
    "All rights reserved",
    "By Oksana",
)


@pytest.fixture(scope="module")
def articles() -> list[RawArticle]:
    items = list(iter_inputs([str(EXAMPLES)], Settings()))
    refused = [item for item in items if not isinstance(item, RawArticle)]
    assert not refused, refused
    return items


def test_ten_examples_read_without_refusal(articles: list[RawArticle]) -> None:
    assert len(articles) == 10
    assert len({a.text for a in articles}) == 10


def test_every_example_has_metadata(articles: list[RawArticle]) -> None:
    for article in articles:
        assert article.published and article.published.startswith("2025-12-"), article.origin
        assert article.title and article.source, article.origin
        # the HTML page carries no id of its own; every other example has one
        assert article.input_id or article.origin == str(HTML_EXAMPLE), article.origin


def test_examples_are_short_wire_stories_with_a_dateline(articles: list[RawArticle]) -> None:
    settings = Settings()
    for article in articles:
        assert 150 <= len(article.text.split()) <= 400, article.origin
        prepared = prepare(article, settings)
        assert prepared.dateline is not None, article.origin
        assert prepared.language == "en"


def test_four_examples_tell_the_moscow_story(articles: list[RawArticle]) -> None:
    moscow = [
        a for a in articles if "Witkoff" in a.text and "Kushner" in a.text and "Putin" in a.text
    ]
    assert len(moscow) == 4
    assert len({a.source for a in moscow}) == 4
    # the one figure two outlets disagree on
    assert sum("about 5,000 square km" in a.text for a in moscow) == 1
    assert sum("some 6,600 square km" in a.text for a in moscow) == 1


def test_formats_are_mixed(articles: list[RawArticle]) -> None:
    origins = [a.origin for a in articles]
    assert sum(o.endswith(".txt") for o in origins) == 6
    assert origins.count(str(HTML_EXAMPLE)) == 1
    assert sum(".jsonl:" in o for o in origins) == 3


def test_html_example_text_has_no_page_furniture() -> None:
    [article] = iter_inputs([str(HTML_EXAMPLE)], Settings())
    assert isinstance(article, RawArticle)
    assert article.text.startswith("KYIV, Dec 3")
    for words in HTML_FURNITURE:
        assert words not in article.text, words
    assert article.authors == ["Oksana Hrytsenko"]
    assert article.source == "The Dnipro Herald"


def test_readme_lists_every_example_file() -> None:
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in EXAMPLES.iterdir():
        if path.suffix in {".txt", ".html", ".jsonl"}:
            assert f"`{path.name}" in readme, path.name
