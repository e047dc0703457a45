"""The ``eventwire spark`` command's wiring, without starting Spark."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from eventwire.cli.batch import register


def app() -> typer.Typer:
    root = typer.Typer()
    register(root)

    @root.command()
    def other() -> None:  # a second command, so typer keeps "spark" as a subcommand
        pass

    return root


def test_spark_command_is_registered_with_its_options():
    result = CliRunner().invoke(app(), ["spark", "--help"])
    assert result.exit_code == 0, result.output
    for option in ("--master", "--format", "--partitions", "--plugin", "INPUT", "OUTPUT"):
        assert option in result.output


def test_unknown_input_format_is_a_usage_error():
    result = CliRunner().invoke(app(), ["spark", "in.jsonl", "out", "--format", "csv"])
    assert result.exit_code == 2
