"""Intent events: what PLOVER codes when a report states a plan, a refusal or a demand.

"Finland will give Tanzania a grant" is, for PLOVER, an AGREE (a promise to cooperate);
"French farmers said they would blockade Paris" a THREATEN; "Syria will not accept more
refugees" a REJECT; "Russia said Sudan must return the helicopter" a REQUEST by Russia of
Sudan. The event itself stays, with its status (planned, not_planned, demanded); the
intent is added as an asserted event of its own on the same trigger, as the table in
``knowledge/data/event_derivations.tsv`` says. A plan made conditional with "unless" is a
threat whatever it promises.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge.events import cameo_root, derivations, plover_types
from ...model import ActorRef
from .merge import Draft

#: types that are statements themselves: "will appeal" is a request, not a threat to request
#: (a demand that someone agree, or a refusal to accept, is still a REQUEST or a REJECT)
_STATEMENTS = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})


def family(event: str) -> str:
    return "cooperation" if plover_types()[event].quad.endswith("cooperation") else "conflict"


def conditional_threat(trigger: Token) -> bool:
    """ "will withdraw ... unless": a conditional plan, which PLOVER codes as a threat."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
        for c in trigger.children
    )


def intent_of(draft: Draft, trigger: Token, speaker: ActorRef | None) -> Draft | None:
    """The intent event a coded draft implies, or None."""
    event = draft.event
    rule = derivations().get((event.status, family(event.event)))
    if (
        rule is None
        or not draft.coded
        or (event.status == "planned" and event.event in _STATEMENTS)
    ):
        return None
    if event.status == "not_planned" and trigger.pos_ != "VERB":
        return None  # "a meeting was not planned" is no refusal; "will not accept" is
    derived = (
        "THREATEN" if event.status == "planned" and conditional_threat(trigger) else rule.derived
    )
    if derived == event.event:
        return None
    if rule.by == "speaker":
        if speaker is None:
            return None
        actor, recipient = [speaker], list(event.actor) or list(event.recipient)
    else:
        if not event.actor:
            return None
        actor, recipient = list(event.actor), list(event.recipient)
    info = plover_types()[derived]
    intent = event.model_copy(
        update={
            "event": derived,
            "mode": None,
            "cameo": cameo_root(derived, None),
            "quad": info.quad,
            "status": "asserted",
            "actor": actor,
            "recipient": recipient,
            "mentions": [],
        }
    )
    return Draft.of(intent, True)
