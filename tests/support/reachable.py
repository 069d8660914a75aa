"""``python -m tests.support.reachable URL``: exit 0 when a PostgreSQL server answers at URL."""

from __future__ import annotations

import asyncio
import sys

import asyncpg


async def _check(url: str) -> bool:
    try:
        connection = await asyncpg.connect(url, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        return False
    await connection.close()
    return True


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(_check(sys.argv[1])) else 1)
