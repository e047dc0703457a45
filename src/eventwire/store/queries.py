"""Queries over the stored events with the filters GDELT and ACLED users expect.

Every value a user gives is passed as a bound parameter; the SQL text is assembled only
from this module's own fragments, never from user text. ``sql`` runs the user's own SQL
on a read-only connection with external access (files, network) switched off.
"""

from __future__ import annotations

import difflib
import threading
from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, datetime

import duckdb

from ..errors import BadDateError, StoreError, UsageError
from ..model import EVENT_TYPES, STATUSES

QUADS = {"1": "verbal_cooperation", "2": "material_cooperation", "3": "verbal_conflict",
         "4": "material_conflict"}


@dataclass
class Filters:
    """What ``eventwire query`` can filter on; None means no filter."""

    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    quad: str | None = None
    status: str | None = None
    country: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    text: str | None = None
    story: str | None = None
    party: str | None = None  # an actor's identity (``entities.actor``) on either side

    def active(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def parse_day(value: str, flag: str) -> date:
    """The day of an ISO date or date-time ("2025-01-01", "2025-01-01T09:30:00Z"); anything
    else, a date with text after it included ("2025-01-01xyz"), is refused."""
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise BadDateError(f"{flag} {value!r} is not a date: give YYYY-MM-DD") from None


def country_filter(value: str, flag: str = "--country") -> str:
    """ISO 3166-1 alpha-3 for a country code or name (``RUS``, ``RU``, ``Russia``, ``England``);
    anything else is refused, naming the closest country, rather than matching nothing."""
    from ..knowledge import gazetteer
    from ..knowledge.countries import parse_country

    found = parse_country(value)
    if found:
        return found
    names = [name.title() for name in gazetteer.country_names()] + sorted(gazetteer.known_iso3())
    raise not_one_of(flag, value, "a country name or code", names,
                     listing="give a country name, or its ISO code such as GBR (a city or region: --place)")


def not_one_of(flag: str, value: str, what: str, valid, listing: str | None = None,
               rows: str = "event") -> UsageError:
    """The error for a filter value that can match nothing (no ``rows``), naming the closest
    valid value."""
    near = difflib.get_close_matches(value.strip().lower(), [v.lower() for v in valid], n=1, cutoff=0.6)
    closest = next((v for v in valid if near and v.lower() == near[0]), None)
    hint = (f"did you mean {closest}? " if closest else "") + (listing or f"give one of: {', '.join(valid)}")
    return UsageError(f"{flag} {value!r} can match no {rows}: it is not {what}", hint=hint)


def check_status(value: str) -> str:
    """A status as stored ("negated"), from any case or spacing; refused if it is none."""
    name = value.strip().lower().replace(" ", "_").replace("-", "_")
    if name not in STATUSES:
        raise not_one_of("--status", value, "an event status", STATUSES)
    return name


def check_event(value: str) -> str:
    """A PLOVER event type (any case) or a CAMEO code of 2 to 4 digits; refused otherwise."""
    text = value.strip()
    if text.isdigit() and 2 <= len(text) <= 4:
        return text
    if text.upper() in EVENT_TYPES:
        return text.upper()
    raise not_one_of("--event", value, "a PLOVER event type or a CAMEO code", EVENT_TYPES)


def check_quad(value: str) -> str:
    """A quad class as stored, from its number (1-4) or its name; refused otherwise."""
    text = value.strip()
    name = QUADS.get(text, text.lower().replace(" ", "_").replace("-", "_"))
    if name not in QUADS.values():
        raise not_one_of("--quad", value, "a quad class", [*QUADS, *QUADS.values()])
    return name


_ROLE = ("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id "
         "AND x.event_id = e.id AND x.role = '{role}' AND (strpos(lower(x.name), lower(?)) > 0 "
         "OR upper(coalesce(x.code, '')) = upper(?) OR upper(coalesce(x.country, '')) = upper(?)))")
#: An actor's name as shown, over its entity rows ``n``: the most frequent of its names not
#: in capitals (a dateline's "MOSCOW"), else the most frequent.
ACTOR_NAME = ("coalesce(mode(n.actor_name) FILTER (WHERE n.actor_name <> upper(n.actor_name)), "
              "mode(n.actor_name))")
_PARTY = ("EXISTS (SELECT 1 FROM event_actors x JOIN entities n ON n.article_id = x.article_id "
          "AND n.id = x.entity WHERE x.article_id = e.article_id AND x.event_id = e.id AND n.actor = ?)")
_ANY_COUNTRY = ("(e.location_country = ? OR EXISTS (SELECT 1 FROM event_actors x WHERE "
                "x.article_id = e.article_id AND x.event_id = e.id AND x.country = ?))")
_SPEAKER = ("(strpos(lower(coalesce(e.reported_by_name, '')), lower(?)) > 0 OR EXISTS (SELECT 1 "
            "FROM quotes q WHERE q.article_id = e.article_id AND q.id = e.quote "
            "AND strpos(lower(coalesce(q.speaker_name, '')), lower(?)) > 0))")
_TEXT = ("(strpos(lower(e.evidence_text), lower(?)) > 0 "
         "OR strpos(lower(e.event_text_text), lower(?)) > 0)")
_DATE = "coalesce(e.event_date, a.pub_date)"
#: An event's day in SQL: its own date, else its article's publication date.
EVENT_DATE = _DATE


def where_clause(f: Filters) -> tuple[str, list]:
    """The WHERE clause and its parameters for the filters."""
    parts: list[str] = []
    params: list = []

    def add(sql: str, *values) -> None:
        parts.append(sql)
        params.extend(values)

    if f.actor:
        add(_ROLE.format(role="actor"), f.actor, f.actor, f.actor)
    if f.recipient:
        add(_ROLE.format(role="recipient"), f.recipient, f.recipient, f.recipient)
    if f.event:
        event = check_event(f.event)
        add("(e.event = ? OR e.cameo = ?)", event, event)
    if f.quad:
        add("e.quad = ?", check_quad(f.quad))
    if f.status:
        add("e.status = ?", check_status(f.status))
    if f.country:
        code = country_filter(f.country)
        add(_ANY_COUNTRY, code, code)
    if f.place:
        add("strpos(lower(coalesce(e.location_name, '')), lower(?)) > 0", f.place)
    if f.since:
        add(f"{_DATE} >= ?", parse_day(f.since, "--since"))
    if f.until:
        add(f"{_DATE} <= ?", parse_day(f.until, "--until"))
    if f.speaker:
        add(_SPEAKER, f.speaker, f.speaker)
    if f.text:
        add(_TEXT, f.text, f.text)
    if f.story:
        add("a.story = ?", f.story)
    if f.party:
        add(_PARTY, f.party)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


_PEOPLE = ("(SELECT string_agg(x.name, '; ' ORDER BY x.position) FROM event_actors x "
           "WHERE x.article_id = e.article_id AND x.event_id = e.id AND x.role = '{role}')")

_EVENT_SQL = f"""
SELECT e.article_id, e.id AS event_id, {_DATE} AS date, e.event, e.mode, e.context, e.cameo, e.quad,
       e.status, {{actor}} AS actor, {{recipient}} AS recipient, e.location, e.location_name AS place,
       e.location_country AS country, e.lat, e.lon, e.reported_by_name AS reported_by,
       e.event_text_text AS event_text, e.evidence_text AS text, a.title, a.source, a.url,
       a.input_id, a.story, a.seq
FROM events e JOIN articles a ON a.id = e.article_id"""

#: Events with their actor and recipient names, as one self-contained query (for exports
#: and for embedding as a subquery).
EVENT_SELECT = _EVENT_SQL.format(actor=_PEOPLE.format(role="actor"), recipient=_PEOPLE.format(role="recipient"))
#: The same columns with the names left empty, for ``event_rows`` to fill for just the rows
#: fetched: a correlated, ordered ``string_agg`` per event costs ~20 ms a page, this ~3 ms.
_EVENT_ROWS = _EVENT_SQL.format(actor="NULL", recipient="NULL")
_NAMES = """SELECT x.article_id, x.event_id, x.role, x.name FROM event_actors x
JOIN (SELECT unnest(?::VARCHAR[]) AS aid, unnest(?::VARCHAR[]) AS eid) k
  ON k.aid = x.article_id AND k.eid = x.event_id
ORDER BY x.article_id, x.event_id, x.role, x.position"""


def event_query(f: Filters, limit: int | None = None) -> tuple[str, list]:
    """The self-contained SQL of the events matching ``f`` (names included)."""
    where, params = where_clause(f)
    sql = f"{EVENT_SELECT}{where} ORDER BY date NULLS LAST, a.seq, e.id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(_page(limit))
    return sql, params


def event_rows(con: duckdb.DuckDBPyConnection, tail: str, params: list):
    """(column names, rows) of ``SELECT <event columns> ... {tail}``, actor and recipient
    names ("; "-joined in order) filled for the fetched rows only."""
    cur = con.execute(f"{_EVENT_ROWS} {tail}", params)
    columns = [d[0] for d in cur.description]
    rows = [list(row) for row in cur.fetchall()]
    if rows:
        names: dict[tuple, list[str]] = {}
        keys = [[r[0] for r in rows], [r[1] for r in rows]]
        for aid, eid, role, name in con.execute(_NAMES, keys).fetchall():
            names.setdefault((aid, eid, role), []).append(name)
        at = {role: columns.index(role) for role in ("actor", "recipient")}
        for r in rows:
            for role, i in at.items():
                found = names.get((r[0], r[1], role))
                r[i] = "; ".join(found) if found else None
    return columns, [tuple(r) for r in rows]


def run_query(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = None, offset: int = 0):
    """(column names, rows) of the events matching ``f``, in date order."""
    where, params = where_clause(f)
    tail = f"{where} ORDER BY date NULLS LAST, a.seq, e.id"
    if limit is not None:
        tail += " LIMIT ? OFFSET ?"
        params += [_page(limit), _page(offset, "--offset")]
    return event_rows(con, tail, params)


#: The largest LIMIT or OFFSET DuckDB takes (BIGINT); a larger one means "all" and is clamped.
MAX_PAGE = 2**63 - 1


def _page(value: int, option: str = "--limit") -> int:
    """A LIMIT or OFFSET for DuckDB: never negative, at most ``MAX_PAGE``."""
    if value < 0:
        raise UsageError(f"{option} must be zero or more")
    return min(value, MAX_PAGE)


def run_sql(con: duckdb.DuckDBPyConnection, text: str, timeout: float = 30.0):
    """The user's own SQL, read-only and without file or network access, stopped after
    ``timeout`` seconds (0: never) or at Ctrl-C: it runs on a worker thread that the caller's
    thread interrupts through DuckDB, since a signal does not reach a thread inside a query."""
    if not text.strip():
        raise UsageError("the SQL statement is empty", hint='give one, e.g. eventwire sql "SHOW TABLES"')
    con.execute("SET enable_external_access = false")
    done: dict[str, object] = {}
    finished = threading.Event()  # not Thread.join: a Ctrl-C inside join leaves the thread marked dead

    def work() -> None:
        try:
            cur = con.execute(text)
            done["value"] = (([], []) if cur is None or cur.description is None
                             else ([d[0] for d in cur.description], cur.fetchall()))
        except duckdb.Error as exc:
            done["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=work, name="eventwire-sql", daemon=True).start()
    try:
        if not finished.wait(timeout if timeout > 0 else None):
            con.interrupt()
            finished.wait(10)
            raise StoreError(f"the query ran for over {timeout:g} s and was stopped",
                             hint="narrow it, or allow longer with --timeout SECONDS (0: no limit)")
    except KeyboardInterrupt:
        con.interrupt()
        finished.wait(10)
        raise
    if "error" in done:
        raise StoreError(f"the query failed: {str(done['error']).splitlines()[0]}",
                         hint="the store is read-only here; see the tables with: SHOW TABLES") from None
    return done["value"]


def participants(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict:
    """(article, event) -> {"actor": [...], "recipient": [...]} for the given articles: each side's
    name, country, sector, CAMEO code and span (start, end, text), in order."""
    found: dict = defaultdict(lambda: {"actor": [], "recipient": []})
    rows = con.execute(
        "SELECT article_id, event_id, role, name, country, sector, code, span_start, span_end, span_text "
        "FROM event_actors WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY position",
        [article_ids]).fetchall()
    for aid, eid, role, name, country, sector, code, start, end, text in rows:
        found[(aid, eid)][role].append({"name": name, "country": country, "sector": sector, "code": code,
                                        "start": start, "end": end, "text": text})
    return found
