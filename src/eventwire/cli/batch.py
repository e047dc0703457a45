"""``eventwire spark INPUT OUTPUT``: the batch job on Spark (local mode or a cluster).

The last line is machine-readable: ``spark inputs=N skipped=N analysed=N refused=N``.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated as Arg

import typer

from ..settings import Settings
from .common import friendly, need, out


class InputFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


@friendly
def spark(
    input: Arg[str, typer.Argument(metavar="INPUT", help="Articles: JSON lines or Parquet, any path Spark reads (file, dir, glob, hdfs://, s3a://).")],
    output: Arg[str, typer.Argument(metavar="OUTPUT", help="Output folder: one Parquet table per subfolder, partitioned by date.")],
    master: Arg[str, typer.Option(help="Spark master: local[N], local[*], spark://host:7077, yarn.")] = "local[2]",
    format: Arg[InputFormat, typer.Option("--format", "-f", help="Input format.")] = InputFormat.jsonl,
    partitions: Arg[int | None, typer.Option(help="Tasks to split the work into (default: Spark's parallelism).")] = None,
    plugin: Arg[list[str] | None, typer.Option(help="Module to import in each worker first (registers custom components); repeatable.")] = None,
    max_bytes: Arg[int | None, typer.Option(help="Refuse articles over this size (default 5 MB).")] = None,
) -> None:
    """Analyse a corpus with Spark and write its tables as Parquet; a rerun processes only
    the articles missing from OUTPUT."""
    need("pyspark", "spark", "eventwire spark")
    from ..batch.spark import run_spark, spark_session

    settings = Settings.load().with_values(max_bytes=max_bytes)
    session = spark_session(master)
    try:
        run = run_spark(session, input, output, fmt=format.value, settings=settings,
                        imports=tuple(plugin or ()), partitions=partitions)
    finally:
        session.stop()
    for table, n in run.tables.items():
        out.print(f"{table:16} +{n}", markup=False)
    out.print(f"spark inputs={run.inputs} skipped={run.skipped} analysed={run.analysed} refused={run.refused}",
              markup=False)


def register(app: typer.Typer) -> None:
    """Add the batch commands to the ``eventwire`` app."""
    app.command()(spark)
