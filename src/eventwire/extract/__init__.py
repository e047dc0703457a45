"""The built-in components, one module each, registered on import.

Order matters: each component reads what the ones before it assigned.
"""

from __future__ import annotations

from . import actors, places, times  # noqa: F401  (importing registers the components)

#: The default pipeline, in order.
BUILTIN: tuple[str, ...] = ("times", "actors", "places")
