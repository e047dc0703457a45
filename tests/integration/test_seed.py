"""The reference article's expectations, one test per required or forbidden item.

Sections are checked once the component that produces them is in the default pipeline.
"""

from __future__ import annotations

import pytest
from conftest import SEED_TEXT, seed_expected

from eventwire.eval.fixtures import check_document
from eventwire.model import Article, Document
from eventwire.pipeline import DEFAULT_COMPONENTS

#: which component produces each section of the expectations
PRODUCER = {
    "article": None, "times": "times", "entities": "actors", "relations": "actors",
    "places": "places", "quotes": "quotes", "events": "events", "claims": "claims",
}
SECTIONS = [s for s, c in PRODUCER.items() if c is None or c in DEFAULT_COMPONENTS]


def _item_ids() -> list[str]:
    """Every item's id, worked out from the gold file alone (no model needed)."""
    empty = Document(article=Article(id="x", text=SEED_TEXT.read_text(encoding="utf-8")))
    return [c.id for c in check_document(empty, seed_expected(), SECTIONS) if c.category != "optional"]


@pytest.fixture(scope="module")
def seed_checks(seed_document):
    return {c.id: c for c in check_document(seed_document, seed_expected(), SECTIONS)}


@pytest.mark.slow
@pytest.mark.parametrize("item", _item_ids())
def test_seed_item(seed_checks, item):
    check = seed_checks[item]
    assert check.ok, f"{item}: {check.detail}"


@pytest.mark.slow
def test_every_span_indexes_the_text(seed_document):
    text = seed_document.article.text
    for span in seed_document.spans():
        assert text[span.start:span.end] == span.text
