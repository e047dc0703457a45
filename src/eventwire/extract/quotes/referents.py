"""Who a pronoun or an epithet source refers to, when the words themselves name nobody.

- A pronoun ("he says") is the most recent compatible person: of the actors component's
  reading and the latest earlier speaker or main-clause subject (or passive agent) of a
  fitting type, whichever the text names last. A person the text marks with the other
  gender (an honorific, a gendered title, an earlier resolved pronoun) is not compatible.
- An epithet ("the bow-tied maverick", "the 72-year-old") is the person the text links it
  to: a person it stood beside earlier as an apposition or a predicate ("Hale, a bow-tied
  maverick"), else, for a description with a modifier, the most recent person named as a
  speaker or main subject within two sentences. Offices ("the spokesman") are the actors
  component's; documents, bodies and organisations ("the new report") are never people.

These set only a quote's speaker: entities belong to the actors component.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from spacy.tokens import Token

from ...knowledge import word_list
from ...knowledge.actors import gender_words, sector_words, title_index
from ...knowledge.countries import country_code
from ...knowledge.cues import cue_phrases
from ...nlp import Annotated

PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
PRONOUN_TYPES = {
    "he": ("PERSON",), "she": ("PERSON",), "him": ("PERSON",), "her": ("PERSON",),
    "they": ("ORG", "NORP", "GPE"), "it": ("ORG", "GPE"),  # one PERSON entity is never "they"
}
#: How many sentences back a pronoun / an epithet / an office ("the minister") looks.
PRONOUN_SENTENCES = 6
EPITHET_SENTENCES = 2
OFFICE_SENTENCES = 6
_MODIFIERS = frozenset({"amod", "compound", "nummod", "npadvmod", "nmod"})
_DEFINITE = frozenset({"the", "this", "that"})
_WORD_BEFORE = re.compile(r"([\w.]+)\s*$")

Previous = list[tuple[int, str]]  # (char offset of an earlier quote's source, speaker entity id)


@cache
def _not_people() -> frozenset[str]:
    return (word_list("source_nouns.tsv") | frozenset(sector_words()) | frozenset(title_index())
            | cue_phrases().nouns)


def person_genders(ann: Annotated) -> dict[str, str]:
    """Entity id -> "m"/"f" where the text marks one gender only: an honorific before a
    mention, a gendered title, or a pronoun the actors component resolved to it."""
    words, marks = gender_words(), {}
    people = {e.id: e for e in ann.entities if e.type == "PERSON"}
    for eid, entity in people.items():
        found = set()
        for m in entity.mentions:
            before = _WORD_BEFORE.search(ann.text[max(0, m.start - 12):m.start])
            if before and before.group(1).lower() in words:
                found.add(words[before.group(1).lower()])
            if m.text.lower() in PRONOUN_GENDER:
                found.add(PRONOUN_GENDER[m.text.lower()])
        found |= {words[r.title.lower()] for r in entity.roles if r.title.lower() in words}
        marks[eid] = found
    return {eid: next(iter(found)) for eid, found in marks.items() if len(found) == 1}


def _window_start(ann: Annotated, token: Token, sentences: int) -> int:
    first = token.sent.start
    for _ in range(sentences):
        if first == 0:
            break
        first = ann.doc[first - 1].sent.start
    return first


def _main_actor(token: Token) -> bool:
    """A sentence's main subject, or the agent of its passive main verb ("was defended *by* X")."""
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.dep_ == "ROOT"


def _inside(pos: int, quoted: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(quoted, (pos, float("inf"))) - 1
    return any(a <= pos < b for a, b in quoted[max(0, i - 3):i + 1])


def recent_candidates(ann: Annotated, token: Token, previous: Previous, types: tuple[str, ...],
                      sentences: int, quoted: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(char offset, entity id) of earlier speakers and main actors of ``types`` before
    ``token``; a subject inside a quoted content (sorted ``quoted`` ranges) is not one."""
    kinds = {e.id: e.type for e in ann.entities}
    first = _window_start(ann, token, sentences)
    floor = ann.doc[first].idx
    found = [(pos, eid) for pos, eid in previous if floor <= pos < token.idx and kinds.get(eid) in types]
    for t in ann.doc[first:token.i]:
        if _main_actor(t) and t.lower_ not in PRONOUN_TYPES and not _inside(t.idx, quoted):
            eid = ann.token_entity.get(t.i)
            if eid is not None and kinds.get(eid) in types:
                found.append((t.idx, eid))
    return found


def _last_named(ann: Annotated, eid: str, before: int, quoted: list[tuple[int, int]]) -> int | None:
    """Where the text last named ``eid`` before ``before``, outside quoted contents (None: never)."""
    entity = next((e for e in ann.entities if e.id == eid), None)
    starts = [m.start for m in (entity.mentions if entity else ())
              if m.start < before and m.text.lower() not in PRONOUN_TYPES and not _inside(m.start, quoted)]
    return max(starts, default=None)


def pronoun_speaker(ann: Annotated, pronoun: Token, previous: Previous, genders: dict[str, str],
                    quoted: list[tuple[int, int]]) -> str | None:
    """The most recent compatible person (or group, for "they") a pronoun source stands for."""
    types = PRONOUN_TYPES.get(pronoun.lower_)
    if not types:
        return None
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    found = [(pos, eid) for pos, eid in recent_candidates(ann, pronoun, previous, types, PRONOUN_SENTENCES, quoted)
             if gender is None or genders.get(eid, gender) == gender]
    actor = ann.token_entity.get(pronoun.i)
    named = _last_named(ann, actor, pronoun.idx, quoted) if actor is not None else None
    if named is not None and (gender is None or genders.get(actor, gender) == gender):
        found.append((named, actor))
    return max(found)[1] if found else None


def _linked(ann: Annotated, head: Token) -> str | None:
    """A person the same noun described earlier: "Hale, *a bow-tied maverick*", "Hale is a maverick"."""
    for t in ann.doc[:head.i]:
        if t.lemma_ != head.lemma_ or t.i == head.i:
            continue
        if t.dep_ == "appos" and (eid := ann.token_entity.get(t.head.i)) is not None:
            return eid
        subjects = [c for c in t.head.children if c.dep_ == "nsubj"] if t.dep_ == "attr" else []
        if subjects and (eid := ann.token_entity.get(subjects[0].i)) is not None:
            return eid
    return None


def _bare_definite(head: Token) -> bool:
    """A singular common noun under "the"/"this"/"that" with no name in its phrase ("the
    minister", "the company", "the bow-tied maverick"): a description that names nobody."""
    return (
        head.pos_ == "NOUN"
        and head.tag_ != "NNS"
        and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
        and not any(t.pos_ == "PROPN" for t in head.subtree)
    )


def epithet_speaker(ann: Annotated, head: Token, previous: Previous, quoted: list[tuple[int, int]]) -> str | None:
    """The person a definite description source ("the bow-tied maverick") refers to, if the
    text links them (see the module docstring)."""
    if head.lemma_.lower() in _not_people():
        return None
    possessed = head.pos_ == "NOUN" and head.tag_ == "NN" and any(c.dep_ == "poss" for c in head.children)
    if not (possessed or _bare_definite(head)):
        return None
    kinds = {e.id: e.type for e in ann.entities}
    linked = _linked(ann, head)
    if linked is not None and kinds.get(linked) == "PERSON":
        return linked  # "Ed Balls, Brown's closest ally, ..." then "Brown's closest ally said"
    if possessed:
        return None  # "Brown's closest ally" never linked: nobody the text says it is
    if not any(c.dep_ in _MODIFIERS for c in head.children):
        return None
    found = recent_candidates(ann, head, previous, ("PERSON",), EPITHET_SENTENCES, quoted)
    return max(found)[1] if found else None


def office_speaker(ann: Annotated, head: Token, previous: Previous, quoted: list[tuple[int, int]]) -> str | None:
    """The person an office named alone stands for ("the minister told ..." after
    "Trade and Industry Secretary Patricia Hewitt"): the most recent speaker or main actor
    within six sentences who holds that office in the actors component's roles (the same
    title, or any minister's for "the minister"). None when the office is named with a name
    of its own or nobody in reach holds it."""
    if not _bare_definite(head):
        return None
    offices = [t for t in title_index().get(head.lemma_.lower(), ()) if len(t.phrase) == 1 and t.kind == "office"]
    if not offices:
        return None
    people = {e.id for e in ann.entities if e.type == "PERSON" and any(_holds(r.title, offices) for r in e.roles)}
    found = [c for c in recent_candidates(ann, head, previous, ("PERSON",), OFFICE_SENTENCES, quoted)
             if c[1] in people]
    return max(found)[1] if found else None


def _holds(title: str, offices) -> bool:
    """Whether a role's title is one of these offices: the same canonical title, or two
    ministers' titles ("Trade and Industry Secretary" is "the minister")."""
    words = title.lower().split()
    held = [t for w in words for t in title_index().get(w, ()) if len(t.phrase) == 1 and t.kind == "office"]
    return any(h.canonical == o.canonical or h.predicate == o.predicate == "minister_of"
               for h in held for o in offices)


def _named_before(entities: list, head: Token, quoted: list[tuple[int, int]]) -> dict[str, list[int]]:
    """Entity id -> where the text named it before ``head``, outside quoted contents."""
    return {e.id: [m.start for m in e.mentions if m.start < head.idx and not _inside(m.start, quoted)]
            for e in entities}


def _holding(noun: str, entities: list, before: dict[str, list[int]]) -> str | None:
    """The organisation named last before whose name holds ``noun`` ("the Finance and Economy
    *Ministry*", "the Scottish *Government*")."""
    named = [(max(before[e.id]), e.id) for e in entities
             if e.type == "ORG" and noun in e.name.lower().split() and before[e.id]]
    return max(named)[1] if named else None


def body_speaker(ann: Annotated, head: Token, previous: Previous, quoted: list[tuple[int, int]]) -> str | None:
    """The organisation a definite body noun stands for ("the company said", "the ministry
    said"; ``body_nouns.tsv``): the organisation the same noun described earlier ("ABN
    Amro, the Netherlands' largest bank"), else the one named before whose name holds the noun,
    else the organisation the article has named most often so far (then last), outside
    quotes and not a news medium: "the company" of a business story is its subject, not a
    rival named once in passing. None when the noun has a name of its own or no
    organisation was named twice."""
    noun = head.lemma_.lower()
    if noun not in word_list("body_nouns.tsv") or not _bare_definite(head):
        return None
    orgs = [e for e in ann.entities if e.type == "ORG" and e.sector != "MED"]
    linked = _linked(ann, head)
    if linked is not None and linked in {e.id for e in orgs}:
        return linked  # "ABN Amro, the Netherlands' largest *bank*": not Deutsche Bank named once
    before = _named_before(orgs, head, quoted)
    if (named := _holding(noun, orgs, before)) is not None:
        return named
    ranked = [(len(before[e.id]), max(before[e.id]), e.id) for e in orgs if len(before[e.id]) >= 2]
    return max(ranked)[2] if ranked else None


def state_speaker(ann: Annotated, head: Token, previous: Previous, quoted: list[tuple[int, int]]) -> str | None:
    """The state "the government" (``state_nouns.tsv``) stands for: the organisation named
    before it whose name holds the noun ("the Scottish Government"), else the country the
    article has named most often so far (then last) when named twice or the only country
    named. A city is not a country; None when nobody fits."""
    noun = head.lemma_.lower()
    if noun not in word_list("state_nouns.tsv") or not _bare_definite(head):
        return None
    orgs = [e for e in ann.entities if e.type == "ORG"]
    if (named := _holding(noun, orgs, _named_before(orgs, head, quoted))) is not None:
        return named
    countries = [e for e in ann.entities if e.type == "GPE" and country_code(e.name)]
    before = _named_before(countries, head, quoted)
    ranked = sorted((len(starts), max(starts), eid) for eid, starts in before.items() if starts)
    if not ranked or (ranked[-1][0] < 2 and len(ranked) > 1):
        return None
    return ranked[-1][2]
