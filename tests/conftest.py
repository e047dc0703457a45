"""Shared test set-up: paths to ../shared, one loaded model per session, helpers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# every pipeline the suite runs fails a component that writes a field it did not declare
os.environ.setdefault("EVENTWIRE_CHECK_ASSIGNS", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEED_DIR = SHARED / "fixtures" / "seed"
SEED_TEXT = SEED_DIR / "kremlin-talks.txt"
SEED_EXPECTED = SEED_DIR / "kremlin-talks.expected.json"


def seed_expected() -> dict:
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model, loaded once for the whole test session."""
    from eventwire.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def annotate(nlp):
    """``annotate(text, components=(...), published=None)`` -> Annotated, with the real parse."""
    from eventwire.ingest.raw import RawArticle
    from eventwire.pipeline import Pipeline

    pipelines: dict[tuple[str, ...], Pipeline] = {}

    def run(text: str, components=None, published: str | None = None, **meta):
        from eventwire.pipeline import DEFAULT_COMPONENTS

        names = tuple(DEFAULT_COMPONENTS if components is None else components)
        if names not in pipelines:
            pipelines[names] = Pipeline(names)
        return pipelines[names].annotate(RawArticle(text=text, published=published, **meta))

    return run


@pytest.fixture(scope="session")
def seed_document(nlp):
    """The reference article analysed by the full default pipeline, once per session."""
    from eventwire.ingest.raw import RawArticle
    from eventwire.pipeline import Pipeline

    meta = seed_expected()["input"]
    raw = RawArticle(text=SEED_TEXT.read_text(encoding="utf-8"), published=meta["published"],
                     source="wire", origin=str(SEED_TEXT))
    return Pipeline().analyse(raw)


def annotate_seed(annotate, components):
    """The reference article through only the named components."""
    return annotate(SEED_TEXT.read_text(encoding="utf-8"), components=components,
                    published=seed_expected()["input"]["published"])


def hand_parse(text: str, rows: list[tuple]):
    """An ``Annotated`` over a parse built by hand, for unit tests without the model.

    rows: (word, head index, dep, pos, lemma[, tag]); the words must spell ``text``.
    """
    import spacy
    from spacy.tokens import Doc

    from eventwire.model import Article
    from eventwire.nlp import Annotated

    words = [r[0] for r in rows]
    spaces, at = [], 0
    for w in words:
        at = text.index(w, at) + len(w)
        spaces.append(at < len(text) and text[at] == " ")
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[r[1] for r in rows],
              deps=[r[2] for r in rows], pos=[r[3] for r in rows], lemmas=[r[4] for r in rows],
              tags=[r[5] if len(r) > 5 else r[3] for r in rows],
              sent_starts=[i == 0 for i in range(len(rows))])
    assert doc.text == text
    return Annotated(article=Article(id="x", text=text), doc=doc)
