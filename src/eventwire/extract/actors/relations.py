"""Roles and relations from titles beside names: appositives ("Putin's top foreign policy
aide, Yuri Ushakov"), possessives ("Putin's envoy Kirill Dmitriev"), pre-name titles
("Ukrainian President Volodymyr Zelenskiy") and kinship ("the husband of Trump's daughter
Ivanka").

A sentence is written as one symbol per item (see ``relation_patterns.tsv``); the patterns are
regular expressions over that string, kept as data. A match gives the subject, the title and
(when the text says) what the title is held for; the title gives the predicate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ...knowledge.actors import Title, relation_patterns
from .cluster import Draft, RoleDraft
from .mentions import POSSESSIVE
from .tokens import NOMINAL_POS, NameMention, TokenTable, title_at, word_hash

SYMBOL_OF_LABEL = {"PERSON": "N", "ORG": "O", "FAC": "O", "GPE": "G", "LOC": "G", "NORP": "J"}
HYPHEN = word_hash("-")
WORD_SYMBOLS = {"the": "t", "a": "t", "an": "t", "of": "o", "and": "a", ",": ","}


@dataclass
class Item:
    symbol: str
    start: int  # token range
    end: int
    draft: Draft | None = None
    title: Title | None = None


@dataclass
class RelationDraft:
    subject: Draft
    predicate: str
    object: Draft
    start_char: int
    end_char: int


def encode(doc: Doc, sent: Span, starts: dict[int, tuple[NameMention, Draft]], table: TokenTable) -> list[Item]:
    """The sentence as items; ``starts`` maps a mention's first token to it and its draft."""
    items: list[Item] = []
    i = sent.start
    while i < sent.end:
        if i in starts:
            mention, draft = starts[i]
            symbol = "N" if mention.kind == "pronoun" else SYMBOL_OF_LABEL.get(draft.label, "x")
            items.append(Item(symbol, i, mention.end, draft))
            i = mention.end
            continue
        found = title_at(table, i, sent.end)
        if found:
            items.append(Item("T", i, found[1], title=found[0]))
            i = found[1]
            continue
        lower = table.lower[i]
        if lower in possessive_hashes():
            symbol = "P"
        elif lower in word_symbols():
            symbol = word_symbols()[lower]
        elif table.pos[i] in NOMINAL_POS or (lower == HYPHEN and items and items[-1].symbol == "M"):
            symbol = "M"
        else:
            symbol = "x"
        items.append(Item(symbol, i, i + 1))
        i += 1
    return items


@cache
def possessive_hashes() -> frozenset[int]:
    return frozenset(word_hash(p.lower()) for p in POSSESSIVE)


@cache
def word_symbols() -> dict[int, str]:
    return {word_hash(w): sym for w, sym in WORD_SYMBOLS.items()}


def _country_entity(obj: Draft, by_key: dict[str, Draft]) -> Draft:
    """A nationality word stands for its country: "Ukrainian President" is head of Ukraine,
    so the relation points at the country's entity when the article names it."""
    if obj.label == "NORP" and obj.key.startswith("norp:"):
        return by_key.get("country:" + obj.key[5:], obj)
    return obj


def add_role(subject: Draft, role: RoleDraft) -> None:
    for i, known in enumerate(subject.roles):
        if (known.start, known.end) == (role.start, role.end):
            if known.of is None and role.of is not None:
                subject.roles[i] = role
            return
    subject.roles.append(role)


def apply_patterns(doc: Doc, items: list[Item], by_key: dict[str, Draft]) -> list[RelationDraft]:
    """Roles (added to the subject drafts) and relations the patterns find in one sentence."""
    symbols = "".join(item.symbol for item in items)
    found: list[RelationDraft] = []
    for _name, pattern in relation_patterns():
        for match in pattern.finditer(symbols):
            subj = items[match.start("subj")]
            title = items[match.start("title")]
            obj_at = match.start("obj") if "obj" in pattern.groupindex else -1
            obj = items[obj_at].draft if obj_at >= 0 else None
            if subj.draft is None or title.title is None or obj is subj.draft:
                continue
            if obj is not None:
                obj = _country_entity(obj, by_key)
            add_role(subj.draft, RoleDraft(title.title, title.start, title.end, obj))
            if obj is not None and obj is not subj.draft:
                first, last = items[match.start()], items[match.end() - 1]
                found.append(RelationDraft(subj.draft, title.title.predicate, obj,
                                           doc[first.start].idx, doc[last.end - 1].idx + len(doc[last.end - 1])))
    return found
