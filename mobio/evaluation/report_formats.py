"""The report as a file: CSV, XLSX (Excel) or ODS (LibreOffice), the same blocks in each.

Numbers stay numbers (cells a spreadsheet can sum); a hidden cell is the marker, never a
number, and the notes say what it means.
"""

from __future__ import annotations

import csv
import io
from enum import StrEnum

from odf.opendocument import OpenDocumentSpreadsheet  # type: ignore[import-untyped]
from odf.table import Table, TableCell, TableRow  # type: ignore[import-untyped]
from odf.text import P  # type: ignore[import-untyped]
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

from mobio.evaluation.report import HIDDEN, Report, Value
from mobio.i18n import RTL_LANGUAGES, translate


class ReportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    ODS = "ods"

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]


_CONTENT_TYPES = {
    ReportFormat.CSV: "text/csv",  # the web server adds "; charset=utf-8"
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
}

Row = list[str | int]


def file_name(report: Report, output_format: ReportFormat) -> str:
    return f"{report.file_stem}.{output_format.value}"


def render(report: Report, output_format: ReportFormat) -> bytes:
    if output_format is ReportFormat.CSV:
        # With a byte-order mark, so spreadsheet programs read the labels as UTF-8.
        return csv_text(report).encode("utf-8-sig")
    if output_format is ReportFormat.XLSX:
        return _xlsx(report)
    return _ods(report)


def _cell(value: Value) -> str | int:
    return HIDDEN if value is None else value


def _tables(report: Report) -> list[Row]:
    """The first sheet (or the whole CSV before its notes): heading, then one block a section."""
    rows: list[Row] = [[line] for line in (report.title, *report.heading)]
    for block in report.blocks:
        rows += [[], [block.title], list(block.header)]
        rows += [[label, *map(_cell, values)] for label, values in block.rows]
    return rows


def _notes(report: Report) -> list[Row]:
    heading = translate(report.language, "evaluation.report.notes")
    return [[line] for line in (heading, *report.notes)]


def csv_text(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([*_tables(report), [], *_notes(report)])
    return buffer.getvalue()


def _is_title(row: Row, report: Report) -> bool:
    return len(row) == 1 and (
        row[0] == report.title or any(row[0] == b.title for b in report.blocks)
    )


def _xlsx(report: Report) -> bytes:
    workbook = Workbook()
    sheets = [workbook.active, workbook.create_sheet()]
    names = ("evaluation.report.tables", "evaluation.report.notes")
    for sheet, name, rows in zip(sheets, names, (_tables(report), _notes(report)), strict=True):
        sheet.title = translate(report.language, name)[:31]  # Excel's limit for sheet names
        sheet.sheet_view.rightToLeft = report.language in RTL_LANGUAGES
        for row in rows:
            sheet.append(row)
            if _is_title(row, report):
                sheet.cell(sheet.max_row, 1).font = Font(bold=True)
            for cell in sheet[sheet.max_row]:
                if cell.value == HIDDEN:
                    cell.alignment = Alignment(horizontal="right")
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ods(report: Report) -> bytes:
    document = OpenDocumentSpreadsheet()
    names = ("evaluation.report.tables", "evaluation.report.notes")
    for name, rows in zip(names, (_tables(report), _notes(report)), strict=True):
        table = Table(name=translate(report.language, name))
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value))
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _ods_cell(value: str | int) -> TableCell:
    if isinstance(value, int):
        cell = TableCell(valuetype="float", value=value)
    else:
        cell = TableCell(valuetype="string")
    cell.addElement(P(text=str(value)))
    return cell
