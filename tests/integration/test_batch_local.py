"""The local runner with the real model: the same documents as the pipeline alone, on
several workers, and a cost per word that does not grow with article length."""

from __future__ import annotations

import itertools
import json

import pytest
from conftest import DATA

from eventwire.batch.local import run_local
from eventwire.batch.measure import growth, length_scaling
from eventwire.ingest.readers import iter_inputs
from eventwire.settings import Settings

pytestmark = pytest.mark.slow
BBC = DATA / "bbc" / "articles.jsonl"


def bbc_items(n: int):
    return list(itertools.islice(iter_inputs([str(BBC)], Settings()), n))


def test_workers_give_the_pipelines_documents_in_order(annotate):
    from eventwire.pipeline import Pipeline

    items = bbc_items(24)
    expected = [o.document.model_dump() for o in Pipeline().pipe(items)]
    outcomes = list(run_local(items, workers=2, chunk_size=5))
    assert [o.origin for o in outcomes] == [i.origin for i in items]
    assert [o.document.model_dump() for o in outcomes] == expected


def test_cost_per_word_does_not_grow_from_1x_to_16x_length(annotate):
    """Linear cost: the per-word time at 4x and 16x the length stays within 1.5x of the
    time at shorter lengths (ratios measured in one run, so a busy machine does not fail
    it; a fixed cost per article, which makes 1x dearer per word, is allowed)."""
    text = json.loads(BBC.read_text(encoding="utf-8").splitlines()[3])["text"]
    per_word = length_scaling(lambda t: annotate(t, published="2005-01-01"), text, (1, 4, 16))
    assert growth(per_word) <= 1.5, per_word
