"""The Spark job on local[1] and then local[N]: its throughput ratio on this machine.

    .venv/bin/python bench/spark_local.py [--limit 150] [--cores 2] [--components a,b,...]

Each run starts its own session (a master cannot change within one) and writes to a fresh
folder; the time covers the whole job (reading, the anti-join, analysis, writing the
tables), not the session's start-up. The last line is machine-readable:

    spark_local cores=N speedup=T1/TN articles=N
"""

from __future__ import annotations

import argparse
import importlib.util
import tempfile
import time
from pathlib import Path

from eventwire.batch.spark import run_spark, spark_session
from eventwire.pipeline import DEFAULT_COMPONENTS

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc" / "articles.jsonl"


def timed_run(master: str, source: Path, names: tuple[str, ...], modules: tuple[str, ...]) -> float:
    session = spark_session(master, app="eventwire-bench")
    try:
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            run = run_spark(session, str(source), out, components=names, imports=modules)
            seconds = time.perf_counter() - start
    finally:
        session.stop()
    print(f"{master:10} {run.analysed} analysed, {run.refused} refused in {seconds:.1f} s "
          f"({run.analysed / seconds:.2f} articles/s)")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--components", default=None)
    args = parser.parse_args()
    names = tuple(args.components.split(",")) if args.components else DEFAULT_COMPONENTS
    modules = tuple(f"eventwire.extract.{n}" for n in names if importlib.util.find_spec(f"eventwire.extract.{n}"))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with CORPUS.open(encoding="utf-8") as lines:
            source.write_text("".join(line for _, line in zip(range(args.limit), lines)), encoding="utf-8")
        one = timed_run("local[1]", source, names, modules)
        many = timed_run(f"local[{args.cores}]", source, names, modules)
    print(f"spark_local cores={args.cores} speedup={one / many:.2f} articles={args.limit}")


if __name__ == "__main__":
    main()
