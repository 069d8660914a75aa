"""Deleting a caseworker's account, a team or a municipality removes no newcomer's data."""

from __future__ import annotations

import json

from mobio import timeutil
from mobio.accounts.tables import AccountKind
from mobio.biography import log
from mobio.biography.tables import Answer, AnswerLog
from mobio.casenotes import service as casenotes
from mobio.casenotes.tables import CaseNote
from mobio.goals import service as goals
from mobio.goals.tables import GoalAgreement, GoalStep
from mobio.organisations import service as organisations
from mobio.organisations.tables import Municipality, Team, TeamKind
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from tests.goals.helpers import draft
from tests.support import factories
from tests.support.graphql import GraphQLClient

DELETE_ACCOUNT = "mutation($a: ID!) { deleteStaffAccount(accountId: $a) }"
DELETE_TEAM = "mutation($t: ID!) { deleteTeam(teamId: $t) }"
FORMER_MEMBER = """query($p: ID!) { person(personId: $p) {
  answerLog(question: "place_of_birth") { actorName } caseNotes { authorName } } }"""
DELETE_MUNICIPALITY = "mutation($m: ID!) { deleteMunicipality(municipalityId: $m) }"


async def _counts(person: object) -> dict[str, int]:
    return {
        table._meta.tablename: await table.count().where(table.person == person)  # type: ignore[attr-defined]
        for table in (Answer, AnswerLog, CaseNote, GoalAgreement, TeamRelease)
    }


async def test_deleting_staff_team_and_municipality_keeps_newcomer_data(
    client: GraphQLClient,
) -> None:
    # given a caseworker who wrote an answer, a goal and a case note for a newcomer
    newcomer = await factories.newcomer()
    person = newcomer.person_id
    worker = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, person)
    now = timeutil.now()
    await Answer(
        person=person,
        subject="self",
        question="place_of_birth",
        value=json.dumps("Homs"),
        updated_at=now,
        updated_by=worker.account_id,
    ).save()
    await AnswerLog(
        person=person,
        subject="self",
        question="place_of_birth",
        value=json.dumps("Homs"),
        actor=worker.account_id,
        actor_grant="social_counselling",
        actor_team=worker.team_id,
        changed_at=now,
    ).save()
    await goals.create_goal(person, worker.team_id, worker.account_id, draft(worker.account_id))
    await casenotes.write(person, worker.team_id, worker.account_id, "Beratung", False)
    before = await _counts(person)
    steps = await GoalStep.count()
    admin_email, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    await client.login(admin_email, factories.PASSWORD)

    # when the administration deletes the caseworker's account
    assert await client.data(DELETE_ACCOUNT, {"a": str(worker.account_id)})
    # then every row about the newcomer stays, the author shown as a former team member
    assert await _counts(person) == before and await GoalStep.count() == steps
    (entry,) = await log.entries(person, "self", "place_of_birth")
    team = await Team.select(Team.name).where(Team.id == worker.team_id).first()
    assert entry.actor_name is None and team is not None and entry.team_name == team["name"]
    note = await CaseNote.select(CaseNote.author, CaseNote.team).first()
    assert note is not None and note["author"] is None and note["team"] == worker.team_id
    # and the newcomer (in English) reads both as written by a former member of the team
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    seen = await client.data(FORMER_MEMBER, {"p": str(person)})
    former = f"Former member of {team['name']}"
    assert [e["actorName"] for e in seen["person"]["answerLog"]] == [former]
    assert [n["authorName"] for n in seen["person"]["caseNotes"]] == [former]
    client.forget_cookies()
    await client.login(admin_email, factories.PASSWORD)

    # when it tries to delete the team that holds the release, or its municipality
    assert await client.error_code(DELETE_TEAM, {"t": str(worker.team_id)}) == "CONFLICT"
    municipality = await Team.select(Team.municipality).where(Team.id == worker.team_id).first()
    assert municipality is not None
    assert (
        await client.error_code(DELETE_MUNICIPALITY, {"m": str(municipality["municipality"])})
        == "CONFLICT"
    )
    # then nothing of the newcomer went
    assert await _counts(person) == before
    assert await Person.exists().where(Person.id == person)

    # and a team and a municipality that never held anything can go
    empty_town = await organisations.create_municipality("Leerstadt")
    empty = await organisations.create_team("Leeres Team", TeamKind.SOCIAL_COUNSELLING, empty_town)
    assert await client.data(DELETE_TEAM, {"t": str(empty)})
    assert await client.data(DELETE_MUNICIPALITY, {"m": str(empty_town)})
    assert not await Municipality.exists().where(Municipality.id == empty_town)
    # and a newcomer's account is never deleted this way
    code = await client.error_code(DELETE_ACCOUNT, {"a": str(newcomer.account_id)})
    assert code == "BAD_INPUT"
