"""Running Piccolo's migrations from code (the CLI, the app's start, the tests)."""

from __future__ import annotations

from piccolo.apps.migrations.commands.forwards import run_forwards

from mobio.persons.names import backfill_name_keys


class MigrationError(RuntimeError):
    """A migration failed; the message says which."""


async def migrate() -> None:
    """Apply every migration not yet applied (forwards only)."""
    result = await run_forwards(app_name="mobio", migration_id="all")
    if not result.success:
        raise MigrationError(result.message or "migration failed")
    # Rows from before the spelling-tolerant name keys existed get theirs.
    await backfill_name_keys()
