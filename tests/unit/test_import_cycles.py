"""No new import cycles between eventwire's modules (issues 15 and 16): the modules are read
with ``ast`` (imports inside functions count too) and their strongly connected components
must be among the known cycles below, a list that only shrinks."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import eventwire

ROOT = Path(eventwire.__file__).parent
#: Cycles still to break (issue 15 part 1, issue 16); remove an entry when it is broken.
KNOWN = [
    {"eventwire.extract.events.dictionary", "eventwire.extract.events.features", "eventwire.extract.events.learned"},
    {"eventwire.train.cameo_sentences", "eventwire.train.events"},
]


def modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    mods = modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, path in mods.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else []))
                for alias in node.names:
                    child = f"{target}.{alias.name}"
                    if child in mods:
                        graph[name].add(child)
                    elif target in mods:
                        graph[name].add(target)
            elif isinstance(node, ast.Import):
                graph[name].update(a.name for a in node.names if a.name in mods)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in graph:
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_no_import_cycle_beyond_the_known_ones():
    new = [c for c in cycles(import_graph()) if c not in KNOWN]
    assert not new, f"new import cycles: {[sorted(c) for c in new]}"


def test_the_knowledge_and_actors_packages_have_no_cycle():
    # issue 15: knowledge/actors and knowledge/roster imported each other, and so did the
    # actors component's mentions, kinds and sports (for the name-mention type, now NameMention in tokens)
    assert not [c for c in cycles(import_graph())
                if any(m.startswith(("eventwire.knowledge", "eventwire.extract.actors")) for m in c)]


def test_the_finder_sees_a_cycle():
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [{"a", "b"}]
