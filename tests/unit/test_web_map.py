"""The offline world map (issue 14, part 6): the Natural Earth converter on a shapefile
written here byte by byte, the shipped outline file, the events' place facet and the map on
the events, story and actor pages."""

from __future__ import annotations

import re
import struct

import pytest
import typer
from test_api import client
from test_store_docs import make_document, talks_document
from typer.testing import CliRunner

from eventwire.cli.knowledge import app
from eventwire.knowledge import data_path
from eventwire.knowledge.build import world
from eventwire.store import Store
from eventwire.web.maps import VIEWBOX, outlines, project, world_map


def shapefile(polygons: list[list[list[tuple[float, float]]]]) -> bytes:
    """A polygon shapefile (ESRI 1998 layout) of ``polygons`` (rings of (x, y) points)."""
    records = b""
    for number, rings in enumerate(polygons, start=1):
        points = [p for ring in rings for p in ring]
        starts, at = [], 0
        for ring in rings:
            starts.append(at)
            at += len(ring)
        body = struct.pack("<i4d2i", world.POLYGON, 0, 0, 0, 0, len(rings), len(points))
        body += struct.pack(f"<{len(rings)}i", *starts)
        body += struct.pack(f"<{2 * len(points)}d", *(v for p in points for v in p))
        records += struct.pack(">2i", number, len(body) // 2) + body
    header = struct.pack(">7i", 9994, 0, 0, 0, 0, 0, (100 + len(records)) // 2)
    header += struct.pack("<2i4d4d", 1000, world.POLYGON, 0, 0, 0, 0, 0, 0, 0, 0)
    return header + records


def dbf(rows: list[dict[str, str]], widths: dict[str, int]) -> bytes:
    """A dBASE III table of text fields."""
    fields = b"".join(name.encode().ljust(11, b"\0") + b"C" + b"\0" * 4 + bytes([w]) + b"\0" * 15
                      for name, w in widths.items())
    header_len = 32 + len(fields) + 1
    record_len = 1 + sum(widths.values())
    head = struct.pack("<B3BIHH20x", 3, 26, 12, 7, len(rows), header_len, record_len)
    body = b"".join(b" " + b"".join(r[name].encode().ljust(w) for name, w in widths.items()) for r in rows)
    return head + fields + b"\r" + body + b"\x1a"


SQUARE = [(10.04, 50.0), (12.0, 50.0), (12.0, 52.0), (10.0, 52.0), (10.04, 50.0)]
ISLAND = [(0.0, 0.0), (0.01, 0.0), (0.02, 0.01), (0.0, 0.0)]  # collapses to a point at 0.1 degree
POLE = [(-50.0, -80.0), (50.0, -80.0), (0.0, -85.0), (-50.0, -80.0)]


@pytest.fixture
def natural_earth(tmp_path):
    shp = tmp_path / "countries.shp"
    shp.write_bytes(shapefile([[SQUARE, ISLAND], [POLE]]))
    shp.with_suffix(".dbf").write_bytes(dbf(
        [{"name": "Squareland", "iso_a3": "SQL"}, {"name": "Antarctica", "iso_a3": "ATA"}],
        {"name": 20, "iso_a3": 3}))
    return shp


def test_the_converter_reads_a_shapefile_and_its_table(natural_earth, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert world.build(natural_earth, out) == {world.WORLD_FILE: 1}  # Antarctica left out
    text = (out / world.WORLD_FILE).read_text(encoding="utf-8")
    assert "public domain" in text and text.splitlines()[-2] == "iso3\tname\trings"
    # rounded to 0.1 degree, the closing point implied, the collapsed islet dropped
    assert text.splitlines()[-1] == "SQL\tSquareland\t10,50 12,50 12,52 10,52"


def test_the_converter_refuses_in_one_line_and_writes_nothing(natural_earth, tmp_path):
    root = typer.Typer()
    root.add_typer(app, name="knowledge")
    natural_earth.with_suffix(".dbf").unlink()
    result = CliRunner().invoke(root, ["knowledge", "build", "--world", str(natural_earth), "--out", str(tmp_path)])
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "countries.dbf" in lines[0] and "--world" in lines[0]
    natural_earth.write_bytes(b"not a shapefile at all, just words" * 4)
    natural_earth.with_suffix(".dbf").write_bytes(b"")
    result = CliRunner().invoke(root, ["knowledge", "build", "--world", str(natural_earth), "--out", str(tmp_path)])
    assert result.exit_code == 3 and "not a polygon shapefile" in result.stderr
    assert not (tmp_path / world.WORLD_FILE).exists()


def test_the_shipped_outline_covers_the_world_and_says_where_it_is_from():
    text = data_path(world.WORLD_FILE).read_text(encoding="utf-8")
    assert "Natural Earth" in text.split("iso3\tname\trings")[0]
    shapes = outlines()
    codes = {iso3 for iso3, _, _ in shapes}
    assert len(shapes) > 170 and {"RUS", "UKR", "USA", "GBR", "FRA", "NOR", "CHN", "BRA"} <= codes
    assert all(re.fullmatch(r"[A-Z]{3}|-", c) for c in codes)
    assert data_path(world.WORLD_FILE).stat().st_size < 150_000
    # Moscow lies inside Russia's outline box, in the map's coordinates
    d = {iso3: path for iso3, _, path in shapes}["RUS"]
    xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+),", d)]
    x, _ = project(37.62, 55.75)
    assert min(xs) < x < max(xs)


def test_a_map_draws_one_dot_per_place_sized_by_count():
    places = [{"value": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52, "n": 4},
              {"value": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "n": 1},
              {"value": "McMurdo", "country": None, "lat": -77.8, "lon": 166.7, "n": 9}]  # off the map
    drawn = world_map(places, [{"value": "UKR", "n": 4}])
    assert drawn["viewbox"] == VIEWBOX and drawn["places"] == 2 and drawn["events"] == 5
    kyiv, moscow = drawn["dots"]
    assert (kyiv["x"], kyiv["y"]) == (210.52, 39.55) and kyiv["r"] == pytest.approx(2 * moscow["r"])
    shaded = {c["iso3"] for c in drawn["countries"] if c["n"]}
    assert shaded == {"UKR"}
    assert world_map([], []) is None


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    folder = tmp_path_factory.mktemp("map")
    text = "KYIV - Ukraine and <Russia> talked in Kyiv."
    kyiv = make_document(text, title="Kyiv talks", published="2025-12-05", input_id="kyiv-1",
                         entities=[("E1", "Ukraine", "GPE", "UKR", "GOV")],
                         events=[("V1", "CONSULT", "verbal_cooperation", "talked", ["E1"], [], "asserted", "P1")],
                         places=[("P1", "Kyiv", "UKR", 50.45, 30.52)])
    with Store(folder / "store.duckdb") as store:
        store.add([talks_document(), kyiv])
    with client(str(folder / "store.duckdb")) as c:
        yield c


def test_the_place_facet_gives_coordinates_and_follows_the_filters(api):
    places = api.get("/events/facets").json()["facets"]["place"]
    assert {p["value"]: (p["lat"], p["lon"], p["n"]) for p in places} == {
        "Kremlin": (55.75, 37.62, 1), "Kyiv": (50.45, 30.52, 1)}
    narrowed = api.get("/events/facets", params={"country": "UKR"}).json()["facets"]["place"]
    assert [p["value"] for p in narrowed] == ["Kyiv"]


def test_the_events_story_and_actor_pages_show_the_map(api):
    html = api.get("/web/events").text
    assert html.count('<circle class="place"') == 2 and html.count('class="land has-events"') >= 3
    link = re.search(r'<a href="/web/events\?([^"]*place=Kyiv[^"]*)">', html)[1].replace("&amp;", "&")
    narrowed = api.get(f"/web/events?{link}").text
    assert "1 event matching place <strong>Kyiv</strong>" in narrowed
    assert api.get("/web/events", params={"actor": "Putin"}).text.count('<circle class="place"') == 1
    assert '<figure class="world-map">' in api.get("/web/actors/Vladimir%20Putin").text
    story = next(s["id"] for s in api.get("/stories").json()["items"] if s["title"] == "Kyiv talks")
    story_html = api.get(f"/web/stories/{story}").text
    assert story_html.count('<circle class="place"') == 1 and "Kyiv (UKR): 1 event<" in story_html
    # no located event, no map (the unlocated REJECT only)
    assert '<figure class="world-map">' not in api.get("/web/events", params={"event": "REJECT"}).text
