"""The index every evaluation answer reads through: one table of one protected set."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-27T01:31:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "Index evaluation cells by set, measure and dimensions."


class Raw(Table, tablename="evaluation_cell"):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="mobio", description=DESCRIPTION)

    async def cell_index() -> None:
        # Same syntax on SQLite and PostgreSQL.
        await Raw.raw(
            "CREATE INDEX evaluation_cell_table "
            "ON evaluation_cell (evaluation_set, measure, dimensions)"
        )

    manager.add_raw(cell_index)
    return manager
