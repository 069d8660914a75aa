"""The job functions. Each takes arq's ``ctx`` first and keyword arguments only."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from aiosmtplib import SMTPResponseException
from arq import Retry

from mobio.mail.message import compose
from mobio.mail.sender import recipient_domain, send
from mobio.settings import get_settings

logger = logging.getLogger(__name__)

RETRY_DELAY_SECONDS = 60


async def send_mail(
    ctx: dict[str, Any], *, to: str, subject: str, body: str, language: str
) -> None:
    """Compose one mail and deliver it with the process's settings."""
    settings = get_settings()
    message = compose(to=to, subject=subject, body=body, settings=settings, language=language)
    try:
        await send(message, settings)
    except (ConnectionError, TimeoutError, SMTPResponseException) as error:
        # arq only retries on Retry; a dropped connection or a 4xx ("try later") is
        # worth another go, a 5xx (unknown recipient, rejected) is not.
        if isinstance(error, SMTPResponseException) and not 400 <= error.code < 500:
            raise
        attempt = int(ctx.get("job_try", 1))
        logger.warning(
            "mail to @%s failed on attempt %d: %s",
            recipient_domain(message),
            attempt,
            type(error).__name__,
        )
        raise Retry(defer=RETRY_DELAY_SECONDS * attempt) from error


async def build_data_export(ctx: dict[str, Any], *, export_id: str) -> None:
    """Build the owner's "my data" ZIP (``mobio.export.jobs``)."""
    # Imported here: the export enqueues its mail through the queue, which imports this module.
    from mobio.export.jobs import build

    await build(UUID(export_id))


async def build_research_extract(ctx: dict[str, Any], *, extract_id: str) -> None:
    """Write an approved research extract (``mobio.research.build``)."""
    from mobio.research.build import build  # imported here like the export: no import cycle

    await build(UUID(extract_id))


TASKS: dict[str, Callable[..., Awaitable[Any]]] = {
    "send_mail": send_mail,
    "build_data_export": build_data_export,
    "build_research_extract": build_research_extract,
}
"""Every job by name; the in-process runner and the arq worker both dispatch through it."""
