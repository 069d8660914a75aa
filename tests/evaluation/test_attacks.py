"""Attacks on the published tables that must fail (issue 11, part 8).

The attacker here sees only what analysts see (answers read through the service, which
serves every table of the protected set) and solves with their own linear programs; the
true counts are read straight from the database, to judge the attack.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from mobio.evaluation import service
from mobio.evaluation.counting import count_tables
from mobio.evaluation.declaration import published_tables
from mobio.evaluation.dimensions import Dimension, Measure
from mobio.evaluation.periods import parse_period
from mobio.evaluation.tables import EvaluationSet
from mobio.persons.tables import Person
from tests.evaluation.population import add_population

D = Dimension
PERIOD = "2025-Q4"
K = 5


async def _published(measure: Measure) -> dict[tuple[D, ...], dict[tuple[str, ...], int | None]]:
    tables = {}
    for key in published_tables(measure):
        found = await service.answer(PERIOD, measure, list(key), {}, None)
        tables[key] = {cell.categories: cell.value for cell in found.cells}
    return tables


def _ranges(
    tables: dict[tuple[D, ...], dict[tuple[str, ...], int | None]], targets: list[tuple]
) -> dict[tuple, tuple[float, float]]:
    """The attacker's bounds on hidden cells: every table sums to each of its margins."""
    hidden = [(key, c) for key, cells in tables.items() for c, v in cells.items() if v is None]
    column = {cell: n for n, cell in enumerate(hidden)}
    rows, cols, data, rhs = [], [], [], []
    for key, cells in tables.items():
        for drop in range(len(key)):
            margin = key[:drop] + key[drop + 1 :]
            totals: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
            for coords in cells:
                totals.setdefault(coords[:drop] + coords[drop + 1 :], []).append(coords)
            for total, parts in totals.items():
                known, row = 0.0, len(rhs)
                for cell, sign in [((margin, total), -1.0), *(((key, p), 1.0) for p in parts)]:
                    value = tables[cell[0]][cell[1]]
                    if value is None:
                        rows.append(row)
                        cols.append(column[cell])
                        data.append(sign)
                    else:
                        known -= sign * value
                rhs.append(known)
    matrix = coo_matrix((data, (rows, cols)), shape=(len(rhs), len(column))).tocsr()
    found = {}
    for target in targets:
        bounds = []
        for sign in (1.0, -1.0):
            objective = np.zeros(len(column))
            objective[column[target]] = sign
            result = linprog(objective, A_eq=matrix, b_eq=rhs, bounds=(0, None), method="highs")
            bounds.append(-np.inf if result.status == 3 else sign * result.fun)
        found[target] = (bounds[0], np.inf if bounds[1] == -np.inf else bounds[1])
    return found


async def test_no_hidden_cell_can_be_narrowed_to_k_by_linear_programming() -> None:
    await add_population(1500, municipalities=("Aheim", "Bstadt", "Cdorf"))
    for measure in (Measure.PERSONS, Measure.GOALS):
        tables = await _published(measure)
        truth = await count_tables(measure, parse_period(PERIOD))
        hidden = [
            (key, c)
            for key, cells in tables.items()
            for c, v in cells.items()
            if v is None and truth[key].get(c, 0) > 0
        ]
        published = [v for cells in tables.values() for v in cells.values() if v is not None]
        assert published and hidden  # the attack has something to work with
        # Every hidden non-empty cell of the small tables, and a spread of the finest ones.
        coarse = [cell for cell in hidden if len(cell[0]) <= 2]
        targets = coarse + [cell for cell in hidden if len(cell[0]) == 3][::7]
        for cell, (low, high) in _ranges(tables, targets).items():
            assert high - low > K, (cell, truth[cell[0]].get(cell[1]), low, high)


async def test_differencing_two_overlapping_answers_reveals_no_hidden_cell() -> None:
    await add_population(600, municipalities=("Aheim", "Bstadt"))
    groups = [c for c in ("SY", "AF", "UA", "IQ", "TR", "ER", "other_world")]
    whole = await service.answer(PERIOD, Measure.PERSONS, [D.MUNICIPALITY], {}, None)
    by_group = await service.answer(
        PERIOD, Measure.PERSONS, [D.MUNICIPALITY, D.NATIONALITY_GROUP], {}, None
    )
    cell_of = {c.categories: c.value for c in by_group.cells}
    for left_out in groups:
        rest = [g for g in service_groups() if g != left_out]
        without = await service.answer(
            PERIOD, Measure.PERSONS, [D.MUNICIPALITY], {D.NATIONALITY_GROUP: rest}, None
        )
        for total, part in zip(whole.cells, without.cells, strict=True):
            if total.value is None or part.value is None:
                continue
            # Both published: their difference must itself be a published cell.
            assert cell_of[(total.categories[0], left_out)] == total.value - part.value


def service_groups() -> list[str]:
    from mobio.evaluation.nationality import NATIONALITY_GROUPS

    return list(NATIONALITY_GROUPS)


async def test_filters_narrowed_to_one_rare_person_show_only_suppressed_cells() -> None:
    await add_population(600, municipalities=("Aheim", "Bstadt"))
    # One woman from Colombia, 70 years old, in Bstadt: alone in her group there.
    ids = await add_population(1, seed=99, municipalities=("Bstadt",))
    await Person.update(
        {Person.nationality: "CO", Person.date_of_birth: date(1955, 3, 1), Person.sex: "female"}
    ).where(Person.id == ids[0])
    alone = await service.answer(
        PERIOD,
        Measure.PERSONS,
        [D.NATIONALITY_GROUP],
        {D.MUNICIPALITY: ["Bstadt"], D.NATIONALITY_GROUP: ["other_world"]},
        None,
    )
    assert [c.value for c in alone.cells] == [None]
    by_german = await service.answer(
        PERIOD, Measure.PERSONS, [D.GERMAN_LEVEL], {D.NATIONALITY_GROUP: ["other_world"]}, None
    )
    assert all(c.value is None for c in by_german.cells)
    assert await EvaluationSet.count() == 1
