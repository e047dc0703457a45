"""Story clustering against ECB+ sub-topics, scored with B-cubed.

The documents arrive one at a time in a shuffled order (as a stream would) and each is
assigned at once, never revisited. Two clusterers see the same stream: eventwire's
(words, names, places, event types, years and a date-gap penalty) and a plain single-pass
TF-IDF baseline over words only, the floor to beat. Every document is analysed once, by
``Pipeline.pipe`` (one spaCy parse per document).

An incremental clusterer depends on arrival order, so the analysed documents are also
clustered in the orders of ``spread_seeds`` other shuffles (cheap: no re-analysis) and the
mean and worst F1 over them are reported: a change that helps one order only is noise.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from ..ingest.raw import RawArticle
from ..stories.bcubed import bcubed
from ..stories.cluster import StoryIndex, baseline_index
from . import EvalResult


def load(path: Path, limit: int | None, seed: int) -> list[dict]:
    """The ECB+ documents in a seeded shuffled order (first ``limit`` of that order)."""
    with open(path, encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    random.Random(seed).shuffle(docs)
    return docs[:limit] if limit else docs


def analyse(rows: list[dict]):
    """(gold subtopic, Document) for each row the pipeline accepts; also the refused count."""
    from ..pipeline import Pipeline

    pipeline = Pipeline()  # the default components: a broken one fails here, loudly
    raws = [RawArticle(text=r["text"], origin=r["doc_id"], input_id=r["doc_id"], url=r.get("url"))
            for r in rows]
    gold = {r["doc_id"]: r["subtopic"] for r in rows}
    pairs, refused = [], 0
    for outcome in pipeline.pipe(raws):
        if outcome.document is None:
            refused += 1
        else:
            pairs.append((gold[outcome.origin], outcome.document))
    return pairs, refused, pipeline.names


def reorder(pairs: list, path: Path, seed: int) -> list:
    """The analysed pairs in the order ``load(path, None, seed)`` would give them (those a
    ``limit`` left out stay out), so spread seed ``s`` is what ``evaluate(seed=s)`` scores."""
    by_id = {doc.article.input_id: (label, doc) for label, doc in pairs}
    return [by_id[r["doc_id"]] for r in load(path, None, seed) if r["doc_id"] in by_id]


def spread(pairs: list, path: Path, seeds: range) -> list[float]:
    """eventwire's B-cubed F1 for each arrival order in ``seeds``."""
    return [cluster(reorder(pairs, path, s), StoryIndex())[2] for s in seeds]


def spread_note(seeds: range, f1s: list[float]) -> str:
    each = ", ".join(f"{f:.4f}" for f in f1s)
    return (f"eventwire B3 F1 over arrival orders {list(seeds)}: "
            f"mean {sum(f1s) / len(f1s):.4f}, min {min(f1s):.4f} ({each})")


def cluster(pairs, index: StoryIndex) -> tuple[float, float, float, int]:
    gold, predicted = {}, {}
    for label, doc in pairs:
        key = doc.article.input_id or doc.article.id
        gold[key] = label
        predicted[key] = index.assign(doc)
    p, r, f = bcubed(gold, predicted)
    return p, r, f, len(index.stories)


def evaluate(path: Path, *, limit: int | None = None, seed: int = 0,
             spread_seeds: range = range(5)) -> EvalResult:
    started = time.perf_counter()
    rows = load(Path(path), limit, seed)
    pairs, refused, names = analyse(rows)
    analysed = time.perf_counter() - started
    ours = cluster(pairs, StoryIndex())
    base = cluster(pairs, baseline_index())
    f1s = spread(pairs, Path(path), spread_seeds) if spread_seeds else [ours[2]]
    n_gold = len({label for label, _ in pairs})
    return EvalResult(
        name="stories",
        scores={"bcubed_p": ours[0], "bcubed_r": ours[1], "bcubed_f1": ours[2],
                "baseline_p": base[0], "baseline_r": base[1], "baseline_f1": base[2],
                "bcubed_f1_mean_orders": sum(f1s) / len(f1s), "bcubed_f1_min_orders": min(f1s),
                "documents": len(pairs)},
        header=("clusterer", "B3 precision", "B3 recall", "B3 F1", "stories"),
        rows=[("eventwire", *(round(x, 4) for x in ours[:3]), ours[3]),
              ("tf-idf single pass", *(round(x, 4) for x in base[:3]), base[3]),
              ("gold sub-topics", 1.0, 1.0, 1.0, n_gold)],
        notes=[f"{len(pairs)} documents in a stream shuffled with seed {seed}, {refused} refused",
               f"components: {', '.join(names) or '(none)'}; analysis took {analysed:.1f} s",
               spread_note(spread_seeds, f1s)],
    )
