"""``eventwire knowledge build``: regenerate knowledge files from outside dictionaries.

    eventwire knowledge build --cameo ../shared/data/cameo [--out src/eventwire/knowledge/data]
    eventwire knowledge build --world naturalearth_lowres.shp

prints one line per file written: ``NAME: N rows``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated as Arg

import typer

from .common import friendly, out

app = typer.Typer(help="Build knowledge files from outside dictionaries.", no_args_is_help=True)


@app.command("build")
@friendly
def build(
    cameo: Arg[Path | None, typer.Option(
        "--cameo", help="The folder with PETRARCH-2's CAMEO.2.0.txt, Phoenix.agents.txt, "
        "Phoenix.{Countries,International,MilNonState}.actors.txt, CAMEO2PLOVER-2021.txt and "
        "LICENSE.petrarch2 (default, when --world is not given: "
        "../shared/data/cameo).",
    )] = None,
    world: Arg[Path | None, typer.Option(
        "--world", help="Natural Earth's 1:110m countries as a shapefile (.shp with its .dbf "
        "beside it), for the web pages' world map.",
    )] = None,
    out_dir: Arg[Path | None, typer.Option(
        "--out", help="Where to write the files (default: the package's knowledge/data folder).",
    )] = None,
) -> None:
    """Convert outside dictionaries into knowledge files.

    --cameo writes cameo_verbs.tsv (verb patterns, PLOVER-coded with the CAMEO2PLOVER
    table), cameo_synsets.tsv (the synonym sets they name), cameo_agents.tsv (agent nouns
    and their sectors) and cameo_actors.tsv (people and organisations with their dated
    CAMEO roles, from the Phoenix actor dictionaries); --world writes world_110m.tsv (country outlines). Prints the rows
    written to each file."""
    from ..knowledge import data_path

    target = out_dir or data_path("")
    written: dict[str, int] = {}
    if cameo is not None or world is None:
        from ..knowledge.build.cameo import build as build_cameo
        from ..knowledge.build.cameo_actors import build as build_actors

        written.update(build_cameo(cameo or Path("../shared/data/cameo"), target))
        written.update(build_actors(cameo or Path("../shared/data/cameo"), target))
    if world is not None:
        from ..knowledge.build.world import build as build_world

        written.update(build_world(world, target))
    for name, rows in written.items():
        out.print(f"{Path(target) / name}: {rows} rows", markup=False)
