"""Evaluation types. Reachable only through analytic fields, so they carry codes, labels and
counts: never a person, a name, an id, free text or a date (tests/schema/evaluation)."""

from __future__ import annotations

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.evaluation import dimensions as model

EvaluationMeasure = strawberry.enum(
    model.Measure, name="EvaluationMeasure", description="What an evaluation counts."
)
EvaluationDimension = strawberry.enum(
    model.Dimension, name="EvaluationDimension", description="What a count is split by."
)


@strawberry.type(description="A closed quarter or year with its protected set of tables.")
class EvaluationPeriod:
    code: str = strawberry.field(directives=PUBLIC, description='"2025-Q4" or "2025".')
    year: int = strawberry.field(directives=PUBLIC)
    quarter: int | None = strawberry.field(directives=PUBLIC, description="None: the year.")


@strawberry.type(description="A dimension with its label in the reader's language.")
class EvaluationDimensionInfo:
    dimension: EvaluationDimension = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    label: str = strawberry.field(directives=PUBLIC)


@strawberry.type(description="One category of one dimension: its code and label.")
class EvaluationCategory:
    dimension: EvaluationDimension = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    code: str = strawberry.field(directives=PUBLIC)
    label: str = strawberry.field(directives=PUBLIC)


@strawberry.type(description="One cell: its categories and its count, unless suppressed.")
class EvaluationCell:
    categories: list[EvaluationCategory] = strawberry.field(directives=PUBLIC)
    value: int | None = strawberry.field(directives=PUBLIC, description="Empty when suppressed.")
    suppressed: bool = strawberry.field(
        directives=PUBLIC,
        description="Hidden: fewer than k units, or it would let such a cell be worked out.",
    )


@strawberry.type(description="A table of one period's protected set.")
class EvaluationTable:
    period: EvaluationPeriod = strawberry.field(directives=PUBLIC)
    measure: EvaluationMeasure = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    measure_label: str = strawberry.field(directives=PUBLIC)
    dimensions: list[EvaluationDimensionInfo] = strawberry.field(directives=PUBLIC)
    minimum_cell: int = strawberry.field(
        directives=PUBLIC, description="k: every cell with fewer units is suppressed."
    )
    cells: list[EvaluationCell] = strawberry.field(directives=PUBLIC)


@strawberry.type(description="A declared table: analysts may ask for it or any of its margins.")
class EvaluationTableSpec:
    measure: EvaluationMeasure = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    measure_label: str = strawberry.field(directives=PUBLIC)
    dimensions: list[EvaluationDimensionInfo] = strawberry.field(directives=PUBLIC)


@strawberry.input(description="Keep only these whole categories of a dimension.")
class EvaluationFilter:
    dimension: EvaluationDimension = strawberry.field(directives=PUBLIC)  # type: ignore[valid-type]
    codes: list[str] = strawberry.field(directives=PUBLIC)
