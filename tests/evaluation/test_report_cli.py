"""``mobio report``: the statutory report as a file, run as an operator would (own process)."""

from __future__ import annotations

import os
from pathlib import Path

from mobio.evaluation.report_formats import ReportFormat
from tests.evaluation.stored_set import expected_blocks, read_csv, read_xlsx, store_set
from tests.support.cli import run_mobio


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


async def test_report_writes_the_default_file_in_the_current_folder(tmp_path: Path) -> None:
    # given a stored protected set of 2025-Q4
    await store_set("2025-Q4")

    # when the report is asked for as xlsx in German, without a file name
    result = await run_mobio(
        "report", "--period", "2025-Q4", "--format", "xlsx", "--lang", "de",
        env=dict(os.environ), cwd=tmp_path,
    )  # fmt: skip

    # then it is written under its default name, with the set's numbers
    assert result.returncode == 0, result.output
    written = tmp_path / "mobio-report-2025-Q4-de.xlsx"
    tables, _ = read_xlsx(written.read_bytes())
    assert tables[1] == ["Zeitraum: 4. Quartal 2025"]
    assert tables[4:] == await expected_blocks("2025-Q4", "de")


async def test_report_csv_to_stdout_or_a_named_file(tmp_path: Path) -> None:
    await store_set("2025-Q4")

    printed = await run_mobio(
        "report", "--period", "2025-Q4", "--format", "csv", "--lang", "en", "--output", "-",
        env=dict(os.environ), cwd=tmp_path,
    )  # fmt: skip
    named = await run_mobio(
        "report", "--period", "2025-Q4", "--format", "ods", "--output", "q4.ods",
        env=dict(os.environ), cwd=tmp_path,
    )  # fmt: skip

    assert printed.returncode == 0, printed.output
    tables, _ = read_csv(printed.output.encode())
    assert tables[:2] == [["MoBio – evaluation report"], ["Period: Q4 2025"]]
    assert tables[4:] == await expected_blocks("2025-Q4", "en")
    assert named.returncode == 0, named.output
    assert _files(tmp_path) == ["q4.ods"]
    assert (tmp_path / "q4.ods").read_bytes()[:2] == b"PK"
    assert ReportFormat("ods").content_type == "application/vnd.oasis.opendocument.spreadsheet"


async def test_an_open_or_malformed_period_is_refused_with_exit_code_2(tmp_path: Path) -> None:
    env = dict(os.environ)

    still_open = await run_mobio(
        "report", "--period", "2099-Q1", "--lang", "en", env=env, cwd=tmp_path
    )
    malformed = await run_mobio(
        "report", "--period", "2025-Q5", "--lang", "de", env=env, cwd=tmp_path
    )

    assert still_open.returncode == 2
    assert still_open.output.strip() == (
        "The period 2099-Q1 has not ended yet. Only closed periods are evaluated."
    )
    assert malformed.returncode == 2
    assert "„2025-Q5“ ist kein gültiger Zeitraum" in malformed.output
    assert _files(tmp_path) == []
