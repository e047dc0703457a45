"""Actor and recipient of an event, read from the syntax around its trigger.

Verbs: the subject is the actor, the object (or a "with", "against", "to" phrase) the
recipient; in the passive the "by" phrase is the actor and the subject the recipient; a verb
without a subject borrows the subject of the verb it completes ("agreed to cooperate").
Nouns: "between X and Y" gives both sides, a possessor or a national modifier ("Russia's
invasion", "US sanctions") the actor, "with", "against", "on", "of" the recipient, and a
noun that is the object of a light verb ("held talks", "imposed sanctions") takes that
verb's subject. Conjoined arguments are split: "Russia and the US" are two actors.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

_RECIPIENT_PREPS = (
    "with",
    "against",
    "to",
    "on",
    "upon",
    "into",
    "at",
    "toward",
    "towards",
    "from",
)
_NOUN_RECIPIENT_PREPS = (
    "with",
    "against",
    "on",
    "upon",
    "of",
    "to",
    "into",
    "toward",
    "towards",
    "for",
)
#: "imposed a curfew in Algiers", "withdrew from Lebanon", "power lines leading into Kabul"
_TERRITORY_PREPS = ("in", "into", "from", "inside", "across", "throughout", "over")
_SUBJECTS = ("nsubj", "csubj")
#: "engaged in fighting", "returned for talks", "went on strike", "threw stones during
#: demonstrations": the
#: verb's subject takes part in the event the noun names
_TAKE_PART = ("in", "for", "during", "at", "on")
_INHERIT = ("xcomp", "advcl", "conj", "ccomp", "acomp", "pcomp", "prep")


def conjuncts(token: Token) -> list[Token]:
    """The token and every word conjoined to it ("Putin and Trump's envoy, Witkoff")."""
    found: list[Token] = []
    stack = [token]
    while stack:
        node = stack.pop()
        if node.i in {t.i for t in found}:
            continue
        found.append(node)
        stack.extend(c for c in node.children if c.dep_ in ("conj", "appos"))
    return sorted(found, key=lambda t: t.i)


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_objects(token: Token, preps: tuple[str, ...]) -> Iterator[tuple[str, Token]]:
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps + ("by",):
            obj = _child(prep, "pobj")
            if obj is not None:
                yield prep.lower_, obj


def subject(verb: Token, depth: int = 0) -> Token | None:
    """The verb's subject, borrowed from the verb it completes when it has none."""
    found = _child(verb, *_SUBJECTS)
    if found is not None:
        return found
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "attr") and depth < 4:
        return subject(verb.head.head, depth + 1)
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN":
        return verb.head  # "Hundreds of students protested ...", parsed as a noun phrase
    if verb.dep_ in _INHERIT and verb.head is not verb and depth < 4:
        if verb.dep_ == "ccomp" and _child(verb, "nsubjpass"):
            return None
        return subject(verb.head, depth + 1)
    return None


def _embedded_subject(verb: Token) -> list[Token]:
    """ "demanded that Hamas renounce", "urged Iran to stop": the one asked is the subject
    of the clause the verb governs (with no direct object of its own)."""
    if _child(verb, "dobj", "dative") is not None:
        return []
    clause = _child(verb, "ccomp")
    subject_of = _child(clause, "nsubj") if clause is not None else None
    return [subject_of] if subject_of is not None and subject_of.pos_ != "PRON" else []


def _object_phrase(verb: Token, words: set[int]) -> list[Token]:
    """ "threatened action against Russia", "boycott contact with the US": when the object
    is a thing, the party is the object of its with/against/on/to phrase."""
    obj = _child(verb, "dobj")
    if obj is None or obj.pos_ == "PROPN":
        return []
    for prep, found in _prep_objects(obj, ("with", "against", "on", "to", "toward", "towards")):
        if prep != "by":
            return [found]
    return []


def verb_arguments(
    verb: Token, words: set[int], named: Collection[int] = ()
) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) heads for a verb trigger; an object that is a thing with no
    name gives way to the party of its phrase ("threatened action against Russia")."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    actors: list[Token] = []
    recipients: list[Token] = []
    agents = [o for p, o in _prep_objects(verb, ()) if p == "by"]
    if passive:
        actors = agents
        if (patient := _child(verb, "nsubjpass")) is not None:
            recipients = [patient]
    else:
        if (subj := subject(verb)) is not None:
            actors = [subj]
        obj = _child(verb, "dative") or _child(verb, "dobj")
        if obj is not None and obj.i not in words:
            party = _object_phrase(verb, words) if obj.pos_ == "NOUN" and obj.i not in named else []
            recipients = party or [obj]
        elif obj is not None and (owner := _child(obj, "poss")) is not None:
            # an object that is part of the trigger gives its owner: "attacked Labour's
            # pledges", "rejected Russia's proposal"
            recipients = [owner] if owner.pos_ != "PRON" else []
    if not recipients:
        recipients = _embedded_subject(verb) or _object_phrase(verb, words)
    if not recipients:
        anchors = [verb] + [t for t in verb.children if t.i in words]
        for anchor in anchors:
            for prep, obj in _prep_objects(anchor, _RECIPIENT_PREPS):
                if prep != "by" or anchor is not verb:  # "violated a ban by X": X is defied
                    recipients = [obj]
                    break
            if recipients:
                break
    return actors, recipients


def noun_arguments(
    noun: Token, words: set[int], named: Collection[int] = ()
) -> tuple[list[Token], list[Token], bool]:
    """(actors, recipients, already split) heads for a noun trigger."""
    actors: list[Token] = []
    recipients: list[Token] = []
    phrase = phrase_head(noun)
    preps = list(_prep_objects(noun, ("between", "among") + _NOUN_RECIPIENT_PREPS))
    if phrase is not noun:  # "a mediation effort between X and Y"
        preps += [(p, o) for p, o in _prep_objects(phrase, ("between", "among"))]
    if phrase.dep_ == "nsubj" and phrase.head.pos_ == "VERB":  # "fighting erupted between"
        preps += [(p, o) for p, o in _prep_objects(phrase.head, ("between", "among"))]
    for prep, obj in preps:
        parts = conjuncts(obj)
        if prep in ("between", "among"):
            return parts[:1], parts[1:], True
        if prep == "by" and not actors:
            actors = [obj]
        elif not recipients and prep != "by":
            recipients = [obj]
    if not actors:
        modifier = next(
            (
                c
                for c in noun.children
                if c.i not in words
                and (c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i in named))
            ),
            None,
        )
        if modifier is not None:
            actors = [modifier]
    head = phrase.head
    if phrase.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ == "VERB":
        # "held talks with", "their first meeting with": the light verb's arguments
        verb_actors, verb_recipients = verb_arguments(head, words | {noun.i, phrase.i}, named)
        actors = actors or verb_actors
        recipients = recipients or verb_recipients
    elif (
        not actors
        and phrase.dep_ == "pobj"
        and head.lower_ in _TAKE_PART
        and head.head.pos_ == "VERB"
    ):
        verb = head.head
        found = subject(verb) or _child(verb, "nsubjpass")
        actors = [found] if found is not None else []
    return actors, recipients, False


def territory(trigger: Token, words: set[int], places: Collection[int]) -> list[Token]:
    """The place an action lands on ("imposed a curfew in Algiers", "withdrew its troops
    from Lebanon", "blew up power lines leading into Kabul"): a place in an in/into/from
    phrase of the trigger, of its other words or of its object (directly or through a
    participle). Its head word, or the place naming it ("in Montenegro province")."""
    doc = trigger.doc
    anchors = [trigger] + [doc[i] for i in sorted(words) if i != trigger.i]
    anchors += [c for a in list(anchors) for c in a.children if c.dep_ == "dobj"]
    anchors += [c for a in list(anchors) for c in a.children if c.dep_ == "acl"]
    for anchor in anchors:
        for prep, obj in _prep_objects(anchor, _TERRITORY_PREPS):
            if prep == "by":
                continue
            if obj.i in places:
                return [obj]
            named = [c for c in obj.children if c.dep_ in ("compound", "amod") and c.i in places]
            if named:
                return named[:1]
    return []


def phrase_head(noun: Token) -> Token:
    """The head of the phrase a noun trigger sits in: "a mediation effort" -> effort,
    "tons of food aid" -> tons; the noun itself when it heads its phrase."""
    node = noun
    for _ in range(3):
        if node.dep_ == "compound" and node.head.pos_ == "NOUN":
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
        else:
            break
    return node


def arguments(
    trigger: Token, words: set[int], named: Collection[int] = ()
) -> tuple[list[Token], list[Token]]:
    """(actors, recipients) for a trigger, each conjunction split into its parts; ``named``
    holds the indices of tokens that belong to an entity (a noun's modifier is its actor
    only if it names one: "Russian claims", not "general strike")."""
    done = False
    if trigger.pos_ == "VERB":
        actors, recipients = verb_arguments(trigger, words, named)
    else:
        actors, recipients, done = noun_arguments(trigger, words, named)
    if not done:
        actors = [p for a in actors for p in conjuncts(a)]
        recipients = [p for r in recipients for p in conjuncts(r)]
    taken = {a.i for a in actors} | words
    return actors, [r for r in recipients if r.i not in taken]
