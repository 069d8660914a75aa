"""The request owns the transaction: a mutation commits whole or not at all.

A mutation runs in one database transaction, rolled back if any error occurred, so bad
input changes nothing. Afterwards the access log of the request is written.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from piccolo.engine.base import Engine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from mobio.audit.service import record_reads
from mobio.db.tables import ALL_TABLES


def _engine() -> Engine:  # type: ignore[type-arg]
    engine = ALL_TABLES[0]._meta.db
    assert engine is not None  # noqa: S101 - Piccolo always resolves an engine for a table
    return engine


class RequestTransaction(SchemaExtension):
    """Wraps mutations in a transaction and records who read whose data."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        is_mutation = self.execution_context.operation_type == OperationType.MUTATION
        if not is_mutation:
            yield
            await record_reads(context.principal, context.access.accessed)
            return
        engine = _engine()
        if isinstance(engine, SQLiteEngine):
            # Take SQLite's write lock up front; upgrading a read lock later can deadlock.
            transaction = engine.transaction(transaction_type=TransactionType.immediate)
        else:
            transaction = engine.transaction()
        async with transaction:
            yield
            result = self.execution_context.result
            if result is not None and result.errors:
                await transaction.rollback()  # type: ignore[no-untyped-call]
                return
            await record_reads(context.principal, context.access.accessed)
