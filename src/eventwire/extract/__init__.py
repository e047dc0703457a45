"""The built-in components, one module each, registered on import.

Order matters: each component reads what the ones before it assigned.
"""

from __future__ import annotations

# importing a module registers its component
from . import actors, claims, events, places, quotes, sports, times  # noqa: F401

#: The default pipeline, in order.
BUILTIN: tuple[str, ...] = ("times", "sports", "actors", "places", "quotes", "events", "claims")
