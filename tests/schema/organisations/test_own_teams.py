"""myTeams: the caller's own teams (a caseworker names one when acting for it), nobody else's."""

from __future__ import annotations

from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.graphql import GraphQLClient

MY_TEAMS = "{ myTeams { id name kind } }"


async def test_a_caseworker_reads_their_own_teams_only(client: GraphQLClient) -> None:
    # given a counsellor in two teams, and a team they are not in
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    town = await organisations.create_municipality("Zweite Gemeinde")
    second = await organisations.create_team("Zweites Team", TeamKind.INTEGRATION_MANAGEMENT, town)
    await organisations.add_member(second, worker.account_id)
    await factories.caseworker(TeamKind.INTEGRATION_OFFICE)
    await client.login(worker.email, factories.PASSWORD)

    # when
    data = await client.data(MY_TEAMS)

    # then
    assert {(team["id"], team["kind"]) for team in data["myTeams"]} == {
        (str(worker.team_id), "SOCIAL_COUNSELLING"),
        (str(second), "INTEGRATION_MANAGEMENT"),
    }


async def test_a_newcomer_and_an_anonymous_caller_have_no_teams(client: GraphQLClient) -> None:
    assert (await client.data(MY_TEAMS))["myTeams"] == []
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    assert (await client.data(MY_TEAMS))["myTeams"] == []
