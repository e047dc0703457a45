"""The built-in components, one module each, registered on import.

Order matters: each component reads what the ones before it assigned.
"""

from __future__ import annotations

from . import places  # noqa: F401  (registers the component)

#: The default pipeline, in order.
BUILTIN: tuple[str, ...] = ("places",)
