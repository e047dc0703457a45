"""The trained coder's pieces on hand-built parses: features, the linear model, the split."""

from __future__ import annotations

import numpy as np
import pytest
from events_docs import BLEW_UP, INVADED, NEGATED_AGREE, build_doc

from eventwire.errors import KnowledgeError
from eventwire.eval.splits import TUNE, VALIDATION, halves, is_held_out
from eventwire.extract.events import Candidate, Coder, LearnedCoder
from eventwire.extract.events.features import features
from eventwire.extract.events.learned import NONE, LinearModel, trigger_words
from eventwire.registry import coders


def token(sentence: str, word: str):
    doc = build_doc([sentence])
    return next(t for t in doc if t.text == word)


def test_features_read_objects_particles_and_negation():
    names = features(token(BLEW_UP, "blew"))
    assert "lemma=blow" in names and "prt=up" in names and "dobj=bridge" in names
    assert "dep=ROOT" not in names and "root" in names
    negated = features(token(NEGATED_AGREE, "reach"))
    assert "cue=not" in negated and "dobj=compromise" in negated
    assert "head:ccomp=say" in negated


def test_trigger_words_take_the_particle():
    blew = token(BLEW_UP, "blew")
    assert [blew.doc[i].text for i in trigger_words(blew)] == ["blew", "up"]


def tiny_model(path=None) -> LinearModel:
    """Two features, three classes: 'lemma=invade' means ASSAULT, everything else NONE."""
    index = {"lemma=invade": 0, "bias": 1}
    weights = np.array([[0.0, 4.0, -4.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    return LinearModel(index, weights, np.zeros(3, np.float32), ("AGREE", "ASSAULT", NONE),
                       frozenset({"invade", "meet"}))


def test_linear_model_scores_and_round_trips(tmp_path):
    model = tiny_model()
    probs = model.probabilities(["lemma=invade", "bias", "unknown"])
    assert model.classes[int(probs.argmax())] == "ASSAULT" and abs(probs.sum() - 1) < 1e-6
    model.save(tmp_path / "m.npz")
    again = LinearModel.load(tmp_path / "m.npz")
    assert again.classes == model.classes and again.triggers == model.triggers
    assert np.allclose(again.probabilities(["lemma=invade", "bias"]), probs, atol=1e-2)
    assert again.classes[int(again.probabilities(["lemma=invade", "bias"]).argmax())] == "ASSAULT"


def test_a_broken_model_file_is_a_knowledge_error_naming_the_fix(tmp_path):
    bad = tmp_path / "m.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(KnowledgeError, match="eventwire train events"):
        LinearModel.load(bad)


def test_learned_coder_codes_known_triggers_and_skips_unknown_lemmas():
    coder = LearnedCoder(tiny_model())
    assert isinstance(coder, Coder) and coders.get("plover-learned") is LearnedCoder
    invaded = token(INVADED, "invaded")
    coding = coder.code(Candidate(invaded, invaded.sent))
    assert coding is not None and coding.event == "ASSAULT" and coding.words == (invaded.i,)
    ukraine = token(INVADED, "February")
    assert coder.code(Candidate(ukraine, ukraine.sent)) is None  # a name, not a trigger lemma


def test_the_bundled_model_loads_without_any_download():
    coder = LearnedCoder()
    assert NONE in coder.model.classes and len(coder.model.classes) >= 10
    assert len(coder.model.index) > 1000


def test_halves_are_stable_stratified_and_disjoint():
    records = [{"id": f"R{i}", "event": "AGREE" if i % 3 else "ASSAULT"} for i in range(40)]
    split = halves(records, key=lambda r: r["id"], group=lambda r: r["event"])
    again = halves(list(reversed(records)), key=lambda r: r["id"], group=lambda r: r["event"])
    assert split == again  # order of the file does not matter
    for event in ("AGREE", "ASSAULT"):
        ids = [r["id"] for r in records if r["event"] == event]
        held = sum(split[i] == VALIDATION for i in ids)
        assert abs(held - (len(ids) - held)) <= 1
    assert set(split.values()) == {TUNE, VALIDATION}
    assert is_held_out("article-1") == is_held_out("article-1")
