"""Enqueueing jobs: to arq when ``redis_url`` is set, else as tasks in this process."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from arq import ArqRedis, create_pool
from arq.connections import RedisSettings

from mobio.jobs.tasks import TASKS
from mobio.settings import get_settings

logger = logging.getLogger(__name__)

JOB_EXPIRES = timedelta(hours=24)
"""A queued job not started within this long is dropped. Its arguments (one-time links)
stay in Redis until then, so this is set explicitly rather than left to arq's default."""

# Strong references: the event loop only keeps weak ones, so an unreferenced task
# could be garbage-collected mid-run and its mail silently lost.
_pending: set[asyncio.Task[None]] = set()
_pool: ArqRedis | None = None


async def enqueue(name: str, **kwargs: Any) -> None:
    """Run job ``name`` in the background; KeyError for an unknown name, before anything runs."""
    function = TASKS[name]
    redis_url = get_settings().redis_url
    if not redis_url:
        task = asyncio.create_task(_run_in_process(name, function, kwargs), name=f"job:{name}")
        _pending.add(task)
        task.add_done_callback(_pending.discard)
        return
    pool = await _arq_pool(redis_url)
    await pool.enqueue_job(name, _expires=JOB_EXPIRES, **kwargs)


async def drain() -> None:
    """Wait until every in-process job has finished (tests and shutdown)."""
    # Loop: a job may enqueue further jobs while we wait.
    while _pending:
        await asyncio.gather(*_pending, return_exceptions=True)


async def close() -> None:
    """Close the Redis pool, if one was opened."""
    global _pool  # one pool per process, by design
    pool, _pool = _pool, None
    if pool is not None:
        await pool.aclose(close_connection_pool=True)


async def _arq_pool(redis_url: str) -> ArqRedis:
    global _pool
    if _pool is None:
        pool = await create_pool(RedisSettings.from_dsn(redis_url))
        # Another caller may have created one while we awaited; keep only one.
        if _pool is None:
            _pool = pool
        else:
            await pool.aclose(close_connection_pool=True)
    return _pool


async def _run_in_process(
    name: str, function: Callable[..., Awaitable[Any]], kwargs: dict[str, Any]
) -> None:
    # The same ctx keys arq gives a worker's job, so a job cannot tell the two apart.
    ctx: dict[str, Any] = {"job_id": uuid.uuid4().hex, "job_try": 1}
    try:
        await function(ctx, **kwargs)
    except Exception:
        # Nobody awaits this task, so an exception left in it would vanish; log it.
        # In-process jobs are not retried: that needs a worker (MOBIO_REDIS_URL).
        logger.exception("in-process job %s (%s) failed", name, ctx["job_id"])
