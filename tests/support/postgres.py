"""A fresh PostgreSQL database per test run, so runs never see each other's rows."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import asyncpg


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


async def create_test_database(admin_url: str, name: str | None = None) -> str:
    """Create ``name`` (default ``mobio_test_<pid>``, the test run's database) on the server of
    ``admin_url``, dropping any earlier one of that name; returns its URL."""
    name = name or f"mobio_test_{os.getpid()}"
    connection = await asyncpg.connect(admin_url, timeout=10)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return _with_database(admin_url, name)


async def drop_test_database(admin_url: str, database_url: str) -> None:
    name = urlsplit(database_url).path.lstrip("/")
    connection = await asyncpg.connect(admin_url, timeout=10)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()
