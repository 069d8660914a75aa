"""Recognising database errors the same way on PostgreSQL and SQLite."""

from __future__ import annotations

import sqlite3

import asyncpg


def is_unique_violation(error: BaseException | None) -> bool:
    """A unique index refused the write (a lost race, when the service checked first)."""
    if isinstance(error, asyncpg.UniqueViolationError):
        return True
    return isinstance(error, sqlite3.IntegrityError) and "UNIQUE" in str(error)
