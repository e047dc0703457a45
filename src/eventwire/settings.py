"""Settings: defaults, then ``eventwire.toml``, then ``EVENTWIRE_*`` variables, then flags.

    max_bytes = 5000000          # inputs over this are refused (EVENTWIRE_MAX_BYTES)
    max_chars = 200000           # article texts longer than this are refused: the parse's time
                                 # and memory grow with the text, about 0.8 GB and 11 s per
                                 # 145,000 characters (EVENTWIRE_MAX_CHARS)
    store = "eventwire.duckdb"   # the embedded store (EVENTWIRE_STORE)
    min_language_chars = 40      # shorter texts are not language-checked
    coder = "plover-chain"       # the registered PLOVER coder the events component uses (EVENTWIRE_CODER)
    uncoded_events = "drop"      # events with no coded party: "drop", or "sure" to keep material
                                 # acts the trained decision is sure of (EVENTWIRE_UNCODED_EVENTS)
    quotes = "speech"            # "speech": what someone said or wrote; "attributions": also
                                 # beliefs, findings and positions, as PolNeAR annotates (EVENTWIRE_QUOTES)

``Settings.load()`` reads the file in the working directory (or ``EVENTWIRE_CONFIG``)
and the environment; the CLI then applies its flags with ``replace``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import UsageError


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 5_000_000
    max_chars: int = 200_000
    store: str = "eventwire.duckdb"
    min_language_chars: int = 40
    coder: str = "plover-chain"
    uncoded_events: str = "drop"
    quotes: str = "speech"

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ) if env is None else env
        config = Path(path or env.get("EVENTWIRE_CONFIG", "eventwire.toml"))
        values: dict[str, Any] = {}
        if config.is_file():
            try:
                values.update(tomllib.loads(config.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as exc:
                raise UsageError(f"{config}: not valid TOML ({exc})", hint="fix or remove the file") from None
        for f in fields(cls):
            key = f"EVENTWIRE_{f.name.upper()}"
            if key in env:
                values[f.name] = env[key]
        return cls().with_values(**values)

    def with_values(self, **values: Any) -> Settings:
        """A copy with the given values, each converted to the field's type and checked."""
        known = {f.name: f for f in fields(self)}
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if value is None:
                continue
            if name not in known:
                raise UsageError(f"unknown setting {name!r}", hint=f"known: {', '.join(known)}")
            default = getattr(type(self)(), name)
            try:
                clean[name] = type(default)(value)
            except (TypeError, ValueError):
                raise UsageError(f"setting {name}={value!r} is not a {type(default).__name__}") from None
        return replace(self, **clean)
