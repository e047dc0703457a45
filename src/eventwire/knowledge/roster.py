"""Who held which office when (``data/roster.tsv``) and the international organisations
eventwire knows by name (``data/igos.tsv``).

The roster lets "the US president" resolve to whoever held the office on the article's date,
and gives a known name its country and sector. Lookups are pure functions of the loaded
tables; the tables are read once and fail at load with the file, line and problem named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..errors import KnowledgeError
from . import data_line_numbers, data_path, name_key, read_tsv
from .actors import SECTORS, canonical_titles

ROSTER_COLUMNS = ("country", "title", "name", "aliases", "start", "end")
IGO_COLUMNS = ("name", "aliases", "sector")
ORG_COLUMNS = ("name", "aliases", "country", "sector")
_ISO3 = re.compile(r"^(?:[A-Z]{3})$")


@dataclass(frozen=True)
class Tenure:
    """One person in one office for one stretch of time (``end`` None = still in office)."""

    country: str  # ISO3, or "IGO" for international organisations
    title: str
    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None

    def holds_on(self, when: date) -> bool:
        """In office on ``when``: the start day counts, the end day does not (handover)."""
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Org:
    name: str
    aliases: tuple[str, ...]
    sector: str
    country: str | None = None


def _parse_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KnowledgeError(f"{value!r} is not a date (YYYY-MM-DD)", where=where) from None


def parse_roster(path: Path, titles: frozenset[str] | None = None) -> tuple[Tenure, ...]:
    """Tenures of a roster file; ``titles`` (canonical titles) checks the title column."""
    rows = read_tsv(path.name, ROSTER_COLUMNS, path)
    numbers = data_line_numbers(path)[-len(rows):] if rows else []
    tenures = []
    for row, number in zip(rows, numbers):
        where = f"{path}:{number}"
        if not (_ISO3.match(row["country"])):
            raise KnowledgeError(f"country {row['country']!r} is not an ISO3 code or IGO", where=where)
        if not row["name"] or not row["title"]:
            raise KnowledgeError("name and title must not be empty", where=where)
        if titles is not None and row["title"] not in titles:
            raise KnowledgeError(f"title {row['title']!r} is not a canonical title of titles.tsv", where=where)
        start = _parse_date(row["start"], where)
        end = _parse_date(row["end"], where) if row["end"] else None
        if end is not None and end < start:
            raise KnowledgeError(f"end {end} is before start {start}", where=where)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        tenures.append(Tenure(row["country"], row["title"], row["name"], aliases, start, end))
    return tuple(tenures)


def parse_national_orgs(path: Path) -> tuple[Org, ...]:
    """National organisations (``organisations.tsv``): name, aliases, country, sector."""
    rows = read_tsv(path.name, ORG_COLUMNS, path)
    numbers = data_line_numbers(path)[-len(rows):] if rows else []
    orgs = []
    for row, number in zip(rows, numbers):
        where = f"{path}:{number}"
        if row["country"] and not _ISO3.match(row["country"]):
            raise KnowledgeError(f"country {row['country']!r} is not an ISO3 code", where=where)
        if row["sector"] not in SECTORS:
            raise KnowledgeError(f"unknown sector {row['sector']!r}", where=where)
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        orgs.append(Org(row["name"], aliases, row["sector"], row["country"] or None))
    return tuple(orgs)


def parse_orgs(path: Path) -> tuple[Org, ...]:
    rows = read_tsv(path.name, IGO_COLUMNS, path)
    numbers = data_line_numbers(path)[-len(rows):] if rows else []
    orgs = []
    for row, number in zip(rows, numbers):
        if row["sector"] not in {"IGO", "NGO"}:
            raise KnowledgeError(f"sector {row['sector']!r} must be IGO or NGO", where=f"{path}:{number}")
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        orgs.append(Org(row["name"], aliases, row["sector"]))
    return tuple(orgs)


class Roster:
    """Office holders indexed by name, surname and (country, title)."""

    def __init__(self, tenures: tuple[Tenure, ...]):
        self.tenures = tenures
        self._by_name: dict[str, list[Tenure]] = {}
        self._by_office: dict[tuple[str, str], list[Tenure]] = {}
        for tenure in tenures:
            for form in (tenure.name, *tenure.aliases):
                self._by_name.setdefault(name_key(form), []).append(tenure)
            self._by_office.setdefault((tenure.country, tenure.title), []).append(tenure)

    def by_name(self, name: str, when: date | None = None) -> Tenure | None:
        """The tenure a full name (or listed alias) refers to: the one held on ``when`` if
        any, else the most recent one. Bare surnames are not listed, so they never match
        here: "Vance" alone is for the text to connect, not the roster."""
        found = self._by_name.get(name_key(name))
        if not found:
            return None
        if when is not None:
            current = [t for t in found if t.holds_on(when)]
            if current:
                return current[0]
        return max(found, key=lambda t: t.start)

    def by_surname(self, surname: str, title: str) -> Tenure | None:
        """The one person with this surname who held ``title`` (any country, any time), else
        None: "President Putin" names a roster person only when nobody else fits."""
        key = name_key(surname)
        people = {t.name: t for t in self.tenures
                  if t.title == title and name_key(t.name).split()[-1] == key}
        if len(people) != 1:
            return None
        return max((t for t in self.tenures if t.name in people), key=lambda t: t.start)

    def surname_countries(self, surname: str, title: str) -> set[str]:
        """Countries where someone with this surname held ``title``: "President Bush" is
        American whichever Bush is meant."""
        key = name_key(surname)
        return {t.country for t in self.tenures
                if t.title == title and name_key(t.name).split()[-1] == key}

    def holder(self, country: str, title: str, when: date) -> Tenure | None:
        """Who held ``title`` in ``country`` on ``when`` (None when the roster does not say)."""
        for tenure in self._by_office.get((country, title), []):
            if tenure.holds_on(when):
                return tenure
        return None

    def same_person(self, a: str, b: str) -> bool:
        """Whether two name forms are listed as the same person."""
        ta, tb = self._by_name.get(name_key(a), []), self._by_name.get(name_key(b), [])
        return any(x.name == y.name for x in ta for y in tb)


class OrgIndex:
    """IGOs, NGOs and national organisations by any of their names."""

    def __init__(self, orgs: tuple[Org, ...]):
        self.orgs = orgs
        self._by_name = {name_key(form): org for org in orgs for form in (org.name, *org.aliases)}

    def get(self, name: str) -> Org | None:
        return self._by_name.get(name_key(name))


@cache
def roster() -> Roster:
    return Roster(parse_roster(data_path("roster.tsv"), canonical_titles()))


@cache
def orgs() -> OrgIndex:
    return OrgIndex(parse_orgs(data_path("igos.tsv"))
                    + parse_national_orgs(data_path("organisations.tsv")))
