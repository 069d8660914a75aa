"""Limits on what a GraphQL document may ask for (depth, aliases, tokens, directives),
and no introspection for anonymous callers in production."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import DirectiveNode, FieldNode, GraphQLError, ValidationRule, visit
from graphql.language import Visitor
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

from mobio.errors import ErrorCode, MobioError
from mobio.settings import Settings


def max_directives_rule(limit: int) -> type[ValidationRule]:
    """A validation rule refusing documents with more than ``limit`` directive uses."""

    class MaxDirectives(ValidationRule):
        count = 0

        def enter_directive(self, node: DirectiveNode, *_args: Any) -> None:
            self.count += 1
            if self.count == limit + 1:
                self.report_error(GraphQLError("Too many directives.", node))

    return MaxDirectives


class _IntrospectionFinder(Visitor):
    found = False

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        if node.name.value in ("__schema", "__type"):
            self.found = True


class AnonymousIntrospectionBan(SchemaExtension):
    """In production, only logged-in callers may introspect (the web client is typed at build)."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        document = self.execution_context.graphql_document
        if document is not None and not context.principal.is_authenticated:
            finder = _IntrospectionFinder()
            visit(document, finder)
            if finder.found:
                raise MobioError(ErrorCode.QUERY_REJECTED, "error.introspection_disabled")
        yield


CACHED_DOCUMENTS = 512
"""Parsed and validated documents kept per process (the web client sends a few dozen)."""


def hardening_extensions(
    settings: Settings,
) -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    """The limiting extensions for these settings; parse and validation results are cached."""
    # The rule classes are made once: the validation cache is keyed by (schema, document,
    # rules), and a limiter built per request brings new rule classes, so it would never hit.
    rules = [
        *QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        max_directives_rule(settings.graphql_max_directives),
    ]
    # Factories, so each request gets fresh extension instances (they hold the request's
    # execution context); the parse and validation caches live at module level in Strawberry.
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
        lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
        lambda: AddValidationRules(rules),
    ]
    if settings.is_production:
        extensions.append(AnonymousIntrospectionBan)
    return extensions
