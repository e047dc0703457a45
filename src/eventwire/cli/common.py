"""What every command shares: consoles, turning errors into one line and an exit code."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable
from typing import Any, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.markup import escape

from ..errors import EventwireError, StoreError, UsageError
from ..store.core import damage_error

F = TypeVar("F", bound=Callable[..., Any])

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def need(module: str, extra: str, what: str) -> None:
    """Refuse, in one line naming the install to run, when the optional ``module`` (from the
    ``extra`` of eventwire's extras) is missing."""
    if importlib.util.find_spec(module) is None:
        raise UsageError(f"{what} needs {module}, which is not installed",
                         hint=f"pip install 'eventwire[{extra}]'")


def report_error(exc: EventwireError, prefix: str = "error") -> None:
    """One line on standard error: what went wrong and what to do."""
    err.print(f"[bold red]{prefix}:[/] {escape(exc.one_line())}")


def store_named(exc: BaseException) -> str:
    """The file a DuckDB error names ('... from file "/x/s.duckdb": ...'), else "in use"."""
    text = str(exc)
    if 'file "' in text:
        return text.split('file "', 1)[1].split('"', 1)[0]
    return "in use"


def friendly(fn: F) -> F:
    """Run a command so an ``EventwireError`` becomes one line and its exit code, never a
    traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except EventwireError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except duckdb.Error as exc:  # a store damaged past what opening it could see
            error = damage_error(store_named(exc), exc) or StoreError(
                f"the store failed: {str(exc).splitlines()[0][:200]}")
            report_error(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]
