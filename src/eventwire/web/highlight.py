"""An article's text as HTML with every fact marked, built from spans, escaping every piece.

Facts overlap (a name inside a quote, a trigger inside an event's clause), and HTML
elements must nest, so marks are nested where spans nest and split where they cross:
at each boundary the marks that end are closed (closing and reopening any opened inside
them), then the marks that start are opened, longest first so the outer span is the
outer element. Every piece of text between boundaries goes through ``escape``; mark
attributes carry only our own class names and fact keys, escaped as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch: ``kind`` is a CSS class suffix, ``key`` names the fact."""

    start: int
    end: int
    kind: str
    key: str
    title: str = ""
    anchor: str = ""


def _open(mark: Mark, first: bool) -> str:
    attrs = f' class="hl hl-{escape(mark.kind)}" data-fact="{escape(mark.key)}"'
    if mark.title:
        attrs += f' title="{escape(mark.title)}"'
    if first and mark.anchor:
        attrs += f' id="{escape(mark.anchor)}"'
    return f"<mark{attrs} tabindex=\"0\">"


def _boundaries(text: str, marks: list[Mark]) -> list[int]:
    points = {0, len(text)}
    for m in marks:
        points.update((m.start, m.end))
    return sorted(points)


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with ``marks`` as nested ``<mark>`` elements (split where they cross).

    Marks out of range or empty are ignored; the visible text is always exactly ``text``."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    points = _boundaries(text, marks)
    for here, nxt in pairwise(points):
        _close_ending(stack, here, out, opened)
        for m in sorted(starts.get(here, []), key=lambda m: (-m.end, m.kind, m.key)):
            out.append(_open(m, m not in opened))
            opened.add(m)
            stack.append(m)
        out.append(str(escape(text[here:nxt])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))


def _close_ending(stack: list[Mark], here: int, out: list[str], opened: set[Mark]) -> None:
    """Close every open mark ending at ``here``; marks opened inside one are reopened."""
    if not any(m.end == here for m in stack):
        return
    keep: list[Mark] = []
    while stack and any(m.end == here for m in stack):
        m = stack.pop()
        out.append("</mark>")
        if m.end != here:
            keep.append(m)
    for m in reversed(keep):
        out.append(_open(m, False))
        stack.append(m)
