"""Entry script for ``spark-submit``: the same job as ``eventwire spark``, with the master
and resources left to ``spark-submit``.

    spark-submit --master yarn --deploy-mode cluster \\
        --archives eventwire-env.tar.gz#env \\
        --conf spark.pyspark.python=./env/bin/python \\
        src/eventwire/batch/spark_submit.py s3a://bucket/articles/ s3a://bucket/eventwire-out/ \\
        --format jsonl --partitions 400

See ``docs/scaling.md`` for shipping the package and the model (``pip wheel`` +
``venv-pack``, or ``--py-files``).
"""

from __future__ import annotations

import argparse
import sys

from eventwire.batch.spark import FORMATS, run_spark, spark_session
from eventwire.settings import Settings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="spark_submit.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON lines or Parquet articles (any Spark-readable path)")
    parser.add_argument("output", help="output folder for the Parquet tables")
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    parser.add_argument("--partitions", type=int, default=None, help="tasks to split the work into")
    parser.add_argument("--plugin", action="append", default=[], help="module to import in each worker")
    parser.add_argument("--master", default=None, help="only when not set by spark-submit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    session = spark_session(args.master, app="eventwire")
    try:
        run = run_spark(session, args.input, args.output, fmt=args.format, settings=Settings.load(),
                        imports=tuple(args.plugin), partitions=args.partitions)
    finally:
        session.stop()
    print(f"spark inputs={run.inputs} skipped={run.skipped} analysed={run.analysed} refused={run.refused}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
