"""Attributions without a reporting verb: a cue noun or a predicate adjective.

PolNeAR counts as attributions what a source holds or says through a noun ("Trump's *claim*
that X", "she repeated her *pledge* to Y", "his *criticism* of Z") or through an adjective
about its subject ("they *are afraid* that X", "he *is critical* of Y"). The content is the
clause or phrase the cue word governs; the source is the noun's possessor, the subject of
the verb the noun is the object of ("voiced *concern*"), the subject of a copula ("she is a
staunch *opponent* of X"), or the adjective's subject. A cue with no such source is
left alone: a quote without a speaker is worse than none.
"""

from __future__ import annotations

from spacy.tokens import Token

from .speakers import subject_of

#: Prepositions whose object is what a cue noun or adjective is about.
_ABOUT = frozenset({"of", "about", "for", "on", "against", "over", "with", "in", "at"})
#: Subjects that name no source ("it is clear that", "there is concern about").
_EMPTY_SUBJECTS = frozenset({"it", "there", "this", "that", "which", "what"})
#: Verbs through which a noun's subject is the holder: "made the claim", "voiced concern".
_COPULAS = frozenset({"be", "seem", "feel", "remain", "appear", "become", "grow", "sound", "look", "get"})


def _that_clause(word: Token) -> Token | None:
    """A finite clause the word governs ("claim *that X*", "afraid *that Y*")."""
    for child in word.rights:
        if child.dep_ in ("acl", "ccomp", "relcl", "advcl") and any(
            m.dep_ == "mark" and m.lower_ in ("that", "if", "whether") for m in child.children
        ):
            return child
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
    return None


def _infinitive(word: Token) -> Token | None:
    """An infinitive the word governs ("plans *to employ*", "eager *to move on*")."""
    for child in word.rights:
        if child.dep_ in ("acl", "xcomp", "advcl") and child.pos_ in ("VERB", "AUX") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            return child
    return None


def _about(word: Token) -> tuple[Token, Token] | None:
    """The preposition and its object for "criticism *of X*", "worried *about Y*"."""
    for child in word.rights:
        if child.dep_ == "prep" and child.lower_ in _ABOUT:
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                return child, objects[0]
    return None


def _complement(word: Token) -> tuple[int, int, int] | None:
    """(content start, content end, cue end) in tokens for what ``word`` governs."""
    if (clause := _that_clause(word)) is not None:
        marks = [m.i for m in clause.children if m.dep_ == "mark"]
        start = marks[0] if marks else clause.left_edge.i
        return max(start, word.i + 1), clause.right_edge.i + 1, word.i + 1
    if (verb := _infinitive(word)) is not None:
        return max(verb.left_edge.i, word.i + 1), verb.right_edge.i + 1, word.i + 1
    if (found := _about(word)) is not None:
        prep, obj = found
        return obj.left_edge.i, obj.right_edge.i + 1, prep.i + 1
    return None


def _named(token: Token | None) -> Token | None:
    return token if token is not None and token.lower_ not in _EMPTY_SUBJECTS else None


Held = tuple[tuple[int, int], Token, tuple[int, int]]  # content tokens, source head, cue tokens


def noun_attribution(noun: Token, nouns: frozenset[str]) -> Held | None:
    """(content tokens, source head, cue tokens) of a cue noun, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
        return None
    content = _complement(noun)
    if content is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":  # "his bet is that X"
        clause = _that_clause(noun.head)
        if clause is not None:
            content = (clause.left_edge.i, clause.right_edge.i + 1, noun.i + 1)
    if content is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        source = subject_of(noun.head)
    elif source is None and noun.dep_ == "attr" and noun.head.lemma_ in _COPULAS:
        source = subject_of(noun.head)  # "she is a staunch *opponent* of X"
    source = _named(source)
    if source is None:
        return None
    start, end, cue_end = content
    return (start, end), source, (noun.i, cue_end)


def adjective_attribution(word: Token, adjectives: frozenset[str]) -> Held | None:
    """(content tokens, source head, cue tokens) of a predicate adjective cue, or None."""
    if word.lower_ not in adjectives or word.pos_ not in ("ADJ", "VERB"):
        return None
    if word.dep_ in ("acomp", "oprd") and word.head.lemma_ in _COPULAS:
        holder = word.head
    elif any(c.dep_ in ("auxpass", "cop") or (c.dep_ == "aux" and c.lemma_ == "be") for c in word.children):
        holder = word
    else:
        return None
    content = _complement(word)
    source = _named(subject_of(holder) if holder is not word else next(
        (c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None))
    if content is None or source is None:
        return None
    start, end, cue_end = content
    cue_start = min([word.i] + [c.i for c in holder.children if c.dep_ == "neg" and c.i < word.i])
    return (start, end), source, (cue_start, cue_end)
