"""The ``actors`` component: entities clustered and coded by country and sector, their roles
and the relations the text states between them.

    doc.ents -> fixed name mentions (mentions.py) -> one draft per real-world thing
    (cluster.py) -> roles and relations from titles (relations.py) -> country and sector
    (codes.py) -> descriptions and pronouns resolved (coref.py) -> group actors (groups.py)
    -> contract Entities, Relations and the token -> entity index

``token_entity`` maps every token of every mention (names, titles used as descriptions,
resolved pronouns, group actors) to its entity id; where a name sits inside a group actor
("Israeli" in "Israeli soldiers") the name's own entity keeps the token.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from spacy.tokens import Doc

from ...knowledge.roster import roster
from ...model import Entity, EntityType, Relation, Role
from ...nlp import Annotated
from ...registry import components
from .cluster import Draft, cluster, fullest_name
from .codes import assign_codes, compose_code
from .coref import resolve_nominals, resolve_pronouns, sentence_subject, text_genders
from .groups import find_groups
from .mentions import find_mentions
from .relations import RelationDraft, add_role, apply_patterns, encode
from .tokens import NameMention, TokenTable

__all__ = ["ActorsComponent", "compose_code"]


def _token_index(drafts: list[Draft]) -> tuple[dict[int, Draft], dict[int, tuple[NameMention, Draft]]]:
    token_draft: dict[int, Draft] = {}
    starts: dict[int, tuple[NameMention, Draft]] = {}
    for draft in drafts:
        for m in draft.mentions:
            starts[m.start] = (m, draft)
            for i in range(m.start, m.end):
                token_draft[i] = draft
    return token_draft, starts


def _read_sentences(ann: Annotated, table: TokenTable, drafts: list[Draft], when: date | None) -> list[RelationDraft]:
    """Roles and relations first (codes depend on them), then descriptions and pronouns
    (which depend on codes), sentence by sentence."""
    doc = ann.doc
    by_key = {d.key: d for d in drafts}
    token_draft, starts = _token_index(drafts)
    sentences = list(ann.sentences())
    encoded = [encode(doc, sent, starts, table) for sent in sentences]
    relations = [r for items in encoded for r in apply_patterns(doc, items, by_key)]
    _identify_by_title(doc, drafts, when)
    assign_codes(doc, drafts, when)
    _roles_of_country(drafts, by_key)
    previous: Draft | None = None
    genders = text_genders(doc, drafts)
    for sent, items in zip(sentences, encoded):
        for mention, target, role in resolve_nominals(doc, items, drafts, when):
            if not any(i in token_draft and token_draft[i].label == "PERSON"
                       for i in range(mention.start, mention.end)):
                target.mentions.append(mention)
                add_role(target, role)
                token_draft.update(dict.fromkeys(range(mention.start, mention.end), target))
        for mention, target in resolve_pronouns(sent, token_draft, previous, genders):
            target.mentions.append(mention)
        previous = sentence_subject(sent, token_draft) or previous
    return relations


def _identify_by_title(doc: Doc, drafts: list[Draft], when: date | None) -> None:
    """A bare surname with a title the roster agrees with ("President Putin") is that
    roster person, when exactly one person with that surname held that title."""
    for draft in drafts:
        if draft.label != "PERSON" or draft.tenure is not None or not draft.roles:
            continue
        if any(m.end - m.start > 1 for m in draft.names):
            continue
        surname = doc[draft.names[0].start].text if draft.names else None
        for role in draft.roles:
            if not surname:
                break
            tenure = roster().by_surname(surname, role.title.canonical)
            if tenure is not None:
                draft.tenure = roster().by_name(tenure.name, when)
                break
            countries = roster().surname_countries(surname, role.title.canonical) - {"IGO"}
            if len(countries) == 1:
                draft.country = draft.country or countries.pop()


def _roles_of_country(drafts: list[Draft], by_key: dict[str, Draft]) -> None:
    """An office title with no "of" in the text ("President Vladimir Putin") is held in the
    country the roster gives, when the article names that country."""
    for draft in drafts:
        tenure = draft.tenure
        for role in draft.roles:
            if role.of is None and tenure is not None and role.title.canonical == tenure.title:
                role.of = by_key.get("country:" + tenure.country)


def _add_groups(doc: Doc, drafts: list[Draft]) -> None:
    names = [(m, d) for d in drafts for m in d.mentions if m.kind == "name"]
    taken = {i for d in drafts for m in d.mentions for i in range(m.start, m.end)}
    by_key = {d.key: d for d in drafts}
    for mention, key in find_groups(doc, names, taken):
        draft = by_key.get(key)
        if draft is None:
            draft = by_key[key] = Draft(key=key, label=mention.label, country=mention.country,
                                        sector=mention.sector)
            drafts.append(draft)
        draft.mentions.append(mention)


def _entities(ann: Annotated, drafts: list[Draft]) -> tuple[list[Entity], dict[int, str]]:
    doc = ann.doc
    drafts = sorted((d for d in drafts if d.mentions), key=lambda d: min(m.start for m in d.mentions))
    ids = {id(d): f"E{n}" for n, d in enumerate(drafts, start=1)}
    entities = []
    for draft in drafts:
        mentions = sorted({(m.start, m.end): m for m in draft.mentions}.values(), key=lambda m: m.start)
        roles = [Role(title=doc[r.start:r.end].text, of=ids.get(id(r.of)) if r.of else None,
                      span=ann.span_of(doc[r.start:r.end])) for r in draft.roles]
        name = fullest_name(doc, draft) if draft.names else doc[mentions[0].start:mentions[0].end].text
        entities.append(Entity(
            id=ids[id(draft)], name=name, type=cast(EntityType, draft.label), country=draft.country,
            sector=draft.sector, code=compose_code(draft.country, draft.sector), roles=roles,
            mentions=[ann.span_of(doc[m.start:m.end]) for m in mentions]))
    return entities, ids


def _token_entity(drafts: list[Draft], ids: dict[int, str]) -> dict[int, str]:
    """Every mention token to its entity; inner (shorter) mentions win over group actors."""
    spans = [(m.end - m.start, m, d) for d in drafts for m in d.mentions if id(d) in ids]
    index: dict[int, str] = {}
    for _length, m, d in sorted(spans, key=lambda s: -s[0]):
        for i in range(m.start, m.end):
            index[i] = ids[id(d)]
    return index


def dateline_place(ann: Annotated) -> tuple[int, int] | None:
    """The character range of the place the article's dateline opens with."""
    dateline = ann.article.dateline
    if dateline is None:
        return None
    return dateline.span.start, dateline.span.start + len(dateline.place)


@components.register("actors")
class ActorsComponent:
    """Finds entities, codes them, links roles and relations; fills ``ann.entities``,
    ``ann.relations`` and ``ann.token_entity``."""

    name = "actors"
    requires: tuple[str, ...] = ("doc",)
    optional: tuple[str, ...] = ("sport", "table_names")  # the sports layout, when it ran
    assigns: tuple[str, ...] = ("entities", "relations", "token_entity")

    def drafts(self, ann: Annotated) -> tuple[list[Draft], list[RelationDraft]]:
        """The entities before they become contract objects, with each mention's kind
        (name, nominal, pronoun, group): what the scorers need beyond the contract."""
        when = ann.anchor_date  # offices are read at the dateline, else publication date
        table = TokenTable.of(ann.doc)
        drafts = cluster(ann.doc, find_mentions(ann.doc, table, sport=ann.sport, table_rows=ann.table_names,
                                                dateline=dateline_place(ann)), when)
        relation_drafts = _read_sentences(ann, table, drafts, when)
        _add_groups(ann.doc, drafts)
        return drafts, relation_drafts

    def __call__(self, ann: Annotated) -> None:
        drafts, relation_drafts = self.drafts(ann)
        entities, ids = _entities(ann, drafts)
        seen = set()
        relations = []
        for r in relation_drafts:
            key = (id(r.subject), r.predicate, id(r.object))
            if key in seen or id(r.subject) not in ids or id(r.object) not in ids:
                continue
            seen.add(key)
            relations.append(Relation(subject=ids[id(r.subject)], predicate=r.predicate,
                                      object=ids[id(r.object)], evidence=ann.span(r.start_char, r.end_char)))
        ann.entities = entities
        ann.relations = relations
        ann.token_entity = _token_entity(drafts, ids)
