"""The access matrix, tested exhaustively: every declared rule against every grant.

The cases come from the schema's directives (``get_schema().rules``), so a new field brings
its own cases. Two levels: the installed guard of every field, and real requests through
real grants (sessions, team releases, release tokens) for a person's data.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from uuid import UUID, uuid4

import pytest
from graphql import GraphQLField, GraphQLObjectType, get_named_type, is_leaf_type

from mobio.accounts.tables import AccountKind
from mobio.auth.enforce import Rule
from mobio.auth.grants import CASEWORKER_GRANTS, PACKAGE_GRANT, Grant
from mobio.auth.principal import Principal
from mobio.errors import MobioError
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.schema import get_schema
from tests.support import factories
from tests.support.graphql import GraphQLClient

RULES = get_schema().rules
READ_RULES = [r for r in RULES if r.mode == "read"]
OBJECT_READ_RULES = [r for r in READ_RULES if r.type_name not in ("Query", "Mutation")]
ROOT_RULES = [r for r in RULES if r.type_name in ("Query", "Mutation")]
GRANTS = list(Grant)


def _gql_field(rule: Rule) -> GraphQLField:
    gql_type = get_schema()._schema.type_map[rule.type_name]
    assert isinstance(gql_type, GraphQLObjectType)
    return gql_type.fields[rule.field]


class Recorder:
    """A source object that records every attribute a resolver reads."""

    def __init__(self, grants: frozenset[Grant]) -> None:
        self.grants = grants
        self.read: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.read.append(name)
        return "value"


REACHED = object()


def _case_id(rule: Rule, grant: Grant) -> str:
    return f"{rule.type_name}.{rule.field}-{grant.value}"


@pytest.mark.parametrize(
    ("rule", "grant"),
    [(r, g) for r in OBJECT_READ_RULES for g in GRANTS],
    ids=[_case_id(r, g) for r in OBJECT_READ_RULES for g in GRANTS],
)
def test_object_field_guard(rule: Rule, grant: Grant) -> None:
    # given the installed resolver of the field and a source holding exactly one grant
    resolve = _gql_field(rule).resolve
    assert resolve is not None
    source = Recorder(frozenset({grant}))
    # when resolving it
    try:
        result = resolve(source, None)
    except (AttributeError, TypeError):
        # a field with its own resolver failed on the missing info: it was reached
        result = REACHED
    if inspect.iscoroutine(result):
        result.close()  # an async resolver was started: it was reached
        result = REACHED
    # then an allowed grant reaches the data and a denied one reads nothing at all
    if grant in rule.grants:
        assert result in ("value", REACHED)
    else:
        assert result is None
        assert source.read == []


@dataclass
class FakeAccess:
    grants: frozenset[Grant]
    principal: Principal = field(
        default_factory=lambda: Principal(account_id=uuid4(), account_kind=AccountKind.NEWCOMER)
    )

    async def grants_on_person(self, person_id: UUID) -> frozenset[Grant]:
        return self.grants

    def own_grants(self) -> frozenset[Grant]:
        return self.grants


@pytest.mark.parametrize(
    ("rule", "grant"),
    [(r, g) for r in ROOT_RULES for g in GRANTS],
    ids=[_case_id(r, g) for r in ROOT_RULES for g in GRANTS],
)
async def test_root_field_guard(rule: Rule, grant: Grant, monkeypatch: pytest.MonkeyPatch) -> None:
    # given the installed guard of a root field, its resolver replaced by a probe
    resolve = _gql_field(rule).resolve
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(resolve, "__wrapped__", lambda _s, _i, **kw: calls.append(kw) or "done")
    info = SimpleNamespace(context=SimpleNamespace(access=FakeAccess(frozenset({grant}))))
    kwargs = {"personId": str(uuid4())} if "personId" in _gql_field(rule).args else {}
    # when calling it with a caller holding exactly one grant
    if grant in rule.grants:
        # then an allowed grant reaches the resolver
        assert await resolve(None, info, **kwargs) == "done"
        assert len(calls) == 1
    else:
        # and a denied one is refused before the resolver runs
        with pytest.raises(MobioError) as refused:
            await resolve(None, info, **kwargs)
        assert refused.value.code == "FORBIDDEN"
        assert calls == []


# --- real requests through real grants -----------------------------------------------------


def _is_leaf(rule: Rule) -> bool:
    field = _gql_field(rule)
    return not field.args and is_leaf_type(get_named_type(field.type))


PERSON_RULES = [r for r in OBJECT_READ_RULES if r.type_name == "Person" and _is_leaf(r)]
"""The scalar fields of a person; the biography has its own exhaustive test."""
TEAM_KIND_OF = {
    Grant.SOCIAL_COUNSELLING: TeamKind.SOCIAL_COUNSELLING,
    Grant.INTEGRATION_MANAGEMENT: TeamKind.INTEGRATION_MANAGEMENT,
    Grant.INTEGRATION_OFFICE: TeamKind.INTEGRATION_OFFICE,
}
PACKAGE_OF = {grant: package for package, grant in PACKAGE_GRANT.items()}


async def _act_as(client: GraphQLClient, grant: Grant, person_id: UUID) -> dict[str, str]:
    """Make the client a caller holding ``grant`` on the person; returns headers to send."""
    if grant is Grant.OWNER:
        return {}  # the caller logs in as the newcomer below
    if grant in CASEWORKER_GRANTS:
        worker = await factories.caseworker(TEAM_KIND_OF[grant])
        await factories.team_release(person_id, worker.team_id)
        await client.login(worker.email, factories.PASSWORD)
        return {}
    if grant in PACKAGE_OF:
        return {
            "x-release-token": await factories.stakeholder_release(person_id, PACKAGE_OF[grant])
        }
    kind = AccountKind.ADMINISTRATOR if grant is Grant.ADMINISTRATOR else AccountKind.ANALYST
    email, _ = await factories.staff(kind)
    await client.login(email, factories.PASSWORD)
    return {}


@pytest.mark.parametrize("grant", GRANTS, ids=[g.value for g in GRANTS])
async def test_person_fields_through_real_grants(client: GraphQLClient, grant: Grant) -> None:
    # given a newcomer with a filled personal page, and a caller holding one grant on them
    owner = await factories.newcomer()
    if grant is Grant.OWNER:
        await client.login(owner.email, factories.PASSWORD)
    headers = await _act_as(client, grant, owner.person_id)
    fields = " ".join(rule.field for rule in PERSON_RULES)
    # when reading every field of the person
    body = await client.execute(
        f"query($id: ID!) {{ person(personId: $id) {{ {fields} }} }}",
        {"id": str(owner.person_id)},
        headers=headers,
    )
    person = (body.get("data") or {}).get("person")
    # then exactly the fields that admit the grant carry data, and no other field does
    for rule in PERSON_RULES:
        value = person.get(rule.field) if person else None
        if grant in rule.grants:
            assert value is not None, f"{rule.field} should be readable with {grant}"
        else:
            assert value is None, f"{rule.field} leaked to {grant}"
    if person is None:
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


STRANGERS = ["other_newcomer", "other_team", "revoked_release", "expired_link", "anonymous"]


@pytest.mark.parametrize("stranger", STRANGERS)
async def test_no_grant_reads_nothing(client: GraphQLClient, stranger: str) -> None:
    # given a newcomer and a caller without a grant on them
    owner = await factories.newcomer(family_name="Unseen")
    headers: dict[str, str] = {}
    if stranger == "other_newcomer":
        other = await factories.newcomer()
        await client.login(other.email, factories.PASSWORD)
    elif stranger in ("other_team", "revoked_release"):
        worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
        other = await factories.newcomer()
        await factories.team_release(other.person_id, worker.team_id)  # releases someone else
        if stranger == "revoked_release":
            await factories.revoked_team_release(owner.person_id, worker.team_id)
        await client.login(worker.email, factories.PASSWORD)
    elif stranger == "expired_link":
        token = await factories.stakeholder_release(
            owner.person_id, Package.EMPLOYER, valid_for=timedelta(seconds=-1)
        )
        headers = {"x-release-token": token}
    # when asking for the person and for every list of persons
    body = await client.execute(
        "query($id: ID!) { person(personId: $id) { familyName } persons { items { familyName } } "
        "sharedPerson { familyName } }",
        {"id": str(owner.person_id)},
        headers=headers,
    )
    # then nothing of the person comes back
    assert owner.email not in str(body)
    assert "Unseen" not in str(body)
    assert str(owner.person_id) not in str(body["data"])
