"""Unique keys of the biography, as indexes (SQLite cannot add table constraints later)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-26T16:53:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "One answer per (person, page, question); one version per (person, page, section)."


class Raw(Table, tablename="answer"):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="mobio", description=DESCRIPTION)

    async def unique_indexes() -> None:
        await Raw.raw(
            "CREATE UNIQUE INDEX answer_person_subject_question "
            "ON answer (person, subject, question)"
        )
        await Raw.raw(
            "CREATE UNIQUE INDEX section_version_person_subject_section "
            "ON section_version (person, subject, section)"
        )
        await Raw.raw(
            "CREATE INDEX answer_log_person_subject_question "
            "ON answer_log (person, subject, question)"
        )

    manager.add_raw(unique_indexes)
    return manager
