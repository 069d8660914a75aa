"""SQL statements per request: each workload's request once, in-process, counted.

Run by bench.run in a subprocess with MoBio's settings in the environment and the sessions on
stdin (JSON); prints workload -> count as JSON. Given ``{"analyst": session}`` instead, counts
bench.evaluation's request. Counts what goes through Piccolo's engine
(``run_querystring``), as tests/support/querycount.py does: BEGIN/COMMIT are not included.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.run import Request


async def count(logins_json: dict[str, Any]) -> dict[str, int]:
    from bench.run import Logins, Session, workloads

    if "analyst" in logins_json:
        from bench.evaluation import evaluation_request

        analyst = Session(**logins_json["analyst"])
        return await count_requests({"evaluation table": evaluation_request(analyst)})
    logins = Logins(
        newcomer=Session(**logins_json["newcomer"]),
        caseworker=Session(**logins_json["caseworker"]),
        savers=[Session(**saver) for saver in logins_json["savers"]],
        token=logins_json["token"],
    )
    return await count_requests(workloads(logins, len(logins.savers)))


async def count_requests(requests: Mapping[str, Request]) -> dict[str, int]:
    from litestar.testing import AsyncTestClient

    from mobio.db.tables import ALL_TABLES
    from mobio.web.app import create_app

    engine_class = type(ALL_TABLES[0]._meta.db)
    original = engine_class.run_querystring
    statements: list[str] = []

    async def counting(self: Any, querystring: Any, *args: Any, **kwargs: Any) -> Any:
        statements.append(str(querystring))
        return await original(self, querystring, *args, **kwargs)

    counts: dict[str, int] = {}
    async with AsyncTestClient(app=create_app()) as client:
        for name, request in requests.items():
            await request(client, 0)  # warm (first-use caches), then count the second
            statements.clear()
            engine_class.run_querystring = counting  # type: ignore[method-assign]
            try:
                await request(client, 0)
            finally:
                engine_class.run_querystring = original  # type: ignore[method-assign]
            counts[name] = len(statements)
    return counts


def main() -> None:
    print(json.dumps(asyncio.run(count(json.load(sys.stdin)))))


if __name__ == "__main__":
    main()
