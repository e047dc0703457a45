"""The quotes component on the reference article, with only times, actors and quotes
running, for what the per-item seed tests (test_seed.py) do not check."""

from __future__ import annotations

import pytest
from conftest import annotate_seed


def _components() -> tuple[str, ...]:
    return ("times", "actors", "quotes")


@pytest.fixture(scope="module")
def seed_ann(annotate):
    return annotate_seed(annotate, _components())


@pytest.mark.slow
def test_seed_quote_content_leaves_out_the_dateline(seed_ann):
    first = min(seed_ann.quotes, key=lambda q: q.content.start)
    assert "MOSCOW" not in first.content.text
    assert first.content.text.startswith("Russia and the US")


@pytest.mark.slow
def test_seed_no_warnings_from_quotes(seed_ann):
    assert not [w for w in seed_ann.warnings if "quotation" in w]
