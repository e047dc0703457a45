"""What storing costs: ingest throughput as a ratio to extraction alone, and store size.

    .venv/bin/python bench/store.py [--limit 300] [--batch-size 256]

Reads the BBC corpus (``../shared/data/bbc/articles.jsonl``), analyses the first N
articles once (timed: extraction alone), then writes those documents into a fresh store
(timed: storage, including story assignment). Prints the ratios measured in this run;
the last line is machine-readable:

    store ingest_ratio=... mb_per_1000=... articles=N
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "bbc" / "articles.jsonl"


def raw_articles(limit: int):
    from eventwire.ingest.raw import RawArticle

    with open(CORPUS, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if n >= limit:
                break
            row = json.loads(line)
            yield RawArticle(text=row["text"], title=row.get("title"), input_id=str(row["id"]),
                             source="BBC", origin=f"{CORPUS.name}:{n + 1}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args(argv)

    from eventwire.pipeline import Pipeline
    from eventwire.store import Store

    pipeline = Pipeline()
    raws = list(raw_articles(args.limit))
    started = time.perf_counter()
    outcomes = list(pipeline.pipe(raws))
    extract_s = time.perf_counter() - started
    docs = sum(o.document is not None for o in outcomes)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.duckdb")
        started = time.perf_counter()
        with Store(path) as store:
            for _ in store.ingest(outcomes, batch_size=args.batch_size):
                pass
            store.con.execute("CHECKPOINT")
            stories = store.count("stories")
            events = store.count("events")
        store_s = time.perf_counter() - started
        size_mb = os.path.getsize(path) / 1e6
    ratio = (extract_s + store_s) / extract_s
    per_1000 = size_mb / max(docs, 1) * 1000
    print(f"components: {', '.join(pipeline.names) or '(none)'}")
    print(f"extraction alone: {len(raws)} articles in {extract_s:.2f} s ({len(raws) / extract_s:.1f}/s)")
    print(f"storage: {docs} documents, {events} events, {stories} stories in {store_s:.2f} s "
          f"({docs / max(store_s, 1e-9):.0f}/s)")
    print(f"extraction + storage vs extraction alone: {ratio:.3f} (storage adds {100 * (ratio - 1):.1f}%)")
    print(f"store size: {size_mb:.2f} MB, {per_1000:.2f} MB per 1,000 articles")
    print(f"store ingest_ratio={ratio:.4f} mb_per_1000={per_1000:.3f} articles={docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
