"""``eventwire train NAME``: rebuild a learned component's model from the repository."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated as Arg

import typer

from ..errors import MissingPathError, UsageError
from .common import friendly, out

#: model name -> what it learns (one command each below)
MODELS = {
    "events": "the PLOVER coder plover-learned (knowledge/data/event_coder.npz)",
    "quotes": "the attribution cue model (knowledge/data/quote_cues.json)",
}

app = typer.Typer(help="Train eventwire's learned components.", no_args_is_help=True)

Data = Arg[Path, typer.Option(help="The shared data folder (../shared/data).")]
Out = Arg[
    Path | None, typer.Option("--out", help="Where to write the model (default: the bundled one).")
]
SHARED = Path("../shared/data")


def _checked(data: Path, limit: int | None) -> None:
    if not data.is_dir():
        raise MissingPathError(f"no data folder at {data}", hint="pass --data ../shared/data")
    if limit is not None and limit < 1:
        raise UsageError(f"--limit must be at least 1, not {limit}")


@app.command("events")
@friendly
def events(
    data: Data = SHARED,
    out_path: Out = None,
    limit: Arg[int | None, typer.Option(help="Use at most N items of each source (a quick run).")] = None,
    per_type: Arg[int, typer.Option(help="Synthetic sentences per PLOVER type.")] = 700,
    seed: Arg[int, typer.Option(help="Random seed for the synthetic sentences.")] = 0,
    ngec_per_type: Arg[
        int, typer.Option(help="Also learn from up to N NGEC stories a type (0: none).")
    ] = 0,
) -> None:
    """Train the PLOVER coder plover-learned and write its model file."""
    _checked(data, limit)
    if ngec_per_type < 0:
        raise UsageError(f"--ngec-per-type must be 0 or more, not {ngec_per_type}")
    module = importlib.import_module("eventwire.train.events")
    _report(
        module.train(
            data, out_path, seed=seed, per_type=per_type, limit=limit, ngec_per_type=ngec_per_type
        )
    )


def _report(report: dict[str, float]) -> None:
    out.print(" ".join(f"{k}={v:.0f}" if v >= 10 else f"{k}={v:.2f}" for k, v in report.items()))


@app.command("quotes")
@friendly
def quotes(
    data: Data = SHARED,
    out_path: Out = None,
    limit: Arg[int | None, typer.Option(help="Use only the first N training articles.")] = None,
) -> None:
    """Train the attribution cue model on PolNeAR's training split and write its model file."""
    _checked(data, limit)
    module = importlib.import_module("eventwire.train.quotes")
    _report(module.train(data, out_path, limit=limit))
