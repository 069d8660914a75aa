"""Migrations: every one runs forwards on a blank SQLite and a blank PostgreSQL database, as
``python -m mobio.cli migrate`` in a clean environment, and the tables in code match them."""

from __future__ import annotations

import os
import re
import sqlite3
import uuid
from collections.abc import AsyncIterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import asyncpg
import pytest
from piccolo.apps.migrations.commands.new import AutoMigrationManager
from piccolo.conf.apps import Finder

from mobio.db.piccolo_app import MIGRATIONS_DIR
from mobio.db.tables import ALL_TABLES
from tests.support.cli import Completed, clean_environment, run_mobio
from tests.support.postgres import create_test_database, drop_test_database

DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"

UNIQUE_INDEXES = {
    "team_membership_team_account": ("team_membership", ["team", "account"]),
    "consent_document_kind_language_version": ("consent_document", ["kind", "language", "version"]),
    "answer_person_subject_question": ("answer", ["person", "subject", "question"]),
    "section_version_person_subject_section": ("section_version", ["person", "subject", "section"]),
}
"""The composite unique keys the migrations create as indexes."""

NOW = datetime(2026, 1, 1, tzinfo=UTC)


class BlankDatabase(Protocol):
    """A database no migration has touched yet, and how ``mobio migrate`` is pointed at it."""

    env: dict[str, str]
    unique_violation: type[Exception]

    async def insert(self, table: str, row: dict[str, Any]) -> None: ...
    async def rows(self, sql: str) -> list[tuple[Any, ...]]: ...
    async def tables(self) -> set[str]: ...
    async def columns(self, table: str) -> set[str]: ...
    async def index_definition(self, name: str) -> str | None: ...


class SQLiteDatabase:
    """The embedded default: ``mobio.sqlite`` in the data folder."""

    unique_violation: type[Exception] = sqlite3.IntegrityError

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "mobio.sqlite"
        self.env = clean_environment(data_dir=str(data_dir))

    def _run(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        # mode=rw: never create the file, so a missing database shows as an error.
        opened = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True)
        with closing(opened) as connection, connection:
            return connection.execute(sql, args).fetchall()

    async def insert(self, table: str, row: dict[str, Any]) -> None:
        # Stored as Piccolo's SQLite engine stores them: text for UUIDs and timestamps.
        stored = [v.isoformat() if isinstance(v, datetime) else v for v in row.values()]
        stored = [str(v) if isinstance(v, uuid.UUID) else v for v in stored]
        marks = ", ".join("?" for _ in row)
        self._run(_insert(table, row, marks), *stored)

    async def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return self._run(sql)

    async def tables(self) -> set[str]:
        return {row[0] for row in self._run("SELECT name FROM sqlite_master WHERE type = 'table'")}

    async def columns(self, table: str) -> set[str]:
        return {row[1] for row in self._run(f'PRAGMA table_info("{table}")')}

    async def index_definition(self, name: str) -> str | None:
        found = self._run("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", name)
        return str(found[0][0]) if found else None


class PostgresDatabase:
    """A fresh database on the test server (never the test run's own database)."""

    unique_violation: type[Exception] = asyncpg.UniqueViolationError

    def __init__(self, url: str, data_dir: Path) -> None:
        self.url = url
        # The data folder too, so a run that ignored the URL would leave mobio.sqlite there.
        self.env = clean_environment(database_url=url, data_dir=str(data_dir))

    async def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        connection = await asyncpg.connect(self.url, timeout=10)
        try:
            return [tuple(record) for record in await connection.fetch(sql, *args)]
        finally:
            await connection.close()

    async def insert(self, table: str, row: dict[str, Any]) -> None:
        marks = ", ".join(f"${number}" for number in range(1, len(row) + 1))
        await self.rows(_insert(table, row, marks), *row.values())

    async def tables(self) -> set[str]:
        found = await self.rows("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {row[0] for row in found}

    async def columns(self, table: str) -> set[str]:
        found = await self.rows(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = $1",
            table,
        )
        return {row[0] for row in found}

    async def index_definition(self, name: str) -> str | None:
        found = await self.rows(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname = $1", name
        )
        return str(found[0][0]) if found else None


def _insert(table: str, row: dict[str, Any], marks: str) -> str:
    # Table and column names come from this module only; the values are parameters.
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})"  # noqa: S608


async def _reachable(url: str) -> str | None:
    """None when a PostgreSQL server answers at ``url``, else why not."""
    try:
        connection = await asyncpg.connect(url, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"
    await connection.close()
    return None


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def blank_database(
    request: pytest.FixtureRequest, tmp_path: Path, in_ci: bool
) -> AsyncIterator[BlankDatabase]:
    """A blank database of each engine; PostgreSQL is skipped when down, but fails in CI."""
    if request.param == "sqlite":
        yield SQLiteDatabase(tmp_path)
        return
    admin_url = os.environ.get("MOBIO_TEST_DATABASE_URL") or DEFAULT_ADMIN_URL
    problem = await _reachable(admin_url)
    if problem is not None:
        message = f"PostgreSQL is not reachable at {admin_url}: {problem}"
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    name = f"mobio_migrate_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    url = await create_test_database(admin_url, name)
    try:
        yield PostgresDatabase(url, tmp_path)
    finally:
        await drop_test_database(admin_url, url)


async def migrate(database: BlankDatabase, cwd: Path) -> Completed:
    result = await run_mobio("migrate", env=database.env, cwd=cwd)
    assert result.returncode == 0, result.output
    assert "migrations applied" in result.output
    return result


def migration_ids() -> set[str]:
    """The ``ID`` of every migration file."""
    ids = set()
    for path in MIGRATIONS_DIR.glob("*.py"):
        found = re.search(r'^ID = "([^"]+)"$', path.read_text(), re.M)
        assert found is not None, f"{path.name} has no ID"
        ids.add(found[1])
    return ids


async def schema_of(database: BlankDatabase) -> dict[str, Any]:
    """Tables with their columns, and the unique indexes: what a second run must not change."""
    return {
        "columns": {table: await database.columns(table) for table in await database.tables()},
        "indexes": {name: await database.index_definition(name) for name in UNIQUE_INDEXES},
    }


async def insert_account(database: BlankDatabase, email: str) -> uuid.UUID:
    account_id = uuid.uuid4()
    await database.insert(
        "account",
        {
            "id": account_id,
            "email": email,
            "password_hash": "hash",
            "kind": "caseworker",
            "language": "de",
            "is_active": True,
            "created_at": NOW,
        },
    )
    return account_id


async def insert_team(database: BlankDatabase) -> uuid.UUID:
    team_id = uuid.uuid4()
    await database.insert(
        "team", {"id": team_id, "name": "Team", "kind": "social_counselling", "created_at": NOW}
    )
    return team_id


async def insert_membership(
    database: BlankDatabase, team_id: uuid.UUID, account_id: uuid.UUID
) -> None:
    await database.insert(
        "team_membership",
        {"id": uuid.uuid4(), "team": team_id, "account": account_id, "created_at": NOW},
    )


async def insert_document(database: BlankDatabase, language: str, version: int) -> None:
    await database.insert(
        "consent_document",
        {
            "id": uuid.uuid4(),
            "kind": "usage",
            "language": language,
            "version": version,
            "title": "Title",
            "body": "Body",
            "published_at": NOW,
        },
    )


async def test_every_migration_runs_forwards_on_a_blank_database(
    blank_database: BlankDatabase, tmp_path: Path
) -> None:
    # given: a blank database of the engine, and a working directory outside the repository
    database = blank_database

    # when: `mobio migrate` runs in a clean environment pointed at it
    await migrate(database, cwd=tmp_path)

    # then: it used the configured database (a PostgreSQL run leaves no SQLite file) ...
    assert (tmp_path / "mobio.sqlite").exists() == isinstance(database, SQLiteDatabase)
    # ... every migration is recorded as applied ...
    applied = await database.rows("SELECT name FROM migration WHERE app_name = 'mobio'")
    assert {row[0] for row in applied} == migration_ids()
    # ... and every table of the code exists, with exactly the columns of its class
    tables = await database.tables()
    for table in ALL_TABLES:
        name = table._meta.tablename
        assert name in tables, f"table {name} is missing"
        in_code = {column._meta.db_column_name for column in table._meta.columns}
        assert await database.columns(name) == in_code, name


async def test_composite_unique_indexes_exist_and_reject_duplicates(
    blank_database: BlankDatabase, tmp_path: Path
) -> None:
    # given: a migrated blank database
    database = blank_database
    await migrate(database, cwd=tmp_path)

    # then: every unique index exists, on the declared columns
    for name, (table, columns) in UNIQUE_INDEXES.items():
        definition = await database.index_definition(name)
        assert definition is not None, f"index {name} is missing"
        assert "UNIQUE INDEX" in definition.upper(), definition
        assert table in definition
        assert f"({', '.join(columns)})" in definition, definition

    # given: a caseworker in a team, and a published document
    account_id = await insert_account(database, "one@example.org")
    other_account_id = await insert_account(database, "two@example.org")
    team_id = await insert_team(database)
    await insert_membership(database, team_id, account_id)
    await insert_document(database, "en", 1)

    # when / then: the same membership or the same document version again is refused ...
    with pytest.raises(database.unique_violation):
        await insert_membership(database, team_id, account_id)
    with pytest.raises(database.unique_violation):
        await insert_document(database, "en", 1)
    # ... while another member, another version or another language is accepted
    await insert_membership(database, team_id, other_account_id)
    await insert_document(database, "en", 2)
    await insert_document(database, "de", 1)
    assert await database.rows("SELECT COUNT(*) FROM team_membership") == [(2,)]
    assert await database.rows("SELECT COUNT(*) FROM consent_document") == [(3,)]


async def test_migrating_twice_changes_nothing(
    blank_database: BlankDatabase, tmp_path: Path
) -> None:
    # given: a migrated database holding a row
    database = blank_database
    await migrate(database, cwd=tmp_path)
    await insert_account(database, "kept@example.org")
    applied_before = await database.rows("SELECT id, name FROM migration ORDER BY id")
    schema_before = await schema_of(database)

    # when: `mobio migrate` runs again
    second = await migrate(database, cwd=tmp_path)

    # then: it applies nothing, and the schema and the data are as they were
    assert "No migrations need to be run" in second.output
    assert await database.rows("SELECT id, name FROM migration ORDER BY id") == applied_before
    assert await schema_of(database) == schema_before
    assert await database.rows("SELECT email FROM account") == [("kept@example.org",)]


async def test_tables_in_code_match_the_migrations() -> None:
    # given: the schema the migration files build up, and the Table classes in code
    app_config = Finder().get_app_config("mobio")

    # when: Piccolo's auto-migration compares them (as `piccolo migrations new --auto` does)
    changes = await AutoMigrationManager(auto_input="y").get_alter_statements(app_config=app_config)

    # then: no migration is pending
    pending = [statement for change in changes for statement in change.statements]
    assert pending == [], "tables changed without a migration:\n" + "\n".join(pending)
