"""Measuring throughput and how cost grows with length; shared by ``bench/throughput.py``
and the tests, so what the benchmark reports is what the tests check.

Everything here returns ratios measured within one run: the machine may be shared and
noisy, so absolute seconds mean little, but two timings taken back to back compare.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Rate:
    """One timed run over a corpus."""

    label: str
    workers: int
    articles: int
    words: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def word_count(text: str) -> int:
    return len(text.split())


def timed(label: str, workers: int, texts: Sequence[str], run: Callable[[], Any]) -> Rate:
    """Time ``run()`` (which must process ``texts``) and count what it covered."""
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    return Rate(label, workers, len(texts), sum(word_count(t) for t in texts), seconds)


def repeat_text(text: str, factor: int) -> str:
    """An article ``factor`` times as long: its paragraphs repeated, as a longer report would be."""
    return "\n\n".join([text.strip()] * factor)


def seconds_per_word(analyse: Callable[[str], Any], text: str, rounds: int = 3) -> float:
    """The best of ``rounds`` timings of ``analyse(text)``, per word (best-of filters noise)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        analyse(text)
        best = min(best, time.perf_counter() - start)
    return best / word_count(text)


def length_scaling(
    analyse: Callable[[str], Any], text: str, factors: Iterable[int] = (1, 4, 16), rounds: int = 3
) -> dict[int, float]:
    """Seconds per word at each length factor; cost is linear when these stay level.

    One warm-up call first, so model and cache loading are not charged to the first length.
    """
    analyse(text)
    return {f: seconds_per_word(analyse, repeat_text(text, f), rounds) for f in factors}


def spread(per_word: dict[int, float]) -> float:
    """Largest over smallest per-word time: 1.0 is perfectly linear."""
    values = list(per_word.values())
    return max(values) / min(values)


def growth(per_word: dict[int, float]) -> float:
    """How much the per-word time grows with length: the largest ratio of a longer text's
    per-word time to a shorter one's. A fixed cost per article makes short texts dearer
    per word, which is not growth; work that grows faster than the text (a pass over the
    whole document for each sentence) shows as a ratio above 1."""
    factors = sorted(per_word)
    return max((per_word[b] / per_word[a] for i, a in enumerate(factors) for b in factors[i + 1:]), default=1.0)


def peak_rss_mb(children: bool) -> float:
    """Peak resident memory in MB of this process, or of the largest finished child
    (``getrusage`` reports kilobytes on Linux, bytes on macOS)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    scale = 1 if sys.platform == "darwin" else 1024
    return usage.ru_maxrss * scale / 1e6
