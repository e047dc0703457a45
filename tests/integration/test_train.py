"""``eventwire train``: each learned model retrains from the repository on a small sample,
and what it writes loads and codes (a test of training, not of accuracy)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.extract.events import Candidate, LearnedCoder
from eventwire.extract.events.learned import NONE, LinearModel

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not beside the project"),
]


def test_train_events_on_a_small_sample_writes_a_model_that_codes(tmp_path, nlp):
    out = tmp_path / "coder.npz"
    result = CliRunner().invoke(
        app, ["train", "events", "--data", str(DATA), "--out", str(out), "--limit", "60",
              "--per-type", "8", "--ngec-per-type", "3"],
    )
    assert result.exit_code == 0, result.output
    assert "samples_synthetic=" in result.output and out.stat().st_size < 2_000_000
    assert "samples_ngec=" in result.output
    model = LinearModel.load(out)
    assert NONE in model.classes and len(model.classes) > 5
    doc = nlp("Police arrested dozens of protesters in the capital on Friday.")
    arrested = next(t for t in doc if t.text == "arrested")
    coder = LearnedCoder(model)
    assert coder.label(arrested)[0] in model.classes
    assert coder.code(Candidate(doc[0], doc[0].sent)) is None  # "Police" is no trigger


def test_train_quotes_on_a_small_sample_writes_a_model(tmp_path):
    out = tmp_path / "cues.json"
    result = CliRunner().invoke(
        app, ["train", "quotes", "--data", str(DATA), "--out", str(out), "--limit", "5"]
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_train_refuses_a_negative_ngec_count_in_one_line(tmp_path):
    result = CliRunner().invoke(
        app, ["train", "events", "--data", str(DATA), "--ngec-per-type", "-1"]
    )
    assert result.exit_code != 0 and "--ngec-per-type" in result.output
    assert "Traceback" not in result.output


def test_train_refuses_a_missing_data_folder_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["train", "events", "--data", str(tmp_path / "nope")])
    assert result.exit_code == 3
    assert "no data folder" in result.output and "Traceback" not in result.output
