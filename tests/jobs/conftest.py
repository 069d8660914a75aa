"""Fixtures for the job tests: settings read from the environment, and a Redis to queue on."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from mobio.settings import Settings, get_settings

TEST_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def mobio_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Jobs read ``get_settings()``: point it at a fresh data folder, outbox mail, no Redis."""
    monkeypatch.setenv("MOBIO_DATA_DIR", str(tmp_path))
    for name in ("MOBIO_SMTP_HOST", "MOBIO_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield get_settings()
    # Drop the cached test settings; the next caller reads the restored environment.
    get_settings.cache_clear()


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """An empty Redis database 15; skipped when Redis is down, but a failure in CI."""
    client = Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as error:
        await client.aclose()
        message = f"Redis is not reachable at {TEST_REDIS_URL}: {error}"
        # CI promises a Redis service; a silent skip there would hide that the arq path
        # was never tested.
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    await client.flushdb()
    try:
        yield TEST_REDIS_URL
    finally:
        await client.flushdb()
        await client.aclose()
