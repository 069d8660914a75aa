"""Failed-login counting stays right under concurrent failures."""

from __future__ import annotations

import asyncio

from mobio.accounts import throttle
from mobio.accounts.tables import LoginThrottle


async def test_concurrent_first_failures_are_all_counted() -> None:
    # given no failure for a key yet
    # when four failures for it arrive at once
    await asyncio.gather(*(throttle.record_failure(["login:address:x"]) for _ in range(4)))
    # then one row counts all four (no uniqueness error, no lost count)
    rows = await LoginThrottle.select(LoginThrottle.failures)
    assert rows == [{"failures": 4}]
