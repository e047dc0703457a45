"""Charts the pages draw as plain SVG (no script, no library): events per day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

#: The chart's drawing area, in SVG units.
WIDTH, HEIGHT, BOTTOM = 640, 120, 20


def day_chart(days: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Bars of events per day (``[{"value": "YYYY-MM-DD", "n": N}, ...]`` in date order, as
    ``/events/facets`` gives them) on a continuous day axis, so quiet days show as gaps;
    None when there are no dated events."""
    counts = {date.fromisoformat(d["value"]): d["n"] for d in days if d.get("value")}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    span = (last - first).days + 1
    step = WIDTH / span
    top = max(counts.values())
    bars = []
    for offset in range(span):
        day = first + timedelta(days=offset)
        n = counts.get(day, 0)
        if n:
            h = max(2.0, (HEIGHT - BOTTOM - 10) * n / top)
            bars.append({"x": round(offset * step + step * 0.1, 1), "w": round(max(step * 0.8, 1.0), 1),
                         "y": round(HEIGHT - BOTTOM - h, 1), "h": round(h, 1), "day": day.isoformat(), "n": n})
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "axis_y": HEIGHT - BOTTOM,
            "first": first.isoformat(), "last": last.isoformat(), "top": top,
            "total": sum(counts.values())}
