"""The statutory report of a closed period: fixed tables of its protected set, labelled.

Declared once, here: an ordered list of sections, each a measure by one or two published
dimensions. Every number comes from :func:`mobio.evaluation.service.answer` (the protected
set); nothing is counted here, so the report can never show more than the set allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from babel.dates import format_date

from mobio.evaluation.declaration import canonical, published_tables
from mobio.evaluation.dimensions import (
    Dimension,
    Measure,
    category_label,
    dimension_label,
    measure_label,
)
from mobio.evaluation.periods import Period, closed_period
from mobio.evaluation.service import answer
from mobio.evaluation.sets import protected_set
from mobio.i18n import normalise_language, translate
from mobio.timeutil import DISTRICT_ZONE

D = Dimension

HIDDEN = "•"
"""Written instead of a hidden cell's number (explained in the notes)."""

Value = int | None
"""A published number, or None where the cell is hidden."""


@dataclass(frozen=True, slots=True)
class Section:
    measure: Measure
    dimensions: tuple[Dimension, ...]
    """Rows, then (if two) columns; the table they form must be published."""


SECTIONS: tuple[Section, ...] = (
    Section(Measure.PERSONS, (D.MUNICIPALITY, D.AGE_BAND)),
    Section(Measure.PERSONS, (D.MUNICIPALITY, D.SEX)),
    Section(Measure.PERSONS, (D.NATIONALITY_GROUP,)),
    Section(Measure.PERSONS, (D.GERMAN_LEVEL, D.LITERACY)),
    Section(Measure.PERSONS, (D.HIGHEST_EDUCATION,)),
    Section(Measure.PERSONS, (D.OCCUPATION_FIELD,)),
    Section(Measure.GOALS, (D.GOAL_AREA, D.GOAL_OUTCOME)),
    Section(Measure.GOALS, (D.GOAL_AREA, D.AGE_BAND)),
    Section(Measure.RELEASES, (D.PACKAGE,)),
    Section(Measure.HAND_OVERS, (D.HAND_OVER_OUTCOME,)),
)


@dataclass(slots=True)
class Block:
    """One section as a table: a header row, then labelled rows of numbers."""

    title: str
    header: list[str]
    rows: list[tuple[str, list[Value]]] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    period: Period
    language: str
    title: str
    heading: list[str]
    """Period, k, date computed (and the scope, if restricted): one line each."""
    blocks: list[Block]
    notes: list[str]

    @property
    def file_stem(self) -> str:
        return f"mobio-report-{self.period.code}-{self.language}"


def restrictable(section: Section) -> bool:
    """Whether the section's table can be narrowed to municipalities within the published set."""
    needed = frozenset({*section.dimensions, D.MUNICIPALITY})
    return canonical(section.measure, needed) in published_tables(section.measure)


def period_label(period: Period, language: str) -> str:
    if period.quarter is None:
        return translate(language, "evaluation.report.year", year=period.year)
    return translate(
        language, "evaluation.report.quarter", quarter=period.quarter, year=period.year
    )


def section_title(section: Section, language: str) -> str:
    measure = measure_label(section.measure, language)
    labels = [dimension_label(d, language) for d in section.dimensions]
    if len(labels) == 1:
        return translate(
            language, "evaluation.report.section_one", measure=measure, dimension=labels[0]
        )
    return translate(
        language,
        "evaluation.report.section_two",
        measure=measure,
        first=labels[0],
        second=labels[1],
    )


async def build_report(
    period_code: str,
    language: str,
    scope: frozenset[str] | None = None,
    sections: Sequence[Section] = SECTIONS,
) -> Report:
    """The report of a closed period in ``language``, restricted to ``scope`` if given."""
    language = normalise_language(language)
    period = closed_period(period_code)
    evaluation = await protected_set(period)
    blocks: list[Block] = []
    left_out: list[str] = []
    for section in sections:
        if scope is not None and not restrictable(section):
            left_out.append(section_title(section, language))
            continue
        blocks.append(await _block(period.code, section, language, scope))
    computed = evaluation.computed_at or evaluation.started_at
    heading = [
        translate(language, "evaluation.report.period", period=period_label(period, language)),
        translate(language, "evaluation.report.min_cell", k=evaluation.k),
        translate(
            language,
            "evaluation.report.computed",
            date=format_date(computed.astimezone(DISTRICT_ZONE).date(), "long", locale=language),
        ),
    ]
    if scope is not None:
        names = ", ".join(sorted(scope))
        heading.append(translate(language, "evaluation.report.scope", municipalities=names))
    notes = [
        translate(language, "evaluation.report.hidden", marker=HIDDEN, k=evaluation.k),
        translate(language, "evaluation.report.protected"),
        *(translate(language, "evaluation.report.left_out", section=title) for title in left_out),
    ]
    title = translate(language, "evaluation.report.title")
    return Report(period, language, title, heading, blocks, notes)


async def _values(
    period_code: str,
    measure: Measure,
    dimensions: tuple[Dimension, ...],
    scope: frozenset[str] | None,
) -> dict[tuple[str, ...], Value]:
    found = await answer(period_code, measure, dimensions, {}, scope=scope)
    return {cell.categories: cell.value for cell in found.cells}


async def _block(
    period_code: str, section: Section, language: str, scope: frozenset[str] | None
) -> Block:
    """The section's table with its totals, each one published margin of the same set."""
    measure, dims = section.measure, section.dimensions
    cells = await _values(period_code, measure, dims, scope)
    total = (await _values(period_code, measure, (), scope)).get((), None)
    total_label = translate(language, "evaluation.report.total")
    row_dim = dims[0]
    rows = _unique(coords[0] for coords in cells)  # in category order, as stored
    block = Block(section_title(section, language), [dimension_label(row_dim, language)])
    if len(dims) == 1:
        block.header.append(translate(language, "evaluation.report.count"))
        block.rows = [(category_label(row_dim, r, language), [cells[(r,)]]) for r in rows]
        block.rows.append((total_label, [total]))
        return block
    column_dim = dims[1]
    columns = _unique(coords[1] for coords in cells)
    row_totals = await _values(period_code, measure, (row_dim,), scope)
    column_totals = await _values(period_code, measure, (column_dim,), scope)
    block.header += [category_label(column_dim, c, language) for c in columns] + [total_label]
    for r in rows:
        values = [cells.get((r, c)) for c in columns] + [row_totals.get((r,))]
        block.rows.append((category_label(row_dim, r, language), values))
    block.rows.append((total_label, [column_totals.get((c,)) for c in columns] + [total]))
    return block


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))
