"""Exports of the stored events for the tools event-data users already have.

    plover   PLOVER records as JSON lines, field for field as in the PLOVER manual and gold
             records (id, date, source and target as lists of actor objects, event, eventText,
             context, mode, text, textInfo, eventLoc, language, publication, coder, version,
             dateCoded), eventwire's own fields under "eventwire"
    gdelt    the GDELT 2.0 Event table: 61 tab-separated columns in codebook order, no header
             (one row per event however many stored articles report it; see ``gdelt``)
    gdelt-mentions  the GDELT 2.0 Mentions table: one row per stored report of those events
    csv      one row per event for analysts (``ANALYST_SCHEMA``): participants' names, codes,
             countries and sectors, a typed date with its precision, place and coordinates
    parquet  the same rows as a Parquet dataset written by DuckDB, partitioned by day
             (``day=YYYY-MM-DD/``)

``out`` ``-`` writes to standard output (every format but parquet).
    jsonl    the contract documents, one per line, exactly as stored

Every export takes the same ``Filters`` as ``eventwire query``.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import UsageError
from . import gdelt
from .output import opened
from .queries import Filters, event_query, participants

FORMATS = ("plover", "gdelt", "gdelt-mentions", "csv", "parquet", "jsonl")


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: Path, filters: Filters | None = None) -> int:
    """Write the export; returns the number of records written."""
    writers = {"plover": export_plover, "gdelt": gdelt.export_events, "gdelt-mentions": gdelt.export_mentions,
               "csv": export_csv, "parquet": export_parquet, "jsonl": export_jsonl}
    if fmt not in writers:
        raise UsageError(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if str(out) != "-":
        out = Path(out)
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True)
    return writers[fmt](con, out, filters or Filters())


def event_table(con: duckdb.DuckDBPyConnection, filters: Filters) -> pa.Table:
    sql, params = event_query(filters)
    return con.sql(sql, params=params).to_arrow_table()


def _plover_actor(who: dict) -> dict:
    """A PLOVER actor object: the words that name it, its country (or CAMEO code when it has
    none, as for an IGO) and its sector."""
    return {"actorText": who["text"] or who["name"], "code": who["country"] or who["code"], "sector": who["sector"]}


def _coded(who: dict) -> dict:
    """An actor as eventwire codes it: name, CAMEO code, country, sector and the span."""
    return {"name": who["name"], "code": who["code"], "country": who["country"], "sector": who["sector"],
            "span": {"start": who["start"], "end": who["end"], "text": who["text"]}}


def _markup(text: str, start: int, marks: list[tuple[int, int, str]]) -> str | None:
    """PLOVER's ``textInfo.markup``: the sentence with ``(SRC: ...)``, ``(TAR: ...)`` and
    ``(EVT: ...)`` around the spans inside it; None when no span is inside it."""
    inside = sorted((s - start, e - start, label) for s, e, label in marks
                    if s is not None and e is not None and start <= s < e <= start + len(text))
    out, at = [], 0
    for s, e, label in inside:
        if s < at:
            continue  # overlapping spans: the first one is marked
        out += [text[at:s], f"({label}: {text[s:e]})"]
        at = e
    return "".join(out + [text[at:]]) if inside else None


def plover_records(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict]:
    """The events as PLOVER records: PLOVER's field names and shapes (``source`` and
    ``target`` are lists of actor objects, ``context`` a comma-separated string, ``eventLoc``
    an object), with eventwire's own fields under ``eventwire``."""
    import pycountry

    from .. import __version__

    rows = event_table(con, filters).to_pylist()
    ids = sorted({r["article_id"] for r in rows})
    people = participants(con, ids)
    extra = {aid: (lang, added, text) for aid, lang, added, text in con.execute(
        "SELECT id, language, ingested_at, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall()}
    metadata = article_metadata(con, ids)
    spans = {(aid, eid): (es, ee, vs, ve) for aid, eid, es, ee, vs, ve in con.execute(
        "SELECT article_id, id, event_text_start, event_text_end, evidence_start, evidence_end FROM events "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    records = []
    for r in rows:
        who = people[(r["article_id"], r["event_id"])]
        language, added, _ = extra[r["article_id"]]
        es, ee, vs, ve = spans[(r["article_id"], r["event_id"])]
        record = {
            "id": f"{r['input_id'] or r['article_id']}-{r['event_id']}",
            "date": r["date"].isoformat() if r["date"] else None,
            "source": [_plover_actor(a) for a in who["actor"]],
            "target": [_plover_actor(a) for a in who["recipient"]],
            "event": r["event"], "eventText": r["event_text"],
            "context": ", ".join(c for c in (r["context"] or "").split(",") if c),
            "text": r["text"],
        }
        if r["mode"]:
            record["mode"] = r["mode"]
        marks = [(a["start"], a["end"], "SRC") for a in who["actor"]] + \
            [(a["start"], a["end"], "TAR") for a in who["recipient"]] + [(es, ee, "EVT")]
        markup = _markup(r["text"] or "", vs, marks) if vs is not None else None
        if markup:
            record["textInfo"] = {"markup": markup}
        if r["place"]:
            found = pycountry.countries.get(alpha_3=r["country"]) if r["country"] else None
            record["eventLoc"] = {"name": r["place"], **({"country code": found.alpha_2} if found else {})}
        if r["source"] or r["url"]:
            record["publication"] = r["source"] or r["url"]
        record.update({
            "language": language, "coder": "eventwire",
            "version": __version__, "dateCoded": added.date().isoformat() if added else None,
            "eventwire": {
                "status": r["status"], "quad": r["quad"], "cameo": r["cameo"],
                "reported_by": r["reported_by"],
                "event_text": {"start": es, "end": ee, "text": r["event_text"]},
                "evidence": {"start": vs, "end": ve, "text": r["text"]},
                "actors": [_coded(a) for a in who["actor"]],
                "recipients": [_coded(a) for a in who["recipient"]],
                "location": ({"name": r["place"], "country": r["country"], "lat": r["lat"], "lon": r["lon"]}
                             if r["place"] else None),
                "article": r["article_id"], "input_id": r["input_id"], "url": r["url"], "story": r["story"],
                "metadata": metadata.get(r["article_id"], {}),
            },
        })
        records.append(record)
    return records


def export_plover(con, out: Path, filters: Filters) -> int:
    """PLOVER records, one JSON object per line."""
    records = plover_records(con, filters)
    with opened(out) as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return len(records)


#: The analysts' flat row (CSV and Parquet): one per event, participants "; "-joined in order.
ANALYST_SCHEMA = pa.schema([
    ("id", pa.string()), ("date", pa.date32()), ("date_precision", pa.string()), ("date_from", pa.string()),
    ("event", pa.string()), ("cameo", pa.string()), ("quad", pa.string()), ("status", pa.string()),
    ("mode", pa.string()), ("context", pa.string()),
    ("actor", pa.string()), ("actor_code", pa.string()), ("actor_country", pa.string()), ("actor_sector", pa.string()),
    ("recipient", pa.string()), ("recipient_code", pa.string()), ("recipient_country", pa.string()),
    ("recipient_sector", pa.string()),
    ("place", pa.string()), ("place_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("reported_by", pa.string()), ("event_text", pa.string()), ("text", pa.string()),
    ("title", pa.string()), ("source", pa.string()), ("url", pa.string()), ("published", pa.date32()),
    ("article_id", pa.string()), ("input_id", pa.string()), ("story", pa.string()),
])
_PERIODS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), "day", lambda m: date(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(\d{4})-W(\d{2})$"), "week", lambda m: date.fromisocalendar(int(m[1]), int(m[2]), 1)),
    (re.compile(r"(\d{4})-(\d{2})$"), "month", lambda m: date(int(m[1]), int(m[2]), 1)),
    (re.compile(r"(\d{4})-Q([1-4])$"), "quarter", lambda m: date(int(m[1]), 3 * int(m[2]) - 2, 1)),
    (re.compile(r"(\d{4})$"), "year", lambda m: date(int(m[1]), 1, 1)),
    (re.compile(r"(\d{3})$"), "decade", lambda m: date(int(m[1]) * 10, 1, 1)),
)


def period_start(value: str | None) -> tuple[date | None, str | None]:
    """The first day of the period a TIMEX3 date value names, and its precision:
    "2004-12" -> (2004-12-01, "month"), "2004-W49" -> (the Monday, "week"), "198" -> (1980-01-01,
    "decade"); (None, None) for anything else (PRESENT_REF, durations)."""
    for pattern, precision, first in _PERIODS:
        match = pattern.match(value or "")
        if match:
            try:
                return first(match), precision
            except ValueError:
                return None, None
    return None, None


def analyst_table(con: duckdb.DuckDBPyConnection, filters: Filters) -> pa.Table:
    """The matching events as analysts' rows (``ANALYST_SCHEMA``): dates typed, with the
    precision the text gave and whether they come from the event or its article; then one
    ``meta_<field>`` column per metadata field the articles carry (JSONL ``category`` ...)."""
    rows = event_table(con, filters).to_pylist()
    ids = sorted({r["article_id"] for r in rows})
    people = participants(con, ids)
    extra = {(aid, eid): (value, published) for aid, eid, value, published in con.execute(
        "SELECT e.article_id, e.id, e.date_value, a.pub_date FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.article_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()}
    out = []
    for r in rows:
        key = (r["article_id"], r["event_id"])
        value, published = extra[key]
        day, precision = period_start(value)
        source = "event" if day else ("published" if published else None)
        if not day and published:
            day, precision = published, "day"
        who = people[key]
        row = {name: r.get(name) for name in ANALYST_SCHEMA.names}
        row.update({"id": f"{r['input_id'] or r['article_id']}-{r['event_id']}", "date": day,
                    "date_precision": precision, "date_from": source, "place_country": r["country"],
                    "published": published})
        for role in ("actor", "recipient"):
            for field, column in (("name", role), ("code", f"{role}_code"), ("country", f"{role}_country"),
                                  ("sector", f"{role}_sector")):
                row[column] = "; ".join(p[field] or "" for p in who[role]) if any(p[field] for p in who[role]) else None
        out.append(row)
    table = pa.Table.from_pylist(out, schema=ANALYST_SCHEMA)
    metadata = article_metadata(con, ids)
    for key in sorted({k for fields in metadata.values() for k in fields}):
        values = [metadata.get(r["article_id"], {}).get(key) for r in out]
        table = table.append_column(f"meta_{key}", pa.array(
            [None if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in values], pa.string()))
    return table


def article_metadata(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict]:
    """Each article's metadata (the input's other fields), for those that have any."""
    found = {}
    for aid, text in con.execute(
            "SELECT id, json_extract(document, '$.article.metadata') FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall():
        fields = json.loads(text) if text else None
        if fields:
            found[aid] = fields
    return found


def export_csv(con, out, filters: Filters) -> int:
    """One row per event (``ANALYST_SCHEMA``), dates as YYYY-MM-DD, empty cells for nothing."""
    table = analyst_table(con, filters)
    with opened(out) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(table.column_names)
        for row in table.to_pylist():
            writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v
                             for v in row.values()])
    return table.num_rows


def export_parquet(con, out: Path, filters: Filters) -> int:
    """A Parquet dataset under ``out`` written by DuckDB's COPY, one ``day=YYYY-MM-DD`` folder per
    event date (the article's date when the event has none; ``day=unknown`` when neither is
    known); inside, ``date`` and ``published`` are DATE columns."""
    if str(out) == "-":
        raise UsageError("parquet cannot go to standard output: it is a folder of files",
                         hint="give a folder with -o, or use --format csv for standard output")
    table = analyst_table(con, filters)
    con.register("_eventwire_export", table)
    try:
        con.execute(f"COPY (SELECT *, coalesce(strftime(date, '%Y-%m-%d'), 'unknown') AS day FROM _eventwire_export) "
                    f"TO '{_sql_path(out)}' (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE)")
    finally:
        con.unregister("_eventwire_export")
    return table.num_rows


def _sql_path(out: Path) -> str:
    return str(out).replace("'", "''")


def export_jsonl(con, out: Path, filters: Filters) -> int:
    """The contract documents of the articles with a matching event (all when unfiltered)."""
    if filters.active():
        sql, params = event_query(filters)
        cur = con.execute(f"SELECT a.document FROM articles a WHERE a.id IN (SELECT article_id FROM ({sql})) "
                          "ORDER BY a.seq", params)
    else:
        cur = con.execute("SELECT document FROM articles ORDER BY seq")
    n = 0
    with opened(out) as handle:
        while batch := cur.fetchmany(1000):
            for (text,) in batch:
                handle.write(text + "\n")
                n += 1
    return n
