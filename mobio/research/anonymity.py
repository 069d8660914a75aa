"""k-anonymity for an extract: no combination of the chosen variables held by fewer than k rows.

Rows whose combination is rarer than k are generalised one variable at a time: the variable
with the most categories among those rows is set to ``unknown`` for them (it is the one that
splits them finest), and the counts are taken again. Rows that stay rarer than k once nothing
is left to generalise are dropped. Only the rare rows are ever changed, so common
combinations keep their detail.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mobio.evaluation.dimensions import UNKNOWN

Combination = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Anonymised:
    rows: list[Combination]
    """The combinations written, in the order of the input (dropped rows left out)."""
    kept: list[int]
    """For each written row, its index in the input."""
    dropped: int


def k_anonymise(rows: Sequence[Combination], k: int) -> Anonymised:
    """Generalise and drop until every combination is held by at least ``k`` rows."""
    values = [list(row) for row in rows]
    width = len(values[0]) if values else 0
    while True:
        counts = Counter(tuple(row) for row in values)
        rare = [i for i, row in enumerate(values) if counts[tuple(row)] < k]
        variable = _finest(values, rare, width)
        if variable is None:
            break
        for i in rare:
            values[i][variable] = UNKNOWN
    counts = Counter(tuple(row) for row in values)
    kept = [i for i, row in enumerate(values) if counts[tuple(row)] >= k]
    return Anonymised([tuple(values[i]) for i in kept], kept, len(values) - len(kept))


def _finest(values: list[list[str]], rare: list[int], width: int) -> int | None:
    """The variable with the most known categories among the rare rows (None: nothing left)."""
    best: int | None = None
    best_count = 0
    for variable in range(width):
        known = {values[i][variable] for i in rare} - {UNKNOWN}
        if len(known) > best_count:
            best, best_count = variable, len(known)
    return best
