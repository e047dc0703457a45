"""Clustering name mentions into one draft entity per real-world thing within an article.

Rules, in the order they decide:
- a key forced by the mention rules (a government seat, an acting capital) wins;
- countries by ISO3 ("US", "U.S.", "United States", "America" are one);
- people: a full name the roster lists (with its aliases: "Zelensky" = "Zelenskiy") is
  that person; a one-word name joins the full name whose surname it is (the most-mentioned
  if several share it), or whose first name it is only when exactly one full name has it;
  two different full names never merge ("Vladimir Putin" is not "Vladimir Lenin");
- organisations by the IGO list's canonical name, by acronym, else by their text;
- everything else by its text, case- and dot-insensitive, without "the".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from ...knowledge import name_key
from ...knowledge.actors import Title, demonym_country
from ...knowledge.countries import country_code
from ...knowledge.roster import Tenure, orgs, roster
from .tokens import NameMention


@dataclass
class RoleDraft:
    title: Title
    start: int  # token range of the title words
    end: int
    of: Draft | None = None


@dataclass(eq=False)
class Draft:
    """An entity under construction: its mentions, and what the rules learn about it."""

    key: str
    label: str
    mentions: list[NameMention] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    tenure: Tenure | None = None
    roles: list[RoleDraft] = field(default_factory=list)

    @property
    def names(self) -> list[NameMention]:
        return [m for m in self.mentions if m.kind == "name"]


def _person_keys(doc: Doc, mentions: list[NameMention], when: date | None) -> dict[int, str]:
    """The cluster key of every PERSON mention (by id), full names first, then single words:
    a surname joins a full name in the text before the roster is asked, so "Biden" next to
    "Hunter Biden" is Hunter, not the president."""
    keys: dict[int, str] = {}
    full: Counter[str] = Counter()
    by_last: dict[str, list[str]] = {}
    by_first: dict[str, set[str]] = {}
    people = [m for m in mentions if m.label == "PERSON"]
    for m in people:
        if m.end - m.start < 2:
            continue
        tenure = roster().by_name(m.text(doc), when)
        keys[id(m)] = "person:" + (tenure.name if tenure else name_key(m.text(doc)))
        full[keys[id(m)]] += 1
        by_last.setdefault(doc[m.end - 1].lower_, []).append(keys[id(m)])
        by_first.setdefault(doc[m.start].lower_, set()).add(keys[id(m)])
    for m in people:
        if id(m) not in keys:
            keys[id(m)] = _single_word_key(m.text(doc), by_last, by_first, full, when)
    return keys


def _single_word_key(text: str, by_last: dict[str, list[str]], by_first: dict[str, set[str]],
                     full: Counter[str], when: date | None) -> str:
    word = name_key(text)
    if word in by_last:
        return max(dict.fromkeys(by_last[word]), key=lambda k: full[k])
    if len(by_first.get(word, ())) == 1:
        return next(iter(by_first[word]))
    tenure = roster().by_name(text, when)
    return "person:" + (tenure.name if tenure else word)


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def mention_key(doc: Doc, m: NameMention) -> str:
    """The cluster key of a non-person name mention."""
    if m.key:
        return m.key
    text = m.text(doc)
    if m.label in {"GPE", "LOC"}:
        iso3 = country_code(text.replace(".", "")) or country_code(text)
        return f"country:{iso3}" if iso3 else "place:" + name_key(text)
    if m.label == "NORP":
        return "norp:" + (demonym_country(text) or name_key(text).rstrip("s"))
    if m.label in {"ORG", "FAC"}:
        org = orgs().get(text)
        return "org:" + name_key(org.name if org else text)
    return m.label.lower() + ":" + name_key(text)


def _merge_acronyms(doc: Doc, keys: dict[int, str], mentions: list[NameMention]) -> None:
    """An all-capitals ORG word that spells another ORG's initials joins it ("OSCE")."""
    long_forms: dict[str, str] = {}
    for m in mentions:
        if m.label == "ORG" and m.end - m.start >= 2:
            acro = _acronym([t.text for t in doc[m.start:m.end]])
            if len(acro) >= 2:
                long_forms.setdefault(acro, keys[id(m)])
    for m in mentions:
        text = m.text(doc).replace(".", "")
        if m.label == "ORG" and m.end - m.start == 1 and text.isupper() and text in long_forms:
            keys[id(m)] = long_forms[text]


def cluster(doc: Doc, mentions: list[NameMention], when: date | None = None) -> list[Draft]:
    """Draft entities from name mentions, in order of first mention."""
    keys = _person_keys(doc, mentions, when)
    for m in mentions:
        keys.setdefault(id(m), mention_key(doc, m))
    _merge_acronyms(doc, keys, mentions)
    drafts: dict[str, Draft] = {}
    for m in mentions:
        key = keys[id(m)]
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = Draft(key=key, label=m.label)
        draft.mentions.append(m)
    for draft in drafts.values():
        labels = Counter(m.label for m in draft.mentions)
        top = max(labels.values())
        draft.label = "PERSON" if labels["PERSON"] == top else labels.most_common(1)[0][0]
        if draft.key.startswith("person:"):
            draft.tenure = roster().by_name(draft.key[7:], when)
    return list(drafts.values())


def fullest_name(doc: Doc, draft: Draft) -> str:
    """The entity's name: its longest name mention, preferring one not in capitals
    (a dateline's "MOSCOW" is the same name as "Moscow")."""
    names = draft.names or draft.mentions
    texts = [m.text(doc) for m in names]
    return max(texts, key=lambda t: (len(t.split()), not t.isupper(), len(t)))
