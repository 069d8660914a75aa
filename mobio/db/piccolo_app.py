"""MoBio's single Piccolo app: every domain's tables, migrations in the top-level folder."""

from __future__ import annotations

from pathlib import Path

from piccolo.conf.apps import AppConfig

from mobio.db.tables import ALL_TABLES

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"

APP_CONFIG = AppConfig(
    app_name="mobio",
    migrations_folder_path=str(MIGRATIONS_DIR),
    table_classes=list(ALL_TABLES),
)
