"""The administrator's organisation data through the API: municipalities, teams, members, staff."""

from __future__ import annotations

import pytest

from mobio.accounts.tables import AccountKind
from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

STAFF = "{ staffAccounts { id email kind language teamIds } }"
CREATE_MUNICIPALITY = "mutation($n: String!) { createMunicipality(name: $n) }"
CREATE_TEAM = """mutation($n: String!, $k: TeamKind!, $m: ID, $c: String) {
  createTeam(name: $n, kind: $k, municipalityId: $m, carrier: $c) }"""
CREATE_STAFF = """mutation($e: String!, $p: String!, $k: AccountKind!) {
  createStaffAccount(email: $e, password: $p, kind: $k) }"""
ADD = "mutation($t: ID!, $a: ID!) { addTeamMember(teamId: $t, accountId: $a) }"
REMOVE = "mutation($t: ID!, $a: ID!) { removeTeamMember(teamId: $t, accountId: $a) }"
TEAMS = "{ teams { id name kind municipalityId carrier } }"

STAFF_STATEMENTS = 3  # session, the accounts, the memberships


async def _as_admin(client: GraphQLClient) -> None:
    email, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    await client.login(email, factories.PASSWORD)


def _staff_by_email(data: dict[str, list[dict[str, object]]]) -> dict[object, dict[str, object]]:
    return {account["email"]: account for account in data["staffAccounts"]}


async def test_an_admin_builds_a_team_and_its_members(client: GraphQLClient) -> None:
    # given an administrator
    await _as_admin(client)
    # when they add a municipality, a team there and a caseworker account, and join them up
    municipality = (await client.data(CREATE_MUNICIPALITY, {"n": "Hemsbach"}))["createMunicipality"]
    variables = {"n": "IM Hemsbach", "k": "INTEGRATION_MANAGEMENT", "m": municipality, "c": "AWO"}
    team = (await client.data(CREATE_TEAM, variables))["createTeam"]
    email = factories.unique_email("worker")
    account = (
        await client.data(CREATE_STAFF, {"e": email, "p": factories.PASSWORD, "k": "CASEWORKER"})
    )["createStaffAccount"]
    await client.data(ADD, {"t": team, "a": account})
    # then the team is listed with its municipality and carrier, the account with its team
    listed = {t["id"]: t for t in (await client.data(TEAMS))["teams"]}
    assert listed[team] == {
        "id": team,
        "name": "IM Hemsbach",
        "kind": "INTEGRATION_MANAGEMENT",
        "municipalityId": municipality,
        "carrier": "AWO",
    }
    staff = _staff_by_email(await client.data(STAFF))
    assert staff[email] == {
        "id": account,
        "email": email,
        "kind": "CASEWORKER",
        "language": "de",
        "teamIds": [team],
    }


async def test_removing_a_member_ends_the_membership_once(client: GraphQLClient) -> None:
    # given a caseworker in a team, and an administrator
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await _as_admin(client)
    ids = {"t": str(worker.team_id), "a": str(worker.account_id)}
    # when the administrator removes the caseworker from the team
    assert (await client.data(REMOVE, ids))["removeTeamMember"] is True
    # then the account belongs to no team any more
    assert _staff_by_email(await client.data(STAFF))[worker.email]["teamIds"] == []
    # and removing again is refused as bad input, translated
    body = await client.execute(REMOVE, ids, headers={"x-mobio-language": "de"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert body["errors"][0]["message"] == "Dieses Konto ist kein Mitglied des Teams."


async def test_a_removed_member_loses_the_teams_access(client: GraphQLClient) -> None:
    # given a caseworker whose team holds a release from a newcomer
    worker = await factories.caseworker(TeamKind.INTEGRATION_OFFICE)
    newcomer = await factories.newcomer(family_name="Removed")
    await factories.team_release(newcomer.person_id, worker.team_id)
    read = "query($p: ID!) { person(personId: $p) { familyName } }"
    await client.login(worker.email, factories.PASSWORD)
    assert (await client.data(read, {"p": str(newcomer.person_id)}))["person"]["familyName"]
    # when an administrator removes them from the team
    client.forget_cookies()
    await _as_admin(client)
    await client.data(REMOVE, {"t": str(worker.team_id), "a": str(worker.account_id)})
    # then the caseworker no longer reads the person
    client.forget_cookies()
    await client.login(worker.email, factories.PASSWORD)
    assert await client.error_code(read, {"p": str(newcomer.person_id)}) == "FORBIDDEN"


async def test_the_staff_list_lists_no_newcomers(client: GraphQLClient) -> None:
    # given a newcomer and an analyst
    newcomer = await factories.newcomer()
    analyst, _ = await factories.staff(AccountKind.ANALYST)
    await _as_admin(client)
    # when the administrator lists the staff accounts
    staff = _staff_by_email(await client.data(STAFF))
    # then the analyst is there and the newcomer is not
    assert staff[analyst]["kind"] == "ANALYST"
    assert newcomer.email not in staff


@pytest.mark.parametrize("members", [2, 12])
async def test_the_staff_list_takes_the_same_statements_for_any_size(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, members: int
) -> None:
    # given a team with a number of members
    first = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    for _ in range(members - 1):
        await factories.caseworker(TeamKind.SOCIAL_COUNSELLING, first.team_id)
    await _as_admin(client)
    # when listing the staff accounts
    with count_queries(monkeypatch) as queries:
        data = await client.data(STAFF)
    # then every member is there, for a pinned number of statements
    in_team = [a for a in data["staffAccounts"] if str(first.team_id) in a["teamIds"]]
    assert len(in_team) == members
    assert queries.count == STAFF_STATEMENTS, queries.statements


@pytest.mark.parametrize("kind", ["newcomer", "caseworker", "analyst"])
async def test_only_administrators_use_the_admin_api(client: GraphQLClient, kind: str) -> None:
    # given someone who is not an administrator, and a team with a member
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    if kind == "newcomer":
        email = (await factories.newcomer()).email
    elif kind == "caseworker":
        email = worker.email
    else:
        email, _ = await factories.staff(AccountKind.ANALYST)
    await client.login(email, factories.PASSWORD)
    ids = {"t": str(worker.team_id), "a": str(worker.account_id)}
    # when they list staff, remove a member or create organisation data
    # then each is refused, and the membership stays
    assert await client.error_code(STAFF) == "FORBIDDEN"
    assert await client.error_code(REMOVE, ids) == "FORBIDDEN"
    assert await client.error_code(CREATE_MUNICIPALITY, {"n": "Laudenbach"}) == "FORBIDDEN"
    client.forget_cookies()
    await _as_admin(client)
    assert str(worker.team_id) in _staff_by_email(await client.data(STAFF))[worker.email]["teamIds"]


async def test_anonymous_callers_must_log_in(client: GraphQLClient) -> None:
    assert await client.error_code(STAFF) == "UNAUTHENTICATED"
