"""``RawArticle``: an article as a reader found it, before normalisation and analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawArticle:
    """Text and metadata from one input; ``origin`` says where it came from (file:line)."""

    text: str
    origin: str = "<input>"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    input_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # the input's other fields, as given
