"""The dictionary coder ``plover-cameo``: PETRARCH-2's CAMEO verb patterns on the parse.

For a verb, the patterns of its lemma (``knowledge/data/cameo_verbs.tsv``) are tried most
specific first, as PETRARCH does: a pattern with a particle needs that particle among the
verb's dependents ("called off"), one with an object needs the object's words in the
verb's phrase ("rush aid", "lay down arms"), one with a preposition needs a phrase with it
("march against"); the first that matches gives the code, and a ``[---]`` pattern that
matches means "no event" ("seize the opportunity"). A verb with no matching pattern takes
the code of its bare row, unless it is a light verb whose bare code only holds with its
objects ("take", "hold"). Nouns are not in the dictionary; they are left to the other
coders. Matching reads lemmas and word forms from the parse, never raw strings.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import word_list
from ...knowledge.cameo import CameoPattern, cameo_verbs
from ...registry import coders
from .coder import Candidate, Coder, Coding, RulesCoder, is_reporting

_PHRASE_WORDS = 8


def phrase_words(token: Token) -> dict[str, int]:
    """Lemma and lower-case form -> token index, for the verb's own phrase (its dependents
    and theirs, within a few words), so a pattern's object is found where it hangs."""
    found: dict[str, int] = {}
    for node in token.subtree:
        if node.i == token.i or abs(node.i - token.i) > _PHRASE_WORDS:
            continue
        found.setdefault(node.lemma_.lower(), node.i)
        found.setdefault(node.lower_, node.i)
    return found


def match(pattern: CameoPattern, token: Token, words: dict[str, int]) -> list[int] | None:
    """The token indices a pattern matched (empty for the bare verb), or None."""
    used: list[int] = []
    if pattern.particle:
        prt = next((c for c in token.children if c.lower_ == pattern.particle), None)
        if prt is None:
            return None
        used.append(prt.i)
    if pattern.object:
        for obj in pattern.objects or (pattern.object,):
            hits = [words.get(w) for w in obj.split()]
            if all(h is not None for h in hits):
                used.append(max(hits))  # the head word comes last in English phrases
                break
        else:
            return None
    elif pattern.prep:
        prep = next(
            (c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == pattern.prep),
            None,
        )
        if prep is None:
            return None
    return used


def reading(token: Token) -> tuple[CameoPattern, list[int]] | None:
    """The dictionary's reading of a verb: the first matching pattern (the specific ones
    come before the bare verb) and its words, read once per word and shared by the
    trained coder's features and the dictionary coder."""
    if token.pos_ != "VERB" or is_reporting(token):
        return None
    memo = token.doc.user_data.setdefault("eventwire_cameo_readings", {})
    if token.i not in memo:
        memo[token.i] = _reading(token)
    return memo[token.i]


def _reading(token: Token) -> tuple[CameoPattern, list[int]] | None:
    lemma = token.lemma_.lower()
    patterns = cameo_verbs().get(lemma, ())
    words = phrase_words(token) if patterns else {}
    for pattern in patterns:
        if pattern.bare and lemma in word_list("light_verbs.tsv"):
            continue
        used = match(pattern, token, words)
        if used is not None:
            return pattern, used
    return None


@coders.register("plover-cameo")
class DictionaryCoder:
    """PLOVER codes from the CAMEO verb dictionary alone."""

    name = "plover-cameo"

    def __init__(self, bare: bool = True) -> None:
        self.bare = bare  # False: only a pattern with a particle, object or preposition

    def code(self, candidate: Candidate) -> Coding | None:
        token = candidate.token
        found = reading(token)
        if found is None or found[0].event is None or (found[0].bare and not self.bare):
            return None
        pattern, used = found
        words = tuple(sorted({token.i, *used}))
        if max(words) - min(words) > 4:  # a far object stays out of the trigger's words
            words = (token.i,)
        return Coding(pattern.event, pattern.mode, pattern.context, words)


#: how sure the trained decision must be that a word names no event to drop the lexicon's
#: or the dictionary's reading: set before measuring, never tuned on the validation half
SURE = 0.9


@coders.register("plover-chain")
class ChainCoder:
    """The first answer of several coders, tried in order: the rule lexicon; then, for the
    words it does not know, the trained coder at the threshold its model file carries; then the
    CAMEO dictionary's specific patterns (a verb with its object or particle), not its
    bare verbs, whose block codes are too broad to trust alone ("die", "buy", "reveal")."""

    name = "plover-chain"

    def __init__(self, chain: list[Coder] | None = None) -> None:
        from .learned import LearnedCoder

        self.coders = chain or [
            RulesCoder(),
            LearnedCoder(),
            DictionaryCoder(bare=False),
        ]
        #: the lexicon (its NONE senses bind every later coder) and the trained decision
        #: (its veto on the dictionary), found once
        self.rules = next((c for c in self.coders if isinstance(c, RulesCoder)), None)
        self.decision = next((c for c in self.coders if isinstance(c, LearnedCoder)), None)

    def code(self, candidate: Candidate) -> Coding | None:
        rules = self.rules
        for coder in self.coders:
            if coder is rules and rules.rules_out(candidate):
                return None  # a sense the lexicon knows is no event: no later coder guesses
            coding = coder.code(candidate)
            if coding is None:
                continue
            if coder is not rules and rules is not None and self._takes_a_trigger(
                candidate, coding, rules
            ):
                return None  # "held talks": the lexicon codes "talks" itself (CONSULT)
            return self.decide(candidate, coding, coder)
        return None

    def decide(self, candidate: Candidate, coding: Coding, coder: Coder) -> Coding | None:
        """The trained decision's last word on another coder's answer: it drops a reading it
        is sure names no event here ("the club's attack", "hold a conference"). It does not
        replace the type: on the tuning half, every such replacement at this certainty was
        wrong ("ordered X to appear" read as AGREE), so the type stays the coder's that knows
        the word."""
        from .learned import NONE

        if self.decision is None or coder is self.decision or isinstance(coder, RulesCoder):
            return coding
        probs = self.decision.distribution(candidate.token)
        if probs is None:
            return coding
        return None if probs.get(NONE, 0.0) >= SURE else coding

    @staticmethod
    def _takes_a_trigger(candidate: Candidate, coding: Coding, rules: RulesCoder) -> bool:
        """Whether a later coder's trigger swallows another word the rule lexicon codes on
        its own, or its light verb has such a word as its object ("held talks"): that word's
        reading wins over a pattern or a guess of its light verb."""
        doc = candidate.token.doc
        token = candidate.token
        light = token.lemma_.lower() in word_list("light_verbs.tsv")
        objects = [c.i for c in token.children if c.dep_ in ("dobj", "attr")] if light else []
        return any(
            rules.code(Candidate(doc[i], candidate.sentence)) is not None
            for i in (*coding.words, *objects)
            if i != candidate.token.i
        )
