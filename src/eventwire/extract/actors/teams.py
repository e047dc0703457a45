"""Teams in a sports report: a city, county or state named as a competitor is its team, an
organisation ("Leeds beat Chelsea", "Kent reached 108 for three", "SEATTLE 9 Baltimore 6"),
while a country stays the country (national teams are named by their country in news and in
the CoNLL-2003 convention), and a place after "in", "at", "near" or "from" stays a place.

Only sports reports (``ann.sport``, set by the ``sports`` component) are read this way:
news of other kinds keeps every city a place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...knowledge import gazetteer, name_key
from ...knowledge.actors import demonym_country
from ...knowledge.countries import country_code
from ..sports import INITIAL, team_nouns
from .tokens import NameMention

PLACE_WORDS = frozenset({"in", "at", "near", "from", "outside", "around", "of", "to", "towards"})


def _place_context(doc: Doc, m: NameMention) -> bool:
    """"in Milwaukee", "at Old Trafford , Manchester", "the Moscow club"."""
    before = doc[m.start - 1] if m.start > 0 else None
    if before is not None and before.lower_ in PLACE_WORDS:
        return True
    if before is not None and before.text == "," and m.start > 1 and doc[m.start - 2].ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    if m.end < len(doc):
        after = doc[m.end]
        if after.lower_ in team_nouns():
            return True
        if after.text == "-" and m.end + 1 < len(doc) and doc[m.end + 1].lower_ == "based":
            return True
    return False


def _team_like(doc: Doc, m: NameMention) -> bool:
    """A name that can be a team named after its home: a place the model saw, or a city or
    state the gazetteer knows (the model often calls "Leicestershire" or "Atalanta" a
    person)."""
    key = name_key(m.text(doc))
    if country_code(key) or demonym_country(key) or m.key:
        return False
    if m.label in {"GPE", "LOC"}:
        return True
    if m.label == "PERSON" and m.end - m.start == 1:
        hit = gazetteer.lookup(m.text(doc).title())
        return hit is not None and hit.feature in {"city", "state", "region"}
    return False


def _lone_words(doc: Doc, mentions: list[NameMention]) -> set[str]:
    """One-word "people" that are no word of any longer person name in the report: team
    reports name a player in full before his surname alone, so these are teams the model
    took for people ("Rotor are well placed", "Derbyshire kept up the hunt")."""
    name_words = {t.lower_ for m in mentions if m.label == "PERSON" and m.end - m.start > 1
                  for t in doc[m.start:m.end]}
    return {name_key(m.text(doc)) for m in mentions
            if m.label == "PERSON" and m.end - m.start == 1 and not INITIAL.match(doc[m.start].text)
            and doc[m.start].lower_ not in name_words}


def relabel_teams(doc: Doc, mentions: list[NameMention]) -> None:
    """In a sports report, places named as competitors become their teams (ORG); every other
    mention of the same name follows, unless it sits in a place context."""
    teams: set[str] = set()
    lone = _lone_words(doc, mentions)
    for m in mentions:
        if m.kind != "name" or m.fixed or not (_team_like(doc, m) or name_key(m.text(doc)) in lone):
            continue
        if _place_context(doc, m):
            continue
        m.label, m.country, m.sector = "ORG", None, None
        teams.add(name_key(m.text(doc)))
    for m in mentions:
        if m.label != "ORG" and not m.key and not m.fixed and name_key(m.text(doc)) in teams \
                and not _place_context(doc, m):
            m.label = "ORG"
