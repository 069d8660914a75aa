"""Disclosure control for one measure's set of linked tables.

1. Primary suppression: every cell with fewer than ``k`` units is hidden (zeros too, so a
   hidden cell never tells that somebody is there; their range is not audited, since an
   empty cell worked out discloses nobody).
2. Audit: an attacker knows every published cell and that each table sums to its margins
   (which are published tables too); every hidden cell must keep a feasible range wider
   than ``k`` under those constraints. Linear programs look for a witness: one solution
   that moves the hidden cells k + 1 away from their true values. A cell without such a
   witness counts as recoverable, so a further cell that shares a sum with it is hidden
   (complementary suppression, the smallest such cell first) and the audit runs again.
   Hiding more only widens ranges, so a cell once found safe stays safe.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import product

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, csr_matrix, hstack

from mobio.evaluation.declaration import TableKey
from mobio.evaluation.dimensions import Dimension
from mobio.evaluation.tables import Suppression

_TOLERANCE = 1e-6
_SOLVE_ONE_BY_ONE = 400
_PROPAGATION_PASSES = 20
"""Uncertified cells up to this many get an exact program each (two solves per cell)."""


@dataclass(slots=True)
class ProtectedTable:
    dimensions: TableKey
    cells: dict[tuple[str, ...], int | None]
    """Category codes -> the count, or None when hidden."""
    suppression: dict[tuple[str, ...], Suppression] = field(default_factory=dict)


@dataclass(slots=True)
class _Cells:
    keys: list[tuple[TableKey, tuple[str, ...]]] = field(default_factory=list)
    values: list[int] = field(default_factory=list)
    index: dict[tuple[TableKey, tuple[str, ...]], int] = field(default_factory=dict)

    def add(self, key: TableKey, coords: tuple[str, ...], value: int) -> None:
        self.index[(key, coords)] = len(self.keys)
        self.keys.append((key, coords))
        self.values.append(value)


def protect(
    counts: Mapping[TableKey, Mapping[tuple[str, ...], int]],
    categories: Mapping[Dimension, Sequence[str]],
    k: int,
) -> dict[TableKey, ProtectedTable]:
    """Every table of one measure with its cells published or hidden (full grids)."""
    cells = _Cells()
    for key, found in counts.items():
        for coords in product(*(categories[d] for d in key)):
            cells.add(key, coords, found.get(coords, 0))
    sums = _sums(cells, set(counts))
    hidden = {i: Suppression.PRIMARY for i, value in enumerate(cells.values) if value < k}
    _complete(cells, sums, hidden, k)
    tables = {key: ProtectedTable(key, {}) for key in counts}
    for i, (key, coords) in enumerate(cells.keys):
        reason = hidden.get(i)
        tables[key].cells[coords] = None if reason else cells.values[i]
        if reason:
            tables[key].suppression[coords] = reason
    return tables


def _sums(cells: _Cells, keys: set[TableKey]) -> list[tuple[int, list[int]]]:
    """Every additivity relation: a margin cell and the cells of a finer table summing to it."""
    relations: dict[tuple[TableKey, int], list[int]] = {}
    for i, (key, coords) in enumerate(cells.keys):
        for position in range(len(key)):
            margin = key[:position] + key[position + 1 :]
            if margin not in keys:
                continue
            total = cells.index[(margin, coords[:position] + coords[position + 1 :])]
            relations.setdefault((key, total), []).append(i)
    return [(total, parts) for (_, total), parts in relations.items()]


def _complete(
    cells: _Cells, sums: list[tuple[int, list[int]]], hidden: dict[int, Suppression], k: int
) -> None:
    """Hide complementary cells until every hidden cell's feasible range is wider than k."""
    neighbours: dict[int, set[int]] = {}
    for total, parts in sums:
        group = {total, *parts}
        for member in group:
            neighbours.setdefault(member, set()).update(group)
    # An empty cell is hidden too (a hidden cell must not tell that somebody is there), but
    # working out that it is empty discloses nobody: only cells holding units need a range.
    pending = {i for i in hidden if cells.values[i] > 0}
    while pending:
        audit = _Audit(cells, sums, hidden)
        outer = _outer_bounds(cells, sums, hidden)
        # A range already this narrow without solving anything is recoverable for sure.
        narrow = {i for i in pending if outer[i][1] - outer[i][0] <= k + _TOLERANCE}
        unsafe = sorted(narrow | (pending - narrow - audit.certified(pending - narrow, k)))
        if unsafe and len(hidden) == len(cells.keys):
            raise RuntimeError("disclosure audit: a cell stays recoverable with all hidden")
        pending = set(unsafe)
        hid_this_round: set[int] = set()
        for i in unsafe:
            if neighbours.get(i, set()) & hid_this_round:
                continue  # a complement next to it was just hidden: audit it again first
            complement = _complement(i, cells, neighbours, hidden)
            if complement is None:
                continue
            hidden[complement] = Suppression.COMPLEMENTARY
            hid_this_round.add(complement)
            pending.add(complement)


def _outer_bounds(
    cells: _Cells, sums: list[tuple[int, list[int]]], hidden: Mapping[int, object]
) -> dict[int, tuple[float, float]]:
    """Bounds each hidden cell surely keeps to (never narrower than the attacker's range),
    by passing sums through until nothing changes."""
    low = [0.0 if i in hidden else float(v) for i, v in enumerate(cells.values)]
    high = [np.inf if i in hidden else float(v) for i, v in enumerate(cells.values)]
    for _ in range(_PROPAGATION_PASSES):
        changed = False
        for total, parts in sums:
            parts_low = sum(low[p] for p in parts)
            parts_high = sum(high[p] for p in parts)
            if parts_high < high[total] - _TOLERANCE:
                high[total], changed = parts_high, True
            if parts_low > low[total] + _TOLERANCE:
                low[total], changed = parts_low, True
            for p in parts:
                room = high[total] - (parts_low - low[p])
                if room < high[p] - _TOLERANCE:
                    high[p], changed = room, True
                if np.isfinite(parts_high):
                    floor = low[total] - (parts_high - high[p])
                    if floor > low[p] + _TOLERANCE:
                        low[p], changed = floor, True
        if not changed:
            break
    return {i: (low[i], high[i]) for i in hidden}


def _complement(
    i: int, cells: _Cells, neighbours: dict[int, set[int]], hidden: dict[int, Suppression]
) -> int | None:
    """The published cell sharing a sum with ``i`` that costs least to hide.

    Cells of tables at least as fine as i's come first (hiding a margin takes from the
    coarse tables, which are the most used), then the smallest count.
    """
    size = len(cells.keys[i][0])
    candidates = [j for j in neighbours.get(i, ()) if j not in hidden]
    if not candidates:
        # Reach one step further: a published cell next to any hidden neighbour of i.
        around = {j for n in neighbours.get(i, ()) for j in neighbours.get(n, ())}
        candidates = [j for j in around if j not in hidden]
    if not candidates:
        # Last resort, always enough: with every cell hidden nothing can be bounded.
        table = cells.keys[i][0]
        published = [j for j in range(len(cells.keys)) if j not in hidden]
        candidates = [j for j in published if cells.keys[j][0] == table] or published
    if not candidates:
        return None
    return min(candidates, key=lambda j: (len(cells.keys[j][0]) < size, cells.values[j], j))


class _Audit:
    """The attacker's linear program over the hidden cells (HiGHS through SciPy)."""

    def __init__(
        self, cells: _Cells, sums: list[tuple[int, list[int]]], hidden: Mapping[int, object]
    ) -> None:
        self.values = cells.values
        self.column = {cell: n for n, cell in enumerate(sorted(hidden))}
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        rhs: list[float] = []
        for total, parts in sums:
            members = [(total, -1.0), *((p, 1.0) for p in parts)]
            if not any(m in self.column for m, _ in members):
                continue  # only published cells: tells nothing about hidden ones
            known = 0.0
            for member, sign in members:
                if member in self.column:
                    rows.append(len(rhs))
                    cols.append(self.column[member])
                    data.append(sign)
                else:
                    known -= sign * cells.values[member]
            rhs.append(known)
        shape = (len(rhs), len(self.column))
        self.matrix = coo_matrix((data, (rows, cols)), shape=shape).tocsr()
        self.rhs = np.array(rhs)

    def certified(self, pending: set[int], k: int) -> set[int]:
        """The cells of ``pending`` shown to move by more than k from their true value.

        A solution of the program is a witness: every cell it puts k + 1 away from its true
        value is safe. One program pushes a random half of the cells up at once (the other
        half may give way without cost, else moves would cancel out), repeated while that
        certifies more; then downwards for cells large enough to go down. Cells left over
        are solved one by one if few, else counted as recoverable (the cautious side).
        """
        rng = random.Random(len(pending))  # noqa: S311 - a search order, not a secret
        left = set(pending)
        for direction in (1.0, -1.0):
            idle = 0
            while idle < 3:
                movable = sorted(i for i in left if direction > 0 or self.values[i] > k)
                chosen = [i for i in movable if rng.random() < 0.5] or movable
                if not chosen:
                    break
                moved = self._move_together(chosen, direction, k)
                left -= moved
                idle = 0 if moved else idle + 1
        if len(left) <= _SOLVE_ONE_BY_ONE:
            left = {i for i in left if not self._is_protected(i, k)}
        return set(pending) - left

    def _is_protected(self, i: int, k: int) -> bool:
        highest = -self._bound(i, -1.0)
        if highest - self.values[i] > k + _TOLERANCE:
            return True
        return highest - self._bound(i, 1.0) > k + _TOLERANCE

    def _move_together(self, cells: list[int], direction: float, k: int) -> set[int]:
        if not cells:
            return set()
        if self.matrix.shape[0] == 0:
            return set(cells)  # nothing published constrains them
        n, m = len(self.column), len(cells)
        # Variables: the hidden cells x, then t_j <= direction * (x_j - true_j), t_j <= k + 1.
        link = coo_matrix(
            (
                [1.0] * m + [-direction] * m,
                (list(range(m)) * 2, [n + j for j in range(m)] + [self.column[i] for i in cells]),
            ),
            shape=(m, n + m),
        ).tocsr()
        equalities = hstack([self.matrix, csr_matrix((self.matrix.shape[0], m))]).tocsr()
        true = np.array([float(self.values[i]) for i in cells])
        lowest = [-(direction * t if direction < 0 else t) - 1 for t in true]
        result = linprog(
            np.concatenate([np.zeros(n), -np.ones(m)]),
            A_ub=link,
            b_ub=-direction * true,
            A_eq=equalities,
            b_eq=self.rhs,
            bounds=[(0, None)] * n + [(min(low, -1.0) - k, k + 1) for low in lowest],
            method="highs",
        )
        if result.status != 0:
            raise RuntimeError(f"disclosure audit failed: {result.message}")
        reached = result.x[n:]
        return {i for j, i in enumerate(cells) if reached[j] >= k + 1 - _TOLERANCE}

    def _bound(self, i: int, sign: float) -> float:
        if self.matrix.shape[0] == 0:
            return 0.0 if sign > 0 else -np.inf
        objective = np.zeros(len(self.column))
        objective[self.column[i]] = sign
        result = linprog(
            objective, A_eq=self.matrix, b_eq=self.rhs, bounds=(0, None), method="highs"
        )
        if result.status == 3:  # unbounded: the attacker cannot bound the cell at all
            return -np.inf
        if result.status != 0:
            raise RuntimeError(f"disclosure audit failed: {result.message}")
        return float(result.fun)
