"""``eventwire eval NAME PATH``: score eventwire against a gold set and print the result.

The last line is machine-readable: ``eval NAME score=value ...``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.table import Table

from ..errors import MissingPathError
from .common import friendly, need, out

#: scorer name -> (module under eventwire.eval, its function, what it scores)
SCORERS = {
    "fixtures": ("fixtures", "evaluate", "the hand-made reference articles in ../shared/fixtures"),
    "timex": ("timex", "evaluate", "time expressions on TimeBank/AQUAINT (TempEval-3 measures)"),
    "ner": ("ner", "evaluate", "named entities on CoNLL-2003 against the spaCy model alone"),
    "actors": ("actors", "evaluate", "actor country and sector on the PLOVER gold records"),
    "quotes": ("quotes", "evaluate", "attributions on PolNeAR, beside textacy's direct quotations"),
    "events": ("events", "evaluate", "PLOVER event types and actors on the PLOVER gold records"),
    "events-noise": ("events", "evaluate_false_positives",
                     "events found in non-political news (BBC sport, entertainment, tech)"),
    "stories": ("stories", "evaluate", "story clustering on ECB+ by B-cubed, beside TF-IDF"),
}

#: Scorers that run a baseline from an optional package: (module, extra).
NEEDS = {"quotes": ("textacy", "eval")}

app = typer.Typer(help="Score eventwire against gold data.", no_args_is_help=True)


def _show(result) -> None:
    if result.rows:
        table = Table(*result.header, title=f"eval {result.name}", title_justify="left")
        for row in result.rows:
            table.add_row(*(f"{c:.3f}" if isinstance(c, float) else str(c) for c in row))
        out.print(table)
    for note in result.notes:
        out.print(f"[dim]{note}[/]")
    out.print(result.summary_line(), markup=False)


def _command(name: str, module: str, function: str, about: str):
    @friendly
    def run(
        path: Arg[Path, typer.Argument(help="The gold data to score against.")],
        limit: Arg[int | None, typer.Option(help="Score only the first N items.")] = None,
    ) -> None:
        if name in NEEDS:
            need(*NEEDS[name], f"eventwire eval {name} (its baseline)")
        if not path.exists():
            raise MissingPathError(f"no such file or directory: {path}")
        scorer = getattr(importlib.import_module(f"eventwire.eval.{module}"), function)
        _show(scorer(path, limit=limit))

    run.__doc__ = f"Score {about}."
    app.command(name)(run)


for _name, (_module, _function, _about) in SCORERS.items():
    _command(_name, _module, _function, _about)
