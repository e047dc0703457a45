"""Generate the reference docs that must not drift: ``docs/cli.md`` from the commands
themselves and ``docs/contract.schema.json`` from the models.

    python -m eventwire.cli.docs docs/      # write them
A test checks the files in ``docs/`` equal what this generates.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path

import typer

from ..model import json_schema


def _params(cmd) -> list[str]:
    lines = []
    for p in cmd.params:
        if p.param_type_name == "argument":
            lines.append(f"- `{p.name.upper()}` (argument{', repeatable' if p.nargs == -1 else ''})")
        elif p.param_type_name == "option" and p.name != "help":
            names = ", ".join(f"`{o}`" for o in p.opts)
            default = "" if p.default in (None, False, ()) or p.is_flag else f" (default: {p.default})"
            lines.append(f"- {names}: {inspect.cleandoc(p.help or '')}{default}")
    return lines


def _walk(cmd, path: str) -> list[str]:
    lines = [f"## `{path}`", "", inspect.cleandoc(cmd.help or ""), ""]
    params = _params(cmd)
    if params:
        lines += params + [""]
    if hasattr(cmd, "commands"):
        for name in sorted(cmd.commands):
            lines += _walk(cmd.commands[name], f"{path} {name}")
    return lines


def cli_reference() -> str:
    from . import app

    root = typer.main.get_command(app)
    text = ["# eventwire command-line reference", "",
            "Generated from the commands by `python -m eventwire.cli.docs docs/`; a test keeps it current.", ""]
    return "\n".join(text + _walk(root, "eventwire")).rstrip() + "\n"


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


GENERATED = {"cli.md": cli_reference, "contract.schema.json": schema_text}


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in GENERATED.items():
        (folder / name).write_text(make(), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
