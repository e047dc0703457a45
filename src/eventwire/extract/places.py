"""Places: every place mention in the article, clustered by place and geocoded offline.

Where mentions come from (``find_mentions``):

1. the dateline place ("MOSCOW" in "MOSCOW, Dec 3 —");
2. spaCy entities labelled GPE, LOC or FAC (never NORP: "Russian" is not a place);
3. names of countries, curated regions and landmarks (``gazetteer.curated_keys``) that
   NER missed or mislabelled, when capitalised and not part of a PERSON name or of a
   longer entity ("Donbas" tagged PERSON still counts; "Crimea Platform" does not).

Which mentions become places (``_keep``), the rule that keeps NER noise out:

- a name the gazetteer knows is a place, unless the same words are a PERSON's name or
  surname in this article ("Jordan" when "Michael Jordan" is named; curated regions and
  multi-word country names are exempt: nobody is called "Sri Lanka");
- an unknown name only when NER calls it a place at least as often as anything else in
  this article ("trade in Gazprom" once, "Gazprom chief" ORG twice: not a place);
- a landmark that also names an institution ("the Kremlin", "the White House") only
  when the text puts something in, at, inside, outside ... it ("a briefing in the
  Kremlin"), not when it acts ("the Kremlin said", "brief the White House");
- an unknown GPE/LOC/FAC name only when it looks like a place: capitalised words, not a
  possessive, and either ending in a place word ("Kupiansk district", "Dnipro River"),
  or the object of a spatial preposition ("fighting near Pokrovsk"), or of "in"/"at"
  ... attached to a verb ("fighting continued in Pokrovsk", but not "a stake in
  Gazprom"). It keeps its mentions with country and coordinates null: no guessing.

How names are resolved: the article's context (dateline country, countries and curated
regions it names, US states it names) and explicit qualifiers ("Moscow, Idaho",
"Paris, France", "Washington state") rank the gazetteer's candidates (``gazetteer.score``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from ..knowledge import gazetteer, word_list
from ..knowledge.countries import country_code
from ..knowledge.gazetteer import Context, GeoHit
from ..model import Place
from ..nlp import Annotated, char_span
from ..registry import components

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that put a thing at a place ("in Moscow", "near the border").
LOCATIVE = frozenset({
    "in", "at", "inside", "outside", "near", "into", "from", "to", "across", "around",
    "throughout", "within", "toward", "towards", "through", "via", "between", "beyond",
    "along", "off", "over", "on", "onto",
})
#: Prepositions that are only ever spatial: enough, alone, to make an unknown name a place.
SPATIAL = frozenset({"near", "outside", "inside", "throughout", "around", "across", "within"})
#: The narrower set for institution-buildings: "a letter to the White House" is the body.
LOCATIVE_SITE = frozenset({"in", "at", "inside", "outside", "near", "into", "within", "around", "across"})
_CONNECTORS = frozenset({"of", "the", "de", "al", "el", "la", "and", "upon", "on", "du", "des", "-"})
_MAX_SCAN = 6


@dataclass
class PlaceMention:
    """A stretch of text that names a place, before it is resolved."""

    start: int          # token index
    end: int            # token index, exclusive
    label: str          # NER label, DATELINE or GAZ
    hint: str | None = None   # qualifying country ISO3 ("Paris, France")
    state: str | None = None  # qualifying US state code ("Moscow, Idaho")
    hit: GeoHit | None = None


@components.register("places")
class PlacesComponent:
    """Finds place mentions, resolves them against the offline gazetteer, clusters them."""

    name = "places"
    requires = ("doc",)
    assigns = ("places", "token_place")

    def __call__(self, ann: Annotated) -> None:
        votes = _label_votes(ann.doc)
        mentions = [m for m in find_mentions(ann) if _keep(m, ann.doc, votes)]
        _qualify(mentions, ann.doc)
        context = article_context(mentions, ann)
        for m in mentions:
            m.hit = _resolve(m, ann.doc, context)
        places, token_place = cluster(mentions, ann)
        ann.places.extend(places)
        ann.token_place.update(token_place)


def find_mentions(ann: Annotated) -> list[PlaceMention]:
    """Dateline, NER and gazetteer mentions, in text order, without overlaps."""
    doc = ann.doc
    found: list[PlaceMention] = []
    dateline = _dateline_mention(ann)
    if dateline:
        found.append(dateline)
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            for start, end in _split_list(doc, *_trim(doc, ent.start, ent.end)):
                found.append(PlaceMention(start, end, ent.label_))
    found.extend(_scan(doc))
    return _without_overlaps(found)


def _dateline_mention(ann: Annotated) -> PlaceMention | None:
    dateline = ann.article.dateline
    if not dateline:
        return None
    start = dateline.span.start
    end = start + len(dateline.place)
    if ann.text[start:end].lower() != dateline.place.lower():
        return None
    span = char_span(ann.doc, start, end)
    return PlaceMention(span.start, span.end, "DATELINE", hint=dateline.country) if span is not None else None


def _split_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """One entity NER made of a list ("Czech Republic, South Africa", "Moscow, Idaho") as
    its parts, when every part is a known place; else the entity whole."""
    if start >= end:
        return []
    commas = [t.i for t in doc[start:end] if t.text == ","]
    if not commas:
        return [(start, end)]
    bounds = [start, *commas, end]
    parts = [(a + (a != start), b) for a, b in pairwise(bounds)]
    if all(a < b and gazetteer.candidates(doc[a:b].text) for a, b in parts):
        return parts
    return [(start, end)]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and trailing possessive or punctuation from an entity."""
    while start < end and (doc[start].lower_ in ("the", "a") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _scan(doc: Doc) -> list[PlaceMention]:
    """Curated names (countries, regions, landmarks) wherever they appear capitalised."""
    keys = gazetteer.curated_keys()
    firsts = gazetteer.curated_first_words()
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not token.text[:1].isupper() or gazetteer.normalize(token.text) not in firsts:
            i += 1
            continue
        for n in range(min(_MAX_SCAN, len(doc) - i), 0, -1):
            if doc[i + n - 1].is_space:
                continue  # "TORONTO\n" must end at the name
            if gazetteer.normalize(doc[i:i + n].text) in keys:
                found.append(PlaceMention(i, i + n, "GAZ"))
                i += n - 1
                break
        i += 1
    ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    return [m for m in found if _scan_allowed(doc, m, ent_of)]


def _scan_allowed(doc: Doc, m: PlaceMention, ent_of: dict) -> bool:
    """A gazetteer match counts unless it is part of a longer entity. Over a PERSON
    entity it counts for a curated region ("Donbas") or a multi-word country name, or
    for a country or city the text puts somewhere or acts on ("struck Kharkiv"), never
    for "Hamilton said"."""
    for i in range(m.start, m.end):
        ent = ent_of.get(i)
        if ent is None:
            continue
        if _trim(doc, ent.start, ent.end) != (m.start, m.end):
            return False
        if ent.label_ == "PERSON" and not _never_a_person(doc[m.start:m.end].text):
            root = doc[m.start:m.end].root
            return root.dep_ == "dobj" or _governing_preposition(doc, m.start, m.end) in LOCATIVE
    return True


def _never_a_person(text: str) -> bool:
    """Curated regions and multi-word country names ("Sri Lanka") are never people's
    names; one-word countries can be ("Jordan", "Georgia", "Chad")."""
    hits = gazetteer.candidates(text)
    if len(hits) != 1:
        return False
    return hits[0].kind == "curated" or (hits[0].kind == "country" and len(text.split()) > 1)


def _without_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Earlier sources win (dateline, then NER, then scan); result in text order."""
    taken: set[int] = set()
    kept = []
    for m in mentions:
        tokens = set(range(m.start, m.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _label_votes(doc: Doc) -> dict[str, Counter]:
    """Normalised name -> how often NER calls it a place or something else in this article;
    full names and surnames of multi-word PERSON entities vote "person"."""
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        key = gazetteer.normalize(ent.text)
        kind = "place" if ent.label_ in PLACE_LABELS else "other"
        votes.setdefault(key, Counter())[kind] += 1
        words = [t for t in ent if t.is_alpha]
        if ent.label_ == "PERSON" and len(words) > 1:
            for name in (key, gazetteer.normalize(words[-1].text)):  # "Donald Trump's" -> trump
                votes.setdefault(name, Counter())["person"] += 1
    return votes


def _keep(m: PlaceMention, doc: Doc, votes: dict[str, Counter]) -> bool:
    """Whether a mention is a place at all (the rule in the module docstring)."""
    if m.label == "DATELINE":
        return True
    span = doc[m.start:m.end]
    vote = votes.get(gazetteer.normalize(span.text), Counter())
    if vote["person"] and not _never_a_person(span.text):
        return False
    hits = gazetteer.candidates(span.text)
    if hits:
        if any(h.institution for h in hits):
            return _governing_preposition(doc, m.start, m.end) in LOCATIVE_SITE
        return True
    return vote["place"] >= vote["other"] and _looks_like_place(doc, m)


def _looks_like_place(doc: Doc, m: PlaceMention) -> bool:
    span = doc[m.start:m.end]
    words = [t for t in span if t.is_alpha]
    named = words[:-1] if len(words) > 1 and words[-1].lower_ in word_list("place_nouns.tsv") else words
    if not words or any(not t.text[:1].isupper() and t.lower_ not in _CONNECTORS for t in named):
        return False
    if all(t.is_upper for t in named):
        return False  # an unknown acronym ("EU", "NATO") is an organisation, not a place
    if m.end < len(doc) and doc[m.end].tag_ == "POS":
        return False
    if span[-1].lower_ in word_list("place_nouns.tsv"):
        return True
    preposition = _preposition_token(doc, m.start, m.end)
    if preposition is None:
        return False
    if preposition.lower_ in SPATIAL:
        return True
    # "fighting continued in Pokrovsk", not "a stake in Gazprom" or "a deal with Verizon"
    return preposition.lower_ in LOCATIVE_SITE and preposition.head.pos_ in ("VERB", "AUX")


def _governing_preposition(doc: Doc, start: int, end: int) -> str | None:
    """The preposition a mention is the object of ("in" for "a briefing in the Kremlin")."""
    token = _preposition_token(doc, start, end)
    return token.lower_ if token is not None else None


def _preposition_token(doc: Doc, start: int, end: int) -> Token | None:
    """The preposition token a mention is the object of, following conjunctions
    ("between Moscow and the West"), else the preposition just before it."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.pos_ == "ADP":
        return root.head
    i = start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return doc[i] if i >= 0 and doc[i].pos_ == "ADP" else None


def _qualify(mentions: list[PlaceMention], doc: Doc) -> None:
    """Read "CITY, State", "CITY, Country" and "Washington state" qualifiers."""
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        after = m.end
        if after + 1 < len(doc) and doc[after].text == ",":
            tail = by_start.get(after + 1)
            text = doc[tail.start:tail.end].text if tail else doc[after + 1].text
            code = gazetteer.state_code(text)
            iso3 = country_code(text)
            if code and not iso3 and _is_city_name(doc[m.start:m.end].text):
                m.state = code
            elif iso3 and m.label != "DATELINE":
                m.hint = iso3
        if after < len(doc) and doc[after].lower_ == "state":
            m.state = gazetteer.state_code(doc[m.start:m.end].text)


def _is_city_name(text: str) -> bool:
    return any(h.kind in ("city", "alternate") for h in gazetteer.candidates(text))


def article_context(mentions: list[PlaceMention], ann: Annotated) -> Context:
    """The countries and US states the article itself establishes, read from names that
    are not ambiguous: countries with no US-state namesake, curated regions, states with
    no country or capital namesake ("Texas" yes, "Georgia" and "Washington" no)."""
    countries: set[str] = set()
    states: set[str] = set()
    for m in mentions:
        hits = gazetteer.candidates(ann.doc[m.start:m.end].text)
        kinds = {h.kind for h in hits}
        if m.hint:
            countries.add(m.hint)
        for h in hits:
            plain_country = h.kind == "country" and "state" not in kinds
            if h.country and (plain_country or (h.kind == "curated" and len(hits) == 1)):
                countries.add(h.country)
            elif h.kind == "state" and "country" not in kinds and not any(x.capital for x in hits):
                states.add(h.admin1 or "")
                countries.add("USA")
        alone = gazetteer.best(hits)
        if alone is not None and alone.kind == "city" and alone.admin1 and alone.admin1 != "DC":
            states.add(alone.admin1)  # "Atlanta" puts Georgia (GA) in the context
    dateline = ann.article.dateline
    return Context(dateline.country if dateline else None, frozenset(countries), frozenset(states))


def _resolve(m: PlaceMention, doc: Doc, context: Context) -> GeoHit | None:
    hits = gazetteer.candidates(doc[m.start:m.end].text)
    if m.state and any(h.kind == "state" for h in hits) and doc[m.end:m.end + 1].text.lower() == "state":
        return next(h for h in hits if h.kind == "state")
    return gazetteer.best(hits, context, m.hint, m.state)


def _identity(m: PlaceMention, doc: Doc) -> tuple:
    hit = m.hit
    if hit is None:
        return ("?", gazetteer.normalize(doc[m.start:m.end].text))
    return (hit.geonameid, hit.name, hit.country, hit.feature)


def cluster(mentions: list[PlaceMention], ann: Annotated) -> tuple[list[Place], dict[int, str]]:
    """One Place per resolved place (or per unknown name), ids in order of first mention."""
    groups: dict[tuple, list[PlaceMention]] = {}
    for m in mentions:
        groups.setdefault(_identity(m, ann.doc), []).append(m)
    places, token_place = [], {}
    for number, group in enumerate(groups.values(), start=1):
        pid = f"P{number}"
        places.append(_place(pid, group, ann))
        for m in group:
            token_place.update({i: pid for i in range(m.start, m.end)})
    return places, token_place


def _place(pid: str, group: list[PlaceMention], ann: Annotated) -> Place:
    spans = [ann.span_of(ann.doc[m.start:m.end]) for m in group]
    hit = group[0].hit
    written = Counter(s.text for s in spans if not s.text.isupper()).most_common(1)
    if hit is None:
        name = written[0][0] if written else spans[0].text.title()
        return Place(id=pid, name=name, mentions=spans)
    name = hit.name
    if written and gazetteer.normalize(written[0][0]) == gazetteer.normalize(hit.name):
        name = written[0][0]  # the article's spelling of the same name: "Rafah" for "Rafaḩ"
    return Place(id=pid, name=name, mentions=spans, country=hit.country, feature=hit.feature,
                 lat=hit.lat, lon=hit.lon, geonameid=hit.geonameid)
