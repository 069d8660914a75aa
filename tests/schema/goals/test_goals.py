"""Goal agreements through the API: agreed by a team, read and confirmed by the newcomer,
hidden from everyone else, and cheap to list."""

from __future__ import annotations

from typing import Any

import pytest

from mobio import timeutil
from mobio.accounts.tables import AccountKind
from mobio.goals.tables import GoalAgreement, GoalStep
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.releases.tables import TeamRelease
from tests.goals.helpers import Case, case, in_days
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

GOAL_FIELDS = """id area areaLabel goal status statusLabel teamName version confirmedVersion
  needsConfirmation steps { id description responsible responsibleAccountId responsibleName
  dueOn done }"""
CREATE = f"""mutation($p: ID!, $i: GoalAgreementInput!) {{
  createGoalAgreement(personId: $p, input: $i) {{ {GOAL_FIELDS} }} }}"""
UPDATE = f"""mutation($p: ID!, $g: ID!, $v: Int!, $i: GoalAgreementInput!) {{
  updateGoalAgreement(personId: $p, goalId: $g, expectedVersion: $v, input: $i) {{
    {GOAL_FIELDS} }} }}"""
STEP_DONE = """mutation($p: ID!, $s: ID!, $d: Boolean!) {
  setGoalStepDone(personId: $p, stepId: $s, done: $d) { version steps { done } } }"""
CONFIRM = """mutation($p: ID!, $g: ID!, $v: Int!) {
  confirmGoalAgreement(personId: $p, goalId: $g, version: $v) {
    version confirmedVersion needsConfirmation } }"""
GOALS = f"query($p: ID!) {{ person(personId: $p) {{ goalAgreements {{ {GOAL_FIELDS} }} }} }}"


def _input(worker: factories.Caseworker, goal: str = "Reach level B1 in German") -> dict:
    return {
        "area": "LANGUAGE",
        "goal": goal,
        "steps": [
            {
                "description": "Find a B1 course with child care",
                "responsible": "CASEWORKER",
                "responsibleAccountId": str(worker.account_id),
                "dueOn": in_days(14).isoformat(),
            },
            {
                "description": "Register for the course",
                "responsible": "NEWCOMER",
                "dueOn": in_days(21).isoformat(),
            },
        ],
    }


async def _login(client: GraphQLClient, email: str) -> None:
    client.forget_cookies()
    await client.login(email, factories.PASSWORD)


async def _agreed(client: GraphQLClient, subject: Case) -> dict[str, Any]:
    await _login(client, subject.worker.email)
    variables = {"p": str(subject.newcomer.person_id), "i": _input(subject.worker)}
    created: dict[str, Any] = (await client.data(CREATE, variables))["createGoalAgreement"]
    return created


def _same_steps(goal: dict[str, Any], worker: factories.Caseworker) -> list[dict[str, Any]]:
    steps = _input(worker)["steps"]
    for step, stored in zip(steps, goal["steps"], strict=True):
        step["id"] = stored["id"]
    return steps


async def test_agree_read_in_arabic_confirm_change_and_confirm_again(
    client: GraphQLClient,
) -> None:
    # given a goal agreed by a social counsellor
    subject = await case(language="ar")
    goal = await _agreed(client, subject)
    assert (goal["version"], goal["needsConfirmation"], goal["status"]) == (1, True, "OPEN")
    assert goal["steps"][0]["responsibleAccountId"] == str(subject.worker.account_id)
    person = str(subject.newcomer.person_id)
    # when the newcomer reads it: labels in Arabic
    await _login(client, subject.newcomer.email)
    (read,) = (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"]
    assert (read["areaLabel"], read["statusLabel"]) == ("اللغة", "مفتوح")
    assert read["goal"] == "Reach level B1 in German"
    # and confirms version 1
    confirmed = await client.data(CONFIRM, {"p": person, "g": goal["id"], "v": 1})
    assert confirmed["confirmGoalAgreement"] == {
        "version": 1,
        "confirmedVersion": 1,
        "needsConfirmation": False,
    }
    # when the team then changes the goal
    await _login(client, subject.worker.email)
    changed_input = {**_input(subject.worker, "Reach level B2"), "status": "IN_PROGRESS"}
    changed_input["steps"] = _same_steps(goal, subject.worker)
    variables = {"p": person, "g": goal["id"], "v": 1, "i": changed_input}
    changed = (await client.data(UPDATE, variables))["updateGoalAgreement"]
    # then it needs a new confirmation, and the old one is refused in the newcomer's language
    assert (changed["version"], changed["confirmedVersion"], changed["needsConfirmation"]) == (
        2,
        None,
        True,
    )
    await _login(client, subject.newcomer.email)
    body = await client.execute(CONFIRM, {"p": person, "g": goal["id"], "v": 1})
    error = body["errors"][0]
    assert error["extensions"]["code"] == "CONFIRMATION_STALE"
    assert "تم تغيير" in error["message"]
    again = await client.data(CONFIRM, {"p": person, "g": goal["id"], "v": 2})
    assert again["confirmGoalAgreement"]["needsConfirmation"] is False


async def test_a_stale_version_is_a_conflict(client: GraphQLClient) -> None:
    subject = await case()
    goal = await _agreed(client, subject)
    person = str(subject.newcomer.person_id)
    first = {"p": person, "g": goal["id"], "v": 1, "i": _input(subject.worker, "Version two")}
    await client.data(UPDATE, first)
    # when another caseworker saves on top of version 1
    second = {**first, "i": _input(subject.worker, "Lost update")}
    body = await client.execute(UPDATE, second)
    # then it is refused with the current version and nothing changes
    assert body["errors"][0]["extensions"]["code"] == "VERSION_CONFLICT"
    assert body["errors"][0]["extensions"]["currentVersion"] == 2
    (stored,) = (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"]
    assert (stored["goal"], stored["version"]) == ("Version two", 2)


async def test_marking_a_step_done(client: GraphQLClient) -> None:
    subject = await case(team_kind=TeamKind.INTEGRATION_MANAGEMENT)
    goal = await _agreed(client, subject)
    variables = {"p": str(subject.newcomer.person_id), "s": goal["steps"][1]["id"], "d": True}
    done = (await client.data(STEP_DONE, variables))["setGoalStepDone"]
    assert done == {"version": 1, "steps": [{"done": False}, {"done": True}]}


async def test_bad_input_is_refused_in_the_callers_language_and_changes_nothing(
    client: GraphQLClient,
) -> None:
    subject = await case()
    goal = await _agreed(client, subject)
    person = str(subject.newcomer.person_id)
    empty = {**_input(subject.worker), "goal": " "}
    past = _input(subject.worker)
    past["steps"][0]["dueOn"] = in_days(-3).isoformat()
    # when creating or changing with bad input (the counsellor reads German)
    for query, variables in (
        (CREATE, {"p": person, "i": empty}),
        (CREATE, {"p": person, "i": past}),
        (UPDATE, {"p": person, "g": goal["id"], "v": 1, "i": empty}),
        (UPDATE, {"p": person, "g": goal["id"], "v": 1, "i": {**past, "goal": "Changed"}}),
    ):
        body = await client.execute(query, variables, headers={"x-mobio-language": "de"})
        # then it is refused with a German message
        assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
        assert (
            "Ziel" in body["errors"][0]["message"]
            or "Vergangenheit" in (body["errors"][0]["message"])
        )
    # and the one goal is as it was
    assert await GoalAgreement.count() == 1 and await GoalStep.count() == 2
    (stored,) = (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"]
    assert stored["version"] == 1


async def test_a_responsible_caseworker_from_another_team_is_refused(
    client: GraphQLClient,
) -> None:
    subject = await case()
    stranger = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await _login(client, subject.worker.email)
    variables = {"p": str(subject.newcomer.person_id), "i": _input(stranger)}
    assert await client.error_code(CREATE, variables) == "BAD_INPUT"
    assert await GoalAgreement.count() == 0


async def test_the_newcomer_reads_and_confirms_but_does_not_agree_alone(
    client: GraphQLClient,
) -> None:
    subject = await case()
    goal = await _agreed(client, subject)
    await _login(client, subject.newcomer.email)
    person = str(subject.newcomer.person_id)
    assert await client.error_code(CREATE, {"p": person, "i": _input(subject.worker)}) == (
        "FORBIDDEN"
    )
    variables = {"p": person, "s": goal["steps"][0]["id"], "d": True}
    assert await client.error_code(STEP_DONE, variables) == "FORBIDDEN"


# --- isolation ------------------------------------------------------------------------------


async def test_another_team_holding_a_release_sees_and_changes_nothing(
    client: GraphQLClient,
) -> None:
    # given a goal of one team, and a second team that also holds a release
    subject = await case()
    goal = await _agreed(client, subject)
    person = str(subject.newcomer.person_id)
    other = await factories.released_caseworker(
        TeamKind.INTEGRATION_MANAGEMENT, subject.newcomer.person_id
    )
    await _login(client, other.email)
    # then it sees no goal, may not change, mark or confirm it
    assert (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"] == []
    attempts = [
        (UPDATE, {"p": person, "g": goal["id"], "v": 1, "i": _input(other)}),
        (STEP_DONE, {"p": person, "s": goal["steps"][0]["id"], "d": True}),
        (CONFIRM, {"p": person, "g": goal["id"], "v": 1}),
    ]
    for query, variables in attempts:
        assert await client.error_code(query, variables) == "FORBIDDEN"
    # and its own goals stay apart from the first team's
    await client.data(CREATE, {"p": person, "i": _input(other, "Its own goal")})
    mine = (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"]
    assert [g["goal"] for g in mine] == ["Its own goal"]
    # while the owner sees both
    await _login(client, subject.newcomer.email)
    both = (await client.data(GOALS, {"p": person}))["person"]["goalAgreements"]
    assert sorted(g["teamName"] is not None for g in both) == [True, True] and len(both) == 2


async def test_an_integration_office_sees_no_goals_and_cannot_agree_any(
    client: GraphQLClient,
) -> None:
    subject = await case()
    await _agreed(client, subject)
    office = await factories.released_caseworker(
        TeamKind.INTEGRATION_OFFICE, subject.newcomer.person_id
    )
    await _login(client, office.email)
    person = str(subject.newcomer.person_id)
    body = await client.data(
        "query($p: ID!) { person(personId: $p) { familyName goalAgreements { goal } } }",
        {"p": person},
    )
    assert body["person"] == {"familyName": "Haddad", "goalAgreements": None}
    assert await client.error_code(CREATE, {"p": person, "i": _input(office)}) == "FORBIDDEN"


async def test_a_team_whose_release_was_revoked_sees_nothing(client: GraphQLClient) -> None:
    subject = await case()
    await _agreed(client, subject)
    await TeamRelease.update({TeamRelease.revoked_at: timeutil.now()}, force=True)
    person = str(subject.newcomer.person_id)
    assert await client.error_code(GOALS, {"p": person}) == "FORBIDDEN"
    assert await client.error_code(CREATE, {"p": person, "i": _input(subject.worker)}) == (
        "FORBIDDEN"
    )


async def test_a_stakeholder_link_never_shows_goals(client: GraphQLClient) -> None:
    subject = await case()
    await _agreed(client, subject)
    client.forget_cookies()
    token = await factories.stakeholder_release(subject.newcomer.person_id, Package.EMPLOYMENT)
    headers = {"x-release-token": token}
    person = str(subject.newcomer.person_id)
    body = await client.data(
        "{ sharedPerson { familyName goalAgreements { goal } } }", headers=headers
    )
    assert body["sharedPerson"] == {"familyName": "Haddad", "goalAgreements": None}
    by_id = await client.execute(GOALS, {"p": person}, headers=headers)
    assert by_id["data"]["person"] == {"goalAgreements": None}
    goal = await GoalAgreement.select(GoalAgreement.id).first()
    assert goal is not None
    confirm = {"p": person, "g": str(goal["id"]), "v": 1}
    assert await client.error_code(CONFIRM, confirm, headers=headers) == "FORBIDDEN"


@pytest.mark.parametrize("kind", [AccountKind.ADMINISTRATOR, AccountKind.ANALYST])
async def test_administrators_and_analysts_see_nothing(
    client: GraphQLClient, kind: AccountKind
) -> None:
    subject = await case()
    await _agreed(client, subject)
    email, _ = await factories.staff(kind)
    await _login(client, email)
    person = str(subject.newcomer.person_id)
    body = await client.execute(GOALS, {"p": person})
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "Reach level" not in str(body)
    assert await client.error_code(CREATE, {"p": person, "i": _input(subject.worker)}) == (
        "FORBIDDEN"
    )


# --- cost ----------------------------------------------------------------------------------

GOALS_STATEMENTS = 6  # session, team ids, grants, person, goals (with team names), steps


@pytest.mark.parametrize("goals", [1, 5])
async def test_the_goals_of_a_person_cost_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, goals: int
) -> None:
    # given a person with one or five goals of two steps each
    subject = await case()
    for _ in range(goals):
        await _agreed(client, subject)
    # when the team reads them
    with count_queries(monkeypatch) as queries:
        data = await client.data(GOALS, {"p": str(subject.newcomer.person_id)})
    # then each is there, for the same number of statements
    assert len(data["person"]["goalAgreements"]) == goals
    assert queries.count == GOALS_STATEMENTS + 1, queries.statements  # +1: access log
