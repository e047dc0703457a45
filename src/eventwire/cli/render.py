"""The readable summary of a document (``--format pretty``)."""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Document


def _names(doc: Document) -> dict[str, str]:
    names = {e.id: e.name for e in doc.entities}
    names.update({p.id: p.name for p in doc.places})
    return names


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table | None:
    if not rows:
        return None
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))
    return table


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"


def _heading(doc: Document) -> str:
    a = doc.article
    parts = [f"[bold]{escape(a.title or a.text.split(chr(10), 1)[0][:80])}[/]"]
    meta = [x for x in (a.source, a.published, a.url) if x]
    if a.dateline:
        meta.append(f"dateline {a.dateline.place} ({a.dateline.country or '?'})"
                    + (f" {a.dateline.date.value}" if a.dateline.date else ""))
    if meta:
        parts.append(escape(" · ".join(meta)))
    parts.append(f"[dim]id {a.id[:12]}…  {len(a.text.split())} words[/]")
    return "\n".join(parts)


def _rows(doc: Document) -> list[Table | None]:
    names = _names(doc)
    who = lambda refs: ", ".join(r.code or names.get(r.entity or "", r.text.text) for r in refs) or "-"
    return [
        _table("Entities", ["id", "name", "type", "code", "mentions"],
               [[e.id, e.name, e.type, e.code or "-", str(len(e.mentions))] for e in doc.entities]),
        _table("Events", ["event", "status", "actor", "recipient", "trigger", "date", "by"],
               [[f"{v.event}{'/' + v.mode if v.mode else ''}", v.status, who(v.actor), who(v.recipient),
                 v.event_text.text, v.date.value if v.date else "-", names.get(v.reported_by or "", "-")]
                for v in doc.events]),
        _table("Quotes", ["kind", "speaker", "cue and content"],
               [[q.kind, names.get(q.speaker or "", q.source.text if q.source else "?"), _clip(q.with_cue(), 200)]
                for q in doc.quotes]),
        _table("Claims", ["about", "value", "unit", "claimant", "evidence"],
               [[c.about, f"{c.value:g}" + (f"–{c.max:g}" if c.max is not None else ""),
                 (c.unit or "") + (f"/{c.per}" if c.per else ""), names.get(c.claimant or "", "-"),
                 c.evidence.text[:80]] for c in doc.claims]),
        _table("Times", ["text", "type", "value"], [[t.text.text, t.type, t.value] for t in doc.times]),
        _table("Places", ["name", "country", "feature", "lat, lon"],
               [[p.name, p.country or "-", p.feature or "-",
                 f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "-"]
                for p in doc.places]),
        _table("Relations", ["subject", "relation", "object"],
               [[names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object)]
                for r in doc.relations]),
    ]


def pretty(doc: Document) -> Panel:
    """A panel summarising everything found in one article."""
    parts: list = [Text.from_markup(_heading(doc), overflow="fold")]
    parts += [t for t in _rows(doc) if t is not None]
    if doc.warnings:
        parts.append("[yellow]warnings:[/] " + escape("; ".join(doc.warnings)))
    return Panel(Group(*parts), expand=True)
