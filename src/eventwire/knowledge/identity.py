"""One identity per real-world actor across the store: the key two entities of different
articles share when they are the same actor (issue 15).

The key is a pure function of what the store keeps of an entity (name, type, country,
sector) and the knowledge files, so it is the same whichever article came first and is
recomputed the same way by a migration:

- a person: the roster's name for any of its listed forms ("Zelensky" = "Zelenskiy"), or
  for a surname alone when one roster person of the entity's country has it ("Putin", RUS),
  else PETRARCH-2's dictionary name for a name it lists ("Vladimir V. Putin"), else the name
  itself (case, dots and a leading "the" aside): ``person:vladimir putin``;
- a state: a country by its name or alias ("US", "U.S.", "United States", "Britain", "UK"),
  its nationality word ("British", "Russian") and its capital or seat acting for its
  government ("Moscow said", "the Kremlin") are the one state: ``state:RUS``;
- an organisation: by the canonical name of the IGO and organisation lists, then of the
  actor dictionaries ("U.N." = "United Nations"): ``org:united nations``;
- anything else by its type and name: ``gpe:moscow`` (the city as a place), ``norp:russian
  officials``.

``actor_name`` is the name the actor is shown by: the roster's or dictionary's person name,
the country's common name, the list's organisation name, else the entity's own.
"""

from __future__ import annotations

from functools import lru_cache

from . import name_key
from .actors import demonym_country, metonyms
from .cameo_actors import cameo_actors
from .countries import country_code
from .gazetteer import country_name
from .roster import Tenure, orgs, roster

#: Entity types whose name can stand for a state.
_STATE_TYPES = frozenset({"GPE", "NORP", "ORG"})


def _by_surname(name: str, country: str | None) -> Tenure | None:
    """A one-word person name ("Putin") of a known country: the roster person of that country
    with that surname, when there is exactly one."""
    if country is None or len(name.split()) != 1:
        return None
    key = name_key(name)
    people = {t.name: t for t in roster().tenures
              if t.country == country and name_key(t.name).split()[-1] == key}
    return next(iter(people.values())) if len(people) == 1 else None


def _stands_for_state(name: str, type_: str, country: str | None, sector: str | None) -> bool:
    """The name is the country itself, its nationality word, or its capital or seat acting
    for its government."""
    if not country or type_ not in _STATE_TYPES:
        return False
    if type_ in {"GPE", "NORP"} and sector is None:
        return country_code(name) == country or demonym_country(name) == country
    meto = metonyms().get(name_key(name))
    return meto is not None and meto.country == country and sector == meto.sector and type_ == "ORG"


@lru_cache(maxsize=65536)
def identity(name: str, type_: str | None, country: str | None, sector: str | None) -> tuple[str, str]:
    """(key, display name) of the actor an entity is."""
    type_ = (type_ or "").upper()
    if type_ == "PERSON":
        tenure = roster().by_name(name) or _by_surname(name, country)
        if tenure is not None:
            return "person:" + name_key(tenure.name), tenure.name
        listed = cameo_actors().get(name) if len(name.split()) > 1 else None
        return "person:" + name_key(listed.name if listed is not None else name), name
    if _stands_for_state(name, type_, country, sector):
        return "state:" + str(country), country_name(str(country))
    if type_ == "ORG":
        org = orgs().get(name)
        if org is not None:
            return "org:" + name_key(org.name), org.name
    return f"{type_.lower() or 'other'}:" + name_key(name), name
