"""The one GraphQL schema: every domain's queries and mutations, with enforcement installed."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.types.graphql import OperationType

from mobio.auth.enforce import Rule, install
from mobio.i18n import FALLBACK_LANGUAGE
from mobio.schema.accounts.mutations import AccountMutations
from mobio.schema.accounts.queries import AccountQueries
from mobio.schema.biography.mutations import BiographyMutations
from mobio.schema.biography.queries import BiographyQueries
from mobio.schema.caseload.queries import CaseloadQueries
from mobio.schema.casenotes.mutations import CaseNoteMutations
from mobio.schema.claims.mutations import ClaimMutations
from mobio.schema.consent.mutations import ConsentMutations
from mobio.schema.consent.queries import ConsentQueries
from mobio.schema.corrections.mutations import CorrectionMutations
from mobio.schema.documents.mutations import DocumentMutations
from mobio.schema.erasure.mutations import ErasureMutations
from mobio.schema.erasure.queries import ErasureQueries
from mobio.schema.erasure.staff import StaffErasureMutations
from mobio.schema.errors import log, public_error
from mobio.schema.evaluation.mutations import EvaluationMutations
from mobio.schema.evaluation.queries import EvaluationQueries
from mobio.schema.export.mutations import ExportMutations
from mobio.schema.export.queries import ExportQueries
from mobio.schema.forms.mutations import FormMutations
from mobio.schema.forms.queries import FormQueries
from mobio.schema.goals.mutations import GoalMutations
from mobio.schema.handover.mutations import HandOverMutations
from mobio.schema.handover.queries import HandOverQueries
from mobio.schema.hardening import hardening_extensions
from mobio.schema.organisations.mutations import OrganisationMutations
from mobio.schema.organisations.own_teams import OwnTeamQueries
from mobio.schema.organisations.queries import OrganisationQueries
from mobio.schema.persons.assisted import AssistedMutations, AssistedQueries
from mobio.schema.persons.queries import PersonQueries
from mobio.schema.releases.mutations import ReleaseMutations
from mobio.schema.releases.queries import ReleaseQueries
from mobio.schema.research.mutations import ResearchMutations
from mobio.schema.research.queries import ResearchQueries
from mobio.schema.transaction import RequestTransaction
from mobio.settings import Settings, get_settings


@strawberry.type(description="Everything a caller can read.")
class Query(
    AccountQueries,
    PersonQueries,
    CaseloadQueries,
    BiographyQueries,
    ReleaseQueries,
    OrganisationQueries,
    OwnTeamQueries,
    ConsentQueries,
    FormQueries,
    HandOverQueries,
    AssistedQueries,
    ExportQueries,
    EvaluationQueries,
    ErasureQueries,
    ResearchQueries,
):
    pass


@strawberry.type(description="Everything a caller can change.")
class Mutation(
    AccountMutations,
    BiographyMutations,
    ReleaseMutations,
    OrganisationMutations,
    ConsentMutations,
    DocumentMutations,
    FormMutations,
    CaseNoteMutations,
    HandOverMutations,
    CorrectionMutations,
    GoalMutations,
    AssistedMutations,
    ClaimMutations,
    ExportMutations,
    EvaluationMutations,
    ErasureMutations,
    StaffErasureMutations,
    ResearchMutations,
):
    pass


class MobioSchema(strawberry.Schema):
    """The schema, with its declared rules, and logging that never carries submitted values."""

    rules: list[Rule]

    async def execute(
        self,
        query: str | None,
        variable_values: dict[str, Any] | None = None,
        context_value: Any | None = None,
        root_value: Any | None = None,
        operation_name: str | None = None,
        allowed_operation_types: Iterable[OperationType] | None = None,
        operation_extensions: dict[str, Any] | None = None,
    ) -> ExecutionResult:
        # Here, not in an extension: errors raised by an extension's hook (a parse error under
        # ParserCache, the token limit, the introspection ban) skip the other extensions.
        result = await super().execute(
            query,
            variable_values,
            context_value,
            root_value,
            operation_name,
            allowed_operation_types,
            operation_extensions,
        )
        if result.errors:
            language = getattr(context_value, "language", FALLBACK_LANGUAGE)
            result.errors = [public_error(error, language) for error in result.errors]
        return result

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if error.original_error is None:
                # Validation and coercion messages may quote submitted values: log the path only.
                log.info("rejected document at %s", error.path)


def build_schema(settings: Settings | None = None) -> MobioSchema:
    """Build the schema; refuses to build if any field lacks its permission directive."""
    settings = settings or get_settings()
    extensions: Iterable[Any] = [
        *hardening_extensions(settings),
        RequestTransaction,
    ]
    schema = MobioSchema(
        query=Query,
        mutation=Mutation,
        extensions=list(extensions),
        config=StrawberryConfig(disable_field_suggestions=True),
    )
    if settings.bench_without_guards and not settings.is_production:
        # Only to measure what authorization costs (make bench); every field is then open.
        log.warning("MOBIO_BENCH_WITHOUT_GUARDS: schema built WITHOUT permission guards")
        schema.rules = []
        return schema
    if settings.bench_without_guards:
        log.warning("MOBIO_BENCH_WITHOUT_GUARDS is ignored in production")
    schema.rules = install(schema._schema)
    return schema


@lru_cache(maxsize=1)
def get_schema() -> MobioSchema:
    """The process's schema, built once."""
    return build_schema()
