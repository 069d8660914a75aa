"""Builds the Piccolo engine from settings: PostgreSQL when configured, else SQLite."""

from __future__ import annotations

from typing import Any

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine

from mobio.settings import Settings, get_settings


def build_engine(settings: Settings | None = None) -> Engine:  # type: ignore[type-arg]
    """The engine for these settings (no connection is opened yet)."""
    settings = settings or get_settings()
    if settings.uses_postgres:
        return PostgresEngine(config={"dsn": settings.database_url})
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # timeout: seconds a writer waits for SQLite's single write lock before failing.
    return SQLiteEngine(path=str(settings.data_dir / "mobio.sqlite"), timeout=30)


async def _nothing_to_reset(_connection: Any) -> None:
    """asyncpg's default reset sends a query (unlock advisory locks, close cursors, UNLISTEN,
    RESET ALL) every time a connection goes back to the pool, which outside a transaction is
    after every statement. MoBio changes none of that session state, so nothing needs undoing;
    asyncpg still clears its own listeners and checks for a dangling transaction."""


async def start_pool(engine: Engine) -> None:  # type: ignore[type-arg]
    """Open PostgreSQL's connection pool (SQLite has none)."""
    if isinstance(engine, PostgresEngine):
        await engine.start_connection_pool(reset=_nothing_to_reset)


async def close_pool(engine: Engine) -> None:  # type: ignore[type-arg]
    if isinstance(engine, PostgresEngine):
        await engine.close_connection_pool()
