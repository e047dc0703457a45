"""``eventwire knowledge build``: regenerate knowledge files from outside dictionaries.

    eventwire knowledge build --cameo ../shared/data/cameo [--out src/eventwire/knowledge/data]

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
    cameo: Arg[Path, typer.Option(
        "--cameo", help="The folder with PETRARCH-2's CAMEO.2.0.txt, Phoenix.agents.txt, "
        "CAMEO2PLOVER-2021.txt and LICENSE.petrarch2.",
    )] = Path("../shared/data/cameo"),
    out_dir: Arg[Path | None, typer.Option(
        "--out", help="Where to write the files (default: the package's knowledge/data folder).",
    )] = None,
) -> None:
    """Convert PETRARCH-2's CAMEO dictionaries into knowledge files.

    Writes cameo_verbs.tsv (verb patterns, PLOVER-coded with the CAMEO2PLOVER table),
    cameo_synsets.tsv (the synonym sets they name) and cameo_agents.tsv (agent nouns and
    their sectors), and prints the rows written to each."""
    from ..knowledge import data_path
    from ..knowledge.build.cameo import build as build_cameo

    target = out_dir or data_path("")
    for name, rows in build_cameo(cameo, target).items():
        out.print(f"{Path(target) / name}: {rows} rows", markup=False)
