"""The ``eventwire`` command line: one module per command group."""

from __future__ import annotations

import os

import typer

from .. import __version__
from ..pipeline import DEBUG_VARIABLE
from . import batch as batch_cli
from . import eval as eval_cli
from . import knowledge as knowledge_cli
from . import serve as serve_cli
from . import store as store_cli
from . import train as train_cli
from .extract import extract
from .schema import errors, schema
from .summary import summary

app = typer.Typer(
    name="eventwire",
    help="Turn news into sourced event data: who did what to whom, who said so, with the words.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(extract)
app.command()(schema)
app.command()(errors)
app.add_typer(eval_cli.app, name="eval")
app.add_typer(knowledge_cli.app, name="knowledge")
app.add_typer(train_cli.app, name="train")
store_cli.register(app)
app.command()(summary)
serve_cli.register(app)
batch_cli.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
    debug: bool = typer.Option(False, "--debug", help="Print the traceback of a component that fails on an article (in every worker), then go on."),
) -> None:
    """eventwire: sourced event data from news."""
    if debug:  # the environment reaches worker processes, however they are started
        os.environ[DEBUG_VARIABLE] = "1"


def main() -> None:
    app()
