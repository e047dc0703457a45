"""The ``eventwire spark`` command's wiring, without starting Spark."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(("argv", "module", "extra"), [(["spark", "in.jsonl", "out"], "pyspark", "spark")])
def test_a_missing_extra_is_one_line_naming_the_install(monkeypatch, argv, module, extra):
    # issue 14: `spark` without pyspark printed a traceback
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    result = CliRunner().invoke(app(), argv)
    assert result.exit_code == 2
    assert f"pip install 'eventwire[{extra}]'" in result.output and "Traceback" not in result.output


def test_eval_quotes_without_textacy_names_the_install(monkeypatch, tmp_path):
    import importlib.util

    from eventwire.cli import app as main_app

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "textacy" else real(name, *a))
    result = CliRunner().invoke(main_app, ["eval", "quotes", str(tmp_path)])
    assert result.exit_code == 2 and "pip install 'eventwire[eval]'" in result.output
