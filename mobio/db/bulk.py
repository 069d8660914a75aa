"""Inserting many rows in one statement without a Piccolo object per row.

Piccolo's ``insert(*rows)`` builds a ``Table`` object and a bound parameter per value. For the
access log (one row per person on a caseload page) that cost more than the page itself.
PostgreSQL gets one array parameter per column (``unnest``), SQLite a multi-row ``VALUES``;
both through Piccolo's ``raw``, so values stay bound parameters, never SQL text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from piccolo.columns import Column
from piccolo.engine.postgres import PostgresEngine
from piccolo.table import Table

SQLITE_ROWS_PER_STATEMENT = 500
"""Keeps a statement's parameters well below SQLite's limit (32,766)."""


async def insert_rows(
    table: type[Table], columns: Sequence[Column], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``."""
    if not rows:
        return
    names = ", ".join(f'"{column._meta.db_column_name}"' for column in columns)
    into = f'INSERT INTO "{table._meta.tablename}" ({names})'
    if isinstance(table._meta.db, PostgresEngine):
        arrays = ", ".join(f"{{}}::{column.column_type}[]" for column in columns)
        by_column = [list(values) for values in zip(*rows, strict=True)]
        # Names come from the table's own definition, never from input: S608 does not apply.
        await table.raw(f"{into} SELECT * FROM unnest({arrays})", *by_column)  # noqa: S608
        return
    row = "(" + ", ".join("{}" for _ in columns) + ")"
    for start in range(0, len(rows), SQLITE_ROWS_PER_STATEMENT):
        chunk = rows[start : start + SQLITE_ROWS_PER_STATEMENT]
        values = ", ".join(row for _ in chunk)
        await table.raw(f"{into} VALUES {values}", *(value for r in chunk for value in r))
