"""Counting every table of a measure's protected set in one SQL statement.

PostgreSQL groups by GROUPING SETS; SQLite, which has none, gets the same grouping sets as a
UNION ALL of GROUP BYs. Both give the same rows: the columns a set does not group by are
NULL (the population never yields NULL: every value has a category, ``unknown`` included).
"""

from __future__ import annotations

from piccolo.engine.postgres import PostgresEngine

from mobio.evaluation.declaration import TableKey, published_tables
from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Measure
from mobio.evaluation.periods import Period
from mobio.evaluation.population import population
from mobio.evaluation.tables import EvaluationSet

Counts = dict[TableKey, dict[tuple[str, ...], int]]
"""Per table, the non-empty cells (category codes in table order) and their counts."""


def _grouping_sql(measure: Measure, tables: tuple[TableKey, ...], postgres: bool) -> str:
    columns = MEASURE_DIMENSIONS[measure]
    names = ", ".join(c.value for c in columns)
    if postgres:
        sets = ", ".join("(" + ", ".join(d.value for d in key) + ")" for key in tables)
        return f"SELECT {names}, count(*) AS n FROM units GROUP BY GROUPING SETS ({sets})"
    selects = []
    for key in tables:
        picked = ", ".join(c.value if c in key else f"NULL AS {c.value}" for c in columns)
        group = f" GROUP BY {', '.join(d.value for d in key)}" if key else ""
        selects.append(f"SELECT {picked}, count(*) AS n FROM units{group}")
    return " UNION ALL ".join(selects)


async def count_tables(measure: Measure, period: Period) -> Counts:
    """Every published table of ``measure`` in ``period``, counted by the database."""
    postgres = isinstance(EvaluationSet._meta.db, PostgresEngine)
    units = population(measure, period, postgres=postgres)
    tables = published_tables(measure)
    grouping = _grouping_sql(measure, tables, postgres)
    # Built from MoBio's own codes only; the period's bounds stay bound parameters.
    sql = f"WITH units AS ({units.sql}) {grouping}"
    rows = await EvaluationSet.raw(sql, *units.params)
    counts: Counts = {key: {} for key in tables}
    by_columns = {frozenset(key): key for key in tables}
    for row in rows:
        grouped = frozenset(c for c in MEASURE_DIMENSIONS[measure] if row[c.value] is not None)
        key = by_columns[grouped]
        counts[key][tuple(str(row[d.value]) for d in key)] = int(row["n"])
    return counts
