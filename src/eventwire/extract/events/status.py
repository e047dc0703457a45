"""Factuality: whether an event happened, was denied, planned, hoped for or demanded.

The status is read from modality cues (``knowledge/data/modality.tsv``) on the trigger and
on the words that govern it, climbing from a noun to the verb it is an argument of ("a
meeting ... was not planned") and from a verb to the verb whose complement it is ("failed
to reach", "demanded that X withdraw"). The climb stops at clauses of their own (a reporting
verb's complement, an adverbial or relative clause), so "did not reach a compromise after a
meeting" negates the compromise, never the meeting.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge.events import modality_cues

_ARGUMENT = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
_CUE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "mark", "det", "amod", "preconj"})


def _governor(token: Token) -> Token | None:
    """The next word up whose modality bears on ``token``'s event, or None."""
    head = token.head
    if head is token:
        return None
    cues = modality_cues()
    if token.dep_ in _ARGUMENT and head.pos_ in ("VERB", "AUX"):
        return head
    if (
        token.pos_ == "NOUN"
        and (token.dep_ == "compound" or (token.dep_ == "pobj" and head.lower_ == "of"))
        and head.head.pos_ == "NOUN"
    ):
        return head if token.dep_ == "compound" else head.head
    infinitive = token.dep_ == "advcl" and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in token.children
    )
    governs = (head.lemma_.lower(), "governor") in cues
    if token.dep_ == "xcomp" or (token.dep_ == "ccomp" or infinitive) and governs:
        return head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        noun = head.head
        if noun.pos_ == "NOUN" and (noun.lemma_.lower(), "governor") in cues:
            return noun
    return None


def _kinds_at(node: Token, is_trigger: bool) -> set[str]:
    cues = modality_cues()
    kinds: set[str] = set()
    if not is_trigger and (kind := cues.get((node.lemma_.lower(), "governor"))):
        kinds.add(kind)
    for child in node.children:
        if child.dep_ in _CUE_DEPS:
            kind = cues.get((child.lower_, "dep")) or cues.get((child.lemma_.lower(), "dep"))
            if kind:
                kinds.add(kind)
    return kinds


def cue_kinds(trigger: Token) -> set[str]:
    """Every modality kind on the trigger and its governors (at most six steps up)."""
    kinds = _kinds_at(trigger, True)
    node: Token | None = trigger
    for _ in range(6):
        node = _governor(node)
        if node is None:
            break
        kinds |= _kinds_at(node, False)
    return kinds


def combine(kinds: set[str]) -> str:
    """The contract status for a set of cue kinds; a condition outranks everything."""
    if "hypothetical" in kinds:
        return "hypothetical"
    if "negation" in kinds:
        return "not_planned" if "future" in kinds else "negated"
    if "demand" in kinds:
        return "demanded"
    if "possible" in kinds:
        return "possible"
    if "future" in kinds:
        return "planned"
    return "asserted"


def status_of(trigger: Token) -> str:
    """The status of the event named by ``trigger``."""
    return combine(cue_kinds(trigger))
