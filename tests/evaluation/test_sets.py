"""The protected set: counted in SQL, protected, computed once and only read afterwards."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from mobio.errors import MobioError
from mobio.evaluation import service
from mobio.evaluation.counting import count_tables
from mobio.evaluation.dimensions import MEASURE_DIMENSIONS, Dimension, Measure
from mobio.evaluation.periods import parse_period
from mobio.evaluation.population import population
from mobio.evaluation.sets import protected_set
from mobio.evaluation.tables import EvaluationCell, EvaluationSet
from mobio.persons.tables import Person
from tests.evaluation.population import add_population

D = Dimension


async def test_grouping_sets_count_what_the_population_holds() -> None:
    await add_population(300)
    period = parse_period("2025-Q4")
    postgres = "Postgres" in type(Person._meta.db).__name__
    units = population(Measure.PERSONS, period, postgres=postgres)
    rows = await Person.raw(units.sql, *units.params)
    counts = await count_tables(Measure.PERSONS, period)
    for key, cells in counts.items():
        expected = Counter(tuple(row[d.value] for d in key) for row in rows)
        assert cells == dict(expected), key
    assert counts[()] == {(): 300}


async def test_persons_created_after_the_period_are_not_counted() -> None:
    await add_population(30)
    counts = await count_tables(Measure.PERSONS, parse_period("2025-Q3"))
    assert counts[()] == {(): 0}  # created 1 November 2025: not yet there in Q3


async def test_the_set_is_computed_once_even_when_two_ask_at_once() -> None:
    await add_population(200)
    first, second = await asyncio.gather(
        protected_set(parse_period("2025-Q4")), protected_set(parse_period("2025-Q4"))
    )
    assert first.id == second.id
    cells = await EvaluationCell.count()
    await add_population(200, seed=7)  # later changes do not alter a closed period's set
    again = await protected_set(parse_period("2025-Q4"))
    assert again.id == first.id and await EvaluationCell.count() == cells
    assert await EvaluationSet.count() == 1


async def test_every_published_cell_has_at_least_k_units_and_hidden_ones_keep_no_value() -> None:
    await add_population(400)
    evaluation = await protected_set(parse_period("2025-Q4"))
    rows = await EvaluationCell.select(EvaluationCell.value, EvaluationCell.suppression)
    published = [r["value"] for r in rows if r["suppression"] is None]
    assert published and min(published) >= evaluation.k >= 5
    assert all(r["value"] is None for r in rows if r["suppression"] is not None)


async def test_open_or_malformed_periods_are_refused_with_a_translated_error() -> None:
    for code in ("2026-Q4", "2031", "2025-Q5", "last year", "1999"):
        with pytest.raises(MobioError) as refused:
            await service.answer(code, Measure.PERSONS, [D.SEX], {}, None)
        assert refused.value.message_id.startswith("error.evaluation_period_")


@pytest.mark.parametrize(
    ("dimensions", "filters", "message"),
    [
        ([D.MUNICIPALITY, D.AGE_BAND, D.SEX, D.LITERACY], {}, "too_many_dimensions"),
        ([D.MUNICIPALITY, D.AGE_BAND], {D.NATIONALITY_GROUP: ["SY"], D.SEX: ["male"]}, "too_many"),
        ([D.AGE_BAND, D.LITERACY], {}, "table_not_published"),
        ([D.SEX], {D.NATIONALITY_GROUP: ["SY"], D.MUNICIPALITY: ["Aheim"]}, "table_not_published"),
        ([D.GOAL_AREA], {}, "dimension_unavailable"),
        ([D.SEX, D.SEX], {}, "dimension_twice"),
        ([D.SEX], {D.AGE_BAND: ["elderly"]}, "category_unknown"),
    ],
)
async def test_questions_outside_the_published_tables_get_translated_errors(
    dimensions: list[Dimension], filters: dict[Dimension, list[str]], message: str
) -> None:
    await add_population(20)
    with pytest.raises(MobioError) as refused:
        await service.answer("2025-Q4", Measure.PERSONS, dimensions, filters, None)
    assert message in refused.value.message_id


async def test_every_dimension_of_a_measure_is_in_some_published_table() -> None:
    from mobio.evaluation.declaration import published_tables

    for measure, dimensions in MEASURE_DIMENSIONS.items():
        covered = {d for key in published_tables(measure) for d in key}
        assert covered == set(dimensions), measure


async def test_each_measure_is_counted_in_one_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.querycount import count_queries

    await add_population(40)
    postgres = "Postgres" in type(Person._meta.db).__name__
    for measure in Measure:
        with count_queries(monkeypatch) as queries:
            await count_tables(measure, parse_period("2025-Q4"))
        assert queries.count == 1
        assert ("GROUPING SETS" in queries.statements[0]) == postgres
