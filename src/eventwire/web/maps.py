"""A world map of event locations, drawn as plain SVG from the country outlines shipped with
the package (``knowledge/data/world_110m.tsv``, Natural Earth 1:110m): it works offline, with
no tile server and no script.

Projection: equirectangular (x = longitude + 180, y = 90 - latitude, in degrees), shown from
84 degrees north to 60 south."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from ..knowledge import read_tsv

NORTH, SOUTH = 84.0, -60.0
#: The SVG viewBox: the whole width of the world, the latitudes shown.
VIEWBOX = f"0 {90 - NORTH:g} 360 {NORTH - SOUTH:g}"
#: Largest dot radius, in degrees of longitude.
MAX_RADIUS = 4.0


def project(lon: float, lat: float) -> tuple[float, float]:
    return round(lon + 180.0, 2), round(90.0 - lat, 2)


@cache
def outlines() -> tuple[tuple[str, str, str], ...]:
    """(iso3, name, SVG path data) of each country of the shipped outline."""
    shapes = []
    for row in read_tsv("world_110m.tsv", ("iso3", "name", "rings")):
        parts = []
        for ring in row["rings"].split(";"):
            points = [project(*map(float, p.split(","))) for p in ring.split()]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
        shapes.append((row["iso3"], row["name"], "".join(parts)))
    return tuple(shapes)


def world_map(places: list[dict[str, Any]], countries: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The map of ``places`` (``[{"value", "country", "lat", "lon", "n"}, ...]`` as the events'
    ``place`` facet gives them): one dot per place, its area proportional to its count, and
    the countries named in ``countries`` (the ``country`` facet) shaded. None when no event
    has coordinates."""
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None
               and SOUTH <= p["lat"] <= NORTH]
    if not located:
        return None
    top = max(p["n"] for p in located)
    dots = []
    for p in sorted(located, key=lambda p: -p["n"]):  # the largest drawn first, under the rest
        x, y = project(p["lon"], p["lat"])
        dots.append({"x": x, "y": y, "r": round(max(0.8, MAX_RADIUS * math.sqrt(p["n"] / top)), 2),
                     "name": p["value"] or "(unnamed place)", "country": p.get("country"), "n": p["n"]})
    counted = {c["value"]: c["n"] for c in countries or []}
    shapes = [{"iso3": iso3, "name": name, "d": d, "n": counted.get(iso3, 0)}
              for iso3, name, d in outlines()]
    return {"viewbox": VIEWBOX, "countries": shapes, "dots": dots, "places": len(located),
            "events": sum(p["n"] for p in located), "top": top}
