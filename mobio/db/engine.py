"""Builds the Piccolo engine from settings: PostgreSQL when configured, else SQLite."""

from __future__ import annotations

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
