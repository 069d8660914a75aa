"""The hourly account jobs as a real arq worker on Redis runs them from its cron schedule."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from arq.connections import RedisSettings
from arq.worker import create_worker
from redis.asyncio import Redis
from redis.exceptions import RedisError

from mobio import timeutil
from mobio.accounts import login_record
from mobio.accounts.clients import ClientInfo
from mobio.accounts.tables import Account, LoginEvent
from mobio.settings import get_settings
from tests.accounts.test_service import registered
from tests.support import factories

# Not database 15: the job tests flush that one, and may run at the same time.
REDIS_URL = "redis://127.0.0.1:6379/14"
ACCOUNT_JOBS = {"cron:purge_unactivated_accounts", "cron:forget_old_logins"}


@pytest.fixture
async def redis_url() -> AsyncIterator[str]:
    """An empty Redis database; skipped when Redis is down, but a failure in CI."""
    client = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        await client.ping()
    except (RedisError, OSError) as error:
        await client.aclose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not reachable at {REDIS_URL}: {error}")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}: {error}")
    await client.flushdb()
    try:
        yield REDIS_URL
    finally:
        await client.flushdb()
        await client.aclose()


@pytest.mark.redis
async def test_the_worker_purges_lapsed_registrations_and_old_login_entries(
    redis_url: str,
) -> None:
    from mobio.jobs.worker import WorkerSettings  # imported late: it reads settings on import

    # given a registration never activated and an old login entry of an active newcomer
    await registered("lapsed@example.org")
    newcomer = await factories.newcomer()
    await login_record.record(newcomer.account_id, False, ClientInfo("Firefox, Linux", ""))
    days = max(get_settings().unactivated_account_days, get_settings().login_record_days)
    timeutil.travel(timedelta(days=days, hours=1))

    # when a real worker starts with the account jobs of the hourly schedule (made due now)
    schedule = WorkerSettings.cron_jobs or []
    due_now = [
        dataclasses.replace(job, run_at_startup=True, next_run=None)
        for job in schedule
        if job.name in ACCOUNT_JOBS
    ]
    assert {job.name for job in due_now} == ACCOUNT_JOBS
    worker = create_worker(
        WorkerSettings,
        redis_settings=RedisSettings.from_dsn(redis_url),
        cron_jobs=due_now,
        burst=True,
        handle_signals=False,
        poll_delay=0.05,
    )
    try:
        await worker.main()
    finally:
        await worker.close()

    # then both ran once without failing, and did their work
    assert (worker.jobs_complete, worker.jobs_failed) == (2, 0)
    assert not await Account.exists().where(Account.email == "lapsed@example.org")
    assert await Account.exists().where(Account.id == newcomer.account_id)
    assert await LoginEvent.count() == 0
