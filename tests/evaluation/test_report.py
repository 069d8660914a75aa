"""The statutory report: its sections, its files, and that every number is the set's own."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mobio.evaluation import report as report_module
from mobio.evaluation import report_formats
from mobio.evaluation.declaration import canonical, published_tables
from mobio.evaluation.dimensions import (
    Dimension,
    Measure,
    categories,
    category_label,
    dimension_label,
    measure_label,
)
from mobio.evaluation.report import HIDDEN, SECTIONS, build_report, restrictable
from mobio.evaluation.report_formats import ReportFormat, render
from mobio.evaluation.tables import EvaluationSet
from mobio.i18n import INTERFACE_LANGUAGES, catalogue
from tests.evaluation.population import add_population
from tests.evaluation.stored_set import (
    Row,
    expected_blocks,
    read_csv,
    read_ods,
    read_xlsx,
    store_set,
)
from tests.support.querycount import count_queries

READERS: dict[ReportFormat, Callable[[bytes], list[list[Row]]]] = {
    ReportFormat.CSV: read_csv,
    ReportFormat.XLSX: read_xlsx,
    ReportFormat.ODS: read_ods,
}


def test_every_section_is_a_published_table() -> None:
    for section in SECTIONS:
        assert 1 <= len(section.dimensions) <= 2
        key = canonical(section.measure, frozenset(section.dimensions))
        assert key in published_tables(section.measure), section


@pytest.mark.parametrize("output_format", list(ReportFormat))
async def test_german_report_copies_every_number_from_the_protected_set(
    output_format: ReportFormat,
) -> None:
    # given a stored protected set of 2025-Q4 with k = 5 and some hidden cells
    await store_set("2025-Q4", k=5)

    # when the report is written in German and read back
    report = await build_report("2025-Q4", "de")
    tables, notes = READERS[output_format](render(report, output_format))

    # then the heading names the report, the period, k and the day the set was computed
    assert tables[:4] == [
        ["MoBio – Bericht zur Auswertung"],
        ["Zeitraum: 4. Quartal 2025"],
        ["Mindestzahl je Zelle (k): 5"],
        ["Berechnet am: 2. Januar 2026"],
    ]
    # and every section is there, labelled, each number as answer() gives it, hidden as •
    assert tables[4:] == await expected_blocks("2025-Q4", "de")
    assert ["Personen nach Gemeinde und Altersgruppe"] in tables
    age_header = next(row for row in tables if row[:2] == ["Gemeinde", "unter 18"])
    assert age_header[2:6] == ["18 bis 24", "25 bis 34", "35 bis 44", "45 bis 64"]
    assert any(HIDDEN in row for row in tables)
    # and the notes explain the marker with k
    assert notes[0] == ["Hinweise"]
    assert [
        "• = verborgen: weniger als 5 Einheiten, oder die Zahl würde es erlauben, "
        "eine solche Zelle zu errechnen."
    ] in notes


@pytest.mark.parametrize("output_format", list(ReportFormat))
async def test_english_report_has_english_labels(output_format: ReportFormat) -> None:
    await store_set("2025", k=7)

    report = await build_report("2025", "en")
    tables, notes = READERS[output_format](render(report, output_format))

    assert tables[:4] == [
        ["MoBio – evaluation report"],
        ["Period: Year 2025"],
        ["Minimum count per cell (k): 7"],
        ["Computed on: January 2, 2026"],
    ]
    assert tables[4:] == await expected_blocks("2025", "en")
    assert ["Hand-overs by Hand-over outcome"] in tables
    assert any(row[0] == "Accepted" for row in tables)
    assert [
        "• = hidden: fewer than 7 units, or it would allow such a cell to be worked out."
    ] in notes


async def test_a_scoped_report_keeps_only_restrictable_sections() -> None:
    # given a stored set and an analyst's scope of one municipality
    await store_set("2025-Q4")
    scope = frozenset({"Aheim"})

    # when the report is built for that scope
    report = await build_report("2025-Q4", "en", scope)
    tables, notes = read_csv(render(report, ReportFormat.CSV))

    # then it says so, shows only that municipality, and leaves out what cannot be narrowed
    assert ["Only the municipalities: Aheim"] in tables
    assert tables[5:] == await expected_blocks("2025-Q4", "en", scope)
    assert not any(row[0] == "Bstadt" for row in tables)
    left_out = [s for s in SECTIONS if not restrictable(s)]
    assert left_out, "some section has no published table with a municipality"
    assert [
        "Left out because the table cannot be restricted to your municipalities: "
        "Goal agreements by Goal area and Age band"
    ] in notes
    assert ["Goal agreements by Goal area and Age band"] not in tables


@pytest.mark.parametrize("language", ["fr", "ar", "fa"])
async def test_other_interface_languages_are_accepted(language: str) -> None:
    await store_set("2025-Q4")
    report = await build_report("2025-Q4", language)
    for output_format in ReportFormat:
        assert READERS[output_format](render(report, output_format))[0][4:] == (
            await expected_blocks("2025-Q4", language)
        )


async def test_a_report_of_a_real_population_matches_its_protected_set() -> None:
    # given a small population counted into the protected set of 2025-Q4
    await add_population(60)

    # when the report is built (which computes the set on first use)
    report = await build_report("2025-Q4", "de")
    tables, _ = read_csv(render(report, ReportFormat.CSV))

    # then every number and marker is the set's own, and the set was computed once
    assert tables[4:] == await expected_blocks("2025-Q4", "de")
    assert await EvaluationSet.count() == 1


REPORT_STATEMENTS = 1 + 2 * 30
"""The set once, then per answer the set and one table: 10 sections, each with its totals."""


async def test_a_report_costs_a_fixed_number_of_statements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await store_set("2025-Q4")
    with count_queries(monkeypatch) as whole:
        await build_report("2025-Q4", "de")
    with count_queries(monkeypatch) as scoped:
        await build_report("2025-Q4", "de", frozenset({"Aheim"}))
    assert whole.count == REPORT_STATEMENTS
    assert scoped.count < REPORT_STATEMENTS  # the sections left out ask nothing


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_label_of_the_report_is_translated(language: str) -> None:
    # every measure, dimension and category, and every text of the report, has a text
    labels = [measure_label(m, language) for m in Measure]
    for dimension in Dimension:
        labels.append(dimension_label(dimension, language))
        labels += [category_label(dimension, c, language) for c in categories(dimension, ())]
    source = (Path(report_module.__file__).read_text(), Path(report_formats.__file__).read_text())
    used = {i for text in source for i in re.findall(r'"(evaluation\.report\.[a-z_]+)"', text)}
    assert len(used) > 10
    labels += [catalogue(language).gettext(i) for i in used]
    untranslated = [t for t in labels if re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", t)]
    assert untranslated == []
