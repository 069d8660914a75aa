"""Partial unique indexes: what the services check before writing, the database also holds,
so two requests racing each other cannot both get through."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-26T22:20:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "One open hand-over per person, one open correction per answer, one live claim code."


class Raw(Table, tablename="hand_over"):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="mobio", description=DESCRIPTION)

    async def partial_unique_indexes() -> None:
        # Same syntax on SQLite and PostgreSQL.
        await Raw.raw(
            "CREATE UNIQUE INDEX hand_over_one_open_per_person ON hand_over (person) "
            "WHERE state IN ('offered', 'accepted')"
        )
        await Raw.raw(
            "CREATE UNIQUE INDEX correction_request_one_open_per_answer "
            "ON correction_request (person, subject, question) WHERE state = 'open'"
        )
        await Raw.raw(
            "CREATE UNIQUE INDEX claim_code_one_live_per_person ON claim_code (person) "
            "WHERE used_at IS NULL AND voided_at IS NULL"
        )

    manager.add_raw(partial_unique_indexes)
    return manager
