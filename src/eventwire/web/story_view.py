"""What the story page shows: a timeline of merged events, the actor network, quotes by
speaker and conflicting claims, laid out here (plain numbers) and drawn by the template
as SVG, so the page needs no drawing library and every label is escaped by Jinja.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date

from ..knowledge.identity import identity
from ..model import Document
from ..stories.conflicts import find_conflicts
from ..stories.days import article_date, to_date
from ..stories.merge import MergedEvent, merge_events
from .article_view import STATUS_WORDS, actor_href

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
HOLLOW = {"negated", "not_planned"}
DASHED = {"planned", "hypothetical", "possible", "demanded"}
TIMELINE_W, LANE_H, MARGIN, COLUMN_W, MAX_LANES, LABEL_W = 960, 26, 40, 96, 9, 70


def _main_status(m: MergedEvent) -> str:
    return Counter(x.status for x in m.mentions).most_common(1)[0][0]


def _event_day(m: MergedEvent, days: dict[str, date | None]) -> date | None:
    return to_date(m.date) or next((days.get(x.article) for x in m.mentions if days.get(x.article)), None)


def _x(day: date, lo: date, hi: date, right: float) -> float:
    if lo == hi:
        return (MARGIN + right) / 2
    return MARGIN + (day - lo).days / (hi - lo).days * (right - MARGIN)


def _grid(n: int, x: float, right: float) -> list[tuple[float, int]]:
    """(x, row) for n events of one day: columns of MAX_LANES, growing inward from the edge."""
    direction = -1 if x > (MARGIN + right) / 2 else 1
    return [(x + direction * (i // MAX_LANES) * COLUMN_W, i % MAX_LANES) for i in range(n)]


def timeline(merged: list[MergedEvent], docs: list[Document], links: dict[str, str]) -> dict:
    """Merged events placed by day (x) in rows; events with no date in a column of their own."""
    days = {(d.article.input_id or d.article.id): article_date(d) for d in docs}
    titles = {(d.article.input_id or d.article.id): d.article.title or d.article.source or "article"
              for d in docs}
    by_day: dict[date | None, list[MergedEvent]] = defaultdict(list)
    for m in merged:
        by_day[_event_day(m, days)].append(m)
    known = sorted(d for d in by_day if d is not None)
    right = TIMELINE_W - MARGIN - LABEL_W - (COLUMN_W + 20 if None in by_day else 0)
    lo, hi = (known[0], known[-1]) if known else (date.today(), date.today())
    items, ticks = [], []
    for day in [*known, None]:
        if day not in by_day:
            continue
        x = _x(day, lo, hi, right) if day else TIMELINE_W - MARGIN - LABEL_W
        ticks.append({"x": round(x, 1), "label": day.isoformat() if day else "no date"})
        for m, (ex, row) in zip(by_day[day], _grid(len(by_day[day]), x, right)):
            items.append(_item(m, day, ex, 30 + row * LANE_H, links, titles))
    rows = min(max((len(v) for v in by_day.values()), default=1), MAX_LANES)
    height = 70 + rows * LANE_H
    return {"items": items, "width": TIMELINE_W, "height": height, "ticks": _thin(ticks),
            "axis_y": height - 24}


def _thin(ticks: list[dict], min_gap: float = 80) -> list[dict]:
    """Drop tick labels that would overlap the one before."""
    kept: list[dict] = []
    for t in ticks:
        if not kept or t["x"] - kept[-1]["x"] >= min_gap or t["label"] == "no date":
            kept.append(t)
    return kept


def _item(m: MergedEvent, day: date | None, x: float, y: float, links: dict, titles: dict) -> dict:
    status = _main_status(m)
    return {
        "id": m.id, "event": m.event, "quad": m.quad, "day": day.isoformat() if day else None,
        "x": round(x, 1), "y": y, "status": status,
        "hollow": status in HOLLOW, "dashed": status in DASHED,
        "disputed": len(m.statuses) > 1, "actors": m.actors, "recipients": m.recipients,
        "mentions": [{"article": links.get(x.article, x.article), "event": x.event,
                      "title": titles.get(x.article, x.article), "status": x.status,
                      "status_words": STATUS_WORDS[x.status], "evidence": x.evidence.text,
                      "trigger": x.event_text.text, "source": x.source} for x in m.mentions],
    }


def network(merged: list[MergedEvent], max_nodes: int = 14) -> dict:
    """Actors as nodes on a circle, actor-to-recipient events as arrows (width by count)."""
    edges: dict[tuple[str, str], list[MergedEvent]] = defaultdict(list)
    degree: Counter = Counter()
    for m in merged:
        for a in m.actors:
            degree[a] += len(m.mentions)
            for r in m.recipients:
                if r != a:
                    edges[(a, r)].append(m)
                    degree[r] += len(m.mentions)
    names = [n for n, _ in degree.most_common(max_nodes)]
    size, radius = 460, 165
    nodes = {}
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / max(len(names), 1) - math.pi / 2
        nodes[name] = {"name": name, "x": round(size / 2 + radius * math.cos(angle), 1),
                       "y": round(size / 2 + radius * math.sin(angle), 1), "weight": degree[name],
                       "href": actor_href(name), "anchor": "end" if math.cos(angle) < -0.2 else
                       ("start" if math.cos(angle) > 0.2 else "middle")}
    drawn = []
    for (a, r), evs in edges.items():
        if a in nodes and r in nodes:
            quad = Counter(m.quad for m in evs).most_common(1)[0][0]
            negated = all(_main_status(m) in HOLLOW for m in evs)
            path, (lx, ly) = _arc(nodes[a], nodes[r])
            drawn.append({"a": nodes[a], "r": nodes[r], "quad": quad, "count": len(evs),
                          "path": path, "lx": lx, "ly": ly,
                          "width": min(1.5 + len(evs), 7), "dashed": negated,
                          "label": ", ".join(sorted({m.event for m in evs}))})
    return {"nodes": list(nodes.values()), "edges": drawn, "size": size}


def _arc(a: dict, b: dict, gap: float = 13.0, bend: float = 0.15) -> tuple[str, tuple[float, float]]:
    """An SVG path from node a to node b, bent to one side (so b-to-a is drawn apart) and
    stopped short of both nodes (so the arrowhead shows), and the middle of the curve, where
    its label goes."""
    dx, dy = b["x"] - a["x"], b["y"] - a["y"]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x1, y1 = a["x"] + ux * gap, a["y"] + uy * gap
    x2, y2 = b["x"] - ux * gap, b["y"] - uy * gap
    cx, cy = (x1 + x2) / 2 - uy * length * bend, (y1 + y2) / 2 + ux * length * bend
    middle = (round((x1 + 2 * cx + x2) / 4, 1), round((y1 + 2 * cy + y2) / 4, 1))  # the curve at t = 1/2
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}", middle


def quotes_by_speaker(docs: list[Document], links: dict[str, str]) -> list[dict]:
    """Each speaker with their quotes across the story's articles, most quoted first; a
    speaker is their actor across the store ("Putin" in one article, "Vladimir Putin" in
    another: one speaker)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        names = {e.id: identity(e.name, e.type, e.country, e.sector)[1] for e in doc.entities}
        for q in doc.quotes:
            who = names.get(q.speaker or "") or (q.source.text if q.source else "Unattributed")
            groups[who].append({"text": q.content.text, "cue": q.cue.text if q.cue else None,
                                "words": " … ".join(p.text for p in q.parts), "said": q.with_cue(),
                                "kind": q.kind, "article": doc.article.id,
                                "quote": q.id, "title": doc.article.title or doc.article.source})
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [{"speaker": who, "href": actor_href(who) if who != "Unattributed" else None,
             "quotes": qs} for who, qs in ordered]


def conflicts(docs: list[Document], links: dict[str, str]) -> list[dict]:
    """Pairs of claims about the same quantity that cannot both be true, side by side."""
    out = []
    found = sorted(find_conflicts(docs), key=lambda c: (c.a.article == c.b.article, c.about == "count",
                                                         (c.a.claimant is None) + (c.b.claimant is None)))
    for c in found:
        sides = []
        for ref in (c.a, c.b):
            value = f"{ref.value:g}" + (f"-{ref.max:g}" if ref.max is not None else "")
            sides.append({"claimant": ref.claimant, "value": value, "bound": ref.bound.replace("_", " "),
                          "evidence": ref.evidence.text, "article": links.get(ref.article, ref.article),
                          "claim": ref.claim})
        out.append({"about": c.about, "unit": c.unit, "per": c.per, "sides": sides})
    return out


def story_page(row: dict, docs: list[Document]) -> dict:
    """Everything the story template needs."""
    links = {(d.article.input_id or d.article.id): d.article.id for d in docs}
    merged = merge_events(docs)
    return {"story": row, "docs": docs, "timeline": timeline(merged, docs, links),
            "network": network(merged), "speakers": quotes_by_speaker(docs, links),
            "conflicts": conflicts(docs, links), "quads": QUADS, "n_merged": len(merged)}
