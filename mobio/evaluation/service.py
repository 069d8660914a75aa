"""Answers from a period's protected set: a table, narrowed by whole categories.

Every answer is a sum of cells of one published table. A sum with a hidden cell in it is
hidden too, so any answer can be worked out from published cells alone: two overlapping
answers never reveal more than the protected set itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

from mobio.accounts.tables import Account, AccountKind
from mobio.errors import bad_input
from mobio.evaluation.declaration import MAX_DIMENSIONS, TableKey, canonical, published_tables
from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Dimension, Measure
from mobio.evaluation.periods import Period, closed_period
from mobio.evaluation.sets import protected_set
from mobio.evaluation.tables import AnalystMunicipality, EvaluationCell, EvaluationSet
from mobio.organisations.tables import Municipality


@dataclass(frozen=True, slots=True)
class Cell:
    categories: tuple[str, ...]
    """Category codes, in the order of the requested dimensions."""
    value: int | None
    """None: hidden (fewer than k units, or it would let one such cell be worked out)."""


@dataclass(frozen=True, slots=True)
class Answer:
    period: Period
    measure: Measure
    dimensions: tuple[Dimension, ...]
    k: int
    cells: list[Cell]


Filters = Mapping[Dimension, Sequence[str]]
"""Per dimension, the whole categories to keep (their cells are summed)."""


async def analyst_scope(account_id: UUID) -> frozenset[str] | None:
    """The municipality names an analyst is limited to; None for the whole district."""
    rows = await AnalystMunicipality.select(AnalystMunicipality.municipality._.name).where(
        AnalystMunicipality.account == account_id
    )
    return frozenset(row["municipality.name"] for row in rows) or None


async def answer(
    period_code: str,
    measure: Measure,
    dimensions: Sequence[Dimension],
    filters: Filters,
    scope: frozenset[str] | None,
) -> Answer:
    """One table of the period's protected set, by ``dimensions``, narrowed by ``filters``."""
    period = closed_period(period_code)
    chosen = _checked_dimensions(measure, dimensions, filters)
    wanted = {d: set(codes) for d, codes in filters.items()}
    if scope is not None:
        asked = wanted.get(Dimension.MUNICIPALITY)
        if asked is not None and not asked <= scope:
            raise bad_input("error.evaluation_outside_scope")
        wanted[Dimension.MUNICIPALITY] = set(asked if asked is not None else scope)
    key = _table_for(measure, set(chosen) | set(wanted))
    evaluation = await protected_set(period)
    stored = await _cells(evaluation, measure, key)
    _check_codes(wanted, key, stored)
    return Answer(period, measure, chosen, evaluation.k, _summed(key, stored, chosen, wanted))


def _checked_dimensions(
    measure: Measure, dimensions: Sequence[Dimension], filters: Filters
) -> tuple[Dimension, ...]:
    available = MEASURE_DIMENSIONS[measure]
    for dimension in (*dimensions, *filters):
        if dimension not in available:
            raise bad_input("error.evaluation_dimension_unavailable", dimension=dimension.value)
    if len(set(dimensions)) != len(dimensions):
        raise bad_input("error.evaluation_dimension_twice")
    return tuple(dimensions)


def _table_for(measure: Measure, needed: set[Dimension]) -> TableKey:
    if len(needed) > MAX_DIMENSIONS:
        raise bad_input("error.evaluation_too_many_dimensions", limit=MAX_DIMENSIONS)
    key = canonical(measure, frozenset(needed))
    if key not in published_tables(measure):
        raise bad_input("error.evaluation_table_not_published")
    return key


async def _cells(
    evaluation: EvaluationSet, measure: Measure, key: TableKey
) -> dict[tuple[str, ...], int | None]:
    rows = (
        await EvaluationCell.select(EvaluationCell.categories, EvaluationCell.value)
        .where(
            (EvaluationCell.evaluation_set == evaluation.id)
            & (EvaluationCell.measure == measure.value)
            & (EvaluationCell.dimensions == ",".join(d.value for d in key))
        )
        .order_by(EvaluationCell._meta.primary_key)
    )
    return {tuple(row["categories"].split("|")) if key else (): row["value"] for row in rows}


def _check_codes(
    wanted: Mapping[Dimension, set[str]], key: TableKey, stored: Mapping[tuple[str, ...], object]
) -> None:
    for dimension, codes in wanted.items():
        position = key.index(dimension)
        known = {coords[position] for coords in stored}
        unknown = sorted(codes - known)
        if unknown or not codes:
            raise bad_input("error.evaluation_category_unknown", category=", ".join(unknown))


def _summed(
    key: TableKey,
    stored: Mapping[tuple[str, ...], int | None],
    chosen: tuple[Dimension, ...],
    wanted: Mapping[Dimension, set[str]],
) -> list[Cell]:
    """Sum the table's cells over everything not asked for; hidden if any part is hidden."""
    positions = [key.index(d) for d in chosen]
    sums: dict[tuple[str, ...], int | None] = {}
    for coords, value in stored.items():  # stored in category order, so sums keep it
        if any(coords[key.index(d)] not in codes for d, codes in wanted.items()):
            continue
        target = tuple(coords[p] for p in positions)
        if target in sums and sums[target] is None:
            continue
        sums[target] = None if value is None else (sums.get(target) or 0) + value
    return [Cell(coords, value) for coords, value in sums.items()]


async def set_analyst_scope(account_id: UUID, municipality_ids: Sequence[UUID]) -> None:
    """Limit an analyst to municipalities (none: the whole district). Administrators only."""
    account = await Account.objects().where(Account.id == account_id).first()
    if account is None or account.kind != AccountKind.ANALYST:
        raise bad_input("error.evaluation_not_an_analyst")
    found = await Municipality.count().where(
        Municipality.id.is_in(list(municipality_ids) or [None])
    )
    if found != len(set(municipality_ids)):
        raise bad_input("error.evaluation_category_unknown", category="municipality")
    async with AnalystMunicipality._meta.db.transaction():
        await AnalystMunicipality.delete().where(AnalystMunicipality.account == account_id)
        for municipality_id in set(municipality_ids):
            await AnalystMunicipality(account=account_id, municipality=municipality_id).save()
