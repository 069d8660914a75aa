"""Side effects outside the database that must follow the transaction's outcome.

A document's bytes live in the object store, its row in the database. The two cannot share
one transaction, so a service registers the store half here: objects written during the
transaction are removed again if it rolls back (``on_rollback``), objects to delete go only
once it has committed (``after_commit``). Without a unit of work (a job, the CLI) there is no
transaction to wait for: ``after_commit`` runs at once and ``on_rollback`` is dropped.

The current unit of work travels in a context variable; the tasks GraphQL spawns for
resolvers copy the context, so they all see (and append to) the same lists.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

Action = Callable[[], Awaitable[object]]


@dataclass
class UnitOfWork:
    undo: list[Action] = field(default_factory=list)
    then: list[Action] = field(default_factory=list)


_current: ContextVar[UnitOfWork | None] = ContextVar("mobio_unit_of_work", default=None)


async def after_commit(action: Action) -> None:
    """Run ``action`` once the current transaction has committed (now, if there is none)."""
    unit = _current.get()
    if unit is None:
        await action()
    else:
        unit.then.append(action)


def on_rollback(action: Action) -> None:
    """Run ``action`` if the current transaction rolls back (dropped if there is none)."""
    unit = _current.get()
    if unit is not None:
        unit.undo.append(action)


@asynccontextmanager
async def unit_of_work() -> AsyncIterator[UnitOfWork]:
    """Collect the side effects of one transaction; the caller settles it with ``settle``."""
    unit = UnitOfWork()
    token = _current.set(unit)
    try:
        yield unit
    finally:
        _current.reset(token)


async def settle(unit: UnitOfWork, *, committed: bool) -> None:
    """Run what the outcome calls for. A failing action is logged, never raised: the
    database outcome stands, and a stray object is only an orphan, never a lost file."""
    actions = unit.then if committed else list(reversed(unit.undo))
    unit.then, unit.undo = [], []
    for action in actions:
        try:
            await action()
        except Exception:
            log.exception("side effect after %s failed", "commit" if committed else "rollback")
