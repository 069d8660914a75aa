"""One place that turns errors into what the client sees.

MoBio's own errors keep their code and get a message in the caller's language. Anything
else is masked as INTERNAL. Messages of rejected documents lose "Did you mean" hints and
any submitted value (graphql-core quotes invalid variable values, which may be health data).
"""

from __future__ import annotations

import logging
import re

from graphql import GraphQLError

from mobio.db.errors import is_unique_violation
from mobio.errors import ErrorCode, MobioError
from mobio.i18n import translate

log = logging.getLogger("mobio.graphql")

_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)
# Literal values typed into the document itself, which graphql-core quotes back:
# 'Int cannot represent non-integer value: "..."', 'Expected value of type X, found {...}',
# 'Syntax Error: Unexpected String "..."'. The caller gets the kind of error, not the value.
_LITERALS = (
    (re.compile(r"value: .*?(?=;|$)", re.DOTALL), "value."),
    (re.compile(r"found:? .*?(?=;|$)", re.DOTALL), "found a value of another type."),
    (re.compile(r"^Value '[^']*' does not exist"), "The value does not exist"),
    (re.compile(r"(Syntax Error: Unexpected \w+).*$", re.DOTALL), r"\1."),
)
# Coercion of a submitted variable value (graphql-core quotes the value in the rest).
_VARIABLE = re.compile(r"^Variable '\$(\w+)' has invalid (?:default )?value")


def public_error(error: GraphQLError, language: str) -> GraphQLError:
    """The client-facing form of ``error``."""
    original = error.original_error
    if isinstance(original, MobioError):
        public = _with(error, original.render(language), str(original.code))
        assert public.extensions is not None  # noqa: S101 - _with always sets them
        public.extensions.update(original.extensions)
        if original.details:
            public.extensions["fields"] = [
                {"field": field, "code": str(detail.code), "message": detail.render(language)}
                for field, detail in original.details.items()
            ]
        return public
    # Before the masking below: a coercion error carries the scalar's error (which quotes
    # the submitted value) as its original error, so it must not be logged as unexpected.
    variable = _VARIABLE.match(error.message) if error.path is None else None
    if variable:
        message = translate(language, "error.variable_invalid", name=variable.group(1))
        return _with(error, message, ErrorCode.BAD_INPUT)
    if is_unique_violation(original):
        # A check before writing passed for two racing requests; the database's unique index
        # stopped the second one, and its transaction rolled back. Nothing changed.
        log.info("concurrent change refused at %s", error.path)
        return _with(error, translate(language, "error.concurrent_change"), ErrorCode.CONFLICT)
    if original is not None:
        log.error("unexpected %s at %s", type(original).__name__, error.path, exc_info=original)
        return _with(error, translate(language, "error.internal"), ErrorCode.INTERNAL)
    return _with(error, _document_message(error.message), ErrorCode.QUERY_REJECTED)


def _document_message(message: str) -> str:
    """A rejected document's message without hints at the schema or submitted literals."""
    message = _SUGGESTION.sub("", message)
    for pattern, replacement in _LITERALS:
        message = pattern.sub(replacement, message)
    return message


def _with(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        path=error.path,
        extensions={"code": code},
    )
