"""A real arq worker for one test: burst mode, every hourly job due at its start."""

from __future__ import annotations

from arq.connections import RedisSettings
from arq.worker import create_worker

from mobio.jobs import periodic


async def run_worker(redis_url: str) -> tuple[int, int]:
    """Run a worker until the queue is empty; returns (jobs completed, jobs failed).

    Each worker gets its own cron jobs: arq keeps a job's next run on the CronJob object, so
    a second worker sharing the module-level schedule would skip the jobs due at its start.
    """
    from mobio.jobs.worker import WorkerSettings  # imported late: it reads settings on import

    worker = create_worker(
        WorkerSettings,
        redis_settings=RedisSettings.from_dsn(redis_url),
        cron_jobs=periodic.cron_jobs(),
        burst=True,
        handle_signals=False,
        poll_delay=0.05,
    )
    try:
        await worker.main()
    finally:
        await worker.close()
    return worker.jobs_complete, worker.jobs_failed
