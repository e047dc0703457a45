"""The same event reported by several articles of a story, merged into one.

Two event reports are the same event when they have the same PLOVER type, their actors
overlap (by name, or by surname: "Putin" and "Vladimir Putin"), their recipients overlap
or one side names none, and their dates agree or one side has none. The status may differ
between reports (one source says it happened, another denies it): each mention keeps its
own status, so the disagreement stays visible.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..knowledge.identity import identity
from ..model import ActorRef, Document, Event, Span


@dataclass
class EventReport:
    """One report of a merged event: which article, which event, its words and status."""

    article: str
    event: str
    status: str
    event_text: Span
    evidence: Span
    source: str | None = None
    article_id: str = ""  # the stored article's id (``article`` is the id the user gave)


@dataclass
class MergedEvent:
    id: str
    event: str
    quad: str
    actors: list[str]
    recipients: list[str]
    date: str | None
    mentions: list[EventReport] = field(default_factory=list)
    _actor_keys: set[str] = field(default_factory=set, repr=False)
    _recipient_keys: set[str] = field(default_factory=set, repr=False)

    @property
    def sources(self) -> list[str]:
        """Every source (or article) that reported it, once each, in order."""
        seen: list[str] = []
        for m in self.mentions:
            name = m.source or m.article
            if name not in seen:
                seen.append(name)
        return seen

    @property
    def statuses(self) -> list[str]:
        return sorted({m.status for m in self.mentions})


def _name(doc: Document, ref: ActorRef) -> str:
    """The name an actor is shown by across the store (its identity's: "US" and "U.S." are
    the United States, "Putin" Vladimir Putin), else the words of the reference."""
    if ref.entity:
        for ent in doc.entities:
            if ent.id == ref.entity:
                return identity(ent.name, ent.type, ent.country, ent.sector)[1]
    return ref.text.text


def name_keys(name: str) -> set[str]:
    """A name and its last word, lowercased: what two reports share when naming one actor."""
    words = [w for w in name.lower().replace("'s", "").split() if w.isalnum() or w.isalpha()]
    if not words:
        return {name.lower()} if name else set()
    return {" ".join(words), words[-1]}


def _keys(doc: Document, refs: list[ActorRef]) -> tuple[list[str], set[str]]:
    names = [_name(doc, ref) for ref in refs]
    return names, set().union(*(name_keys(n) for n in names)) if names else set()


def _compatible(a: set[str], b: set[str], *, required: bool) -> bool:
    if not a or not b:
        return not required or (not a and not b)
    return bool(a & b)


def _day(ev: Event) -> str | None:
    return ev.date.value if ev.date and len(ev.date.value) >= 10 else None


def _union(names: list[str], more: list[str]) -> list[str]:
    """Names with the new ones added; one actor named twice keeps its longest name."""
    out = list(names)
    for name in more:
        keys = name_keys(name)
        same = [i for i, old in enumerate(out) if name_keys(old) & keys]
        if not same:
            out.append(name)
        elif len(name) > len(out[same[0]]):
            out[same[0]] = name
    return out


def merge_events(docs: list[Document]) -> list[MergedEvent]:
    """The story's events merged across articles, in the order first reported."""
    merged: list[MergedEvent] = []
    for doc in docs:
        source = doc.article.source or doc.article.url or doc.article.input_id or doc.article.id
        for ev in doc.events:
            actors, akeys = _keys(doc, ev.actor)
            recipients, rkeys = _keys(doc, ev.recipient)
            day = _day(ev)
            mention = EventReport(doc.article.input_id or doc.article.id, ev.id, ev.status,
                              ev.event_text, ev.evidence, source, doc.article.id)
            for m in merged:
                if (m.event == ev.event and _compatible(m._actor_keys, akeys, required=True)
                        and _compatible(m._recipient_keys, rkeys, required=False)
                        and (m.date is None or day is None or m.date == day)):
                    m.mentions.append(mention)
                    m._actor_keys |= akeys
                    m._recipient_keys |= rkeys
                    m.date = m.date or day
                    m.actors = _union(m.actors, actors)
                    m.recipients = _union(m.recipients, recipients)
                    break
            else:
                merged.append(MergedEvent(f"M{len(merged) + 1}", ev.event, ev.quad, actors, recipients,
                                          day, [mention], set(akeys), set(rkeys)))
    return merged
