"""One event per real event per article.

A report names the same meeting several times ("a five-hour Kremlin meeting", "Talks in
Moscow", "They talked with Putin"). Two readings are one event when they have the same
type and status, dates that do not conflict, and share a participant (an entity, or a
country-and-sector group); a reading with no participants of its own ("after the talks")
joins the latest event of its type and status. The first reading stays the event; later
ones add their trigger to ``mentions`` and fill in what it lacked (participants, place,
a date read from the text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import ActorRef, Event


def ref_key(ref: ActorRef) -> str:
    return ref.entity or f"{ref.country}/{ref.sector}"


@dataclass
class Draft:
    """An event before merging, with what the merge needs to compare readings."""

    event: Event
    coded: bool
    keys: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: Event, coded: bool, lemma: str = "") -> Draft:
        keys = {ref_key(r) for r in event.actor + event.recipient}
        return cls(event, coded, keys, {lemma} if lemma else set())


def _dates_agree(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None or "text" not in (a.date.anchor, b.date.anchor):
        return True
    if a.date.anchor == b.date.anchor == "text":
        return a.date.value.startswith(b.date.value) or b.date.value.startswith(a.date.value)
    return True


def same_event(kept: Draft, new: Draft) -> bool:
    """Same type and status, no date conflict, and two shared participants (one suffices
    when the trigger word is the same: "talks" ... "talked with")."""
    a, b = kept.event, new.event
    if a.event != b.event or a.status != b.status or not _dates_agree(a, b):
        return False
    shared = len(kept.keys & new.keys)
    return shared >= 2 or (shared == 1 and bool(kept.lemmas & new.lemmas))


def absorb(kept: Draft, new: Draft) -> None:
    """Fold a later reading into the event it names again."""
    a, b = kept.event, new.event
    kept.lemmas |= new.lemmas
    a.mentions.append(b.event_text)
    a.mentions.extend(m for m in b.mentions)
    for role in ("actor", "recipient"):
        for ref in getattr(b, role):
            if ref_key(ref) not in kept.keys:
                getattr(a, role).append(ref)
                kept.keys.add(ref_key(ref))
    a.location = a.location or b.location
    if (
        b.date is not None
        and b.date.anchor == "text"
        and (a.date is None or a.date.anchor != "text")
    ):
        a.date = b.date
    a.reported_by = a.reported_by or b.reported_by
    a.quote = a.quote or b.quote


def merge(drafts: list[Draft]) -> list[Event]:
    """The distinct events, numbered V1, V2... in order of first mention."""
    kept: list[Draft] = []
    for draft in drafts:
        if draft.keys:
            target = next((k for k in kept if same_event(k, draft)), None)
        else:
            target = next(
                (
                    k
                    for k in reversed(kept)
                    if k.event.event == draft.event.event and k.event.status == draft.event.status
                ),
                None,
            )
        if target is not None:
            absorb(target, draft)
        elif draft.coded:
            kept.append(draft)
    events = [k.event for k in kept]
    for number, event in enumerate(events, start=1):
        event.id = f"V{number}"
    return events
