"""The record of logins to an account: successes and failures, for the owner's eyes only.

A failed attempt for an existing address counts against that account, so the owner sees
someone guessing their password. Entries older than ``login_record_days`` are purged hourly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.accounts.clients import ClientInfo
from mobio.accounts.tables import LoginEvent
from mobio.db.values import as_uuid
from mobio.settings import get_settings


@dataclass(frozen=True, slots=True)
class LoginEntry:
    id: UUID
    at: datetime
    succeeded: bool
    browser: str
    network: str


async def record(account_id: UUID, succeeded: bool, client: ClientInfo) -> None:
    await LoginEvent.insert(
        LoginEvent(
            account=account_id,
            at=timeutil.now(),
            succeeded=succeeded,
            browser=client.browser,
            network=client.network,
        )
    )


async def entries_of(account_id: UUID) -> list[LoginEntry]:
    """The account's logins within the kept period, newest first."""
    rows = await (
        LoginEvent.select(
            LoginEvent.id,
            LoginEvent.at,
            LoginEvent.succeeded,
            LoginEvent.browser,
            LoginEvent.network,
        )
        .where((LoginEvent.account == account_id) & (LoginEvent.at > _cutoff()))
        .order_by(LoginEvent.at, ascending=False)
    )
    return [
        LoginEntry(as_uuid(r["id"]), r["at"], bool(r["succeeded"]), r["browser"], r["network"])
        for r in rows
    ]


async def forget_old_logins(ctx: dict[str, Any]) -> int:
    """Hourly: delete entries past the kept period; returns how many went."""
    gone = await LoginEvent.delete().where(LoginEvent.at <= _cutoff()).returning(LoginEvent.id)
    return len(gone)


def _cutoff() -> datetime:
    return timeutil.now() - timedelta(days=get_settings().login_record_days)
