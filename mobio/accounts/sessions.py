"""Login sessions: a random token in an HttpOnly cookie, only its hash in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from mobio import timeutil
from mobio.accounts.clients import ClientInfo
from mobio.accounts.tables import AccountKind, LoginSession
from mobio.db.values import as_uuid
from mobio.secrets_util import new_token, token_hash
from mobio.settings import get_settings

# Writing last_seen_at on every request would turn reads into writes; a minute is precise
# enough for a 30-minute idle timeout.
_TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class SessionAccount:
    """The account behind a valid session."""

    session_id: UUID
    account_id: UUID
    kind: AccountKind
    language: str


@dataclass(frozen=True, slots=True)
class SessionEntry:
    """A live session as its owner sees it in the list."""

    id: UUID
    created_at: datetime
    last_seen_at: datetime
    browser: str
    network: str


async def open_session(account_id: UUID, client: ClientInfo | None = None) -> str:
    """A new session for the account; returns the token for the cookie."""
    settings = get_settings()
    token = new_token()
    now = timeutil.now()
    await LoginSession.insert(
        LoginSession(
            account=account_id,
            token_hash=token_hash(token),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(hours=settings.session_max_hours),
            browser=client.browser if client else "",
            network=client.network if client else "",
        )
    )
    return token


async def live_sessions(account_id: UUID) -> list[SessionEntry]:
    """The account's sessions that would still be accepted now, most recently used first."""
    settings = get_settings()
    now = timeutil.now()
    rows = await (
        LoginSession.select(
            LoginSession.id,
            LoginSession.created_at,
            LoginSession.last_seen_at,
            LoginSession.browser,
            LoginSession.network,
        )
        .where(
            (LoginSession.account == account_id)
            & (LoginSession.expires_at > now)
            & (LoginSession.last_seen_at > now - timedelta(minutes=settings.session_idle_minutes))
        )
        .order_by(LoginSession.last_seen_at, ascending=False)
    )
    return [
        SessionEntry(
            as_uuid(r["id"]), r["created_at"], r["last_seen_at"], r["browser"], r["network"]
        )
        for r in rows
    ]


async def end_own_session(account_id: UUID, session_id: UUID) -> bool:
    """End one session of the account; False when it has no such session (or it is over)."""
    gone = await (
        LoginSession.delete()
        .where((LoginSession.id == session_id) & (LoginSession.account == account_id))
        .returning(LoginSession.id)
    )
    return bool(gone)


async def resolve_session(token: str) -> SessionAccount | None:
    """The account of a live session, or None; ends sessions past idle or absolute limits."""
    settings = get_settings()
    row = await (
        LoginSession.select(
            LoginSession.id,
            LoginSession.last_seen_at,
            LoginSession.expires_at,
            LoginSession.account.id,
            LoginSession.account.kind,
            LoginSession.account.language,
            LoginSession.account.is_active,
        )
        .where(LoginSession.token_hash == token_hash(token))
        .first()
    )
    if row is None:
        return None
    now = timeutil.now()
    idle_limit = row["last_seen_at"] + timedelta(minutes=settings.session_idle_minutes)
    if now >= row["expires_at"] or now >= idle_limit or not row["account.is_active"]:
        await LoginSession.delete().where(LoginSession.id == row["id"])
        return None
    if now - row["last_seen_at"] >= _TOUCH_INTERVAL:
        await LoginSession.update({LoginSession.last_seen_at: now}).where(
            LoginSession.id == row["id"]
        )
    return SessionAccount(
        session_id=as_uuid(row["id"]),
        account_id=as_uuid(row["account.id"]),
        kind=AccountKind(row["account.kind"]),
        language=row["account.language"],
    )


async def end_session(session_id: UUID) -> None:
    await LoginSession.delete().where(LoginSession.id == session_id)


async def end_other_sessions(account_id: UUID, keep: UUID | None) -> None:
    """End every session of the account except ``keep`` (after a password change)."""
    query = LoginSession.delete().where(LoginSession.account == account_id)
    if keep is not None:
        query = query.where(LoginSession.id != keep)
    await query
