"""Exports of the stored events for the tools event-data users already have.

    plover   JSON records with PLOVER's field names (id, date, event, mode, context,
             actor, actor_country, actor_sector, recipient..., location, event_text, source)
    gdelt    the GDELT 2.0 Event table: 61 tab-separated columns in codebook order, no header
             (one row per event however many stored articles report it; see ``gdelt``)
    gdelt-mentions  the GDELT 2.0 Mentions table: one row per stored report of those events
    csv      one flat row per event
    parquet  the flat rows as a Parquet dataset partitioned by date (``date=YYYY-MM-DD/``)
    jsonl    the contract documents, one per line, exactly as stored

Every export takes the same ``Filters`` as ``eventwire query``.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import UsageError
from . import gdelt
from .queries import Filters, event_query

FORMATS = ("plover", "gdelt", "gdelt-mentions", "csv", "parquet", "jsonl")


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, filters: Filters | None = None) -> int:
    """Write the export; returns the number of records written."""
    writers = {"plover": export_plover, "gdelt": gdelt.export_events, "gdelt-mentions": gdelt.export_mentions,
               "csv": export_csv, "parquet": export_parquet, "jsonl": export_jsonl}
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True)
    return writers[fmt](con, out, filters or Filters())


def event_table(con: duckdb.DuckDBPyConnection, filters: Filters) -> pa.Table:
    sql, params = event_query(filters)
    return con.sql(sql, params=params).to_arrow_table()


def _participants(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict:
    """(article, event) -> {"actor": [rows], "recipient": [rows]} for the given articles."""
    found: dict = defaultdict(lambda: {"actor": [], "recipient": []})
    rows = con.execute(
        "SELECT article_id, event_id, role, name, country, sector, code FROM event_actors "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY position", [article_ids]).fetchall()
    for aid, eid, role, name, country, sector, code in rows:
        found[(aid, eid)][role].append({"name": name, "country": country, "sector": sector, "code": code})
    return found


def _role_fields(prefix: str, people: list[dict]) -> dict:
    return {
        prefix: "; ".join(p["name"] for p in people) or None,
        f"{prefix}_country": [p["country"] for p in people if p["country"]],
        f"{prefix}_sector": [p["sector"] for p in people if p["sector"]],
        f"{prefix}_code": [p["code"] for p in people if p["code"]],
    }


def plover_records(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    rows = event_table(con, filters).to_pylist()
    people = _participants(con, sorted({r["article_id"] for r in rows}))
    records = []
    for r in rows:
        who = people[(r["article_id"], r["event_id"])]
        location = ([{"name": r["place"], "country": r["country"], "lat": r["lat"], "lon": r["lon"]}]
                    if r["place"] else [])
        records.append({
            "id": f"{r['article_id']}-{r['event_id']}",
            "date": r["date"].isoformat() if r["date"] else None,
            "event": r["event"], "mode": r["mode"],
            "context": [c for c in (r["context"] or "").split(",") if c], **_role_fields("actor", who["actor"]),
            **_role_fields("recipient", who["recipient"]), "location": location,
            "event_text": r["event_text"], "text": r["text"], "status": r["status"],
            "quad": r["quad"], "cameo": r["cameo"],
            "source": r["source"] or r["url"], "url": r["url"], "article": r["input_id"] or r["article_id"],
            "story": r["story"],
        })
    return records


def export_plover(con, out: Path, filters: Filters) -> int:
    records = plover_records(con, filters)
    with open(out, "w", encoding="utf-8") as handle:
        if out.suffix == ".jsonl":
            handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
        else:
            json.dump(records, handle, ensure_ascii=False, indent=1)
    return len(records)


def export_csv(con, out: Path, filters: Filters) -> int:
    table = event_table(con, filters).drop_columns(["seq"])
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in table.to_pylist():
            writer.writerow(["" if v is None else v for v in row.values()])
    return table.num_rows


def export_parquet(con, out: Path, filters: Filters) -> int:
    """A Parquet dataset under ``out``, one ``date=YYYY-MM-DD`` folder per day."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    table = event_table(con, filters).drop_columns(["seq"])
    day = pc.fill_null(pc.strftime(table["date"], format="%Y-%m-%d"), "unknown")
    table = table.drop_columns(["date"]).append_column("date", day)
    ds.write_dataset(table, out, format="parquet", partitioning=["date"], partitioning_flavor="hive",
                     existing_data_behavior="delete_matching")
    return table.num_rows


def export_jsonl(con, out: Path, filters: Filters) -> int:
    """The contract documents of the articles with a matching event (all when unfiltered)."""
    if filters.active():
        sql, params = event_query(filters)
        cur = con.execute(f"SELECT a.document FROM articles a WHERE a.id IN (SELECT article_id FROM ({sql})) "
                          "ORDER BY a.seq", params)
    else:
        cur = con.execute("SELECT document FROM articles ORDER BY seq")
    n = 0
    with open(out, "w", encoding="utf-8") as handle:
        while batch := cur.fetchmany(1000):
            for (text,) in batch:
                handle.write(text + "\n")
                n += 1
    return n
