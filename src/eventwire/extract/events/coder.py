"""The coder protocol and the built-in rule coder ``plover-rules``.

A coder sees one candidate trigger word with its sentence and answers with a PLOVER code
(type, mode, context and the words that make up the trigger) or ``None``. It never looks
at actors, status or dates: those are read from the parse by the component, so a trained
classifier can replace the rules by registering under another name::

    from eventwire.registry import coders

    @coders.register("my-classifier")
    class MyCoder:
        name = "my-classifier"
        def code(self, candidate: Candidate) -> Coding | None: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Protocol, runtime_checkable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...knowledge import word_list
from ...knowledge.events import NO_EVENT, TriggerSense, trigger_lexicon
from ...registry import coders

#: dependency labels through which a sense's ``needs`` word may hang below the trigger
_REACH = frozenset(
    {
        "prep",
        "agent",
        "dobj",
        "xcomp",
        "compound",
        "amod",
        "pobj",
        "prt",
        "nsubjpass",
        "dative",
        "attr",
        "advmod",
        "npadvmod",
        "acomp",
    }
)


@dataclass(frozen=True)
class Candidate:
    """A word that may name an event: a verb or noun of a body sentence."""

    token: Token
    sentence: SpacySpan


@dataclass(frozen=True)
class Coding:
    """A coder's answer: PLOVER type, mode and context, and the trigger's token indices."""

    event: str
    mode: str | None
    context: tuple[str, ...]
    words: tuple[int, ...]


@runtime_checkable
class Coder(Protocol):
    """What the events component needs of a coder."""

    name: str

    def code(self, candidate: Candidate) -> Coding | None: ...


def is_reporting(token: Token) -> bool:
    """A plain reporting verb ("said", "told"): the frame of a quotation, never an event."""
    return token.lemma_.lower() in word_list("reporting_verbs.tsv")


def pos_key(token: Token) -> str | None:
    """The lexicon's part of speech for a token: V for verbs, N for common nouns."""
    if token.pos_ == "VERB":
        return "V"
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.is_lower):
        return "N"
    return None


def near(token: Token) -> Iterator[Token]:
    """The trigger's dependents and, through prepositions, objects and particles, theirs;
    an object's "of" phrase counts too ("suspended part of a military aid program")."""
    for child in token.children:
        yield child
        if child.dep_ not in _REACH:
            continue
        for grandchild in child.children:
            yield grandchild
            if child.dep_ == "dobj" and grandchild.dep_ == "prep" and grandchild.lower_ == "of":
                for obj in grandchild.children:
                    yield obj
                    yield from (c for c in obj.children if c.dep_ == "compound")


@coders.register("plover-rules")
class RulesCoder:
    """PLOVER codes from the trigger lexicon (``knowledge/data/event_triggers.tsv``).

    A word's senses are tried in the lexicon's order, those that need a dependent first:
    "reach" codes AGREE only with "agreement", "compromise"... among its dependents, and
    that dependent becomes part of the trigger.
    """

    name = "plover-rules"

    def __init__(self) -> None:
        self.lexicon = trigger_lexicon()

    def senses(self, token: Token) -> tuple[TriggerSense, ...]:
        pos = pos_key(token)
        if pos is None:
            return ()
        found = self.lexicon.get((token.lemma_.lower(), pos), ())
        return found or self.lexicon.get((token.lower_, pos), ())

    def match(self, token: Token) -> tuple[TriggerSense, tuple[int, ...]] | None:
        """The first sense of the word that applies here, with the trigger's words; read
        once per word of a parse (the chain, the trained coder's features and its NONE
        check all ask)."""
        memo = token.doc.user_data.setdefault("eventwire_rule_matches", {})
        if token.i not in memo:
            memo[token.i] = self._match(token)
        return memo[token.i]

    def _match(self, token: Token) -> tuple[TriggerSense, tuple[int, ...]] | None:
        senses = self.senses(token)
        if not senses:
            return None
        dependents = [d for d in near(token) if d.i != token.i]
        for sense in senses:
            if not sense.needs:
                return sense, (token.i,)
            found = next(
                (
                    d
                    for d in dependents
                    if d.lemma_.lower() in sense.needs or d.lower_ in sense.needs
                ),
                None,
            )
            if found is not None:
                return sense, tuple(sorted((token.i, found.i)))
        return None

    def code(self, candidate: Candidate) -> Coding | None:
        found = self.match(candidate.token)
        if found is None or found[0].event == NO_EVENT:
            return None
        sense, words = found
        return Coding(sense.event, sense.mode, sense.context, words)

    def rules_out(self, candidate: Candidate) -> bool:
        """Whether the lexicon says the word, in this sense, names no event at all."""
        found = self.match(candidate.token)
        return found is not None and found[0].event == NO_EVENT


@cache
def rules_coder() -> RulesCoder:
    """The one rule coder the trained decision's features and its NONE check read."""
    return RulesCoder()
