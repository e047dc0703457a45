"""Throughput of eventwire against the spaCy model alone, on 1 worker and on all of them.

    .venv/bin/python bench/throughput.py [--limit 120] [--workers N] [--corpus PATH]

In one run, over the first ``--limit`` articles of the BBC corpus:

  (a) the spaCy model alone (``nlp.pipe``): the floor nothing built on it can beat;
  (b) ``eventwire extract``: ``run_local`` with the default components;
  (c) ``eventwire ingest``: the same, written into a fresh ``eventwire.store.Store``;

each with 1 worker and with ``--workers`` (default: every core). It prints articles/s
and words/s, the ratios b/a and c/a (1.0 would be as fast as the parse alone) and the peak
RSS of one worker. The machine may be shared and noisy: compare ratios within one run,
not absolute rates between runs. The last line is machine-readable:

    throughput extract_ratio=B/A ingest_ratio=C/A workers_speedup=T1/TN peak_rss_mb=N articles=N
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from eventwire.batch.local import default_workers, run_local
from eventwire.batch.measure import Rate, peak_rss_mb, timed
from eventwire.batch.partition import process_partition
from eventwire.ingest.raw import RawArticle
from eventwire.ingest.readers import iter_inputs
from eventwire.nlp import load_model
from eventwire.pipeline import DEFAULT_COMPONENTS
from eventwire.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "articles.jsonl"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=120, help="articles to run on (default 120)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="the 'all workers' count")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="JSON lines of articles")
    parser.add_argument("--components", default=None,
                        help="comma-separated components for (b) and (c) (default: DEFAULT_COMPONENTS)")
    return parser.parse_args(argv)


def import_components(names: tuple[str, ...]) -> None:
    """Register built-in components named on the command line that ``extract/__init__.py``
    does not import yet (``eventwire.extract.<name>``); workers are forked, so they see them."""
    for name in names:
        try:
            importlib.import_module(f"eventwire.extract.{name}")
        except ModuleNotFoundError:
            pass


def spacy_alone(texts: list[str], workers: int) -> Callable[[], None]:
    nlp = load_model()
    return lambda: list(nlp.pipe(texts, batch_size=32, n_process=workers))


def extract(items: list, workers: int, names: tuple[str, ...]) -> Callable[[], None]:
    def run() -> None:
        for _ in run_local(items, workers=workers, components=names):
            pass

    return run


def ingest(items: list, workers: int, names: tuple[str, ...]) -> Callable[[], None] | None:
    """Writing into a fresh store, or None when ``eventwire.store.Store`` does not exist."""
    try:
        from eventwire.store import Store
    except ImportError:
        return None

    def run() -> None:
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.duckdb") as store:
            for _ in store.ingest(run_local(items, workers=workers, components=names)):
                pass

    return run


def show(rate: Rate) -> None:
    print(f"{rate.label:12} workers={rate.workers}  {rate.articles_per_s:8.1f} articles/s"
          f"  {rate.words_per_s:9.0f} words/s  ({rate.seconds:.1f} s)")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = tuple(args.components.split(",")) if args.components else DEFAULT_COMPONENTS
    import_components(names)
    items = [i for i in itertools.islice(iter_inputs([str(args.corpus)], Settings.load()), args.limit)
             if isinstance(i, RawArticle)]
    texts = [i.text for i in items]
    print(f"{len(items)} articles, {sum(len(t.split()) for t in texts)} words; "
          f"components: {', '.join(names) or '(none)'}; all workers = {args.workers}")
    load_model()
    list(process_partition(items[:3], components=names))  # warm up: components, knowledge files
    plan = [("a spacy", spacy_alone(texts, 1), spacy_alone(texts, args.workers)),
            ("b extract", extract(items, 1, names), extract(items, args.workers, names))]
    ingest_one = ingest(items, 1, names)
    if ingest_one is None:
        print("(c) not measured: eventwire.store.Store does not exist in this checkout")
    else:
        plan.append(("c ingest", ingest_one, ingest(items, args.workers, names)))
    rates: dict[tuple[str, int], Rate] = {}
    for label, one, many in plan:
        for workers, run in ((1, one), (args.workers, many)):
            rates[label, workers] = rate = timed(label, workers, texts, run)
            show(rate)
    return report(rates, args.workers, len(items))


def report(rates: dict[tuple[str, int], Rate], workers: int, articles: int) -> int:
    def ratio(label: str, n: int) -> float | None:
        if (label, n) not in rates:
            return None
        return rates[label, n].words_per_s / rates["a spacy", n].words_per_s

    def fmt(value: float | None) -> str:
        return "NA" if value is None else f"{value:.2f}"

    for n in sorted({1, workers}):
        print(f"workers={n}: extract/spacy = {fmt(ratio('b extract', n))}  ingest/spacy = {fmt(ratio('c ingest', n))}")
    speedup = rates["b extract", 1].seconds / rates["b extract", workers].seconds
    rss = peak_rss_mb(children=True) or peak_rss_mb(children=False)  # a worker, else in-process
    print(f"peak RSS: this process {peak_rss_mb(children=False):.0f} MB, "
          f"largest worker {peak_rss_mb(children=True):.0f} MB")
    print(f"throughput extract_ratio={fmt(ratio('b extract', 1))} ingest_ratio={fmt(ratio('c ingest', 1))} "
          f"workers_speedup={speedup:.2f} peak_rss_mb={rss:.0f} articles={articles}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
