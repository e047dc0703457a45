"""The actors component alone on the reference article: relation evidence and the token
index later components rely on. (The seed's items are checked one by one in test_seed.py.)"""

from __future__ import annotations

import pytest
from conftest import annotate_seed, seed_expected

import eventwire.extract.actors  # noqa: F401  (registers the component)
from eventwire.pipeline import to_document
from eventwire.registry import components


def _components() -> tuple[str, ...]:
    return ("times", "actors") if "times" in components.names() else ("actors",)


@pytest.fixture(scope="module")
def seed_ann(annotate):
    return annotate_seed(annotate, _components())


@pytest.mark.slow
def test_seed_relation_evidence(seed_ann):
    """Each required relation's evidence holds the words the gold names."""
    doc = to_document(seed_ann)
    names = {e.id: " | ".join([e.name, *(m.text for m in e.mentions)]).lower() for e in doc.entities}
    for gold in seed_expected()["relations"]["required"]:
        found = [r for r in doc.relations if r.predicate == gold["predicate"]
                 and gold["subject"].split()[-1].lower() in names[r.subject]
                 and gold["object"].split()[-1].lower() in names[r.object]]
        assert any(gold["evidence_contains"] in r.evidence.text for r in found), gold


@pytest.mark.slow
def test_seed_token_entity_covers_every_mention(seed_ann):
    doc = seed_ann.doc
    for entity in seed_ann.entities:
        for span in entity.mentions:
            tokens = seed_ann.token_range(span.start, span.end)
            assert all(t.i in seed_ann.token_entity for t in tokens), (entity.name, span.text)
    spans = [s for e in seed_ann.entities for s in e.mentions]
    assert all(seed_ann.article.text[s.start:s.end] == s.text for s in spans)
    assert doc is seed_ann.doc
