"""The protected set: which tables are published for every closed period.

Declared once, here. Each declared table brings all its margins (every subset of its
dimensions, down to the grand total), so a margin is published once and shared by every
table that sums to it; the disclosure audit sees them all together.
"""

from __future__ import annotations

from itertools import combinations

from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Measure
from mobio.evaluation.dimensions import Dimension as D

MAX_DIMENSIONS = 3
"""No table has more dimensions: finer tables isolate persons."""

TableKey = tuple[D, ...]
"""A table's dimensions in canonical (declaration) order."""

DECLARED: dict[Measure, tuple[TableKey, ...]] = {
    Measure.PERSONS: (
        # Few three-way tables: each sparse one forces hidden cells into its margins.
        (D.MUNICIPALITY, D.AGE_BAND, D.SEX),
        (D.MUNICIPALITY, D.NATIONALITY_GROUP),
        (D.MUNICIPALITY, D.GERMAN_LEVEL),
        (D.MUNICIPALITY, D.LITERACY),
        (D.GERMAN_LEVEL, D.LITERACY),
        (D.NATIONALITY_GROUP, D.GERMAN_LEVEL),
        (D.MUNICIPALITY, D.HIGHEST_EDUCATION),
        (D.MUNICIPALITY, D.OCCUPATION_FIELD),
    ),
    Measure.GOALS: (
        (D.MUNICIPALITY, D.GOAL_AREA, D.GOAL_OUTCOME),
        (D.GOAL_AREA, D.SEX),
        (D.GOAL_AREA, D.AGE_BAND),
    ),
    Measure.RELEASES: ((D.MUNICIPALITY, D.PACKAGE),),
    Measure.HAND_OVERS: ((D.MUNICIPALITY, D.HAND_OVER_OUTCOME),),
}


def canonical(measure: Measure, dimensions: set[D] | frozenset[D]) -> TableKey:
    """``dimensions`` in the order the measure lists them."""
    return tuple(d for d in MEASURE_DIMENSIONS[measure] if d in dimensions)


def published_tables(measure: Measure) -> tuple[TableKey, ...]:
    """Every table of the measure's protected set: the declared ones and all their margins."""
    keys: set[TableKey] = set()
    for declared in DECLARED[measure]:
        for size in range(len(declared) + 1):
            for subset in combinations(declared, size):
                keys.add(canonical(measure, frozenset(subset)))
    return tuple(sorted(keys, key=lambda key: (len(key), key)))
