"""B-cubed precision, recall and F1 (Bagga and Baldwin, 1998) for clusterings.

For each item: precision is the share of its predicted cluster that shares its gold
cluster, recall the share of its gold cluster that shares its predicted cluster; both are
averaged over items. Unlike pairwise scores it does not let one big cluster dominate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``predicted`` against ``gold`` (item -> cluster label)."""
    items = [item for item in gold if item in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    pair = Counter((gold[i], predicted[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    pred_size = Counter(predicted[i] for i in items)
    precision = sum(pair[(gold[i], predicted[i])] / pred_size[predicted[i]] for i in items) / len(items)
    recall = sum(pair[(gold[i], predicted[i])] / gold_size[gold[i]] for i in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
