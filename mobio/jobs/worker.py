"""The arq worker that runs queued jobs (``mobio worker``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import cast

import arq
from arq.connections import RedisSettings
from arq.cron import CronJob
from arq.typing import StartupShutdown, WorkerCoroutine
from arq.worker import Function, func

from mobio.jobs import periodic
from mobio.jobs.tasks import TASKS
from mobio.settings import get_settings

# arq logs each job's arguments when it starts; for mail that includes the body and its
# one-time link. The exact format string is arq's (pinned <0.29).
_JOB_START_FORMAT = "%6.2fs → %s(%s)%s"


class _HideJobArguments(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if record.msg == _JOB_START_FORMAT and isinstance(args, tuple) and len(args) == 4:
            record.args = (args[0], args[1], "…", args[3])
        return True


logging.getLogger("arq.worker").addFilter(_HideJobArguments())


def worker_redis_settings() -> RedisSettings | None:
    """arq's connection settings from ``MOBIO_REDIS_URL`` (None when it is empty)."""
    url = get_settings().redis_url
    return RedisSettings.from_dsn(url) if url else None


class WorkerSettings:
    """What ``arq`` needs to run MoBio's jobs."""

    # keep_result 0 everywhere: results and failures would otherwise sit in Redis for
    # an hour, and a mail job's record holds its arguments, one-time links included.
    functions: Sequence[WorkerCoroutine | Function] = [
        func(cast("WorkerCoroutine", coroutine), name=name, keep_result=0)
        for name, coroutine in TASKS.items()
    ]
    redis_settings = worker_redis_settings()  # read at import; run_worker reads it again
    cron_jobs: Sequence[CronJob] | None = periodic.cron_jobs()
    on_startup: StartupShutdown | None = None
    on_shutdown: StartupShutdown | None = None
    keep_result = 0
    max_tries = 5
    job_timeout = 120  # seconds; SMTP alone may take 30 s per step on a slow server


def run_worker() -> None:
    """Run the arq worker until stopped; refuses when no Redis is configured."""
    settings = worker_redis_settings()
    if settings is None:
        raise SystemExit("MOBIO_REDIS_URL is empty: jobs run in-process, no worker is needed")
    arq.run_worker(WorkerSettings, redis_settings=settings)
