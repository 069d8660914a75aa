"""Counting the SQL statements a block of code sends, so no N+1 lands unnoticed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from mobio.db.tables import ALL_TABLES


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def count_queries(monkeypatch: pytest.MonkeyPatch) -> Iterator[QueryCounter]:
    """Every statement run through the engine inside the block is recorded."""
    engine_class = type(ALL_TABLES[0]._meta.db)
    original = engine_class.run_querystring
    counter = QueryCounter()

    async def counting(self: Any, querystring: Any, *args: Any, **kwargs: Any) -> Any:
        counter.statements.append(str(querystring))
        return await original(self, querystring, *args, **kwargs)

    monkeypatch.setattr(engine_class, "run_querystring", counting)
    try:
        yield counter
    finally:
        monkeypatch.setattr(engine_class, "run_querystring", original)
