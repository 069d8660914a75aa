"""Composite unique keys, as indexes: SQLite cannot ALTER TABLE ... ADD CONSTRAINT."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-26T16:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Unique (team, account) memberships and (kind, language, version) documents."


class Raw(Table, tablename="team_membership"):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="mobio", description=DESCRIPTION)

    async def unique_indexes() -> None:
        await Raw.raw(
            "CREATE UNIQUE INDEX team_membership_team_account ON team_membership (team, account)"
        )
        await Raw.raw(
            "CREATE UNIQUE INDEX consent_document_kind_language_version "
            "ON consent_document (kind, language, version)"
        )

    manager.add_raw(unique_indexes)
    return manager
