"""Failed-login throttling, kept in the database so every web process sees the same counts."""

from __future__ import annotations

from datetime import timedelta

from mobio import timeutil
from mobio.accounts.tables import LoginThrottle
from mobio.secrets_util import token_hash
from mobio.settings import get_settings


async def is_blocked(keys: list[str]) -> bool:
    """Whether any key has reached the failure limit within the current window."""
    settings = get_settings()
    window_start = timeutil.now() - timedelta(minutes=settings.login_failure_window_minutes)
    blocked = await LoginThrottle.exists().where(
        LoginThrottle.key_hash.is_in([token_hash(key) for key in keys])
        & (LoginThrottle.failures >= settings.login_max_failures)
        & (LoginThrottle.window_started_at > window_start)
    )
    return bool(blocked)


async def record_failure(keys: list[str]) -> None:
    """Count one failure for every key, starting a new window where the old one ended."""
    settings = get_settings()
    now = timeutil.now()
    window_start = now - timedelta(minutes=settings.login_failure_window_minutes)
    for key in keys:
        hashed = token_hash(key)
        # DO NOTHING on conflict: a concurrent failure may have created the row first.
        created = await (
            LoginThrottle.insert(LoginThrottle(key_hash=hashed, failures=1, window_started_at=now))
            .on_conflict(action="DO NOTHING")
            .returning(LoginThrottle.id)
        )
        if created:
            continue
        row = await LoginThrottle.objects().get(LoginThrottle.key_hash == hashed)
        if row is not None and row.window_started_at <= window_start:
            # The old window is over: this failure starts a new one.
            await LoginThrottle.update(
                {LoginThrottle.failures: 1, LoginThrottle.window_started_at: now}
            ).where(LoginThrottle.id == row.id)
        elif row is not None:
            await LoginThrottle.update({LoginThrottle.failures: LoginThrottle.failures + 1}).where(
                LoginThrottle.id == row.id
            )


async def clear(key: str) -> None:
    """Forget the failures of one key (after a successful login)."""
    await LoginThrottle.delete().where(LoginThrottle.key_hash == token_hash(key))
