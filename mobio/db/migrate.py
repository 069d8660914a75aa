"""Running Piccolo's migrations from code (the CLI, the app's start, the tests)."""

from __future__ import annotations

from piccolo.apps.migrations.commands.forwards import run_forwards


class MigrationError(RuntimeError):
    """A migration failed; the message says which."""


async def migrate() -> None:
    """Apply every migration not yet applied (forwards only)."""
    result = await run_forwards(app_name="mobio", migration_id="all")
    if not result.success:
        raise MigrationError(result.message or "migration failed")
