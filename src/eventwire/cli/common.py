"""What every command shares: consoles, turning errors into one line and an exit code."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import EventwireError

F = TypeVar("F", bound=Callable[..., Any])

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def report_error(exc: EventwireError, prefix: str = "error") -> None:
    """One line on standard error: what went wrong and what to do."""
    err.print(f"[bold red]{prefix}:[/] {escape(exc.one_line())}")


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
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]
