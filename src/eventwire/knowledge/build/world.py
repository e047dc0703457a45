"""Convert Natural Earth's 1:110m country outlines into ``world_110m.tsv``, the world map the
web pages draw event locations on (offline: no tile server, no download at run time).

Source: an ESRI shapefile of Natural Earth's ``ne_110m_admin_0_countries`` (public domain),
for example the ``naturalearth_lowres`` copy that geopandas 0.14 ships in its wheel
(``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``, with its ``.dbf``):

    pip download geopandas==0.14.4 --no-deps && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'
    eventwire knowledge build --world geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The shapefile and its dBASE table are read here with ``struct`` (polygon records only), so
the converter needs no GIS library. Coordinates are rounded to 0.1 degree and repeated
points dropped; Antarctica is left out (the map stops at 60 degrees south).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError, MissingPathError

WORLD_FILE = "world_110m.tsv"
POLYGON, POLYGON_Z, POLYGON_M = 5, 15, 25
LEFT_OUT = {"Antarctica"}


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # (lon, lat) per point


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """The rings of each record of a polygon shapefile, in file order (a null shape has none).

    Layout (ESRI Shapefile Technical Description, 1998): a 100-byte header, then records of
    a big-endian (number, length in 16-bit words) header and a little-endian shape."""
    if len(shp) < 100 or struct.unpack(">i", shp[:4])[0] != 9994:
        raise ValueError("not an ESRI shapefile (file code 9994 missing)")
    shapes = []
    at = 100
    while at + 8 <= len(shp):
        _, words = struct.unpack(">ii", shp[at:at + 8])
        body = shp[at + 8:at + 8 + 2 * words]
        at += 8 + 2 * words
        kind = struct.unpack("<i", body[:4])[0]
        if kind == 0:
            shapes.append([])
            continue
        if kind not in (POLYGON, POLYGON_Z, POLYGON_M):
            raise ValueError(f"shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts])) + [n_points]
        xy = struct.unpack(f"<{2 * n_points}d", body[44 + 4 * n_parts:44 + 4 * n_parts + 16 * n_points])
        points = list(zip(xy[0::2], xy[1::2], strict=True))
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def read_dbf(dbf: bytes) -> list[dict[str, str]]:
    """The records of a dBASE III table as text (deleted records kept as empty dicts, so the
    list stays aligned with the shapefile's records)."""
    n_records = struct.unpack("<I", dbf[4:8])[0]
    header_len, record_len = struct.unpack("<HH", dbf[8:12])
    fields = []
    at = 32
    while dbf[at] != 0x0D:
        name = dbf[at:at + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[at + 16]))
        at += 32
    rows = []
    for i in range(n_records):
        rec = dbf[header_len + i * record_len:header_len + (i + 1) * record_len]
        if rec[:1] == b"*":
            rows.append({})
            continue
        row, pos = {}, 1
        for name, width in fields:
            row[name] = rec[pos:pos + width].decode("utf-8", "replace").strip()
            pos += width
        rows.append(row)
    return rows


def simplify(ring: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The ring rounded to 0.1 degree without repeated points (its closing point dropped)."""
    out: list[tuple[float, float]] = []
    for lon, lat in ring:
        p = (round(lon, 1), round(lat, 1))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return tuple(out)


def countries(shp: bytes, dbf: bytes) -> list[Country]:
    """The countries of the shapefile, by ISO code, with rings of three points or more."""
    found = []
    for rings, row in zip(read_polygons(shp), read_dbf(dbf), strict=True):
        name = row.get("name") or row.get("NAME") or ""
        iso3 = (row.get("iso_a3") or row.get("ISO_A3") or "").upper()
        if not rings or name in LEFT_OUT:
            continue
        kept = tuple(r for r in (simplify(ring) for ring in rings) if len(r) >= 3)
        if kept:
            found.append(Country(iso3 if len(iso3) == 3 and iso3.isalpha() else "-", name, kept))
    return sorted(found, key=lambda c: (c.iso3, c.name))


_HEADER = [
    "Country outlines for the web pages' offline world map: Natural Earth 1:110m Cultural",
    "Vectors, Admin 0 - Countries (https://www.naturalearthdata.com/; public domain: \"All",
    "versions of Natural Earth raster + vector map data found on this website are in the",
    "public domain\"), from the naturalearth_lowres copy shipped in geopandas 0.14.4.",
    "Generated by `eventwire knowledge build --world SHP` (knowledge/build/world.py); do not",
    "edit by hand. Coordinates rounded to 0.1 degree, repeated points dropped; Antarctica",
    "left out. Columns: iso3 (ISO 3166-1 alpha-3, '-' where the source has none), name,",
    "rings: polygons separated by ';', each 'lon,lat lon,lat ...' (closing point implied).",
]


def _number(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if v else "0"


def write(found: list[Country], path: Path) -> int:
    lines = [f"# {line}" for line in _HEADER] + ["iso3\tname\trings"]
    for c in found:
        rings = ";".join(" ".join(f"{_number(x)},{_number(y)}" for x, y in r) for r in c.rings)
        lines.append(f"{c.iso3}\t{c.name}\t{rings}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(found)


def build(shapefile: Path, out_dir: Path) -> dict[str, int]:
    """Read ``shapefile`` and the ``.dbf`` beside it, write ``world_110m.tsv`` into ``out_dir``."""
    shapefile = Path(shapefile)
    dbf = shapefile.with_suffix(".dbf")
    for need in (shapefile, dbf):
        if not need.is_file():
            raise MissingPathError(f"cannot read {need}",
                                   hint="pass --world the .shp of Natural Earth's 110m countries, "
                                   "with its .dbf beside it")
    try:
        found = countries(shapefile.read_bytes(), dbf.read_bytes())
    except (ValueError, struct.error, IndexError) as exc:
        raise InputError(f"{shapefile} is not a polygon shapefile with its table ({exc})",
                         hint="pass --world Natural Earth's ne_110m_admin_0_countries.shp") from None
    if not found:
        raise InputError(f"{shapefile} holds no country outlines",
                         hint="pass --world Natural Earth's ne_110m_admin_0_countries.shp")
    return {WORLD_FILE: write(found, Path(out_dir) / WORLD_FILE)}
