"""Evaluation queries for analysts: every answer comes from a period's protected set."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import analytic
from mobio.errors import forbidden
from mobio.evaluation import service
from mobio.evaluation.declaration import DECLARED
from mobio.evaluation.dimensions import (
    Dimension,
    Measure,
    category_label,
    dimension_label,
    measure_label,
)
from mobio.evaluation.periods import Period, recent_closed_periods
from mobio.schema.context import Info
from mobio.schema.evaluation.types import (
    EvaluationCategory,
    EvaluationCell,
    EvaluationDimension,
    EvaluationDimensionInfo,
    EvaluationFilter,
    EvaluationMeasure,
    EvaluationPeriod,
    EvaluationTable,
    EvaluationTableSpec,
)


def _period(period: Period) -> EvaluationPeriod:
    return EvaluationPeriod(code=period.code, year=period.year, quarter=period.quarter)


def _dimensions(dimensions: tuple[Dimension, ...], language: str) -> list[EvaluationDimensionInfo]:
    return [
        EvaluationDimensionInfo(dimension=d, label=dimension_label(d, language)) for d in dimensions
    ]


@strawberry.type
class EvaluationQueries:
    @strawberry.field(
        directives=analytic(), description="Closed periods that can be evaluated, newest first."
    )
    def evaluation_periods(self, info: Info) -> list[EvaluationPeriod]:
        return [_period(period) for period in recent_closed_periods()]

    @strawberry.field(
        directives=analytic(),
        description="The declared tables; each of their margins can be asked for too.",
    )
    def evaluation_catalogue(self, info: Info) -> list[EvaluationTableSpec]:
        language = info.context.language
        return [
            EvaluationTableSpec(
                measure=measure,
                measure_label=measure_label(measure, language),
                dimensions=_dimensions(key, language),
            )
            for measure in Measure
            for key in DECLARED[measure]
        ]

    @strawberry.field(
        directives=analytic(),
        description="Counts of a closed period by up to three dimensions (filters included).",
    )
    async def evaluation_table(
        self,
        info: Info,
        period: str,
        measure: EvaluationMeasure,  # type: ignore[valid-type]
        dimensions: list[EvaluationDimension],  # type: ignore[valid-type]
        filters: list[EvaluationFilter] | None = None,
    ) -> EvaluationTable:
        account_id = info.context.access.principal.account_id
        if account_id is None:  # unreachable: the analyst grant needs an account
            raise forbidden()
        scope = await service.analyst_scope(account_id)
        chosen = {f.dimension: f.codes for f in filters or ()}
        found = await service.answer(period, measure, dimensions, chosen, scope)
        language = info.context.language
        cells = [
            EvaluationCell(
                categories=[
                    EvaluationCategory(
                        dimension=d, code=code, label=category_label(d, code, language)
                    )
                    for d, code in zip(found.dimensions, cell.categories, strict=True)
                ],
                value=cell.value,
                suppressed=cell.value is None,
            )
            for cell in found.cells
        ]
        return EvaluationTable(
            period=_period(found.period),
            measure=found.measure,
            measure_label=measure_label(found.measure, language),
            dimensions=_dimensions(found.dimensions, language),
            minimum_cell=found.k,
            cells=cells,
        )
