"""Who said it: the source phrase of a cue and the entity it names.

The source is the cue's subject ("Ushakov told reporters"), the subject of the clause a
participle or a conjoined verb hangs on ("Trump said ..., *adding* that ..."), the noun a
relative pronoun stands for ("Ushakov, *who* said ..."), or the object of "according to".
The speaker is read from the actors component's ``token_entity`` index; pronouns and
epithets are resolved in ``referents.py``. A dateline glued to the phrase is never part of it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ...knowledge import word_list
from ...knowledge.actors import sector_words
from ...knowledge.cues import cue_phrases, cue_verbs
from ...nlp import Annotated

_SUBJECT_DEPS = ("nsubj", "csubj")
#: Dependencies through which a subject-less cue takes its head's subject.
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
#: Parts of a subject phrase that are not the words naming the speaker.
_CUT_DEPS = frozenset({"acl", "advcl"})
#: Words between a gerund's preposition and the verb whose subject it shares.
_BRIDGE_DEPS = frozenset({"advmod", "acomp", "dobj", "pobj", "npadvmod", "attr"})
#: Where a noun stands when a participle on it reports for it ("a tweet *attacking* X").
_NAMING_DEPS = frozenset({"nsubj", "ROOT", "appos"})
_RELATIVE = frozenset({"who", "which", "that"})
#: How the words of a name hang on the noun it modifies ("the *Federal Reserve* head").
_NAME_MODIFIERS = frozenset({"compound", "amod", "nmod"})


def subject_of(verb: Token, hops: int = 4) -> Token | None:
    """The token naming whoever performs ``verb``, following participles and conjuncts up:
    "Trump said ..., *adding*", "responded *by saying*", "was able *to tout*", "issued a
    statement *calling* ..."."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    for child in verb.children:  # a passive cue: the agent ("was told by X") is the source
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.dep_ in _NAMING_DEPS:
        return verb.head  # "a Trump tweet *attacking* X": the tweet
    if _passive_participle(verb):
        return None  # "*Asked* whether ..., Mr Howard told ...": Howard was asked, he did not ask
    up = _governor(verb)
    return subject_of(up, hops - 1) if up is not None and hops else None


def _passive_participle(verb: Token) -> bool:
    """A past participle opening a clause on its own ("*Asked* if he would ...", "*Told* of
    the plan, ..."): its sense is passive, so the main clause's subject is who was asked or
    told, not who spoke."""
    return (verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.i < verb.head.i
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _governor(verb: Token) -> Token | None:
    """The verb whose subject a subject-less ``verb`` shares, if any."""
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "by saying", "for refusing"
        head = head.head
    elif verb.dep_ == "acl" and head.dep_ in ("dobj", "pobj"):  # "issued a statement calling"
        head = head.head.head if head.dep_ == "pobj" else head.head
    elif verb.dep_ not in _INHERIT_DEPS and verb.dep_ != "pcomp":
        return None
    elif verb.dep_ in ("conj", "advcl") and head.dep_ == "ccomp" and head.head.lemma_.lower() in cue_verbs():
        head = head.head  # "China said it was opposed *and warned* ...": China warned
    if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):  # "was able to tout"
        head = head.head
    if verb.dep_ == "pcomp" and head.pos_ in ("ADV", "ADJ", "NOUN") and head.dep_ in _BRIDGE_DEPS:
        head = head.head  # "stopped short of calling", "were in the lead in advocating"
        if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None


def source_range(head: Token) -> tuple[int, int]:
    """Token range of the words naming the source: the subject phrase up to a participial
    phrase set off by a comma ("a senior official, speaking on ..."), a clause that is an
    attribution of its own ("Mr. Kamin, who emphasized that ...") or trailing punctuation.
    A descriptive relative clause or a bound participle stays ("Derek Mitchell, who served
    as ambassador", "a poll released last week"): PolNeAR counts them. A possessive "'s"
    and a dateline glued before the phrase ("WASHINGTON -- President Obama") are left out."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if _cuts(child):
            break
        end = child.right_edge.i + 1
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end == head.i + 2 and doc[head.i + 1].dep_ == "case":
        end -= 1
    if head.dep_ == "poss" and end - 1 > start and doc[end - 1].dep_ == "case":
        end -= 1
    for i in range(start + 1, min(head.i, start + 5)):
        dateline = all(t.is_upper or t.is_punct for t in doc[start:i])
        if doc[i].text in ("--", "-", "—", "―", "–") and dateline:
            start = i + 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return start, end


def past_dateline(head: Token, cue: Token | None, floor: int) -> Token | None:
    """The source head with the dateline left out: a dateline is never a speaker. The parser
    may make "MOSCOW, Dec 3 (Reuters) -" the cue's subject or part of it; the cue's subject
    after the dateline, else the words of the phrase after it, name the source (None when
    only the dateline does)."""
    if head.idx >= floor:
        return head
    if cue is not None:
        later = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS + ("nsubjpass",) and c.idx >= floor]
        if later:
            return later[0]
    words = [t for t in head.subtree if t.idx >= floor and not (t.is_punct or t.is_space)]
    if not words:
        return None
    root = head.doc[words[0].i:words[-1].i + 1].root
    return root if root.pos_ in ("PROPN", "NOUN", "PRON") else None


def clip_range(doc: Doc, span: tuple[int, int], floor: int) -> tuple[int, int]:
    """A token range without the tokens before character ``floor`` (the dateline)."""
    start, end = span
    while start < end - 1 and (doc[start].idx < floor or doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _cuts(child: Token) -> bool:
    """Whether a right dependent of the source's head ends the source phrase."""
    if child.dep_ == "relcl" or child.dep_ in _CUT_DEPS:
        set_off = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
        is_cue = child.lemma_.lower() in cue_verbs()
        return is_cue or (child.dep_ in _CUT_DEPS and set_off)
    return False


def _possessed(token: Token, head: Token) -> bool:
    """Whether ``token`` sits under a possessive or prepositional modifier of ``head``
    ("Putin's aide": Putin is not the speaker)."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in ("poss", "prep", "pobj", "npadvmod"):
            return True
        token = token.head
    return False


def speaker_token_order(doc: Doc, head: Token, span: tuple[int, int]) -> list[int]:
    """Tokens of the source to look up in ``token_entity``: the head, its apposition, then the
    rest, skipping possessors ("Putin's top aide, Yuri Ushakov")."""
    order = [head.i]
    appos = [c for c in head.children if c.dep_ == "appos"]
    for child in appos:
        order.append(child.i)
        order.extend(t.i for t in child.subtree if t.i != child.i)
    order.extend(t for t in range(*span) if t not in order and not _possessed(doc[t], head))
    return order


def entity_of_source(ann: Annotated, head: Token, floor: int = 0) -> str | None:
    """The entity the actors component put on the source's words (not the dateline's), if any."""
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head
    span = clip_range(ann.doc, source_range(head), floor)
    kinds = {e.id: e.type for e in ann.entities}
    found = [entity for i in speaker_token_order(ann.doc, head, span)
             if (entity := ann.token_entity.get(i)) is not None and not _affiliation(ann.doc[i], head, kinds.get(entity))]
    # a person the phrase names is the speaker, whatever the parse hung first ("Swedish
    # *trades* union official Ulf Carlsson", with "trades" read as a verb)
    people = [e for e in found if kinds.get(e) == "PERSON"]
    return (people or found or [None])[0] or _named_after(ann, head, span, kinds)


@cache
def _body_heads() -> frozenset[str]:
    """Head nouns under which a name before them is the source itself: bodies ("the Labour
    party"), collectives and documents ("the ministry statement"), sectors, cue nouns."""
    return (word_list("body_nouns.tsv") | word_list("state_nouns.tsv") | word_list("source_nouns.tsv")
            | frozenset(sector_words()) | cue_phrases().nouns)


def _affiliation(token: Token, head: Token, kind: str | None) -> bool:
    """A name before a role that says whom the speaker belongs to, never the speaker: a
    party or nationality ("the Tory co-chairman", "a French minister"), or an organisation
    or country before one unnamed person ("the Federal Reserve head", "the Hamas
    spokesman"). An organisation before a body or a document is the source ("the Labour
    party", "the ministry statement"); before a plural it is the group ("US officials")."""
    if head.pos_ != "NOUN" or token.i >= head.i:
        return False
    if kind == "NORP":
        return True
    if kind not in ("ORG", "GPE") or head.tag_ != "NN" or head.lemma_.lower() in _body_heads():
        return False
    while token.dep_ in _NAME_MODIFIERS and token.head.i != head.i and token.head.i > token.i:
        token = token.head  # "Federal" -> "Reserve" -> "head"
    return token.dep_ in _NAME_MODIFIERS and token.head.i == head.i


def _named_after(ann: Annotated, head: Token, span: tuple[int, int], kinds: dict) -> str | None:
    """The person named right after a role phrase that the parser split from it ("said the
    Tory co-chairman Liam Fox", where "co" and "Fox" both hang on "said")."""
    doc = ann.doc
    end = span[1]
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end].text, doc[end - 1].text):
        end += 1  # the rest of a hyphenated word the parser cut ("co" | "-" "chairman")
    entity = ann.token_entity.get(end) if end < len(doc) else None
    if entity is None or kinds.get(entity) != "PERSON" or head.pos_ != "NOUN":
        return None
    person = doc[end]
    while person.dep_ == "compound" and person.head.i != person.i:
        person = person.head
    return entity if person.head.i == head.head.i and person.dep_ in _SUBJECT_DEPS else None
