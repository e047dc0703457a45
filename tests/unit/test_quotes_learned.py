"""The learned cue model: scoring, its file, and what the quotes component does with it."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import KnowledgeError
from eventwire.extract.quotes.learned import CueModel


def test_score_is_the_logistic_of_the_summed_weights():
    model = CueModel({"l=say": 2.0, "c=ccomp": 1.0}, -1.0)
    assert model.score(["l=say", "c=ccomp"]) == pytest.approx(1 / (1 + 2.718281828 ** -2), rel=1e-6)
    assert model.score(["unknown"]) == pytest.approx(1 / (1 + 2.718281828), rel=1e-6)
    assert 0.0 < model.score(["l=say"] * 1000) <= 1.0  # no overflow


def test_the_model_file_round_trips_and_a_broken_one_is_one_error(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(CueModel({"a": 0.5}, 0.25).to_json({"articles": 3}), encoding="utf-8")
    back = CueModel.read(path)
    assert (back.weights, back.bias) == ({"a": 0.5}, 0.25)
    assert json.loads(path.read_text())["articles"] == 3
    path.write_text('{"weights": 3}', encoding="utf-8")
    with pytest.raises(KnowledgeError, match="eventwire train quotes") as caught:
        CueModel.read(path)
    assert "\n" not in str(caught.value)


def test_the_bundled_model_holds_weights_only_and_is_small():
    from eventwire.knowledge import data_path

    path = data_path("quote_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) >= {"weights", "bias", "articles", "attributions"}
    assert path.stat().st_size < 400_000
    assert all(isinstance(w, float) for w in data["weights"].values())
    assert data["weights"]["l=say"] > 0  # "say" introduces attributions
