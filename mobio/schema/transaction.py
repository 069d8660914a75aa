"""The request owns the transaction: a mutation commits whole or not at all.

A mutation runs in one database transaction, rolled back if any error occurred, so bad
input changes nothing. Afterwards the access log of the request is written. Side effects
outside the database (objects in the document store) follow the outcome through
``mobio.db.unit_of_work``.

A few mutations must keep what they write even when they answer with an error (a failed
login must be counted, or throttling could be rolled back); they run without the request
transaction and must be the only field of their document, so they cannot be bundled with
a mutation that needs one.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import FieldNode, OperationDefinitionNode
from piccolo.engine.base import Engine
from piccolo.engine.sqlite import SQLiteEngine, TransactionType
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from mobio.audit.service import record_reads
from mobio.db.tables import ALL_TABLES
from mobio.db.unit_of_work import settle, unit_of_work
from mobio.errors import ErrorCode, MobioError

OUTSIDE_TRANSACTION: frozenset[str] = frozenset({"login", "claimProfile"})
"""Mutations (GraphQL names) whose writes stand even when they answer with an error."""


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
            await record_reads(context.principal, context.access.accessed, context.access.team_for)
            return
        fields = self._root_fields()
        if fields & OUTSIDE_TRANSACTION:
            if not fields <= OUTSIDE_TRANSACTION:
                raise MobioError(ErrorCode.QUERY_REJECTED, "error.mutation_must_be_alone")
            yield
            return
        engine = _engine()
        if isinstance(engine, SQLiteEngine):
            # Take SQLite's write lock up front; upgrading a read lock later can deadlock.
            transaction = engine.transaction(transaction_type=TransactionType.immediate)
        else:
            transaction = engine.transaction()
        async with unit_of_work() as unit:
            committed = False
            try:
                async with transaction:
                    yield
                    result = self.execution_context.result
                    if result is not None and result.errors:
                        await transaction.rollback()  # type: ignore[no-untyped-call]
                        return
                    await record_reads(
                        context.principal, context.access.accessed, context.access.team_for
                    )
                committed = True
            finally:
                await settle(unit, committed=committed)

    def _root_fields(self) -> set[str]:
        """Names of the operation's top-level fields (as in the schema, not aliases)."""
        document = self.execution_context.graphql_document
        name = self.execution_context.operation_name
        names: set[str] = set()
        for definition in document.definitions if document else ():
            if isinstance(definition, OperationDefinitionNode) and (
                name is None or (definition.name and definition.name.value == name)
            ):
                for selection in definition.selection_set.selections:
                    # Fragments at the top of a mutation count as "other fields".
                    names.add(selection.name.value if isinstance(selection, FieldNode) else "")
        return names
