"""Stable halves of a development set: one to learn or tune on, one nothing is tuned on.

A record's half depends only on its key (its id), never on the order of the file or on
what a model does with it, so the validation half stays the same across runs, machines
and retrainings. ``halves`` stratifies by a group (the gold event type), so each type is
split evenly: within a group, records are ranked by the SHA-256 of their key and dealt out
alternately, the first to validation.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")
TUNE = "tune"
VALIDATION = "validation"


def _rank(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def halves(
    items: Iterable[T], key: Callable[[T], str], group: Callable[[T], str] = lambda _: ""
) -> dict[str, str]:
    """key -> 'tune' or 'validation', alternating within each group by hash rank."""
    groups: dict[str, list[str]] = defaultdict(list)
    for item in items:
        groups[group(item)].append(key(item))
    assigned: dict[str, str] = {}
    for keys in groups.values():
        for position, k in enumerate(sorted(keys, key=_rank)):
            assigned[k] = VALIDATION if position % 2 == 0 else TUNE
    return assigned


def is_held_out(key: str) -> bool:
    """For sets without groups (articles): the validation half by the key's hash alone."""
    return int(_rank(key)[:8], 16) % 2 == 0
