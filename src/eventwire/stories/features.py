"""What a story clusterer looks at in one document, as groups of weighted features.

    words   content words of the title and text (what plain TF-IDF sees)
    names   the people, organisations and groups the extractors found (actors too)
    places  places and countries
    events  PLOVER event types
    years   the year of the lead's date (two real events of the same kind are usually
            years apart)
    persons named people by last name: who an event of a given kind happened to
    cities  places below country level: where it happened
    dates   every year the article's dates name (background years included)

When the document carries no named people or organisations (the actors component was not
run), capitalised word runs inside sentences stand in for names; without time expressions,
a four-digit year in the lead stands in for the lead's date.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from ..model import Document
from .days import article_date

GROUPS = ("words", "names", "places", "events", "years", "persons", "cities", "dates")
_WORD = re.compile(r"[a-z][a-z'\-]+")
_PROPER = re.compile(r"[A-Z][a-zA-Z'\-]+(?:\s+(?:[A-Z][a-zA-Z'\-]+))*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_VALUE = re.compile(r"^(?:19|20)\d\d")
LEAD_CHARS = 400
_NAME_TYPES = {"PERSON", "ORG", "NORP", "FAC", "EVENT"}
_PLACE_TYPES = {"GPE", "LOC"}


def words(text: str) -> Counter[str]:
    """Content words, lowercased, without stop words or very short tokens."""
    return Counter(w.strip("'-") for w in _WORD.findall(text.lower())
                   if len(w) > 2 and w not in STOP_WORDS)


def proper_runs(text: str) -> Counter[str]:
    """Capitalised word runs not at a sentence start: a stand-in for names without NER."""
    found: Counter[str] = Counter()
    for match in _PROPER.finditer(text):
        before = text[:match.start()].rstrip(" \"'(")
        if not before or before[-1] in ".!?\n:":
            _, _, rest = match[0].partition(" ")
            if not rest:
                continue
            found[rest.lower()] += 1
            continue
        found[match[0].lower()] += 1
    return found


def _entity_groups(doc: Document) -> tuple[Counter[str], Counter[str]]:
    names: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for ent in doc.entities:
        weight = max(1, len(ent.mentions))
        if ent.type in _NAME_TYPES:
            names[ent.name.lower()] += weight
        elif ent.type in _PLACE_TYPES:
            places[ent.name.lower()] += weight
    for place in doc.places:
        places[place.name.lower()] += max(1, len(place.mentions))
        if place.country:
            places[f"cc:{place.country}"] += 1
    return names, places


def _years(doc: Document) -> Counter[str]:
    """The year of the lead's date: the first time expression with an explicit year in
    the opening lines (a dateline, "May 3, 2013"), else the publication year. Years later
    in the text are more often background ("previously in rehab in 2005") and left out."""
    for t in sorted(doc.times, key=lambda t: t.text.start):
        if t.text.start >= LEAD_CHARS:
            break
        if t.type in ("DATE", "TIME") and _YEAR_VALUE.match(t.value):
            return Counter({t.value[:4]: 1})
    if not doc.times:
        found = _YEAR.search(doc.article.text[:LEAD_CHARS])
        if found:
            return Counter({found[0]: 1})
    day = article_date(doc)
    return Counter({str(day.year): 1}) if day else Counter()


def _persons(doc: Document) -> Counter[str]:
    """Named people by last name, so "Brian Nichols" and "Brian G. Nichols" meet. Names of
    one word are left out: they are most often capitalised words mis-tagged as people
    ("Dangerous", "Armed"), and the people they name are usually named in full too."""
    found: Counter[str] = Counter()
    for ent in doc.entities:
        parts = ent.name.split()
        if ent.type == "PERSON" and len(parts) >= 2 and parts[0][:1].isupper():
            found[parts[-1].lower().strip(".")] += max(1, len(ent.mentions))
    return found


def _cities(doc: Document) -> Counter[str]:
    """Places below country level: cities, sites, and places the gazetteer could not type."""
    found: Counter[str] = Counter()
    for place in doc.places:
        if place.feature in (None, "city", "site", "water"):
            found[place.name.lower()] += max(1, len(place.mentions))
    return found


def _mentioned_years(doc: Document) -> Counter[str]:
    """Every year the article's dates name (calendar dates, not durations or sets)."""
    return Counter(t.value[:4] for t in doc.times
                   if t.type in ("DATE", "TIME") and _YEAR_VALUE.match(t.value))


def document_features(doc: Document) -> dict[str, Counter[str]]:
    """Each group's raw counts for one document."""
    text = doc.article.text
    title = doc.article.title or ""
    names, places = _entity_groups(doc)
    if not names:  # no actors component ran (or it found none): capitalised runs stand in
        names = proper_runs(f"{title}\n{text}")
    events = Counter(ev.event for ev in doc.events)
    events.update(f"{a.code}>{ev.event}" for ev in doc.events for a in ev.actor if a.code)
    return {"words": words(f"{title}\n{text}"), "names": names, "places": places,
            "events": events, "years": _years(doc), "persons": _persons(doc),
            "cities": _cities(doc), "dates": _mentioned_years(doc)}


def unit_vector(counts: Counter[str]) -> dict[str, float]:
    """Sublinear term frequencies (1 + log tf), scaled to length one."""
    weights = {k: 1.0 + math.log(v) for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def document_day(doc: Document) -> date | None:
    return article_date(doc)
