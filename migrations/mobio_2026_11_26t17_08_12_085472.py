from piccolo.apps.migrations.auto.migration_manager import MigrationManager

ID = "2026-11-26T17:08:12:085472"
VERSION = "1.38.0"
DESCRIPTION = "person.version is gone: versions are kept per section of the biography."


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="mobio", description=DESCRIPTION
    )

    manager.drop_column(
        table_class_name="Person",
        tablename="person",
        column_name="version",
        db_column_name="version",
        schema=None,
    )

    return manager
