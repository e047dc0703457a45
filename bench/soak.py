"""Soak: ingest a corpus several times over, killing ingest part-way, and check the store
ends with exactly the counts of one clean pass.

    python bench/soak.py [--limit N] [--corpus PATH]

Store A gets one clean pass. Store B gets: pass 1 killed part-way through the analysis,
pass 2 to the end, pass 3 killed part-way (while it skips what is stored), pass 4 to the
end. Each kill is SIGKILL of the real `eventwire ingest` process: no clean-up runs. The
last line: `soak passes=4 kills=2 equal=true|false articles=N`.
"""

from __future__ import annotations

import argparse
import itertools
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.store import Store
from eventwire.store.schema import ALL_TABLES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "bbc" / "articles.jsonl"


def ingest(corpus: Path, store: Path, kill_after: float | None = None) -> float:
    """Run `eventwire ingest`; with ``kill_after``, SIGKILL it after that many seconds."""
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--store", str(store),
           "--workers", "1", "--batch-size", "64"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return time.perf_counter() - started


def counts(store: Path) -> dict[str, int]:
    with Store(str(store), read_only=True) as db:
        return {table: db.count(table) for table in sorted(ALL_TABLES)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with args.corpus.open(encoding="utf-8") as src:
            corpus.write_text("".join(itertools.islice(src, args.limit)), encoding="utf-8")
        articles = sum(1 for _ in corpus.open(encoding="utf-8"))
        clean_seconds = ingest(corpus, Path(tmp) / "a.duckdb")
        clean = counts(Path(tmp) / "a.duckdb")
        b = Path(tmp) / "b.duckdb"
        ingest(corpus, b, kill_after=clean_seconds / 2)
        after_kill = counts(b)["articles"]
        ingest(corpus, b)
        ingest(corpus, b, kill_after=max(2.0, clean_seconds / 20))
        ingest(corpus, b)
        soaked = counts(b)
    for table in clean:
        mark = "" if clean[table] == soaked[table] else "  <-- differs"
        print(f"{table:18} clean {clean[table]:>8}  soaked {soaked[table]:>8}{mark}")
    print(f"clean pass {clean_seconds:.0f}s; articles stored when pass 1 was killed: {after_kill}")
    print(f"soak passes=4 kills=2 equal={str(clean == soaked).lower()} articles={articles}")


if __name__ == "__main__":
    main()
