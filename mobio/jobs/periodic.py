"""Jobs that run on a schedule: as arq cron jobs on workers, or in-process when embedded."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from arq.cron import CronJob, cron

from mobio.accounts.login_record import forget_old_logins
from mobio.accounts.purge import purge_unactivated_accounts
from mobio.erasure.jobs import erase_due
from mobio.evaluation.jobs import compute_closed_evaluations
from mobio.export.jobs import remove_expired_exports
from mobio.goals.jobs import remind_goal_steps
from mobio.handover.jobs import complete_due_hand_overs
from mobio.releases.jobs import forget_ended_links, remind_expiring_links
from mobio.research.build import remove_expired_extracts

log = logging.getLogger(__name__)

Job = Callable[[dict[str, Any]], Awaitable[Any]]

HOURLY: tuple[Job, ...] = (
    remind_expiring_links,
    forget_ended_links,
    remind_goal_steps,
    complete_due_hand_overs,
    forget_old_logins,
    purge_unactivated_accounts,
    remove_expired_exports,
    remove_expired_extracts,
    erase_due,
    compute_closed_evaluations,
)
"""Each runs once an hour; each is idempotent, so a missed or doubled run does no harm."""


def cron_jobs() -> list[CronJob]:
    """The schedule for arq workers: minute 17 (away from the full hour's rush), and once when
    a worker starts, so reminders and hand-overs due during a deployment are not an hour late."""
    return [
        cron(job, minute={17}, keep_result=0, unique=True, run_at_startup=True)  # type: ignore[arg-type]
        for job in HOURLY
    ]


async def run_in_process(interval_seconds: float = 3600) -> None:
    """The embedded scheduler: every job once now, then every ``interval_seconds``."""
    while True:
        for job in HOURLY:
            try:
                await job({})
            except Exception:
                # Keep the loop alive; the next hour tries again.
                log.exception("periodic job %s failed", job.__name__)
        await asyncio.sleep(interval_seconds)
