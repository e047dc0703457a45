"""Extension points: pipeline components and event coders, built-ins registered like plugins.

A component is a callable object with ``name``, ``requires`` and ``assigns`` (and, if it
reads a field only when an earlier component gave it, ``optional``), each naming fields of
``Annotated``; it reads an ``Annotated`` and writes only what it assigns. The pipeline checks
the names and the order when it is built, and with ``EVENTWIRE_CHECK_ASSIGNS=1`` that each
component wrote nothing else. A coder turns candidate triggers into PLOVER
codes (see ``extract/events``). eventwire registers its own through the same functions a
user would call, and other packages can add theirs through the ``eventwire.components``
and ``eventwire.coders`` entry-point groups:

    from eventwire.registry import components

    @components.register("my_component")
    class MyComponent:
        requires = ("entities",)
        assigns = ("warnings",)
        def __call__(self, ann): ...
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Protocol, runtime_checkable

from .errors import UsageError


@runtime_checkable
class Component(Protocol):
    """What the pipeline needs of a component."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, ann: Any) -> None: ...


class Registry:
    """Named factories of one kind, filled by built-ins, user code and entry points."""

    def __init__(self, kind: str, group: str):
        self.kind = kind
        self.group = group
        self._factories: dict[str, Callable[..., Any]] = {}
        self._entry_points_loaded = False

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def add(factory: Callable[..., Any]) -> Callable[..., Any]:
            self._factories[name] = factory
            return factory

        return add

    def _load_entry_points(self) -> None:
        if not self._entry_points_loaded:
            self._entry_points_loaded = True
            for ep in entry_points(group=self.group):
                self._factories.setdefault(ep.name, ep.load())

    def get(self, name: str) -> Callable[..., Any]:
        self._load_entry_points()
        try:
            return self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise UsageError(f"no {self.kind} named {name!r}", hint=f"known: {known}") from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._factories)


components = Registry("component", "eventwire.components")
coders = Registry("coder", "eventwire.coders")
