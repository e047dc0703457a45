"""``eventwire schema`` and ``eventwire errors``: the published contract and error catalogue."""

from __future__ import annotations

import json

from rich.table import Table

from ..errors import catalogue
from ..model import json_schema
from .common import out


def schema() -> None:
    """Print the JSON Schema of the output contract (generated from the models)."""
    out.file.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


def errors() -> None:
    """List every error eventwire reports, with its exit code and what to do."""
    table = Table("code", "exit", "meaning", "what to do")
    for cls in catalogue():
        doc = (cls.__doc__ or "").strip().splitlines()
        table.add_row(cls.code, str(cls.exit_code), doc[0] if doc else cls.__name__, cls.hint)
    out.print(table)
