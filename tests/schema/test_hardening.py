"""The GraphQL endpoint's hardening (SECURITY-NOTES, "GraphQL endpoint"), through HTTP.

Limits on depth, aliases, tokens and directives; no "Did you mean" hints; no submitted value
in an error or a log line; no queries over GET; unexpected exceptions masked; introspection
only for logged-in callers in production.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import pytest
from graphql import parse, validate

from mobio.accounts.tables import AccountKind
from mobio.auth.access import AccessResolver
from mobio.auth.principal import ANONYMOUS, Principal, StakeholderAccess
from mobio.errors import ErrorCode
from mobio.i18n import translate
from mobio.organisations import service as organisations
from mobio.packages import Package
from mobio.schema import MobioSchema, build_schema, get_schema
from mobio.schema.context import Context
from mobio.schema.loaders import Loaders
from mobio.settings import Environment, Settings, get_settings
from tests.support.environment import app_client
from tests.support.graphql import GraphQLClient

SECRET = "my-health-secret"
"""A submitted value that must never show up in a response or a log line."""


def aliased_typenames(count: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"


def document_of_tokens(count: int) -> str:
    """A query of exactly ``count`` tokens: two braces around ``__typename`` fields."""
    return "{ " + "__typename " * (count - 2) + "}"


def included_typenames(count: int) -> str:
    return "{ " + " ".join("__typename @include(if: true)" for _ in range(count)) + " }"


def rejected(body: dict[str, Any]) -> str:
    """The code of the single error of a rejected document (which must not have run)."""
    assert body.get("data") is None, body
    assert body.get("errors"), body
    return str(body["errors"][0]["extensions"]["code"])


# --- depth ---------------------------------------------------------------------------------


async def test_introspection_nested_past_the_depth_limit_is_rejected(
    client: GraphQLClient,
) -> None:
    # given: introspection that cycles through __Type and __Field far deeper than any limit
    nested = "name"
    for _ in range(get_settings().graphql_max_depth):
        nested = f"fields {{ type {{ ofType {{ {nested} }} }} }}"
    query = f"{{ __schema {{ types {{ {nested} }} }} }}"

    # when: it is sent
    body = await client.execute(query)

    # then: it is refused before it runs. (By graphql-core's introspection depth rule:
    # Strawberry's QueryDepthLimiter does not count fields that start with "__".)
    assert rejected(body) == ErrorCode.QUERY_REJECTED
    assert "depth" in body["errors"][0]["message"]


async def test_selection_deeper_than_graphql_max_depth_is_rejected() -> None:
    # given: an application whose depth limit is 1
    async with app_client(graphql_max_depth="1") as limited:
        # when: a query one level within the limit and one a level beyond it are sent
        within = await limited.execute("{ me { kind } }")
        beyond = await limited.execute("{ me { person { familyName } } }")

    # then: only the deeper one is refused
    assert within == {"data": {"me": None}}
    assert rejected(beyond) == ErrorCode.QUERY_REJECTED


# --- aliases, tokens, directives -----------------------------------------------------------


async def test_aliases_up_to_the_limit_are_accepted_and_one_more_is_rejected(
    client: GraphQLClient,
) -> None:
    limit = get_settings().graphql_max_aliases

    # when: documents with exactly the limit and one more alias are sent
    at_limit = await client.execute(aliased_typenames(limit))
    over_limit = await client.execute(aliased_typenames(limit + 1))

    # then: only the second is refused
    assert not at_limit.get("errors"), at_limit
    assert len(at_limit["data"]) == limit
    assert rejected(over_limit) == ErrorCode.QUERY_REJECTED


async def test_more_tokens_than_the_limit_are_rejected(client: GraphQLClient) -> None:
    # given: a document one token over the configured limit
    query = document_of_tokens(get_settings().graphql_max_tokens + 1)

    # when: it is sent
    body = await client.execute(query)

    # then: it is refused with MoBio's code (it never reaches validation)
    assert rejected(body) == ErrorCode.QUERY_REJECTED
    assert "tokens" in body["errors"][0]["message"]


async def test_token_limit_is_exactly_graphql_max_tokens() -> None:
    # given: an application whose token limit is 20
    async with app_client(graphql_max_tokens="20") as limited:
        # when: documents of exactly 20 and of 21 tokens are sent
        at_limit = await limited.execute(document_of_tokens(20))
        over_limit = await limited.execute(document_of_tokens(21))

    # then: only the second is refused
    assert at_limit == {"data": {"__typename": "Query"}}
    assert rejected(over_limit) == ErrorCode.QUERY_REJECTED


async def test_directives_up_to_the_limit_are_accepted_and_one_more_is_rejected(
    client: GraphQLClient,
) -> None:
    limit = get_settings().graphql_max_directives

    # when: documents with exactly the limit and one more directive are sent
    at_limit = await client.execute(included_typenames(limit))
    over_limit = await client.execute(included_typenames(limit + 1))

    # then: only the second is refused
    assert at_limit == {"data": {"__typename": "Query"}}
    assert rejected(over_limit) == ErrorCode.QUERY_REJECTED


# --- no hints, no submitted values ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "neighbour"),
    [
        pytest.param("{ interfaceLanguage { code } }", "interfaceLanguages", id="field"),
        pytest.param("{ persons(firs: 1) { nextCursor } }", "first", id="argument"),
        pytest.param("query($x: Strin) { me { kind } }", "String", id="type"),
        pytest.param("{ consentDocuments(kind: USAG) { id } }", "USAGE", id="enum value"),
        pytest.param(
            'mutation { saveNewcomerSection(personId: "1", expectedVersion: 1, '
            'input: {personal: {familyNme: "Haddad"}}) }',
            "familyName",
            id="input field",
        ),
    ],
)
async def test_unknown_names_get_no_suggestion(
    client: GraphQLClient, query: str, neighbour: str
) -> None:
    # given: a misspelt name whose neighbour graphql-core would suggest (checked here, so
    # this test fails if the document stops being one that draws a suggestion)
    raw = validate(get_schema()._schema, parse(query))
    assert any("Did you mean" in error.message for error in raw), raw

    # when: it is sent
    body = await client.execute(query)

    # then: it is refused, and no message hints at the neighbour
    assert rejected(body) == ErrorCode.QUERY_REJECTED
    for error in body["errors"]:
        assert "Did you mean" not in error["message"]
        assert f"'{neighbour}'" not in error["message"]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        pytest.param(
            "query($first: Int!) { persons(first: $first) { nextCursor } }",
            {"first": SECRET},
            id="string for an Int",
        ),
        pytest.param(
            "mutation($input: RegisterInput!) { register(input: $input) }",
            {
                "input": {
                    "email": 42,
                    "password": SECRET,
                    "language": "en",
                    "usageConsentDocumentId": "1",
                }
            },
            id="number for a String next to a secret",
        ),
        pytest.param(
            "mutation($input: RegisterInput!) { register(input: $input) }",
            {
                "input": {
                    "email": "a@example.org",
                    "password": "a-long-password",
                    "language": "en",
                    "usageConsentDocumentId": "1",
                    "healthNote": SECRET,
                }
            },
            id="unknown input field",
        ),
        pytest.param(
            "query($kind: ConsentKind!) { consentDocuments(kind: $kind) { id } }",
            {"kind": SECRET},
            id="unknown enum value",
        ),
    ],
)
async def test_mistyped_variable_never_echoes_its_value(
    client: GraphQLClient,
    caplog: pytest.LogCaptureFixture,
    query: str,
    variables: dict[str, Any],
) -> None:
    # given: every log record is captured, at every level
    caplog.set_level(logging.DEBUG)

    # when: a variable of the wrong type carries a secret
    body = await client.execute(query, variables, headers={"Accept-Language": "en"})

    # then: the caller is told which input is malformed, not what was in it ...
    assert rejected(body) == ErrorCode.BAD_INPUT
    name = next(iter(variables))
    assert body["errors"][0]["message"] == translate("en", "error.variable_invalid", name=name)
    assert SECRET not in json.dumps(body)
    # ... and no log line (message, arguments or traceback) carries it either
    assert caplog.records, "log capture is not working, so the checks below would be empty"
    assert SECRET not in caplog.text
    for record in caplog.records:
        assert SECRET not in record.getMessage()


async def test_queries_over_get_are_not_executed(client: GraphQLClient) -> None:
    # when: a query is sent as GET parameters
    response = await client.http.get("/graphql", params={"query": "{ __typename }"})

    # then: it is refused and nothing ran
    assert response.status_code >= 400
    assert "Query" not in response.text


# --- masking -------------------------------------------------------------------------------


async def test_unexpected_exception_in_a_resolver_is_masked(
    client: GraphQLClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given: a service that fails with an exception that is not MoBio's own
    async def broken() -> list[organisations.MunicipalityRecord]:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(organisations, "municipalities", broken)
    caplog.set_level(logging.ERROR, logger="mobio.graphql")

    # when: a query reaches it
    body = await client.execute("{ municipalities { name } }", headers={"Accept-Language": "en"})

    # then: the caller gets INTERNAL and the translated message, not the exception's text
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == ErrorCode.INTERNAL
    assert error["message"] == translate("en", "error.internal")
    assert "secret detail" not in json.dumps(body)
    assert "RuntimeError" not in json.dumps(body)
    # and operators still learn of it
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert logged, "the unexpected exception was not logged"


# --- introspection -------------------------------------------------------------------------


def context_for(principal: Principal) -> Context:
    """The context ``mobio.web.context.build_context`` makes for ``principal``."""
    return Context(
        principal=principal, language="en", access=AccessResolver(principal), loaders=Loaders()
    )


def schema_for(environment: Environment) -> MobioSchema:
    return build_schema(Settings(environment=environment))


NEWCOMER = Principal(account_id=uuid.uuid4(), account_kind=AccountKind.NEWCOMER)
STAKEHOLDER = Principal(
    stakeholder=StakeholderAccess(
        release_id=uuid.uuid4(), person_id=uuid.uuid4(), package=Package.EMPLOYER
    )
)

INTROSPECTIONS = [
    pytest.param("{ __schema { queryType { name } } }", id="__schema"),
    pytest.param('{ __type(name: "Person") { fields { name } } }', id="__type"),
    pytest.param("{ s: __schema { queryType { name } } }", id="aliased"),
    pytest.param(
        "query { ...F } fragment F on Query { __schema { queryType { name } } }",
        id="in a fragment",
    ),
]


@pytest.mark.parametrize("query", INTROSPECTIONS)
@pytest.mark.parametrize(
    "principal", [pytest.param(ANONYMOUS, id="anonymous"), pytest.param(STAKEHOLDER, id="link")]
)
async def test_production_refuses_introspection_without_login(
    query: str, principal: Principal
) -> None:
    # given: the schema built for production
    schema = schema_for(Environment.PRODUCTION)

    # when: a caller who is not logged in introspects it
    result = await schema.execute(query, context_value=context_for(principal))

    # then: nothing is returned but MoBio's coded, translated refusal
    assert result.data is None
    assert result.errors
    [error] = result.errors
    assert error.extensions == {"code": ErrorCode.QUERY_REJECTED}
    assert error.message == translate("en", "error.introspection_disabled")


async def test_production_answers_typename_without_login() -> None:
    # given: the schema built for production
    schema = schema_for(Environment.PRODUCTION)

    # when: an anonymous caller asks for __typename (not introspection of the schema)
    result = await schema.execute("{ __typename }", context_value=context_for(ANONYMOUS))

    # then: it is answered
    assert result.errors is None
    assert result.data == {"__typename": "Query"}


@pytest.mark.parametrize("query", INTROSPECTIONS[:2])
@pytest.mark.parametrize(
    ("environment", "principal"),
    [
        pytest.param(Environment.PRODUCTION, NEWCOMER, id="production, logged in"),
        pytest.param(Environment.DEVELOPMENT, ANONYMOUS, id="development, anonymous"),
    ],
)
async def test_introspection_is_answered_when_logged_in_or_in_development(
    query: str, environment: Environment, principal: Principal
) -> None:
    # given: the schema built for the environment
    schema = schema_for(environment)

    # when: the caller introspects it
    result = await schema.execute(query, context_value=context_for(principal))

    # then: the schema is described
    assert result.errors is None
    assert result.data


LITERAL_LEAKS = [
    pytest.param('{ persons(first: "my-health-secret") { nextCursor } }', id="wrong scalar"),
    pytest.param(
        'mutation { register(input: {email: "a@example.org", password: "my-health-secret"}) }',
        id="incomplete input object",
    ),
    pytest.param('{ persons(first: 1) { nextCursor } } "my-health-secret"', id="syntax error"),
    pytest.param("{ consentDocuments(kind: MY_HEALTH_SECRET) { id } }", id="unknown enum value"),
]


@pytest.mark.parametrize("document", LITERAL_LEAKS)
async def test_literals_typed_into_a_document_are_not_echoed(
    client: GraphQLClient, document: str
) -> None:
    # when a document carrying a secret literal is rejected
    body = await client.execute(document)
    # then the answer names the kind of problem, never the literal
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REJECTED"
    assert "secret" not in str(body).lower()


async def test_a_document_seen_before_is_not_parsed_or_validated_again(
    client: GraphQLClient,
) -> None:
    # The caches are keyed by the validation rules too: limiters built per request would bring
    # new rule classes each time and never hit.
    from strawberry.extensions.parser_cache import _get_parse_cache
    from strawberry.extensions.validation_cache import _get_validate_cache

    from mobio.schema.hardening import CACHED_DOCUMENTS

    query = 'query Seen { questionnaire(page: "partner") { section } }'
    await client.data(query)
    parsed, validated = (
        _get_parse_cache(CACHED_DOCUMENTS).cache_info(),
        _get_validate_cache(CACHED_DOCUMENTS).cache_info(),
    )
    # when the same document comes again
    await client.data(query)
    # then both come from the caches
    assert _get_parse_cache(CACHED_DOCUMENTS).cache_info().hits == parsed.hits + 1
    assert _get_validate_cache(CACHED_DOCUMENTS).cache_info().hits == validated.hits + 1
    assert _get_validate_cache(CACHED_DOCUMENTS).cache_info().misses == validated.misses
