"""Group actors: a nationality or country word with a sector noun ("Israeli soldiers",
"the Turkish government", "Fijian rebels", "Russian officials").

News names most actors this way rather than by proper name, and the event coder needs their
code (ISRMIL, TURGOV, FJIREB). A mission abroad takes the country of its modifier, never of
the place it is in ("the US embassy in Moscow" is American: mission_nouns.tsv). The group
is its own entity (type from ``sector_words.tsv``:
ORG for institutions, NORP for groups of people); the nationality word stays a mention of the
nationality or country it names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge import word_list
from ...knowledge.actors import sector_words
from .cluster import Draft
from .tokens import NameMention

MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def _sector_head(token: Token) -> tuple[str, str, int] | None:
    """(sector, type, first token) if ``token`` is a sector noun, two-word ones included."""
    words = sector_words()
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = token.lemma_.lower()
    if lemma not in words and lemma.endswith("s") and lemma[:-1] in words:
        lemma = lemma[:-1]  # "Rebels" at a sentence start: a proper-noun lemma keeps its s
    if token.i > 0:
        pair = f"{token.doc[token.i - 1].lower_} {lemma}"
        if pair in words:
            return (*words[pair], token.i - 1)
    if lemma in words:
        return (*words[lemma], token.i)
    return None


def _group_after(doc: Doc, mention: NameMention, taken: set[int]) -> tuple[int, Token] | None:
    """"rebels in Darfur", "the government of Sudan": the sector noun before "in"/"of" and
    the group's first token (its adjectives and compounds included)."""
    root = doc[mention.start:mention.end].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"in", "of", "from"} or prep.i != mention.start - 1:
        return None
    noun = prep.head
    if noun.i >= prep.i or noun.i in taken or noun.i != prep.i - 1:
        return None
    start = noun.i
    while start > 0 and doc[start - 1].dep_ in {"amod", "compound"} and doc[start - 1].head.i == noun.i \
            and start - 1 not in taken:
        start -= 1
    return start, noun


def _mission(noun: Token) -> bool:
    """A state's mission abroad ("embassy", "consulate", "delegation"), two-word ones too."""
    words = word_list("mission_nouns.tsv")
    pair = f"{noun.doc[noun.i - 1].lower_} {noun.lemma_.lower()}" if noun.i > 0 else ""
    return noun.lemma_.lower() in words or noun.lower_ in words or pair in words


def find_groups(doc: Doc, names: list[tuple[NameMention, Draft]], taken: set[int]) -> list[tuple[NameMention, str]]:
    """Group mentions with their cluster key ``group:COUNTRY:SECTOR:word``."""
    found = []
    for mention, draft in names:
        if draft.label not in {"NORP", "GPE"} or not draft.country:
            continue
        after = _group_after(doc, mention, taken)
        if after and _mission(after[1]):
            after = None  # "the US embassy in Moscow": Moscow is where, not whose
        hit = None
        if after:  # the noun, else a modifier: "Opposition groups in Zimbabwe"
            hit = _sector_head(after[1]) or next(
                (h for h in map(_sector_head, doc[after[0]:after[1].i]) if h), None)
        if after and hit:
            m = NameMention(after[0], mention.end, hit[1], kind="group", country=draft.country, sector=hit[0])
            found.append((m, f"group:{draft.country}:{hit[0]}:{after[1].lemma_.lower()}"))
            continue
        root = doc[mention.start:mention.end].root
        head = root.head
        for _ in range(2):  # "Israeli army troops": the group is the troops
            if head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
        if root.dep_ not in MODIFIER_DEPS or head.i < mention.end or head.i in taken:
            continue
        between = [t for t in doc[mention.end:head.i] if not (t.dep_ == "case" and t.lower_ in {"'s", "'"})]
        if len(between) > 3 or any(t.i in taken or t.pos_ not in {"NOUN", "ADJ", "PROPN"} for t in between):
            continue  # "Poland's parliament": the possessive marker is no word of the group
        hit = _sector_head(head)
        if hit is None:  # "Israeli army bulldozers": the group is the army
            inner = [t for t in between if _sector_head(t) is not None and t.pos_ in {"NOUN", "PROPN"}]
            if not inner:
                continue
            head = inner[-1]
            hit = _sector_head(head)
        for between in doc[mention.end:head.i]:  # "Afghan rebel leaders": the rebels lead
            inner = _sector_head(between)
            if inner is not None:
                hit = (inner[0], hit[1], hit[2])
                break
        sector, label, _first = hit
        m = NameMention(mention.start, head.i + 1, label, kind="group", country=draft.country, sector=sector)
        found.append((m, f"group:{draft.country}:{sector}:{head.lemma_.lower()}"))
    return found
