"""The test suite's ground: an isolated environment, a migrated database, a clean slate per test.

One suite, two engines: SQLite by default; PostgreSQL when ``MOBIO_TEST_DATABASE_URL`` names
a server (a fresh database is created on it for this run and dropped afterwards).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator, Iterator

# The environment must be set before anything imports mobio's settings or engine.
for _name in [n for n in os.environ if n.startswith("MOBIO_") and not n.startswith("MOBIO_TEST")]:
    del os.environ[_name]
os.environ["MOBIO_ENVIRONMENT"] = "test"
os.environ["MOBIO_PASSWORD_PROFILE"] = "test"
os.environ["MOBIO_DATA_DIR"] = tempfile.mkdtemp(prefix="mobio-test-")

from tests.support.postgres import create_test_database, drop_test_database  # noqa: E402

_PG_ADMIN_URL = os.environ.get("MOBIO_TEST_DATABASE_URL", "")
if _PG_ADMIN_URL:
    os.environ["MOBIO_DATABASE_URL"] = asyncio.run(create_test_database(_PG_ADMIN_URL))

import pytest  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402

from mobio import timeutil  # noqa: E402
from mobio.db.engine import close_pool, start_pool  # noqa: E402
from mobio.db.migrate import migrate  # noqa: E402
from mobio.db.tables import ALL_TABLES  # noqa: E402
from mobio.jobs import queue  # noqa: E402
from mobio.settings import get_settings  # noqa: E402
from mobio.web.app import create_app  # noqa: E402
from tests.support.graphql import GraphQLClient  # noqa: E402

pytest_plugins = ["tests.support.s3", "tests.support.smtp"]  # s3_endpoint, smtp_server


def pytest_report_header() -> str:
    engine = "PostgreSQL" if get_settings().uses_postgres else "SQLite"
    return f"mobio: database engine {engine}"


@pytest.fixture(scope="session", autouse=True)
async def database() -> AsyncIterator[None]:
    """Every migration applied once to the blank test database."""
    await migrate()
    engine = ALL_TABLES[0]._meta.db
    if get_settings().uses_postgres:
        await start_pool(engine)
    yield
    if get_settings().uses_postgres:
        await close_pool(engine)
        await drop_test_database(_PG_ADMIN_URL, os.environ["MOBIO_DATABASE_URL"])


@pytest.fixture(autouse=True)
async def clean_slate() -> AsyncIterator[None]:
    """Each test starts with empty tables, an empty outbox and the real clock."""
    yield
    await queue.drain()
    for table in reversed(ALL_TABLES):
        await table.delete(force=True)
    timeutil.reset()
    outbox = get_settings().data_dir / "outbox"
    if outbox.exists():
        for mail in outbox.iterdir():
            mail.unlink()


@pytest.fixture
async def client() -> AsyncIterator[GraphQLClient]:
    """A client of the real application (HTTP in process), with cookies kept between calls."""
    # httpx's ASGI transport runs the app on this test's event loop (Litestar's test client
    # uses another thread and loop, which a shared connection pool cannot cross).
    transport = ASGITransport(app=create_app(), client=("127.0.0.1", 50000))
    async with AsyncClient(transport=transport, base_url="http://mobio.test") as http:
        yield GraphQLClient(http)


@pytest.fixture
def in_ci() -> Iterator[bool]:
    yield os.environ.get("CI") == "true"
