"""The Spark job: ``process_partition`` inside ``mapPartitions``, tables out as Parquet.

    INPUT (JSON lines or Parquet, any Spark-readable path)
      -> (key, origin, line) per input, numbered per file, read as the local readers do
      -> left anti-join with the keys already in OUTPUT/documents and OUTPUT/refusals
      -> mapPartitions(process_partition)       in one guard process per Python worker,
                                                which loads the model once
      -> OUTPUT/<table>/date=YYYY-MM-DD/*.parquet   (fact tables, then documents, refusals)

A line that is not an article, an article a component crashes on, and an article that
kills the process analysing it become rows of ``refusals`` with their code and message;
the job goes on. If a whole executor dies, Spark retries its tasks; a rerun of the same command processes only inputs whose key is in
neither ``documents`` nor ``refusals`` (the key is the input's ``id``, else the sha256 of
its text: see ``partition.py``). ``documents`` and ``refusals`` are written last, so an
input counts as done only once all its fact rows are written.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from ..errors import UsageError
from ..ingest.raw import RawArticle
from ..settings import Settings
from . import tables
from .local import guarded_rows
from .partition import ROW_FIELDS, article_line, item_key, read_item

FORMATS = ("jsonl", "parquet")
DONE_TABLES = ("documents", "refusals")


@dataclass
class SparkRun:
    """What one job did: inputs seen, skipped as already done, analysed, refused."""

    inputs: int = 0
    skipped: int = 0
    analysed: int = 0
    refused: int = 0
    tables: dict[str, int] = field(default_factory=dict)


def spark_session(master: str | None = "local[2]", app: str = "eventwire"):
    """A quiet Spark session: no UI, no progress bars, log level WARN, and in local mode
    bound to 127.0.0.1 with the workers on this Python. ``master=None`` leaves the master
    (and the network) to ``spark-submit``."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1"))
    builder = (builder.config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
               .config("spark.sql.shuffle.partitions", "8"))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session


def spark_type(arrow: pa.DataType):
    """The Spark SQL type of an Arrow column type used by the tables."""
    from pyspark.sql import types as T

    if pa.types.is_string(arrow):
        return T.StringType()
    if pa.types.is_integer(arrow):
        return T.LongType()
    if pa.types.is_floating(arrow):
        return T.DoubleType()
    if pa.types.is_date(arrow):
        return T.DateType()
    if pa.types.is_timestamp(arrow):
        return T.TimestampType()
    raise UsageError(f"no Spark type for the Arrow type {arrow}")


def table_schema(table: str):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(name, spark_type(arrow), True) for name, arrow in tables.columns(table)])


def _local_path(path: str) -> str:
    """``file:/x`` and ``file:///x`` as ``/x`` (what the local runner calls the file)."""
    if path.startswith("file://"):
        return path[len("file://"):]
    if path.startswith("file:"):
        return path[len("file:"):]
    return path


def _read_lines(spark, path: str, fmt: str):
    """(file, text) rows in file order: each JSON line, or each Parquet row as a JSON line."""
    from pyspark.sql import functions as F

    if fmt == "jsonl":
        frame = spark.read.text(path)
        return frame.select(F.col("_metadata.file_path").alias("file"), F.col("value").alias("text"))
    frame = spark.read.parquet(path)
    cols = [c for c in frame.columns]
    return frame.select(F.col("_metadata.file_path").alias("file"),
                        F.to_json(F.struct(*[F.col(c) for c in cols])).alias("text"))


def read_inputs(spark, path: str, fmt: str = "jsonl"):
    """A DataFrame (key, origin, line) of every input, read as ``iter_inputs`` reads it:
    origin ``FILE:LINE`` (Parquet rows numbered alike), ``line`` the article as a JSON line
    with any HTML already turned into text (or, for an input refused as it is read, the
    line itself, which ``process_partition`` refuses again with the same reason)."""
    from pyspark.sql import types as T

    if fmt not in FORMATS:
        raise UsageError(f"unknown input format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    indexed = _read_lines(spark, path, fmt).rdd.zipWithIndex()
    starts = dict(indexed.map(lambda pair: (pair[0][0], pair[1])).reduceByKey(min).collect())
    parquet = fmt == "parquet"

    def keyed(pair) -> Iterator[tuple[str, str, str]]:
        (file, text), index = pair
        if text is None or not text.strip():
            return
        origin = f"{_local_path(file)}:{index - starts[file] + 1}"
        read = read_item(json.loads(text) if parquet else text, origin)
        yield item_key(read), origin, article_line(read) if isinstance(read, RawArticle) else text

    schema = T.StructType([T.StructField(n, T.StringType(), True) for n in ("key", "origin", "line")])
    return spark.createDataFrame(indexed.flatMap(keyed), schema)


def path_exists(spark, path: str) -> bool:
    """Whether ``path`` exists, asked of Hadoop's file system (any scheme Spark reads)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(hadoop_path)


def done_keys(spark, output: str):
    """The keys already in the output's documents and refusals (none for a new output)."""
    from pyspark.sql import types as T

    found = None
    for table in DONE_TABLES:
        if not path_exists(spark, f"{output}/{table}"):
            continue
        keys = spark.read.schema(table_schema(table)).parquet(f"{output}/{table}").select("key")
        found = keys if found is None else found.unionByName(keys)
    if found is None:
        return spark.createDataFrame([], T.StructType([T.StructField("key", T.StringType(), True)]))
    return found.distinct()


def _analyse(components: tuple[str, ...] | None, settings: Settings | None, imports: tuple[str, ...]):
    """The function each task runs: import plugins, then ``process_partition`` its inputs in
    a guard process (``local.guarded_rows``): the Python worker keeps one child process
    with the model for all its tasks, and when an article kills that child, only that
    article is refused and the task goes on."""

    def run(rows: Iterable[Any]) -> Iterator[tuple]:
        for module in imports:
            importlib.import_module(module)
        items = ({"_key": r["key"], "_origin": r["origin"], "_line": r["line"]} for r in rows)
        for row in guarded_rows(items, components=components, settings=settings):
            yield tuple(row[name] for name in ROW_FIELDS)

    return run


def _explode(row: tuple) -> Iterator[tuple[str, tuple]]:
    """(table, values in column order) for one processed row."""
    for table, values in tables.table_rows(dict(zip(ROW_FIELDS, row, strict=True))):
        yield table, tuple(values.get(name) for name, _ in tables.columns(table))


def write_tables(spark, exploded, output: str) -> None:
    """Append each table (facts first, then documents and refusals), partitioned by date."""
    for table in tables.TABLE_NAMES:  # documents and refusals come last
        rdd = exploded.filter(lambda pair, t=table: pair[0] == t).map(lambda pair: pair[1])
        frame = spark.createDataFrame(rdd, table_schema(table))
        frame.write.mode("append").partitionBy("date").parquet(f"{output}/{table}")


def run_spark(
    spark, input_path: str, output: str, *, fmt: str = "jsonl", components: Iterable[str] | None = None,
    settings: Settings | None = None, imports: Iterable[str] = (), partitions: int | None = None,
) -> SparkRun:
    """Analyse every input not yet in ``output`` and append its rows to the tables."""
    from pyspark import StorageLevel

    names = tuple(components) if components is not None else None
    inputs = read_inputs(spark, input_path, fmt).persist(StorageLevel.MEMORY_AND_DISK)
    todo = inputs.join(done_keys(spark, output), on="key", how="left_anti")
    todo = todo.repartition(partitions or spark.sparkContext.defaultParallelism)
    processed = todo.rdd.mapPartitions(_analyse(names, settings, tuple(imports)))
    exploded = processed.flatMap(_explode).persist(StorageLevel.MEMORY_AND_DISK)
    counts = exploded.map(lambda pair: pair[0]).countByValue()
    write_tables(spark, exploded, output)
    total = inputs.count()
    exploded.unpersist()
    inputs.unpersist()
    analysed, refused = counts.get("documents", 0), counts.get("refusals", 0)
    return SparkRun(inputs=total, skipped=total - analysed - refused, analysed=analysed,
                    refused=refused, tables={t: counts.get(t, 0) for t in tables.TABLE_NAMES})
