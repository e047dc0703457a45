"""``eventwire train quotes``: fit the learned cue model and write its model file.

    from eventwire.train.quotes import train
    report = train(Path("../shared/data"), None, limit=None)   # -> knowledge/data/quote_cues.json

``data_dir`` is the shared data folder (its ``polnear-train/`` is read) or a PolNeAR folder
itself; ``out`` is where the model goes (None: the bundled ``knowledge/data/quote_cues.json``);
``limit`` uses only the first N articles (a quick run); ``skip`` leaves the first N out, so a
run can be measured on them (``eventwire eval quotes ../shared/data/polnear-train --limit N``).
Only PolNeAR's **training** split is ever read here; the dev split is for measuring.

Every verb, noun and adjective outside quotation marks is an example (``extract/quotes/
learned.py`` names its features); it is positive when the first annotator's Cue spans cover
it. The fit is an L1-regularised logistic regression (scikit-learn, needed only here); features seen fewer
than ``MIN_COUNT`` times are left out and weights that never matter dropped, so the file
holds feature names and weights only, never article text.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from ..errors import MissingPathError, UsageError
from ..eval.quotes import _gold_for, read_ann
from ..extract.quotes.indirect import QuoteIndex
from ..extract.quotes.learned import MODEL_FILE, CueModel, features, is_candidate
from ..extract.quotes.marks import find_regions
from ..knowledge import data_path
from ..nlp import load_model

MIN_COUNT = 2
#: Weights smaller than this are dropped from the file.
MIN_WEIGHT = 0.02
#: Inverse regularisation strength of the logistic regression.
C = 0.5


def _folder(data_dir: Path) -> Path:
    folder = data_dir / "polnear-train" if (data_dir / "polnear-train").is_dir() else data_dir
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise MissingPathError(f"no PolNeAR training split in {data_dir}",
                               hint="pass the shared data folder, which holds polnear-train/")
    return folder


def _articles(folder: Path, limit: int | None, skip: int) -> list[tuple[str, list]]:
    """(text, gold attributions) of the training articles, in file-name order."""
    found = []
    for text_path in sorted((folder / "text").glob("*.txt"))[skip:]:
        gold = _gold_for(folder, text_path.stem)
        if gold is not None:
            found.append((text_path.read_text(encoding="utf-8"), read_ann(gold)))
        if limit is not None and len(found) >= limit:
            break
    return found


def examples(doc, text: str, gold: list) -> tuple[list[list[str]], list[int]]:
    """Features and labels of one parsed article's candidate words."""
    cue_chars = bytearray(len(text))
    for item in gold:
        for a, b in item.cue:
            cue_chars[a:b] = b"\x01" * (b - a)
    index = QuoteIndex(doc, find_regions(text)[0], text)
    rows, labels = [], []
    for sent in doc.sents:
        near = bool(index.overlapping(sent.start_char, sent.end_char))
        for token in sent:
            if not is_candidate(token) or index.inside(token):
                continue
            rows.append(features(token, near))
            labels.append(int(any(cue_chars[token.idx:token.idx + len(token.text)])))
    return rows, labels


def collect(articles: list[tuple[str, list]]) -> tuple[list[list[str]], list[int]]:
    """Features and labels of every candidate word of ``articles`` (one parse each)."""
    nlp = load_model()
    rows: list[list[str]] = []
    labels: list[int] = []
    for doc, (text, gold) in zip(nlp.pipe(text for text, _ in articles), articles):
        got_rows, got_labels = examples(doc, text, gold)
        rows += got_rows
        labels += got_labels
    return rows, labels


def _l1() -> dict:
    """An L1 penalty (sparse weights: a small file), spelt as the installed scikit-learn wants."""
    import sklearn

    version = tuple(int(x) for x in sklearn.__version__.split(".")[:2])
    return {"l1_ratio": 1.0} if version >= (1, 8) else {"penalty": "l1"}


def fit(rows: list[list[str]], labels: list[int]) -> CueModel:
    """A logistic regression over binary features, as a ``CueModel``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for row in rows for name in set(row))
    kept = [{name: 1 for name in row if counts[name] >= MIN_COUNT} for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    matrix.indices, matrix.indptr = matrix.indices.astype("int32"), matrix.indptr.astype("int32")
    model = LogisticRegression(C=C, max_iter=2000, solver="liblinear", **_l1())
    model.fit(matrix, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0])
               if abs(w) >= MIN_WEIGHT}
    return CueModel(weights, round(float(model.intercept_[0]), 4))


def train(data_dir: Path, out: Path | None, limit: int | None = None, *, skip: int = 0) -> dict:
    """Train the cue model on PolNeAR's training split and write it; returns what was done."""
    if limit is not None and limit < 1:
        raise UsageError(f"limit must be at least 1, not {limit}")
    started = time.perf_counter()
    articles = _articles(_folder(Path(data_dir)), limit, skip)
    rows, labels = collect(articles)
    model = fit(rows, labels)
    target = out or data_path(MODEL_FILE)
    meta = {"articles": len(articles), "attributions": sum(len(g) for _, g in articles),
            "skip": skip, "trained_on": "PolNeAR train split (first annotator)"}
    target.write_text(model.to_json(meta), encoding="utf-8")
    return {**{k: float(v) for k, v in meta.items() if isinstance(v, int)}, "candidates": float(len(rows)),
            "positives": float(sum(labels)), "features": float(len(model.weights)),
            "model_bytes": float(target.stat().st_size), "seconds": time.perf_counter() - started}
