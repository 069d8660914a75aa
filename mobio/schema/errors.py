"""One place that turns errors into what the client sees.

MoBio's own errors keep their code and get a message in the caller's language. Anything
else is masked as INTERNAL. Messages of rejected documents lose "Did you mean" hints and
any submitted value (graphql-core quotes invalid variable values, which may be health data).
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from mobio.errors import ErrorCode, MobioError
from mobio.i18n import translate

log = logging.getLogger("mobio.graphql")

_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)
_VARIABLE = re.compile(r"^Variable '\$(\w+)'")


def public_error(error: GraphQLError, language: str) -> GraphQLError:
    """The client-facing form of ``error``."""
    original = error.original_error
    if isinstance(original, MobioError):
        message = translate(language, original.message_id, **original.params)
        return _with(error, message, str(original.code))
    if original is not None:
        log.error("unexpected %s at %s", type(original).__name__, error.path, exc_info=original)
        return _with(error, translate(language, "error.internal"), ErrorCode.INTERNAL)
    variable = _VARIABLE.match(error.message)
    if variable:
        message = translate(language, "error.variable_invalid", name=variable.group(1))
        return _with(error, message, ErrorCode.BAD_INPUT)
    return _with(error, _SUGGESTION.sub("", error.message), ErrorCode.QUERY_REJECTED)


def _with(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        path=error.path,
        extensions={"code": code},
    )


class ErrorPolicy(SchemaExtension):
    """Applies :func:`public_error` to every error of every operation."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        result = self.execution_context.result
        if result and result.errors:
            language = getattr(self.execution_context.context, "language", "de")
            result.errors = [public_error(error, language) for error in result.errors]
