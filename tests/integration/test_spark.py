"""The Spark job in local mode: its tables equal the local runner's row for row, bad
input is recorded as refused, and a rerun processes only what is missing."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from conftest import DATA

pytest.importorskip("pyspark")

from eventwire.batch.local import run_local_rows
from eventwire.batch.spark import run_spark, spark_session, table_schema
from eventwire.batch.tables import TABLE_NAMES, columns, split_tables
from eventwire.ingest.readers import iter_inputs
from eventwire.pipeline import DEFAULT_COMPONENTS
from eventwire.settings import Settings

pytestmark = pytest.mark.slow
PLUGIN = Path(__file__).with_name("test_batch_plugin.py")
NAMES = (*DEFAULT_COMPONENTS, "test_crash_on_marker", "test_die_on_marker")


@pytest.fixture(scope="module")
def spark():
    import test_batch_plugin  # noqa: F401  (registers the crashing component here too)

    session = spark_session("local[2]", app="eventwire-test")
    session.sparkContext.addPyFile(str(PLUGIN))
    yield session
    session.stop()


def _comparable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def spark_rows(spark, output: Path, table: str) -> list[tuple]:
    frame = spark.read.schema(table_schema(table)).parquet(str(output / table))
    names = [name for name, _ in columns(table)]
    return sorted((tuple(_comparable(r[n]) for n in names) for r in frame.collect()), key=repr)


def local_rows(rows: list[dict], table: str) -> list[tuple]:
    names = [name for name, _ in columns(table)]
    return sorted((tuple(_comparable(r.get(n)) for n in names) for r in rows), key=repr)


def test_spark_equals_local_and_a_rerun_does_only_what_is_missing(spark, tmp_path):
    lines = DATA.joinpath("bbc", "articles.jsonl").read_text(encoding="utf-8").splitlines()[:200]
    bad = ['{"text": 5}', "{not json", json.dumps({"id": "crash-1", "text": "Talks on Zorblax trade resumed."}),
           json.dumps({"id": "die-1", "text": "Talks on Quietus trade resumed."})]
    path, output = tmp_path / "articles.jsonl", tmp_path / "out"
    path.write_text("\n".join(lines[:120]) + "\n", encoding="utf-8")
    first = run_spark(spark, str(path), str(output), components=NAMES, imports=("test_batch_plugin",))
    assert (first.analysed, first.refused, first.skipped) == (120, 0, 0)

    path.write_text("\n".join(lines + bad) + "\n", encoding="utf-8")  # grown: 80 new, 4 bad
    second = run_spark(spark, str(path), str(output), components=NAMES, imports=("test_batch_plugin",))
    assert (second.inputs, second.skipped, second.analysed, second.refused) == (204, 120, 80, 4)

    local = split_tables(run_local_rows(iter_inputs([str(path)], Settings.load()), workers=2, components=NAMES))
    assert len(local["documents"]) == 200
    for table in TABLE_NAMES:
        assert spark_rows(spark, output, table) == local_rows(local[table], table), table
    refusals = {r["origin"].rsplit(":", 1)[1]: r["code"] for r in local["refusals"]}
    assert refusals == {"201": "invalid_json_line", "202": "invalid_json_line", "203": "component_failed",
                        "204": "component_failed"}
    died = [r for r in local["refusals"] if r["origin"].endswith(":204")]
    assert "worker process died" in died[0]["message"] and died[0]["input_id"] == "die-1"


def test_parquet_input_is_read_like_json_lines(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = ["The minister met the envoy in Paris on Monday.", "Talks on Zorblax trade resumed in Rome.",
             "Officials in Berlin said the plan would be announced next week."]
    table = pa.table({"id": ["p1", "p2", None], "text": texts, "published": ["2025-03-04", None, "2025-03-05"]})
    source = tmp_path / "in"
    source.mkdir()
    pq.write_table(table, source / "part-0.parquet")
    output = tmp_path / "out"
    run = run_spark(spark, str(source), str(output), fmt="parquet", components=NAMES, imports=("test_batch_plugin",))
    assert (run.inputs, run.analysed, run.refused) == (3, 2, 1)
    docs = {r["key"]: r for r in spark.read.schema(table_schema("documents")).parquet(str(output / "documents")).collect()}
    from eventwire.batch.partition import text_key

    assert set(docs) == {"p1", text_key(texts[2])}
    assert docs["p1"]["date"] == "2025-03-04" and docs["p1"]["origin"].endswith("part-0.parquet:1")
    again = run_spark(spark, str(source), str(output), fmt="parquet", components=NAMES, imports=("test_batch_plugin",))
    assert (again.skipped, again.analysed, again.refused) == (3, 0, 0)
