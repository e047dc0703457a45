"""Small pure helpers the table modules share: spans to columns, text to dates."""

from __future__ import annotations

from typing import Any

from ..model import Document, Span


def span_values(name: str, span: Span | None) -> dict[str, Any]:
    """The three columns of a Span (all None when there is no span)."""
    if span is None:
        return {f"{name}_start": None, f"{name}_end": None, f"{name}_text": None}
    return {f"{name}_start": span.start, f"{name}_end": span.end, f"{name}_text": span.text}


def entity_names(doc: Document) -> dict[str, str]:
    return {entity.id: entity.name for entity in doc.entities}
