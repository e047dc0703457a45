"""Country and sector of each draft entity, and the CAMEO-style code they compose.

Where each value comes from, strongest first:
- the knowledge lists: a government seat or acting capital (metonyms.tsv), an IGO/NGO
  (igos.tsv), a roster office holder (country always; sector GOV only when in office on the
  article's date, or when the article has no date); for a person or organisation the roster
  does not list, PETRARCH-2's actor dictionaries (cameo_actors.tsv: the role held on the
  article's date);
- the name itself: a country (GPE) is its own country, a city its country (gazetteer), a
  nationality word its country (demonyms.tsv), an organisation the nationality or country in
  its name and the sector of its head word ("Russian Defence Ministry": RUS GOV);
- the roles the text gives: an office title has its own sector and the country it is "of"
  (or, when the text says of nothing, the one country its sentence names);
  staff (aide, envoy, spokesperson) take country and sector from whom they serve; family
  members take the country only.
A plain country keeps sector null: it is the state, not one of its sectors. Nothing is guessed:
a value no rule supports stays null.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ...knowledge import gazetteer, word_list
from ...knowledge.actors import demonym_country, sector_words
from ...knowledge.cameo_actors import cameo_actors, code_parts
from ...knowledge.countries import country_code
from .cluster import Draft

LEADING = frozenset({"leader_of", "head_of"})


def compose_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style actor code: country then sector ("RUSGOV"), the country alone ("RUS"),
    or an international body's sector alone ("IGO"); None when the country is unknown
    otherwise (a bare "GOV" says too little to be a code)."""
    if country:
        return country + (sector or "")
    return sector if sector in {"IGO", "NGO"} else None


def _org_from_name(doc: Doc, draft: Draft) -> tuple[str | None, str | None]:
    """Country and sector an organisation's own name gives: the country from a nationality
    or country word anywhere in it, the sector from its head word only ("Defence Ministry"
    is GOV; "Democratic People's Republic" is not CVL for its "People's")."""
    country = sector = None
    words = sector_words()
    for mention in draft.names:
        span = doc[mention.start:mention.end]
        for token in span:
            country = country or demonym_country(token.text) or country_code(token.text)
        head = span.root
        pair = f"{doc[head.i - 1].lower_} {head.lemma_.lower()}" if head.i > span.start else ""
        found = words.get(pair) or words.get(head.lemma_.lower()) or words.get(head.lower_)
        sector = sector or (found[0] if found else None)
    return country, sector


def _from_knowledge(doc: Doc, draft: Draft, when: date | None) -> None:
    for mention in draft.mentions:
        if mention.country or mention.sector:
            draft.country = draft.country or mention.country
            draft.sector = draft.sector or mention.sector
    if draft.tenure is not None:
        in_office = when is None or draft.tenure.holds_on(when)
        if draft.tenure.country == "IGO":
            draft.sector = draft.sector or ("IGO" if in_office else None)
        else:
            draft.country = draft.country or draft.tenure.country
            draft.sector = draft.sector or ("GOV" if in_office else None)


#: PETRARCH-2's multinational companies (MNC...: Microsoft, Sony, Vodafone): not used to code.
#: Coded, a company makes every product release and price offer an event in tech and business
#: news (events per non-political BBC article rose from 0.35 to 0.41 with them).
COMPANY = "MNC"


def dictionary_parts(doc: Doc, draft: Draft, when: date | None) -> tuple[str | None, str | None]:
    """Country and sector PETRARCH-2's actor dictionaries give a person or organisation on
    the article's date, by its fullest name first. A one-word person name is not looked up
    (a surname alone names too many people); places are the gazetteer's; companies are not
    coded from the dictionary (``COMPANY``)."""
    if draft.label not in {"PERSON", "ORG"}:
        return None, None
    names = sorted({m.text(doc) for m in draft.names}, key=lambda t: -len(t.split()))
    for name in names:
        if draft.label == "PERSON" and len(name.split()) < 2:
            continue
        actor = cameo_actors().get(name, when)
        role = actor.role_on(when) if actor is not None else None
        if role is not None and not role.code.startswith(COMPANY):
            country, sector = code_parts(role.code)
            if sector is not None:  # a bare country code is a country's record: its
                return country, sector  # aliases are its cities ("Liverpool" the club is not GBR)
    return None, None


def place_country(name: str) -> str | None:
    """The country a place-like name gives: a country name, a nationality word ("Sri
    Lankan", which the model sometimes tags GPE), else a known city or region."""
    iso3 = country_code(name) or demonym_country(name)
    if iso3:
        return iso3
    words = name.split()
    if len(words) > 1 and words[-1].lower() in word_list("admin_nouns.tsv"):  # "Montenegro province"
        return place_country(" ".join(words[:-1]))
    hit = gazetteer.lookup(name)
    return hit.country if hit else None


def _from_name(doc: Doc, draft: Draft) -> None:
    if draft.country or draft.sector:
        return
    if draft.key.startswith("country:"):
        draft.country = draft.key[8:]
    elif draft.key.startswith("norp:") and len(draft.key) == 8 and draft.key[5:].isupper():
        draft.country = draft.key[5:]
    elif draft.label == "NORP" and " " in draft.key:  # "Bosnian Serbs": the first word's country
        draft.country = demonym_country(draft.key[5:].split()[0])
    elif draft.label in {"GPE", "LOC"}:
        draft.country = place_country(draft.key.split(":", 1)[1])
    elif draft.label in {"ORG", "FAC"}:
        draft.country, draft.sector = _org_from_name(doc, draft)


def _people(doc: Doc, draft: Draft) -> None:
    """A nationality used as a noun ("Palestinians", "the Nigerians", "a Palestinian") names
    the people, PLOVER's civilian sector; as an adjective ("Nigerian troops", "a Nigerian
    official") it only says where something is from."""
    if draft.label != "NORP" or draft.sector or not draft.country:
        return
    for mention in draft.names:
        root = doc[mention.start:mention.end].root
        if root.pos_ in {"NOUN", "PROPN"} and root.dep_ not in {"amod", "compound", "poss", "nmod"}:
            draft.sector = "CVL"
            return


def _from_roles(draft: Draft) -> bool:
    """Fill what the roles support; True when something changed (roles chain: an aide of an
    envoy of a president)."""
    before = (draft.country, draft.sector)
    for role in draft.roles:
        of, kind = role.of, role.title.kind
        if of is not None and of.sector in {"IGO", "NGO"}:
            draft.sector = draft.sector or of.sector
        if kind == "office":
            draft.sector = draft.sector or role.title.sector
            if of is not None and of.label in {"GPE", "NORP", "ORG"}:
                draft.country = draft.country or of.country
        elif kind == "staff" and of is not None:
            draft.country = draft.country or of.country
            draft.sector = draft.sector or of.sector
        elif kind in {"kin", "other"} and of is not None:
            draft.country = draft.country or of.country
            if kind == "other" and role.title.predicate in LEADING and of.label in {"GPE", "NORP"}:
                draft.sector = draft.sector or "GOV"  # the leader of a country governs it
    return (draft.country, draft.sector) != before


def _office_in_only_country(doc: Doc, drafts: list[Draft]) -> None:
    """An office title with no country ("President Levy Mwanawasa", "Judge Alejandro
    Rivera") in a sentence that names exactly one country (by name, nationality or capital)
    is that country's office: wire style names the country once and lets the title lean on it.
    With two countries in the sentence, or none, the country stays unknown."""
    countries: dict[int, set[str]] = {}
    for draft in drafts:
        if draft.country and draft.label in {"GPE", "NORP", "ORG"}:
            for m in draft.mentions:
                countries.setdefault(doc[m.start].sent.start, set()).add(draft.country)
    for draft in drafts:
        if draft.country or draft.label != "PERSON" or draft.sector in {"IGO", "NGO"}:
            continue  # an international official ("Commission President") has no country
        for role in draft.roles:
            found = countries.get(doc[role.start].sent.start, set())
            if role.title.kind == "office" and role.of is None and len(found) == 1:
                draft.country = next(iter(found))
                break


def _from_dictionary(doc: Doc, draft: Draft, when: date | None) -> bool:
    """Fill what the text left open from the actor dictionaries, for someone the roster does
    not list, when the dictionary's country does not contradict the text's; True when
    something changed."""
    if draft.tenure is not None or (draft.country and draft.sector):
        return False
    country, sector = dictionary_parts(doc, draft, when)
    if country and draft.country and country != draft.country:
        return False
    before = (draft.country, draft.sector)
    draft.country, draft.sector = draft.country or country, draft.sector or sector
    return (draft.country, draft.sector) != before


def _propagate_roles(drafts: list[Draft]) -> None:
    for _ in range(4):  # every draft is visited each round: no short-circuit
        changed = [_from_roles(d) for d in drafts if d.roles]
        if not any(changed):
            break


def assign_codes(doc: Doc, drafts: list[Draft], when: date | None) -> None:
    """Set ``country`` and ``sector`` on every draft (in place). What the text says (names,
    titles, whom a role is of) comes before the actor dictionaries, which fill only what it
    leaves open; roles are followed again after them (an aide of a dictionary person)."""
    for draft in drafts:
        _from_knowledge(doc, draft, when)
        _from_name(doc, draft)
    _office_in_only_country(doc, drafts)
    _propagate_roles(drafts)
    filled = [_from_dictionary(doc, d, when) for d in drafts]  # every draft, no short-circuit
    if any(filled):
        _propagate_roles(drafts)
    for draft in drafts:
        _people(doc, draft)
