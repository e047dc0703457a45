"""What the article page shows: the text with every fact marked, and the facts behind marks.

``marks`` turns a contract document into highlight marks (entities, places, times, quotes
with their speakers' words, event triggers, claims; the focused event's evidence), and
``facts`` describes each marked fact for the popover the page shows on hover or click:
plain strings and links the page's script puts in with ``textContent``, never as HTML.
"""

from __future__ import annotations

from urllib.parse import quote

from ..model import Document
from .highlight import Mark, highlight

STATUS_WORDS = {
    "asserted": "happened", "negated": "did not happen (negated)", "planned": "planned",
    "not_planned": "not planned", "hypothetical": "hypothetical", "possible": "possible",
    "demanded": "demanded",
}


def actor_href(name: str) -> str:
    return "/web/actors/" + quote(name, safe="")


def _names(doc: Document) -> dict[str, str]:
    return {e.id: e.name for e in doc.entities}


def _entity_marks(doc: Document) -> list[Mark]:
    marks = []
    for e in doc.entities:
        label = ", ".join(x for x in (e.type, e.country, e.sector) if x)
        marks += [Mark(s.start, s.end, "ent", f"ent:{e.id}", f"{e.name} ({label})") for s in e.mentions]
    for p in doc.places:
        marks += [Mark(s.start, s.end, "place", f"place:{p.id}", f"place: {p.name}") for s in p.mentions]
    for i, t in enumerate(doc.times):
        marks.append(Mark(t.text.start, t.text.end, "time", f"time:{i}", f"{t.type} {t.value}"))
    return marks


def _fact_marks(doc: Document, focus: str | None) -> list[Mark]:
    names, marks = _names(doc), []
    for q in doc.quotes:
        who = names.get(q.speaker or "", q.source.text if q.source else "unattributed")
        for i, part in enumerate(q.parts):  # an interrupted quote: each part, not its cue between
            marks.append(Mark(part.start, part.end, "quote", f"quote:{q.id}", f"{q.kind} quote by {who}",
                              anchor=q.id if i == 0 else ""))
        if q.source:
            marks.append(Mark(q.source.start, q.source.end, "speaker", f"quote:{q.id}", f"speaker: {who}"))
        if q.cue:
            marks.append(Mark(q.cue.start, q.cue.end, "cue", f"quote:{q.id}", f"cue: {q.cue.text}"))
    for ev in doc.events:
        marks.append(Mark(ev.event_text.start, ev.event_text.end, f"event st-{ev.status}",
                          f"event:{ev.id}", f"{ev.event} ({STATUS_WORDS[ev.status]})", anchor=ev.id))
        if ev.id == focus:
            marks.append(Mark(ev.evidence.start, ev.evidence.end, "evidence", f"event:{ev.id}",
                              f"evidence for {ev.event}", anchor="evidence"))
    for c in doc.claims:
        marks.append(Mark(c.evidence.start, c.evidence.end, "claim", f"claim:{c.id}",
                          f"claim: {c.about} {c.value:g}", anchor=c.id))
    return marks


def marks(doc: Document, focus: str | None = None) -> list[Mark]:
    """Every fact of ``doc`` with a span in its text, as marks."""
    return _entity_marks(doc) + _fact_marks(doc, focus)


def _refs(doc: Document, refs) -> list[dict]:
    names = _names(doc)
    out = []
    for r in refs:
        name = names.get(r.entity or "", r.text.text)
        out.append({"text": name, "href": actor_href(name)})
    return out


def _event_fact(doc: Document, ev, story: str | None) -> dict:
    names = _names(doc)
    lines = [f"{ev.event} ({ev.quad.replace('_', ' ')})", f"status: {STATUS_WORDS[ev.status]}"]
    if ev.date:
        lines.append(f"date: {ev.date.value}")
    if ev.reported_by:
        lines.append(f"according to: {names.get(ev.reported_by, ev.reported_by)}")
    lines.append(f"evidence: {ev.evidence.text}")
    links = ([{"text": "actor: " + r["text"], "href": r["href"]} for r in _refs(doc, ev.actor)]
             + [{"text": "recipient: " + r["text"], "href": r["href"]} for r in _refs(doc, ev.recipient)])
    if story:
        links.append({"text": "open the story", "href": f"/web/stories/{quote(story, safe='')}"})
    return {"kind": "event", "title": ev.event_text.text, "lines": lines, "links": links}


def facts(doc: Document, story: str | None) -> dict[str, dict]:
    """fact key -> {"kind", "title", "lines": [str], "links": [{"text", "href"}]}."""
    names, out = _names(doc), {}
    for e in doc.entities:
        roles = [f"{r.title}" + (f" of {names.get(r.of, r.of)}" if r.of else "") for r in e.roles]
        lines = [f"type: {e.type}"] + [f"{k}: {v}" for k, v in
                                       (("country", e.country), ("sector", e.sector), ("code", e.code)) if v]
        out[f"ent:{e.id}"] = {"kind": "entity", "title": e.name, "lines": lines + roles,
                              "links": [{"text": f"everything about {e.name}", "href": actor_href(e.name)}]}
    for p in doc.places:
        out[f"place:{p.id}"] = {"kind": "place", "title": p.name, "links": [],
                                "lines": [f"{k}: {v}" for k, v in (("country", p.country),
                                          ("feature", p.feature)) if v]}
    for i, t in enumerate(doc.times):
        out[f"time:{i}"] = {"kind": "time", "title": t.text.text, "links": [],
                            "lines": [f"{t.type}: {t.value}"] + ([f"anchor: {t.anchor}"] if t.anchor else [])}
    for q in doc.quotes:
        who = names.get(q.speaker or "", q.source.text if q.source else None)
        links = [{"text": f"everything {who} said", "href": actor_href(who)}] if who else []
        out[f"quote:{q.id}"] = {"kind": "quote", "title": f"{q.kind} quote",
                                "lines": [f"speaker: {who or 'not named'}",
                                          *([f"cue: {q.cue.text}"] if q.cue else []), q.with_cue()],
                                "links": links}
    for ev in doc.events:
        out[f"event:{ev.id}"] = _event_fact(doc, ev, story)
    for c in doc.claims:
        who = names.get(c.claimant or "", None)
        value = f"{c.value:g}" + (f"-{c.max:g}" if c.max is not None else "")
        lines = [f"{c.about}: {c.bound.replace('_', ' ')} {value} {c.unit or ''}".strip()]
        if c.per:
            lines.append(f"per {c.per}")
        lines.append(f"claimed by: {who or 'not named'}")
        out[f"claim:{c.id}"] = {"kind": "claim", "title": f"claim {c.id}", "lines": lines,
                                "links": [{"text": who, "href": actor_href(who)}] if who else []}
    return out


def article_page(doc: Document, story: str | None, focus: str | None) -> dict:
    """Everything the article template needs."""
    headings = {(h.start, h.end) for h in doc.article.headings}
    return {
        "doc": doc, "story": story, "focus": focus,
        "body": highlight(doc.article.text, marks(doc, focus)),
        "facts": facts(doc, story), "n_headings": len(headings),
        "names": _names(doc), "status_words": STATUS_WORDS,
    }
