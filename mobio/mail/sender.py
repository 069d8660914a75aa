"""Delivering mail: through SMTP, or as .eml files in the outbox when no server is set."""

from __future__ import annotations

import asyncio
import email
import email.policy
import logging
import os
import secrets
import tempfile
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path

import aiosmtplib

from mobio import timeutil
from mobio.settings import Settings

logger = logging.getLogger(__name__)

SMTP_TIMEOUT_SECONDS = 30


async def send(message: EmailMessage, settings: Settings) -> None:
    """Deliver ``message``: by SMTP when ``smtp_host`` is set, else into the outbox folder."""
    # Only the domain is logged: bodies carry one-time links, and full addresses are
    # personal data that logs keep far longer than needed.
    domain = recipient_domain(message)
    if not settings.smtp_host:
        path = await asyncio.to_thread(_write_outbox, message, outbox_dir(settings))
        logger.info("mail to @%s written to outbox %s", domain, path.name)
        return
    await aiosmtplib.send(
        message,
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username or None,
        # No username means no AUTH at all, even if a password is left over in the env.
        password=settings.smtp_password if settings.smtp_username else None,
        start_tls=settings.smtp_starttls,
        timeout=SMTP_TIMEOUT_SECONDS,
    )
    logger.info("mail to @%s sent via %s", domain, settings.smtp_host)


def outbox_dir(settings: Settings) -> Path:
    """The folder that receives mail when no SMTP server is set."""
    return settings.data_dir / "outbox"


def read_outbox(settings: Settings) -> list[EmailMessage]:
    """The mails in the outbox, oldest first."""
    folder = outbox_dir(settings)
    if not folder.is_dir():
        return []
    # File names start with a UTC timestamp, so name order is age order; unfinished
    # temp files end in .tmp and are skipped by the glob.
    return [
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        for path in sorted(folder.glob("*.eml"))
    ]


def recipient_domain(message: EmailMessage) -> str:
    """The domain of the first To address (what logs may show of a recipient)."""
    _, address = parseaddr(str(message.get("To", "")))
    return address.rpartition("@")[2] or "unknown"


def _write_outbox(message: EmailMessage, folder: Path) -> Path:
    # 0o700/0o600 (mkstemp's default): the mails hold one-time links for their recipients.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = timeutil.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{stamp}-{secrets.token_hex(4)}.eml"
    handle, temp_name = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(message.as_bytes(policy=email.policy.default))
            temp_file.flush()
            os.fsync(temp_file.fileno())
        # Same folder, so the rename is atomic: readers see the whole mail or none.
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
