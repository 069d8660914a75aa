"""updatePersonalPage through HTTP, for each kind of caller."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.i18n import translate
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.persons.service import get_many
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from mobio.web.context import RELEASE_TOKEN_HEADER
from tests.support import factories
from tests.support.graphql import GraphQLClient

UPDATE = """
mutation($id: ID!, $version: Int!, $input: PersonalPageInput!) {
  updatePersonalPage(personId: $id, expectedVersion: $version, input: $input) {
    id familyName givenName sex dateOfBirth nationality personalPageLockedForOwner version
  }
}
"""
OWNERS_PAGE = {
    "familyName": "Haddad",
    "givenName": "Amina",
    "sex": "female",
    "dateOfBirth": "1990-01-31",
    "nationality": "SYR",
}
CORRECTION = {"familyName": "Al-Haddad"}


async def page_row(person_id: UUID) -> dict[str, Any]:
    """The stored personal page, as the database holds it."""
    row = await (
        Person.select(
            Person.family_name,
            Person.given_name,
            Person.sex,
            Person.date_of_birth,
            Person.nationality,
            Person.personal_page_set_at,
            Person.version,
        )
        .where(Person.id == person_id)
        .first()
    )
    assert row is not None
    return dict(row)


def update(person_id: UUID, version: int, values: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(person_id), "version": version, "input": values}


async def version_of(person_id: UUID) -> int:
    return (await get_many([person_id]))[person_id].version


async def owner_has_set_the_page(client: GraphQLClient) -> factories.Newcomer:
    """A newcomer who set their page through the API; the client is logged out afterwards."""
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(UPDATE, update(newcomer.person_id, 1, OWNERS_PAGE))
    client.forget_cookies()
    return newcomer


async def released_caseworker(team_kind: TeamKind, person_id: UUID) -> factories.Caseworker:
    caseworker = await factories.caseworker(team_kind)
    await factories.team_release(person_id, caseworker.team_id)
    return caseworker


async def test_owner_sets_their_personal_page_through_the_api(client: GraphQLClient) -> None:
    # given a logged-in newcomer who has not set the personal page
    newcomer = await factories.newcomer(family_name="Old")
    await client.login(newcomer.email, factories.PASSWORD)
    version = await version_of(newcomer.person_id)

    # when they set it
    data = await client.data(UPDATE, update(newcomer.person_id, version, OWNERS_PAGE))

    # then the answer and the database hold the new page, locked for the owner
    assert data["updatePersonalPage"] == {
        "id": str(newcomer.person_id),
        **OWNERS_PAGE,
        "personalPageLockedForOwner": True,
        "version": version + 1,
    }
    stored = await page_row(newcomer.person_id)
    assert stored["family_name"] == "Haddad"
    assert stored["personal_page_set_at"] is not None


async def test_owner_cannot_set_their_personal_page_a_second_time(client: GraphQLClient) -> None:
    # given a logged-in newcomer (reading English) who set the page
    newcomer = await factories.newcomer(language="en")
    await client.login(newcomer.email, factories.PASSWORD)
    first = await client.data(UPDATE, update(newcomer.person_id, 1, OWNERS_PAGE))
    stored = await page_row(newcomer.person_id)

    # when they try again with the current version
    body = await client.execute(
        UPDATE, update(newcomer.person_id, first["updatePersonalPage"]["version"], CORRECTION)
    )

    # then it is forbidden with the message that the page is locked, and nothing changed
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["message"] == translate("en", "error.personal_page_locked")
    assert await page_row(newcomer.person_id) == stored


async def test_social_counsellor_with_a_release_may_change_the_locked_page(
    client: GraphQLClient,
) -> None:
    # given a newcomer who set the page and released it to a social-counselling team
    newcomer = await owner_has_set_the_page(client)
    caseworker = await released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await client.login(caseworker.email, factories.PASSWORD)
    version = await version_of(newcomer.person_id)

    # when a counsellor of that team corrects the family name
    data = await client.data(UPDATE, update(newcomer.person_id, version, CORRECTION))

    # then the correction is stored and the rest kept
    assert data["updatePersonalPage"]["familyName"] == "Al-Haddad"
    assert data["updatePersonalPage"]["givenName"] == "Amina"
    assert (await page_row(newcomer.person_id))["family_name"] == "Al-Haddad"


async def test_caseworker_of_a_team_without_a_release_is_forbidden(client: GraphQLClient) -> None:
    # given a newcomer who released the page to one social-counselling team
    newcomer = await owner_has_set_the_page(client)
    await released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    outsider = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await client.login(outsider.email, factories.PASSWORD)
    stored = await page_row(newcomer.person_id)

    # when a counsellor of another team changes it
    code = await client.error_code(
        UPDATE, update(newcomer.person_id, stored["version"], CORRECTION)
    )

    # then it is forbidden and nothing changed
    assert code == "FORBIDDEN"
    assert await page_row(newcomer.person_id) == stored


async def test_caseworker_whose_release_was_revoked_is_forbidden(client: GraphQLClient) -> None:
    # given a newcomer who released the page to a team and revoked the release
    newcomer = await owner_has_set_the_page(client)
    caseworker = await released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await TeamRelease.update({TeamRelease.revoked_at: timeutil.now()}).where(
        TeamRelease.person == newcomer.person_id
    )
    await client.login(caseworker.email, factories.PASSWORD)
    stored = await page_row(newcomer.person_id)

    # when a caseworker of that team changes the page
    code = await client.error_code(
        UPDATE, update(newcomer.person_id, stored["version"], CORRECTION)
    )

    # then it is forbidden and nothing changed
    assert code == "FORBIDDEN"
    assert await page_row(newcomer.person_id) == stored


async def test_integration_office_member_with_a_release_may_change_the_page(
    client: GraphQLClient,
) -> None:
    # given a newcomer who set the page and released it to a municipal integration office
    newcomer = await owner_has_set_the_page(client)
    officer = await released_caseworker(TeamKind.INTEGRATION_OFFICE, newcomer.person_id)
    await client.login(officer.email, factories.PASSWORD)
    version = await version_of(newcomer.person_id)

    # when an officer changes the personal data
    data = await client.data(
        UPDATE, update(newcomer.person_id, version, {"nationality": "IRQ", "sex": "diverse"})
    )

    # then the change is stored
    assert data["updatePersonalPage"]["nationality"] == "IRQ"
    stored = await page_row(newcomer.person_id)
    assert (stored["nationality"], stored["sex"]) == ("IRQ", "diverse")


async def test_stakeholder_token_cannot_change_the_page(client: GraphQLClient) -> None:
    # given a newcomer who released their data to an employer by link
    newcomer = await factories.newcomer()
    token = await factories.stakeholder_release(newcomer.person_id, Package.EMPLOYER)
    stored = await page_row(newcomer.person_id)
    shared = await client.data("{ sharedPerson { id } }", headers={RELEASE_TOKEN_HEADER: token})
    assert shared["sharedPerson"]["id"] == str(newcomer.person_id)

    # when the link's holder tries to change the page
    code = await client.error_code(
        UPDATE,
        update(newcomer.person_id, stored["version"], CORRECTION),
        headers={RELEASE_TOKEN_HEADER: token},
    )

    # then it is forbidden and nothing changed
    assert code == "FORBIDDEN"
    assert await page_row(newcomer.person_id) == stored


async def test_another_newcomer_cannot_change_the_page(client: GraphQLClient) -> None:
    # given two newcomers, one of them logged in
    newcomer = await factories.newcomer()
    other = await factories.newcomer()
    await client.login(other.email, factories.PASSWORD)
    stored = await page_row(newcomer.person_id)

    # when the logged-in one changes the other's page
    code = await client.error_code(
        UPDATE, update(newcomer.person_id, stored["version"], OWNERS_PAGE)
    )

    # then it is forbidden and nothing changed
    assert code == "FORBIDDEN"
    assert await page_row(newcomer.person_id) == stored


async def test_anonymous_caller_must_log_in_to_change_a_page(client: GraphQLClient) -> None:
    # given a newcomer, and nobody logged in
    newcomer = await factories.newcomer()
    stored = await page_row(newcomer.person_id)

    # when an anonymous caller changes the page
    code = await client.error_code(
        UPDATE, update(newcomer.person_id, stored["version"], OWNERS_PAGE)
    )

    # then they are asked to log in, and nothing changed
    assert code == "UNAUTHENTICATED"
    assert await page_row(newcomer.person_id) == stored


async def test_stale_version_through_the_api_is_a_conflict(client: GraphQLClient) -> None:
    # given a locked page a released counsellor changed since another read it
    newcomer = await owner_has_set_the_page(client)
    caseworker = await released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await client.login(caseworker.email, factories.PASSWORD)
    read_version = await version_of(newcomer.person_id)
    await client.data(UPDATE, update(newcomer.person_id, read_version, {"givenName": "Sara"}))
    stored = await page_row(newcomer.person_id)

    # when a change is saved with the version read before
    code = await client.error_code(UPDATE, update(newcomer.person_id, read_version, CORRECTION))

    # then it is a conflict and the newer change stays
    assert code == "CONFLICT"
    assert await page_row(newcomer.person_id) == stored


async def test_invalid_value_through_the_api_is_bad_input_and_changes_nothing(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer who has not set the page
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    stored = await page_row(newcomer.person_id)

    # when they save a valid name with a nationality written out
    code = await client.error_code(
        UPDATE,
        update(
            newcomer.person_id, stored["version"], {"familyName": "New", "nationality": "Syria"}
        ),
    )

    # then it is bad input, nothing changed and the page is still open to them
    assert code == "BAD_INPUT"
    assert await page_row(newcomer.person_id) == stored
