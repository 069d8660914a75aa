"""A made-up protected set, stored as the real one would be, and report files read back.

The report must only copy numbers from the protected set; a set with known, mostly
published values (every fifth cell hidden) shows that it does, whatever the disclosure
audit would have hidden for a small test population.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime
from itertools import product

from odf.namespaces import OFFICENS
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow
from openpyxl import load_workbook

from mobio.db.bulk import insert_rows
from mobio.evaluation.declaration import published_tables
from mobio.evaluation.dimensions import (
    MEASURE_DIMENSIONS,
    Dimension,
    Measure,
    categories,
    category_label,
    dimension_label,
)
from mobio.evaluation.report import HIDDEN, SECTIONS, Section, restrictable, section_title
from mobio.evaluation.service import answer
from mobio.evaluation.tables import EvaluationCell, EvaluationSet, SetState, Suppression
from mobio.i18n import translate
from mobio.organisations.tables import Municipality

MUNICIPALITIES = ("Aheim", "Bstadt")
COMPUTED_AT = datetime(2026, 1, 2, 9, 30, tzinfo=UTC)

Row = list[str | int]


async def store_set(period: str = "2025-Q4", k: int = 5) -> None:
    """A ready protected set of ``period`` over every published table (full grids)."""
    for name in MUNICIPALITIES:
        await Municipality(name=name).save()
    evaluation = EvaluationSet(
        id=uuid.uuid4(),
        period=period,
        k=k,
        state=SetState.READY,
        started_at=COMPUTED_AT,
        computed_at=COMPUTED_AT,
    )
    await evaluation.save()
    rows: list[tuple[object, ...]] = []
    for measure in Measure:
        grid = {d: categories(d, MUNICIPALITIES) for d in MEASURE_DIMENSIONS[measure]}
        for key in published_tables(measure):
            for coords in product(*(grid[d] for d in key)):
                number = len(rows) + 1
                value = None if number % 5 == 0 else k + number % 97
                reason = Suppression.PRIMARY if value is None else None
                dims = ",".join(d.value for d in key)
                rows.append((evaluation.id, measure.value, dims, "|".join(coords), value, reason))
    columns = (
        EvaluationCell.evaluation_set,
        EvaluationCell.measure,
        EvaluationCell.dimensions,
        EvaluationCell.categories,
        EvaluationCell.value,
        EvaluationCell.suppression,
    )
    await insert_rows(EvaluationCell, columns, rows)


async def expected_blocks(
    period: str, language: str, scope: frozenset[str] | None = None
) -> list[Row]:
    """Every section's rows, each number taken from ``answer`` (hidden: the marker)."""

    def shown(value: int | None) -> str | int:
        return HIDDEN if value is None else value

    async def values(
        section: Section, dims: tuple[Dimension, ...]
    ) -> dict[tuple[str, ...], str | int]:
        found = await answer(period, section.measure, dims, {}, scope=scope)
        return {cell.categories: shown(cell.value) for cell in found.cells}

    total = translate(language, "evaluation.report.total")
    rows: list[Row] = []
    for section in SECTIONS:
        if scope is not None and not restrictable(section):
            continue
        dims = section.dimensions
        cells = await values(section, dims)
        grand = (await values(section, ()))[()]
        rows += [[section_title(section, language)], [dimension_label(dims[0], language)]]
        firsts = list(dict.fromkeys(c[0] for c in cells))
        if len(dims) == 1:
            rows[-1].append(translate(language, "evaluation.report.count"))
            rows += [[category_label(dims[0], f, language), cells[(f,)]] for f in firsts]
            rows.append([total, grand])
            continue
        seconds = list(dict.fromkeys(c[1] for c in cells))
        by_first, by_second = await values(section, dims[:1]), await values(section, dims[1:])
        rows[-1] += [category_label(dims[1], s, language) for s in seconds] + [total]
        for f in firsts:
            numbers = [cells[(f, s)] for s in seconds] + [by_first[(f,)]]
            rows.append([category_label(dims[0], f, language), *numbers])
        rows.append([total, *(by_second[(s,)] for s in seconds), grand])
    return rows


def _trimmed(rows: list[list[object]]) -> list[Row]:
    """Rows without trailing empty cells, empty rows left out."""
    result: list[Row] = []
    for row in rows:
        values = list(row)
        while values and values[-1] in (None, ""):
            values.pop()
        if values:
            result.append(values)
    return result


def read_csv(data: bytes) -> list[list[Row]]:
    """The CSV's two parts (tables, notes), split at the last empty row."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    split = len(rows) - 1 - rows[::-1].index([])
    numbers = [[int(v) if v.isdigit() else v for v in row] for row in rows]
    return [_trimmed(numbers[:split]), _trimmed(numbers[split:])]


def read_xlsx(data: bytes) -> list[list[Row]]:
    workbook = load_workbook(io.BytesIO(data))
    return [_trimmed([list(r) for r in sheet.iter_rows(values_only=True)]) for sheet in workbook]


def read_ods(data: bytes) -> list[list[Row]]:
    document = load(io.BytesIO(data))
    sheets = []
    for table in document.spreadsheet.getElementsByType(Table):
        rows: list[list[object]] = []
        for table_row in table.getElementsByType(TableRow):
            row: list[object] = []
            for cell in table_row.getElementsByType(TableCell):
                if cell.getAttrNS(OFFICENS, "value-type") == "float":
                    row.append(int(cell.getAttrNS(OFFICENS, "value")))
                else:
                    row.append(str(cell))
            rows.append(row)
        sheets.append(_trimmed(rows))
    return sheets
