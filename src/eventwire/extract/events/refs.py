"""From an argument's head word to a contract ``ActorRef`` taken from the entities.

The head's own entity wins ("Putin"); else an entity modifying it: a group noun with a
national or possessive modifier ("Israeli soldiers", "Trump's envoys") is that country's
group with the sector of the noun (``event_actor_nouns.tsv``) and no single entity; any other noun stands for its modifier's entity
("some US proposals" -> the US). A group noun with no entity at all ("police", "thousands
of demonstrators") is coded by ``group_ref`` from where the event happens.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from ...knowledge.events import actor_nouns
from ...model import ActorRef, Entity
from ...nlp import Annotated

_MODIFIERS = ("compound", "amod", "poss", "nmod")
_PHRASE_DEPS = ("compound", "amod", "poss", "nmod", "det", "nummod", "case", "quantmod", "predet")
CODED_TYPES = ("GPE", "NORP", "ORG")
#: entity types of the parse that never name an actor or a recipient
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: sectors that make a group a political actor even where its country is not said
#: ("the opposition accused the government", "troops clashed with rebels")
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "REB", "IGO", "OPP", "SPY", "UAF"})
#: "forces in Guinea", "a camp for Congolese refugees", "militants loyal to X"
_OWNER_PREPS = ("of", "from", "in", "by", "to", "for")


def entity_index(ann: Annotated) -> dict[str, Entity]:
    return {e.id: e for e in ann.entities}


def phrase_start(head: Token) -> int:
    """The first token of the head's noun phrase (its modifiers, not its clauses)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in _PHRASE_DEPS:
            start = min(start, child.left_edge.i)
    return start


def outside_dateline(ann: Annotated, head: Token, start: int) -> int:
    """``start`` moved past the dateline: the parser may hang the dateline's date on the first
    subject ("MOSCOW, Dec 3 - Vladimir Putin met"), but the actor's words are "Vladimir Putin"."""
    dateline = ann.article.dateline
    if dateline is None or head.idx < dateline.span.end:
        return start
    while start < head.i and head.doc[start].idx < dateline.span.end:
        start += 1
    return start


def _modifier_entities(head: Token, ann: Annotated, skip: str | None = None) -> list[str]:
    """Entities in the head's modifiers, one per modifier and its conjuncts ("Turkish and
    Greek sides"), or in an "of/from/in/by/to" phrase after it, directly or through a
    participle ("forces in Guinea", "a newspaper based in Beirut", "militants loyal to X")."""
    found: list[str] = []
    for child in head.children:
        if child.dep_ in _MODIFIERS and child.i < head.i:
            groups = [[child] + [c for c in child.children if c.dep_ == "conj"]]
            groups = (
                [list(t.subtree) for t in groups[0]]
                if child.dep_ != "poss"
                else [list(child.subtree)]
            )
        elif child.dep_ in ("prep", "acl", "amod") and child.i > head.i:
            preps = (
                [child] if child.dep_ == "prep" else [c for c in child.children if c.dep_ == "prep"]
            )
            groups = [
                [t for obj in prep.children if obj.dep_ == "pobj" for t in obj.subtree]
                for prep in preps
                if prep.lower_ in _OWNER_PREPS
            ]
        else:
            continue
        for nodes in groups:
            entity = next(
                (
                    ann.token_entity[t.i]
                    for t in nodes
                    if t.i in ann.token_entity and ann.token_entity[t.i] != skip
                ),
                None,
            )
            if entity is not None and entity not in found:
                found.append(entity)
        if found:
            break
    return found


def _code(country: str | None, sector: str | None) -> str | None:
    return f"{country or ''}{sector or ''}" or None


def actor_refs(head: Token, ann: Annotated, entities: dict[str, Entity]) -> list[ActorRef]:
    """The ActorRefs an argument head stands for; empty when no entity stands behind it."""
    doc = head.doc
    text = ann.span(doc[outside_dateline(ann, head, phrase_start(head))].idx, head.idx + len(head.text))
    own = entities.get(ann.token_entity.get(head.i, ""))
    if own is not None:
        country, sector = own.country, own.sector
        if country is None and sector is None:
            # "Iraqi Kurds": the Kurds of Iraq; "U.N. mediator Diego Cordovez": of the UN
            borrowed = [entities[e] for e in _modifier_entities(head, ann, own.id) if e in entities]
            country = next((e.country for e in borrowed if e.country), None)
            sector = next((e.sector for e in borrowed if e.sector and not e.country), None)
        return [
            ActorRef(
                entity=own.id,
                text=text,
                country=country,
                sector=sector,
                code=own.code or _code(country, sector),
            )
        ]
    sector = actor_nouns().get(head.lower_) or actor_nouns().get(head.lemma_.lower())
    refs = []
    for entity_id in _modifier_entities(head, ann):
        modifier = entities.get(entity_id)
        if modifier is None:
            continue
        if sector is not None and head.pos_ == "NOUN" and modifier.country:
            refs.append(
                ActorRef(
                    entity=None,
                    text=text,
                    country=modifier.country,
                    sector=sector,
                    code=_code(modifier.country, sector),
                )
            )
        else:
            refs.append(
                ActorRef(
                    entity=modifier.id,
                    text=text,
                    country=modifier.country,
                    sector=modifier.sector,
                    code=modifier.code,
                )
            )
    return refs


def is_coded(ref: ActorRef, entities: dict[str, Entity]) -> bool:
    """Whether a reference names a political actor: a coded state or group, or a person who
    holds an office or belongs to a sector ("the minister", "a rebel commander"); a person
    known only by nationality (an athlete, an actor) is not one."""
    if ref.entity is None:  # a group: of a country, or of a state's or an armed sector
        return ref.country is not None or ref.sector in STATE_SECTORS
    entity = entities.get(ref.entity)
    if entity is None:
        return False
    if entity.type == "PERSON":
        return ref.sector is not None
    if entity.type in CODED_TYPES:
        return bool(ref.country or ref.sector)
    return False


def group_sector(head: Token) -> str | None:
    """The sector of a group noun ("police", "protesters", "rebels"), from eventwire's own
    list first, then PETRARCH-2's agents dictionary (``cameo_agents.tsv``)."""
    from ...knowledge.cameo import cameo_agents

    for word in (head.lower_, head.lemma_.lower()):
        sector = actor_nouns().get(word) or cameo_agents().get(word)
        if sector:
            return sector
    return None


_QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})


def _quantity_sector(head: Token) -> str | None:
    """ "Thousands of demonstrators": the group is what they are thousands of."""
    if head.lower_ not in _QUANTITIES:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    found = group_sector(obj) if obj is not None else None
    return found or group_sector(head)


def group_ref(
    head: Token, ann: Annotated, place_id: str | None, others: Collection[str] = ()
) -> ActorRef | None:
    """ "Police arrested 40 protesters", "100 people were detained": a group named by a
    common noun, with no entity of its own, is coded as that sector of the country where
    the event happens (PLOVER's practice): the event's place, else a place in the sentence,
    else the dateline's country. A country the other side of the event already has is not
    the group's ("the foreign secretary warned Iran": not Iran's secretary). Without any of
    them it keeps its sector alone."""
    sector = _quantity_sector(head)
    if sector is None:
        if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in NOT_ACTORS:
            return None
        sector = group_sector(head)
    if sector is None:
        return None
    countries = {p.id: p.country for p in ann.places}
    country = countries.get(place_id or "")
    if country is None or country in others:
        # a place named anywhere in the sentence ("marched through Tbilisi")
        in_sentence = (countries.get(ann.token_place[t.i]) for t in head.sent if t.i in ann.token_place)
        country = next((c for c in in_sentence if c and c not in others), None)
    dateline = ann.article.dateline
    if country is None and dateline is not None and dateline.country not in others:
        country = dateline.country
    text = ann.span(head.doc[phrase_start(head)].idx, head.idx + len(head.text))
    return ActorRef(text=text, country=country, sector=sector, code=_code(country, sector))
