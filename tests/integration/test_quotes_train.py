"""``train/quotes.py`` on a tiny PolNeAR-shaped folder written here (never the real data)."""

from __future__ import annotations

import pytest

from eventwire.errors import MissingPathError, UsageError
from eventwire.extract.quotes.learned import CueModel
from eventwire.train.quotes import train

pytestmark = pytest.mark.slow

TEXTS = [
    ("a", "The mayor said the bridge would reopen in May. The river rose again on Monday.",
     [("Source", "The mayor"), ("Cue", "said"), ("Content", "the bridge would reopen in May")]),
    ("b", "Officials warned that the dam could fail. Rain fell all week in the valley.",
     [("Source", "Officials"), ("Cue", "warned"), ("Content", "that the dam could fail")]),
]


def polnear(folder):
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for stem, text, spans in TEXTS:
        (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        lines, args = [], []
        for n, (label, words) in enumerate(spans, start=1):
            start = text.index(words)
            lines.append(f"T{n}\t{label} {start} {start + len(words)}\t{words}")
            args.append(f"{label}:T{n}")
        lines.append("E1\tAttribution:T2 " + " ".join(args))
        (folder / "attributions" / f"{stem}_x.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_train_writes_a_model_that_scores_the_cues_it_saw(tmp_path):
    data = polnear(tmp_path / "shared" / "polnear-train").parent
    out = tmp_path / "cues.json"
    report = train(data, out, None)
    assert report["articles"] == 2 and report["attributions"] == 2 and report["positives"] == 2
    model = CueModel.read(out)
    assert "bridge" not in out.read_text()  # weights and feature names, not the articles' text
    assert report["model_bytes"] == out.stat().st_size and model.weights


def test_bad_input_is_one_error(tmp_path):
    with pytest.raises(MissingPathError, match="no PolNeAR training split"):
        train(tmp_path, tmp_path / "m.json", None)
    with pytest.raises(UsageError):
        train(tmp_path, tmp_path / "m.json", 0)
