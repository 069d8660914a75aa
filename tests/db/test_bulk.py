"""Many rows in one statement, on either engine."""

from __future__ import annotations

import uuid

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.db.bulk import SQLITE_ROWS_PER_STATEMENT, insert_rows
from mobio.db.values import as_uuid
from tests.support import factories

COLUMNS = (
    AccessLogEntry.id,
    AccessLogEntry.person,
    AccessLogEntry.actor,
    AccessLogEntry.grant,
    AccessLogEntry.accessed_at,
)


async def test_rows_arrive_whole_with_their_types() -> None:
    # given a person, and more rows than one SQLite statement takes
    newcomer = await factories.newcomer()
    now = timeutil.now()
    count = SQLITE_ROWS_PER_STATEMENT + 3
    rows = [
        (uuid.uuid4(), newcomer.person_id, None if n % 2 else newcomer.account_id, f"g{n}", now)
        for n in range(count)
    ]
    # when they are inserted in bulk
    await insert_rows(AccessLogEntry, COLUMNS, rows)
    # then each reads back as written: ids, nulls, text and time
    stored = await AccessLogEntry.select().order_by(AccessLogEntry.grant)
    assert len(stored) == count
    by_id = {as_uuid(row["id"]): row for row in stored}
    for row_id, person, actor, grant, when in rows:
        got = by_id[row_id]
        assert as_uuid(got["person"]) == person
        assert (as_uuid(got["actor"]) if got["actor"] else None) == actor
        assert got["grant"] == grant
        assert got["accessed_at"] == when


async def test_nothing_to_insert_sends_nothing() -> None:
    await insert_rows(AccessLogEntry, COLUMNS, [])
    assert await AccessLogEntry.count() == 0
