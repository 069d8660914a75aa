"""Background work on links: remind before they end, forget keys of long-ended ones.

Security never depends on these running: every request checks expiry and revocation itself.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from mobio import timeutil
from mobio.i18n import translate
from mobio.jobs.queue import enqueue
from mobio.releases.tables import StakeholderRelease
from mobio.secrets_util import new_token, token_hash
from mobio.settings import get_settings

REMIND_BEFORE = timedelta(days=2)
KEEP_ENDED = timedelta(days=30)
"""An ended link answers "expired"/"revoked" this long; then its key and address are dropped."""


async def remind_expiring_links(ctx: dict[str, Any]) -> int:
    """Tell each owner once, in their language, that a link ends within two days."""
    now = timeutil.now()
    rows = await StakeholderRelease.select(
        StakeholderRelease.id,
        StakeholderRelease.package,
        StakeholderRelease.expires_at,
        StakeholderRelease.person.account.email,  # type: ignore[union-attr]
        StakeholderRelease.person.account.language,  # type: ignore[union-attr]
    ).where(
        StakeholderRelease.revoked_at.is_null()
        & StakeholderRelease.reminded_at.is_null()
        & (StakeholderRelease.expires_at > now)
        & (StakeholderRelease.expires_at <= now + REMIND_BEFORE)
    )
    for row in rows:
        email = row["person.account.email"]
        if email is None:
            continue  # a profile nobody owns yet: nobody to remind
        # Marked first: a reminder may be lost if mail fails, but is never sent twice.
        claimed = await (
            StakeholderRelease.update({StakeholderRelease.reminded_at: now})
            .where((StakeholderRelease.id == row["id"]) & StakeholderRelease.reminded_at.is_null())
            .returning(StakeholderRelease.id)
        )
        if not claimed:
            continue
        language = row["person.account.language"]
        await enqueue(
            "send_mail",
            to=email,
            subject=translate(language, "mail.link_expiring.subject"),
            body=translate(
                language,
                "mail.link_expiring.body",
                recipient=translate(language, f"package.{row['package']}"),
                until=row["expires_at"].strftime("%d.%m.%Y"),
                link=get_settings().base_url + "/",
            ),
            language=language,
        )
    return len(rows)


async def forget_ended_links(ctx: dict[str, Any]) -> int:
    """Drop the key hash and recipient address of links ended over 30 days ago."""
    cutoff = timeutil.now() - KEEP_ENDED
    rows = await StakeholderRelease.select(StakeholderRelease.id).where(
        StakeholderRelease.forgotten_at.is_null()
        & ((StakeholderRelease.expires_at < cutoff) | (StakeholderRelease.revoked_at < cutoff))
    )
    for row in rows:
        # A fresh random hash (the column is unique and required): the old key maps to nothing.
        await StakeholderRelease.update(
            {
                StakeholderRelease.token_hash: token_hash(new_token()),
                StakeholderRelease.recipient_email: None,
                StakeholderRelease.forgotten_at: timeutil.now(),
            }
        ).where(StakeholderRelease.id == row["id"])
    return len(rows)
