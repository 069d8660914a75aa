"""The hourly job that completes accepted hand-overs whose effective date has come.

Each completion runs in its own transaction and claims its offer first, so a doubled or
overlapping run completes nothing twice; a missed run is caught up by the next one.
"""

from __future__ import annotations

from typing import Any

from piccolo.engine.sqlite import SQLiteEngine, TransactionType

from mobio import timeutil
from mobio.db.unit_of_work import settle, unit_of_work
from mobio.db.values import as_uuid
from mobio.handover.completion import complete
from mobio.handover.tables import HandOver, HandOverState


async def complete_due_hand_overs(ctx: dict[str, Any]) -> int:
    """Complete every accepted offer due today or earlier; returns how many completed."""
    due = await HandOver.select(HandOver.id).where(
        (HandOver.state == HandOverState.ACCEPTED)
        & (HandOver.effective_on <= timeutil.local_today())
    )
    engine = HandOver._meta.db
    done = 0
    for row in due:
        if isinstance(engine, SQLiteEngine):
            transaction = engine.transaction(transaction_type=TransactionType.immediate)
        else:
            transaction = engine.transaction()
        async with unit_of_work() as unit:  # mails leave only once the move has committed
            committed = False
            try:
                async with transaction:
                    done += await complete(as_uuid(row["id"]))
                committed = True
            finally:
                await settle(unit, committed=committed)
    return done
