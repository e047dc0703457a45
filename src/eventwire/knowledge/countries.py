"""Countries by name or code: the one resolver extraction and the store's filters share.

``country_code`` reads a country's name as news writes it: the names of GeoNames and ISO
3166 and the aliases of ``data/country_aliases.tsv`` ("Russia", "Russian Federation",
"U.S.", "Britain", "Congo"). Extraction asks only this: a capitalised "IN" or "TO" in a
text is no country. ``parse_country`` also takes the codes a user types in a filter
("RUS", "RU", "643"), and is what ``--country`` and ``?country=`` read.
"""

from __future__ import annotations

from functools import lru_cache

from . import gazetteer


@lru_cache(maxsize=65536)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-3 of a country's name or alias, else None (remembered: the actors
    component asks for the same few names many times per article)."""
    return gazetteer.country_by_name(name)


def parse_country(text: str) -> str | None:
    """ISO3 of a country name, alias or ISO code (alpha-3, alpha-2, numeric), else None."""
    text = text.strip()
    found = country_code(text)
    if found:
        return found
    if text.upper() in gazetteer.known_iso3():
        return text.upper()
    import pycountry

    try:  # ISO alpha-2 and numeric codes, official names (fuzzy search is not used: it maps
        return str(pycountry.countries.lookup(text).alpha_3)  # "RUZ" to Afghanistan by a province)
    except LookupError:
        return None
