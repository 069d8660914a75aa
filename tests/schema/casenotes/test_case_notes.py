"""Case notes through the API: only the writing team reads them, the owner reads them all."""

from __future__ import annotations

import pytest

from mobio.accounts.tables import Account, AccountKind
from mobio.casenotes.tables import CaseNote
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

WRITE = """mutation($p: ID!, $b: String!, $m: Boolean!) {
  writeCaseNote(personId: $p, body: $b, movesWithCase: $m) {
    id body movesWithCase writtenByCaller } }"""
UPDATE = """mutation($p: ID!, $n: ID!, $b: String!, $m: Boolean!) {
  updateCaseNote(personId: $p, noteId: $n, body: $b, movesWithCase: $m) { body movesWithCase } }"""
DELETE = "mutation($p: ID!, $n: ID!) { deleteCaseNote(personId: $p, noteId: $n) }"
NOTES = "query($p: ID!) { person(personId: $p) { caseNotes { body teamName } } }"
SHARED_NOTES = "{ sharedPerson { familyName caseNotes { body } } }"


async def _as(client: GraphQLClient, email: str) -> None:
    client.forget_cookies()
    await client.login(email, factories.PASSWORD)


async def _bodies(client: GraphQLClient, person: str) -> list[str]:
    person_data = (await client.data(NOTES, {"p": person}))["person"]
    return [note["body"] for note in person_data["caseNotes"]]


async def test_only_the_writing_team_and_the_owner_read_a_note(client: GraphQLClient) -> None:
    # given a person released to two counselling teams and an integration office
    newcomer = await factories.newcomer()
    person = str(newcomer.person_id)
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    colleague = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING, author.team_id)
    other_team = await factories.released_caseworker(
        TeamKind.INTEGRATION_MANAGEMENT, newcomer.person_id
    )
    office = await factories.released_caseworker(TeamKind.INTEGRATION_OFFICE, newcomer.person_id)
    # when a counsellor writes a note
    await _as(client, author.email)
    written = await client.data(WRITE, {"p": person, "b": "Talked about housing.", "m": False})
    assert written["writeCaseNote"]["writtenByCaller"] is True
    # then their colleague reads it, the other team and the integration office do not
    await _as(client, colleague.email)
    assert await _bodies(client, person) == ["Talked about housing."]
    for outsider in (other_team, office):
        await _as(client, outsider.email)
        assert await _bodies(client, person) == []
    # and the owner reads it (their own data) but cannot write one
    await _as(client, newcomer.email)
    assert await _bodies(client, person) == ["Talked about housing."]
    code = await client.error_code(WRITE, {"p": person, "b": "Mine.", "m": False})
    assert code == "FORBIDDEN"


@pytest.mark.parametrize("kind", [AccountKind.ADMINISTRATOR, AccountKind.ANALYST])
async def test_administrators_and_analysts_read_no_notes(
    client: GraphQLClient, kind: AccountKind
) -> None:
    newcomer = await factories.newcomer()
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await _as(client, author.email)
    await client.data(WRITE, {"p": str(newcomer.person_id), "b": "Secret.", "m": False})
    email, _ = await factories.staff(kind)
    await _as(client, email)
    assert await client.error_code(NOTES, {"p": str(newcomer.person_id)}) == "FORBIDDEN"
    assert await client.error_code(WRITE, {"p": str(newcomer.person_id), "b": "x", "m": False}) == (
        "FORBIDDEN"
    )


async def test_a_stakeholder_link_shows_no_notes(client: GraphQLClient) -> None:
    newcomer = await factories.newcomer(family_name="Linked")
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await _as(client, author.email)
    await client.data(WRITE, {"p": str(newcomer.person_id), "b": "Secret.", "m": False})
    token = await factories.stakeholder_release(newcomer.person_id, Package.EMPLOYER)
    client.forget_cookies()
    body = await client.execute(SHARED_NOTES, headers={"x-release-token": token})
    assert body["data"]["sharedPerson"] == {"familyName": "Linked", "caseNotes": None}


async def test_only_the_author_changes_or_deletes_a_note(client: GraphQLClient) -> None:
    # given a note and a colleague of its author
    newcomer = await factories.newcomer()
    person = str(newcomer.person_id)
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    colleague = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING, author.team_id)
    await _as(client, author.email)
    note = (await client.data(WRITE, {"p": person, "b": "First.", "m": False}))["writeCaseNote"]
    # when the colleague tries to change or delete it, it is refused
    await _as(client, colleague.email)
    changed = {"p": person, "n": note["id"], "b": "Changed.", "m": True}
    assert await client.error_code(UPDATE, changed) == "FORBIDDEN"
    assert await client.error_code(DELETE, {"p": person, "n": note["id"]}) == "FORBIDDEN"
    # while the author changes it, marks it to move with the case, and deletes it
    await _as(client, author.email)
    updated = (await client.data(UPDATE, changed))["updateCaseNote"]
    assert updated == {"body": "Changed.", "movesWithCase": True}
    assert (await client.data(DELETE, {"p": person, "n": note["id"]}))["deleteCaseNote"] is True
    assert await CaseNote.count() == 0


async def test_an_empty_or_overlong_note_is_refused_in_the_callers_language(
    client: GraphQLClient,
) -> None:
    newcomer = await factories.newcomer()
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await Account.update({Account.language: "fr"}).where(Account.id == author.account_id)
    await _as(client, author.email)
    for body in ("   ", "x" * 4001):
        response = await client.execute(
            WRITE, {"p": str(newcomer.person_id), "b": body, "m": False}
        )
        error = response["errors"][0]
        assert error["extensions"]["code"] == "BAD_INPUT"
        assert "4000 caractères" in error["message"]
    assert await CaseNote.count() == 0


async def test_a_note_list_costs_the_same_queries_for_2_and_20_notes(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    newcomer = await factories.newcomer()
    person = str(newcomer.person_id)
    author = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await _as(client, author.email)
    counts = []
    for total in (2, 20):
        while await CaseNote.count() < total:
            await client.data(WRITE, {"p": person, "b": "Note.", "m": False})
        with count_queries(monkeypatch) as counter:
            assert len(await _bodies(client, person)) == total
        counts.append(counter.count)
    assert counts[0] == counts[1]
    assert counts[0] == PINNED_NOTE_LIST_QUERIES


PINNED_NOTE_LIST_QUERIES = 6
"""Session, teams, grants, person, the notes (one join), the access log: any number of notes."""
