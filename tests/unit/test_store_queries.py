"""Queries (parameterised, filters), read-only SQL, and the exports' columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from test_store_docs import make_document, talks_document

from eventwire.errors import BadDateError, StoreError, UsageError
from eventwire.store import Store
from eventwire.store.exports import export
from eventwire.store.queries import Filters, run_query, run_sql

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
STRIKE = "Dockers in Hamburg protested against Maersk on Friday. Police said 300 joined."


@pytest.fixture()
def store(tmp_path):
    strike = make_document(
        STRIKE, title="Port strike", published="2024-03-08", input_id="strike-1",
        entities=[("E1", "Dockers", "NORP", "DEU", "LAB"), ("E2", "Maersk", "ORG", "DNK", "BUS")],
        events=[("V1", "PROTEST", "verbal_conflict", "protested", ["E1"], ["E2"], "asserted", "P1")],
        places=[("P1", "Hamburg", "DEU", 53.55, 9.99)])
    path = tmp_path / "s.duckdb"
    with Store(path) as db:
        db.add([talks_document(), strike])
    with Store(path, read_only=True) as db:
        yield db


def events(store, **filters) -> list[tuple[str, str]]:
    columns, rows = run_query(store.con, Filters(**filters))
    return [(r[columns.index("event")], r[columns.index("actor")]) for r in rows]


def test_a_limit_past_any_store_means_all_and_a_negative_one_is_refused(store):
    # issue 13: `query --limit 99999999999999999999` printed DuckDB's INT64 conversion error
    everything = run_query(store.con, Filters())[1]
    assert run_query(store.con, Filters(), limit=10**20)[1] == everything
    assert run_query(store.con, Filters(), limit=1, offset=10**20)[1] == []
    with pytest.raises(UsageError, match="--offset must be zero or more"):
        run_query(store.con, Filters(), limit=1, offset=-1)


@pytest.mark.parametrize(("flag", "value", "closest"), [
    ("status", "negatd", "negated"), ("event", "CONSLT", "CONSULT"), ("quad", "5", None),
    ("country", "Englnd", "England"), ("country", "Rusia", "Russia"), ("country", "Texas", None)])
def test_a_filter_that_can_match_nothing_is_refused_with_the_closest_value(store, flag, value, closest):
    # issue 14: `--status negatd`, `--event CONSLT`, `--quad 5`, `--country Englnd` returned 0 rows, exit 0
    with pytest.raises(UsageError) as refused:
        run_query(store.con, Filters(**{flag: value}))
    line = refused.value.one_line()
    assert line.startswith(f"--{flag} {value!r} can match no event") and "\n" not in line
    assert (f"did you mean {closest}?" in line) if closest else "did you mean" not in line


def test_filters_take_the_spellings_users_write(store):
    assert events(store, status="Not planned") == events(store, status="not_planned")
    assert events(store, quad="Verbal conflict") == events(store, quad="3") == events(store, quad="verbal_conflict")
    assert events(store, event="protest") == events(store, event="PROTEST") == [("PROTEST", "Dockers")]
    assert events(store, country="England") == events(store, country="GBR")
    assert events(store, country="russian federation") == events(store, country="RU") != []


def test_the_cli_refuses_a_filter_that_can_match_nothing_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    path = tmp_path / "c.duckdb"
    with Store(path) as db:
        db.add([talks_document()])
    runner = CliRunner()
    refused = runner.invoke(app, ["query", "--store", str(path), "--status", "negatd"])
    assert refused.exit_code == 2
    assert "did you mean negated?" in refused.output and refused.output.count("error:") == 1
    exported = runner.invoke(app, ["export", "--store", str(path), "-f", "csv", "-o", str(tmp_path / "x.csv"),
                                   "--event", "CONSLT"])
    assert exported.exit_code == 2 and "did you mean CONSULT?" in exported.output
    assert not (tmp_path / "x.csv").exists()


def test_filters(store):
    assert events(store, actor="putin") == [("CONSULT", "Vladimir Putin")]
    assert events(store, actor="RUSGOV") == [("CONSULT", "Vladimir Putin"), ("REJECT", "Russia")]
    assert events(store, recipient="witkoff") == [("CONSULT", "Vladimir Putin")]
    assert events(store, event="protest") == [("PROTEST", "Dockers")]
    assert events(store, quad="3") == [("PROTEST", "Dockers"), ("REJECT", "Russia")]
    assert events(store, country="Germany") == [("PROTEST", "Dockers")]
    assert events(store, country="RUS", place="kremlin") == [("CONSULT", "Vladimir Putin")]
    assert events(store, since="2025-01-01") == [("CONSULT", "Vladimir Putin"), ("REJECT", "Russia")]
    assert events(store, until="2024-12-31", status="asserted") == [("PROTEST", "Dockers")]
    assert events(store, text="REJECTED") == [("REJECT", "Russia")]
    assert events(store, actor="putin", event="PROTEST") == []


def test_a_malicious_actor_value_is_only_a_value(store):
    for evil in ("x' OR '1'='1", "%", "'; DROP TABLE events; --", "_"):
        assert events(store, actor=evil) == []
    assert store.count("events") == 3


def test_a_bad_date_is_a_usage_error(store):
    with pytest.raises(BadDateError):
        events(store, since="last tuesday")


def test_sql_is_read_only_and_cannot_touch_files(store, tmp_path):
    columns, rows = run_sql(store.con, "SELECT count(*) AS n FROM articles")
    assert columns == ["n"] and rows == [(2,)]
    for statement in ("DELETE FROM events", "CREATE TABLE t (a INT)",
                      f"COPY articles TO '{tmp_path / 'leak.csv'}'"):
        with pytest.raises(StoreError, match="the query failed"):
            run_sql(store.con, statement)
    assert not (tmp_path / "leak.csv").exists()
    assert store.count("events") == 3


def test_sql_refuses_nothing_and_stops_a_runaway_query(store):
    # issue 13: `sql ""` printed a traceback, and a cross join ran for 18 minutes
    with pytest.raises(UsageError, match="empty"):
        run_sql(store.con, "   ")
    runaway = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
    with pytest.raises(StoreError, match="ran for over 0.5 s and was stopped") as stopped:
        run_sql(store.con, runaway, timeout=0.5)
    assert "--timeout" in stopped.value.one_line()
    assert run_sql(store.con, "SELECT 1 AS one") == (["one"], [(1,)])  # the connection still works


def test_the_plover_export_has_the_shape_of_plover_records(store, tmp_path):
    # issue 14: actors were strings, `quad` a word, a JSON array, and `source` meant the outlet
    n = export(store.con, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert n == 3 and len(records) == 3
    met = next(r for r in records if r["event"] == "CONSULT")
    gold = json.loads((SHARED / "plover-gsr" / "dev.json").read_text())[0]  # a PLOVER gold record
    plover_fields = {"id", "date", "source", "target", "event", "eventText", "context", "text", "language",
                     "coder", "version", "dateCoded", "textInfo", "eventLoc"}
    assert set(met) == plover_fields | {"eventwire"}  # "mode" and "publication" when known
    assert {k: type(v) for k, v in met.items() if k in gold} == {k: type(gold[k]) for k in met if k in gold}
    assert met["source"] == [{"actorText": "Vladimir Putin", "code": "RUS", "sector": "GOV"}]
    assert met["target"] == [{"actorText": "Steve Witkoff", "code": "USA", "sector": "GOV"}]
    assert met["eventLoc"] == {"name": "Kremlin", "country code": "RU"} and met["date"] == "2025-12-03"
    assert met["textInfo"]["markup"] == "(EVT: met)"  # this hand-made event's evidence is its trigger
    assert met["eventwire"]["status"] == "asserted" and met["eventwire"]["quad"] == "verbal_cooperation"
    assert met["eventwire"]["actors"][0]["code"] == "RUSGOV" and met["coder"] == "eventwire"


def test_plover_markup_marks_the_spans_inside_the_sentence():
    from eventwire.store.exports import _markup

    text = "Senior Hungarian officials agreed with Romania on Wednesday."
    at = {word: 10 + text.index(word) for word in ("Hungarian", "agreed", "Romania")}
    marks = [(at["Hungarian"], at["Hungarian"] + 9, "SRC"), (at["agreed"], at["agreed"] + 6, "EVT"),
             (at["Romania"], at["Romania"] + 7, "TAR"), (0, 3, "SRC")]  # the last is outside the sentence
    assert _markup(text, 10, marks) == "Senior (SRC: Hungarian) officials (EVT: agreed) with (TAR: Romania) on Wednesday."
    assert _markup(text, 10, [(0, 3, "SRC")]) is None


def test_csv_and_parquet_give_analysts_codes_places_and_typed_dates(store, tmp_path):
    # issue 14: CSV and Parquet dropped codes, countries and sectors; month dates came out empty;
    # Parquet dates were text and most rows sat under date=unknown
    assert export(store.con, "csv", tmp_path / "e.csv") == 3
    rows = list(csv.DictReader((tmp_path / "e.csv").read_text().splitlines()))
    met = next(r for r in rows if r["event"] == "CONSULT")
    assert (met["actor"], met["actor_code"], met["actor_country"], met["actor_sector"]) == (
        "Vladimir Putin", "RUSGOV", "RUS", "GOV")
    assert (met["recipient"], met["recipient_code"]) == ("Steve Witkoff", "USAGOV")
    assert (met["place"], met["place_country"], float(met["lat"]), float(met["lon"])) == ("Kremlin", "RUS", 55.75, 37.62)
    assert (met["date"], met["date_precision"], met["date_from"]) == ("2025-12-03", "day", "published")
    export(store.con, "parquet", tmp_path / "pq")
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["day=2024-03-08", "day=2025-12-03"]
    dataset = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive")
    assert dataset.count_rows() == 3
    assert str(dataset.schema.field("date").type) == "date32[day]"
    assert str(dataset.schema.field("published").type) == "date32[day]"
    assert export(store.con, "jsonl", tmp_path / "d.jsonl", Filters(event="PROTEST")) == 1
    back = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text().splitlines()]
    assert back[0]["article"]["input_id"] == "strike-1"


@pytest.mark.parametrize(("value", "day", "precision"), [
    ("2004-12-02", "2004-12-02", "day"), ("2004-12-02T10:30", "2004-12-02", "day"), ("2004-12", "2004-12-01", "month"),
    ("2004-W49", "2004-11-29", "week"), ("2004-Q2", "2004-04-01", "quarter"), ("2004", "2004-01-01", "year"),
    ("198", "1980-01-01", "decade"), ("PRESENT_REF", None, None), ("P1M", None, None), ("2004-13", None, None)])
def test_a_date_value_gives_the_first_day_of_its_period_and_its_precision(value, day, precision):
    from eventwire.store.exports import period_start

    found, how = period_start(value)
    assert (found.isoformat() if found else None, how) == (day, precision)


def test_an_event_dated_by_month_keeps_its_month_in_csv_and_parquet(tmp_path):
    from eventwire.model import TimeValue

    doc = make_document(STRIKE, input_id="strike-2",
                        entities=[("E1", "Dockers", "NORP", "DEU", "LAB")],
                        events=[("V1", "PROTEST", "verbal_conflict", "protested", ["E1"], [], "asserted", None)])
    doc.events[0].date = TimeValue(value="2004-12", precision="month")
    with Store(tmp_path / "m.duckdb") as db:
        db.add([doc])
        assert export(db.con, "csv", tmp_path / "m.csv") == 1
        export(db.con, "parquet", tmp_path / "mpq")
    row = next(csv.DictReader((tmp_path / "m.csv").read_text().splitlines()))
    assert (row["date"], row["date_precision"], row["date_from"], row["published"]) == ("2004-12-01", "month", "event", "")
    assert [p.name for p in (tmp_path / "mpq").iterdir()] == ["day=2004-12-01"]


def test_export_to_standard_output_and_parquet_refused_there(tmp_path):
    from typer.testing import CliRunner

    from eventwire.cli import app

    path = tmp_path / "o.duckdb"
    with Store(path) as db:
        db.add([talks_document()])
    runner = CliRunner()
    for fmt, first in (("csv", "id,date,date_precision"), ("plover", '{"id": "talks-1-V1"'), ("gdelt", "1001\t")):
        shown = runner.invoke(app, ["export", "--store", str(path), "-f", fmt, "-o", "-"])
        assert shown.exit_code == 0 and shown.stdout.startswith(first), shown.output
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    refused = runner.invoke(app, ["export", "--store", str(path), "-f", "parquet", "-o", "-"])
    assert refused.exit_code == 2 and "standard output" in refused.output


def test_ctrl_c_stops_a_running_query_cleanly(tmp_path):
    # issue 13: Ctrl-C was ignored while DuckDB ran, or left a traceback behind
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    path = tmp_path / "empty.duckdb"
    Store(path).close()
    runaway = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
    proc = subprocess.Popen([str(Path(sys.executable).parent / "eventwire"), "sql", runaway, "--timeout", "0",
                             "--store", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)  # the query is running
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=20)
    assert proc.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr


def test_other_jsonl_fields_are_kept_as_metadata_and_exported(tmp_path):
    # issue 14: extra JSONL fields (e.g. category) were dropped
    from eventwire.ingest.jsonl import article_from_object

    raw = article_from_object({"text": STRIKE, "id": "s-9", "category": "business", "rank": 3, "paywall": False,
                               "tags": ["ports", "labour"], "note": None}, "wire.jsonl:1")
    assert raw.metadata == {"category": "business", "rank": 3, "paywall": False, "tags": '["ports", "labour"]',
                            "note": None}
    doc = make_document(STRIKE, input_id="s-9", entities=[("E1", "Dockers", "NORP", "DEU", "LAB")],
                        events=[("V1", "PROTEST", "verbal_conflict", "protested", ["E1"], [], "asserted", None)])
    doc.article.metadata = {"category": "business", "paywall": False}
    with Store(tmp_path / "meta.duckdb") as db:
        db.add([doc])
        assert db.document(doc.article.id).article.metadata == {"category": "business", "paywall": False}
        export(db.con, "csv", tmp_path / "m.csv")
        export(db.con, "plover", tmp_path / "m.jsonl")
    row = next(csv.DictReader((tmp_path / "m.csv").read_text().splitlines()))
    assert (row["meta_category"], row["meta_paywall"]) == ("business", "false")
    record = json.loads((tmp_path / "m.jsonl").read_text().splitlines()[0])
    assert record["eventwire"]["metadata"] == {"category": "business", "paywall": False}
