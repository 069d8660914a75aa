"""Running part of a test under other ``MOBIO_*`` variables, then getting the test settings back.

``get_settings()`` and ``get_schema()`` are cached for the process, and most tests rely on the
cached test settings. These helpers drop both caches when they change the environment and again
after restoring it, so nothing built under the changed variables outlives the ``with`` block.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import pytest
from httpx import ASGITransport, AsyncClient

from mobio.schema import get_schema
from mobio.settings import Settings, get_settings
from mobio.web.app import create_app
from tests.support.graphql import GraphQLClient

PRODUCTION_SECRET_KEY = "production-secret-key-of-48-characters-0123456789"
"""At least 32 characters, as production requires."""

SECURE_PRODUCTION: dict[str, str] = {
    "environment": "production",
    "secret_key": PRODUCTION_SECRET_KEY,
    "public_url": "https://mobio.example.org",
    "database_url": "postgresql://mobio@db.example.org:5432/mobio",
    "redis_url": "redis://redis.example.org:6379/0",
    "password_profile": "standard",
    "debug": "false",
}
"""Settings (as field name -> variable value) that ``check_production`` accepts."""


def _drop_caches() -> None:
    get_settings.cache_clear()
    get_schema.cache_clear()


@contextmanager
def mobio_environment(**variables: str) -> Iterator[Settings]:
    """The process settings with ``MOBIO_<NAME>`` set for each ``name=value`` given."""
    try:
        with pytest.MonkeyPatch.context() as patch:
            for name, value in variables.items():
                patch.setenv(f"MOBIO_{name.upper()}", value)
            _drop_caches()
            yield get_settings()
    finally:
        # After the variables are restored: the next caller reads the test settings again.
        _drop_caches()


@asynccontextmanager
async def app_client(**variables: str) -> AsyncIterator[GraphQLClient]:
    """A client of an application created (and used) under these ``MOBIO_*`` variables."""
    with mobio_environment(**variables):
        transport = ASGITransport(app=create_app(), client=("127.0.0.1", 50000))
        async with AsyncClient(transport=transport, base_url="http://mobio.test") as http:
            yield GraphQLClient(http)
