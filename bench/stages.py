"""CPU time per word of each stage (the parse, then each component) on one BBC article
repeated 1x, 4x and 16x: shows where the time goes and that no stage grows with length.

    python bench/stages.py [--corpus PATH] [--index N]
    python bench/stages.py --marks     # a hostile run of quotation marks instead (issue 13)
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.batch.measure import repeat_text, word_count
from eventwire.ingest.prepare import prepare
from eventwire.ingest.raw import RawArticle
from eventwire.nlp import Annotated, load_model
from eventwire.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "articles.jsonl"


def stage_times(pipeline: Pipeline, text: str) -> dict[str, float]:
    """CPU seconds per word for the parse and each component, second of two passes."""
    article = prepare(RawArticle(text=text, published="2005-01-01"), pipeline.settings)
    words = word_count(article.text)
    result: dict[str, float] = {}
    for _ in range(2):  # the first pass pays for loading knowledge files
        started = time.process_time()
        ann = Annotated(article=article, doc=pipeline.nlp(article.text))
        result["parse"] = (time.process_time() - started) / words
        for comp in pipeline.components:
            started = time.process_time()
            comp(ann)
            result[comp.name] = (time.process_time() - started) / words
    return result


def marks_text(factor: int) -> str:
    """500 quoted words per factor in one paragraph: a run of marks (each pair a possible
    quote and a scare quote), the input that once cost quadratic time."""
    return "Officials said the talks went well. " + " ".join(f'He said "w{i}" so.' for i in range(250 * factor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--index", type=int, default=3, help="which article of the corpus")
    parser.add_argument("--marks", action="store_true", help="500, 2,000 and 8,000 quotation marks instead")
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as lines:
        text = [json.loads(line)["text"] for _, line in zip(range(args.index + 1), lines)][-1]
    load_model()
    pipeline = Pipeline()
    if args.marks:
        text = marks_text(1)
        table = {factor: stage_times(pipeline, marks_text(factor)) for factor in (1, 4, 16)}
    else:
        table = {factor: stage_times(pipeline, repeat_text(text, factor)) for factor in (1, 4, 16)}
    print(f"{'stage':10} {'1x us/word':>11} {'4x':>8} {'16x':>8}")
    for stage in table[1]:
        print(f"{stage:10} " + " ".join(f"{table[f][stage] * 1e6:>{w}.0f}" for f, w in ((1, 11), (4, 8), (16, 8))))
    total = {f: sum(t.values()) for f, t in table.items()}
    print(f"stages total_1x_us={total[1] * 1e6:.0f} total_16x_us={total[16] * 1e6:.0f} "
          f"growth_16x={total[16] / total[1]:.2f} words_1x={word_count(text)}")


if __name__ == "__main__":
    main()
