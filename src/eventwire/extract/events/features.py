"""Features of a candidate trigger in its parse, for the trained coder.

One function, ``features(token)``, turns a verb or noun of a parsed sentence into a list of
string features (present = 1): the word itself, its place in the tree, what hangs below it
(objects, particles, prepositional phrases, the agent of a passive), what governs it, the
cues of negation and modality around it, the kinds of its arguments (a named person, a
state, a number, a group noun), the CAMEO dictionary's reading of the word with its object
(``knowledge/data/cameo_verbs.tsv``). Fewer, general features measured better on held-out
sentences than adding the sentence's words, the neighbouring words or features crossed
with the lemma, which let the model memorise the synthetic templates. The same
function serves training (``eventwire train events``) and coding, so the two never drift.
Every feature is read from the parse and the project's word lists (the rule lexicon's
reading of the word, ``rule_readings``; whether each argument is a party or a thing,
``argument_kinds``, from the group nouns): no entity list, no gazetteer. With the rule and
CAMEO readings among its features the trained model is one decision that weighs every
coder's answer against the clause, instead of the first coder that answers winning.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ...knowledge.events import NO_EVENT, group_words
from .coder import rules_coder
from .refs import group_sector

_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "csubj"})
_CUE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "mark", "prt"})
_PARTY_PREPS = ("with", "against", "on", "to", "by")


def _kind(token: Token) -> str:
    """The coarse kind of an argument head: a name type, a pronoun, a number or a word."""
    if token.ent_type_:
        return token.ent_type_
    if token.pos_ == "PRON":
        return "PRON"
    if token.like_num or any(c.dep_ == "nummod" for c in token.children):
        return "NUM"
    return token.pos_


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _below(token: Token) -> list[str]:
    """Dependents: objects and their kinds, particles, prepositions with their objects."""
    found: list[str] = []
    for child in token.children:
        dep = child.dep_
        if dep in _ARG_DEPS:
            found += [f"{dep}={_lemma(child)}", f"{dep}:kind={_kind(child)}"]
            if dep == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    found.append(f"by={_lemma(obj)}")
        elif dep == "prt":
            found.append(f"prt={_lemma(child)}")
        elif dep == "prep":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            found.append(f"prep={_lemma(child)}")
            if obj is not None:
                found += [f"prep:{_lemma(child)}={_lemma(obj)}", f"prep:{_lemma(child)}:kind={_kind(obj)}"]
        elif dep in ("compound", "amod", "poss", "nmod"):
            found += [f"mod={_lemma(child)}", f"mod:kind={_kind(child)}"]
        elif dep == "xcomp" or dep == "ccomp":
            found.append(f"{dep}={_lemma(child)}")
    return found


def _above(token: Token) -> list[str]:
    """The governor: its word, the relation, and for a noun the verb it is an argument of."""
    head = token.head
    if head.i == token.i:
        return ["root"]
    found = [f"dep={token.dep_}", f"head:{token.dep_}={_lemma(head)}"]
    if token.dep_ == "pobj":
        found.append(f"under:{_lemma(head)}={_lemma(head.head)}")
    return found


def _cues(token: Token) -> list[str]:
    """Negation, modals, aspect and voice on the trigger."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ in _CUE_DEPS and child.dep_ != "prt":
            found.append(f"cue={_lemma(child)}")
        if child.dep_ in ("nsubjpass", "auxpass"):
            found.append("passive")
    return found


def _shape(token: Token) -> list[str]:
    found = [f"w={token.lower_}", f"pos={token.pos_}"]
    if token.ent_type_:
        found.append(f"ent={token.ent_type_}")
    return found


@cache
def _shapes(lemma: str) -> tuple[tuple[str, str, tuple[frozenset[str], ...]], ...]:
    """(kind, event, object word sets) of each CAMEO pattern of a lemma, computed once."""
    from ...knowledge.cameo import cameo_verbs

    found = []
    for pattern in cameo_verbs().get(lemma, ()):
        event = pattern.event or "NONE"
        if not pattern.object and not pattern.particle:
            found.append(("bare", event, ()))
        elif pattern.object:
            objects = pattern.objects or (pattern.object,)
            found.append(("obj", event, tuple(frozenset(o.split()) for o in objects if o)))
        else:
            found.append(("prt", event, (frozenset({pattern.particle}),)))
    return tuple(found)


def cameo_readings(token: Token) -> list[str]:
    """What the CAMEO dictionary says of the word: its bare code, every pattern whose
    object or particle is in the word's phrase, and the dictionary coder's own reading."""
    shapes = _shapes(_lemma(token))
    if not shapes:
        return []
    near = [t for t in token.subtree if t.i != token.i and t.i - token.i <= 6]
    nearby = {_lemma(t) for t in near} | {t.lower_ for t in near}
    found = {
        f"cameo:{kind}={event}"
        for kind, event, sets in shapes
        if kind == "bare" or any(words <= nearby for words in sets)
    }
    from .dictionary import reading

    read = reading(token)
    if read is not None:
        found.add(f"cameo:read={read[0].event or 'NONE'}")
    return sorted(found)


def rule_readings(token: Token) -> list[str]:
    """What the rule lexicon says of the word here: the type of the sense that applies
    (``rule=AGREE``; ``NONE`` where the lexicon knows the word names no event), and
    whether that sense needed a dependent ("reach" + "agreement") or is the bare word."""
    found = rules_coder().match(token)
    if found is None:
        return []
    sense, _ = found
    shape = "needs" if sense.needs else "bare"
    return [f"rule={sense.event}", f"rule:{shape}={sense.event}"]


def read_by_a_coder(token: Token) -> bool:
    """Whether the rule lexicon or the CAMEO dictionary reads the word as an event here:
    the trained decision scores such a word even when its lemma never was a trigger in
    training, so every coder's candidate reaches it (training keeps the same words'
    negatives, which is how it learns where a reading is wrong)."""
    found = rules_coder().match(token)
    if found is not None and found[0].event != NO_EVENT:
        return True
    from .dictionary import reading

    read = reading(token)
    return read is not None and read[0].event is not None


_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _party(token: Token) -> str:
    """Whether an argument names a party (a person, organisation, state or group noun, or
    words like "the sides" that point back to parties), a pronoun, a name the tagger did
    not type ("Ethopia", misspelt), or a thing ("his fiscal rules", "its autumn
    conference")."""
    if token.ent_type_ in _PARTY_TYPES:
        return "party"
    if token.pos_ == "PRON":
        return "pron"
    if token.pos_ in ("NOUN", "PROPN") and group_sector(token) is not None:
        return "party"
    if token.lower_ in group_words() or token.lemma_.lower() in group_words():
        return "party"
    if token.ent_type_:
        return "other"
    return "name" if token.pos_ == "PROPN" else "thing"


def argument_kinds(token: Token) -> list[str]:
    """Who or what the trigger's subject, object and with/against/on/to phrases are."""
    found: list[str] = []
    for child in token.children:
        dep = child.dep_
        if dep in ("nsubj", "nsubjpass", "dobj", "dative"):
            found.append(f"{dep}:party={_party(child)}")
        elif dep in ("prep", "agent") and child.lower_ in _PARTY_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.append(f"prep:{child.lower_}:party={_party(obj)}")
    return found


def features(token: Token) -> list[str]:
    """Every feature of a candidate trigger, each once (present = 1: a passive's two
    ``passive`` cues or two objects of one word count once, in training as in coding)."""
    lemma = _lemma(token)
    pos = "V" if token.pos_ == "VERB" else "N"
    found = (
        [f"lemma={lemma}", f"lemma:pos={lemma}:{pos}"]
        + _shape(token)
        + _below(token)
        + _above(token)
        + _cues(token)
        + cameo_readings(token)
        + rule_readings(token)
        + argument_kinds(token)
    )
    return list(dict.fromkeys(found))


def feature_rows(names: list[str], index: dict[str, int]) -> list[int]:
    """The model's rows of a word's features: the features the model knows, each once.
    Training builds its matrix with this and coding sums these rows, so both see the
    same binary vector."""
    return sorted({index[n] for n in names if n in index})
