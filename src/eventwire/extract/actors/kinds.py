"""What kind of thing a name is, from the words it is made of (``data/name_words.tsv``):
the small model calls "Jones Medical Industries Inc" right but "Jones" alone a person,
"Hong Kong Open" an organisation, "Dynamo Moscow" a place.

- a name ending in a competition word ("Open", "Cup", "Grand Prix") is an event;
- a name ending in an institution word ("Party", "Ministry", "Airlines") is an
  organisation, unless the gazetteer knows it as a place ("West Bank");
- in a sports report a name starting or ending with a club word ("Dynamo Moscow",
  "Manchester United") is a team;
- a company named with its legal form ("Pirelli SpA", "Cofinec S.A.") is also named by
  the words before it, alone or by the first of them: those mentions are the company too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ...knowledge import gazetteer, name_key
from ...knowledge.actors import name_words
from ...knowledge.roster import orgs, roster

if TYPE_CHECKING:
    from .tokens import NameMention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _kinds(word: str) -> frozenset[str]:
    return name_words().get(word.replace(".", "").lower(), frozenset())


def _is_place(text: str) -> bool:
    return gazetteer.lookup(text) is not None


def _relabel(doc: Doc, m: NameMention, sports: bool) -> None:
    tokens = doc[m.start:m.end]
    if len(tokens) < 2 or m.key or m.fixed or orgs().get(tokens.text) is not None:
        return
    last, first = _kinds(tokens[-1].text), _kinds(tokens[0].text)
    if "event" in last and m.label != "PERSON":
        m.label = "EVENT"
    elif last & {"org", "company"} and m.label != "ORG":
        if not (m.label in PLACE_LABELS and _is_place(tokens.text)) and roster().by_name(tokens.text) is None:
            m.label, m.country, m.sector = "ORG", None, None
    elif sports and "club" in (first | last) and m.label != "ORG":
        m.label, m.country, m.sector = "ORG", None, None


def _company_stems(doc: Doc, mentions: list[NameMention]) -> set[str]:
    """The shorter names of companies named with their legal form."""
    stems: set[str] = set()
    for m in mentions:
        tokens = doc[m.start:m.end]
        if m.label != "ORG" or len(tokens) < 2 or "company" not in _kinds(tokens[-1].text):
            continue
        stem = tokens[:-1]
        while len(stem) > 1 and "company" in _kinds(stem[-1].text):
            stem = stem[:-1]  # "Kia Motor Co Ltd"
        stems.add(name_key(stem.text))
        stems.add(name_key(stem[0].text))
    return stems


def apply_name_words(doc: Doc, mentions: list[NameMention], sports: bool) -> set[str]:
    """Relabel name mentions by their naming words; then mentions of a company's short name.
    Returns the short names (``name_key`` form), for the scan that finds untagged names."""
    for m in mentions:
        if m.kind == "name":
            _relabel(doc, m, sports)
    stems = _company_stems(doc, mentions)
    if not stems:
        return stems
    surnames = {doc[m.end - 1].lower_ for m in mentions if m.label == "PERSON" and m.end - m.start > 1}
    for m in mentions:
        key = name_key(m.text(doc))
        if m.kind == "name" and m.label != "ORG" and not m.key and key in stems and key not in surnames:
            m.label, m.country, m.sector = "ORG", None, None
    return stems - surnames
