"""Releases through the API: to a team, to a stakeholder link, revoked, renewed, expired."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit
from uuid import UUID

import pytest

from mobio import timeutil
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind, ConsentRecord
from mobio.organisations import service as organisations
from mobio.organisations.tables import Team, TeamKind
from mobio.settings import get_settings
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

TO_TEAM = """mutation($p: ID!, $t: ID!, $d: ID!) {
  releaseToTeam(personId: $p, teamId: $t, consentDocumentId: $d) }"""
REVOKE_TEAM = """mutation($p: ID!, $r: ID!) { revokeTeamRelease(personId: $p, releaseId: $r) }"""
TO_STAKEHOLDER = """mutation($p: ID!, $k: Package!, $d: ID!, $e: String) {
  releaseToStakeholder(personId: $p, package: $k, consentDocumentId: $d, recipientEmail: $e) {
    releaseId url expiresAt } }"""
REVOKE_LINK = """mutation($p: ID!, $r: ID!) {
  revokeStakeholderRelease(personId: $p, releaseId: $r) }"""
RENEW_LINK = (
    """mutation($p: ID!, $r: ID!) { renewStakeholderRelease(personId: $p, releaseId: $r) }"""
)
READ_PERSON = "query($p: ID!) { person(personId: $p) { familyName } }"
SHARED = "{ sharedLink { state } sharedPerson { familyName } }"
OVERVIEW = """query($p: ID!) { person(personId: $p) {
  teamReleases { teamName state } stakeholderReleases { package state renewals }
  accessLog { grant teamName package } } }"""


async def _document(kind: ConsentKind, language: str = "en") -> str:
    return str(await consent.publish(kind, language, "Declaration", "Text.", None))


async def _as_owner(client: GraphQLClient) -> factories.Newcomer:
    newcomer = await factories.newcomer(family_name="Released")
    await client.login(newcomer.email, factories.PASSWORD)
    return newcomer


async def test_a_team_reads_from_the_release_until_it_is_revoked(client: GraphQLClient) -> None:
    # given a newcomer and a counsellor whose team has no release yet
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    newcomer = await _as_owner(client)
    person = str(newcomer.person_id)
    document = await _document(ConsentKind.TEAM_RELEASE)
    # when the newcomer releases to the team
    release = (await client.data(TO_TEAM, {"p": person, "t": str(worker.team_id), "d": document}))[
        "releaseToTeam"
    ]
    # then the consent is recorded and the counsellor reads the person
    assert await ConsentRecord.count().where(ConsentRecord.person == newcomer.person_id) == 1
    client.forget_cookies()
    await client.login(worker.email, factories.PASSWORD)
    assert (await client.data(READ_PERSON, {"p": person}))["person"]["familyName"] == "Released"
    # and once the newcomer revokes it, at once no longer
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(REVOKE_TEAM, {"p": person, "r": release})
    client.forget_cookies()
    await client.login(worker.email, factories.PASSWORD)
    assert await client.error_code(READ_PERSON, {"p": person}) == "FORBIDDEN"


async def test_a_release_needs_the_current_declaration_of_its_kind(client: GraphQLClient) -> None:
    # given a team and a usage declaration (the wrong kind) and an outdated release declaration
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    newcomer = await _as_owner(client)
    usage = await _document(ConsentKind.USAGE)
    old = await _document(ConsentKind.TEAM_RELEASE, "fr")
    await _document(ConsentKind.TEAM_RELEASE, "fr")  # version 2 replaces the old one
    for document in (usage, old):
        # when releasing under it
        code = await client.error_code(
            TO_TEAM, {"p": str(newcomer.person_id), "t": str(worker.team_id), "d": document}
        )
        # then nothing is released
        assert code == "CONSENT_INVALID"
    assert await ConsentRecord.count() == 0


async def test_only_the_owner_releases(client: GraphQLClient) -> None:
    # given a counsellor holding a release, trying to release the person to another team
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    other = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    newcomer = await factories.newcomer()
    await factories.team_release(newcomer.person_id, worker.team_id)
    await client.login(worker.email, factories.PASSWORD)
    document = await _document(ConsentKind.TEAM_RELEASE)
    # then it is refused
    variables = {"p": str(newcomer.person_id), "t": str(other.team_id), "d": document}
    assert await client.error_code(TO_TEAM, variables) == "FORBIDDEN"


async def _link(client: GraphQLClient, newcomer: factories.Newcomer, email: str | None) -> dict:
    document = await _document(ConsentKind.STAKEHOLDER_RELEASE, "de")
    variables = {"p": str(newcomer.person_id), "k": "EMPLOYER", "d": document, "e": email}
    link: dict = (await client.data(TO_STAKEHOLDER, variables))["releaseToStakeholder"]
    return link


def _token(url: str) -> str:
    return urlsplit(url).fragment


async def test_a_stakeholder_link_is_mailed_and_shows_the_package(client: GraphQLClient) -> None:
    # given a newcomer who releases the employer package to an address
    newcomer = await _as_owner(client)
    link = await _link(client, newcomer, "hr@employer.example")
    # then the link holds a long random key in its fragment, valid for 14 days
    assert urlsplit(link["url"]).path == "/shared" and len(_token(link["url"])) >= 22
    # and the employer got it by mail, in German
    mail = await outbox.only_mail_to("hr@employer.example")
    assert link["url"] in outbox.body(mail)
    assert "freigegeben" in mail["Subject"]
    # and opening it shows the package, and nothing is stored of the token but its hash
    client.forget_cookies()
    shown = await client.data(SHARED, headers={"x-release-token": _token(link["url"])})
    assert shown == {"sharedLink": {"state": "VALID"}, "sharedPerson": {"familyName": "Released"}}


async def test_a_revoked_link_says_so_and_shows_nothing(client: GraphQLClient) -> None:
    # given a link the newcomer revoked
    newcomer = await _as_owner(client)
    link = await _link(client, newcomer, None)
    await client.data(REVOKE_LINK, {"p": str(newcomer.person_id), "r": link["releaseId"]})
    client.forget_cookies()
    # when the stakeholder opens it
    shown = await client.data(SHARED, headers={"x-release-token": _token(link["url"])})
    # then it says it was revoked and shows no data
    assert shown == {"sharedLink": {"state": "REVOKED"}, "sharedPerson": None}


async def test_a_link_ends_after_14_days_unless_renewed(client: GraphQLClient) -> None:
    # given a link, 13 days old, renewed once; and another one left alone
    newcomer = await _as_owner(client)
    renewed = await _link(client, newcomer, None)
    left = await _link(client, newcomer, None)
    timeutil.travel(timedelta(days=13))
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)  # the old session has ended by now
    await client.data(RENEW_LINK, {"p": str(newcomer.person_id), "r": renewed["releaseId"]})
    # when 15 days have passed since they were made
    timeutil.travel(timedelta(days=2))
    client.forget_cookies()
    # then the one left alone has expired and the renewed one still works
    expired = await client.data(SHARED, headers={"x-release-token": _token(left["url"])})
    working = await client.data(SHARED, headers={"x-release-token": _token(renewed["url"])})
    assert expired == {"sharedLink": {"state": "EXPIRED"}, "sharedPerson": None}
    assert working["sharedLink"] == {"state": "VALID"}


async def test_a_revoked_link_cannot_be_renewed(client: GraphQLClient) -> None:
    newcomer = await _as_owner(client)
    link = await _link(client, newcomer, None)
    variables = {"p": str(newcomer.person_id), "r": link["releaseId"]}
    await client.data(REVOKE_LINK, variables)
    assert await client.error_code(RENEW_LINK, variables) == "RELEASE_ENDED"


async def test_guessed_links_are_throttled_per_address_but_known_ones_answer(
    client: GraphQLClient,
) -> None:
    # given an expired link, and an address that guessed links up to the limit
    newcomer = await _as_owner(client)
    link = await _link(client, newcomer, None)
    timeutil.travel(timedelta(days=15))
    client.forget_cookies()
    for attempt in range(get_settings().login_max_failures):
        guessed = await client.data(SHARED, headers={"x-release-token": f"guess-{attempt}"})
        assert guessed == {"sharedLink": {"state": "UNKNOWN"}, "sharedPerson": None}
    # when guessing once more
    response = await client.http.post(
        "/graphql", json={"query": SHARED}, headers={"x-release-token": "guess-again"}
    )
    # then it is refused, while the known, expired link still gets its clear answer
    assert response.status_code == 429
    assert response.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_ATTEMPTS"
    known = await client.data(SHARED, headers={"x-release-token": _token(link["url"])})
    assert known["sharedLink"] == {"state": "EXPIRED"}


async def test_the_owner_sees_releases_and_who_read_what(client: GraphQLClient) -> None:
    # given a team release and a link, each used once
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    newcomer = await _as_owner(client)
    person = str(newcomer.person_id)
    await client.data(
        TO_TEAM,
        {"p": person, "t": str(worker.team_id), "d": await _document(ConsentKind.TEAM_RELEASE)},
    )
    link = await _link(client, newcomer, None)
    client.forget_cookies()
    await client.data(SHARED, headers={"x-release-token": _token(link["url"])})
    await client.login(worker.email, factories.PASSWORD)
    await client.data(READ_PERSON, {"p": person})
    # when the owner looks at their releases and the access log
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    seen = (await client.data(OVERVIEW, {"p": person}))["person"]
    # then both releases are listed as active, and both reads with who read
    assert seen["teamReleases"] == [
        {"teamName": (await _team_name(worker.team_id)), "state": "ACTIVE"}
    ]
    assert seen["stakeholderReleases"] == [
        {"package": "EMPLOYER", "state": "ACTIVE", "renewals": 0}
    ]
    reads = {(r["grant"], r["teamName"], r["package"]) for r in seen["accessLog"]}
    assert reads == {
        ("employer", None, "employer"),
        ("social_counselling", await _team_name(worker.team_id), None),
    }


@pytest.mark.parametrize("field", ["teamReleases", "stakeholderReleases", "accessLog"])
async def test_nobody_but_the_owner_sees_releases_or_the_access_log(
    client: GraphQLClient, field: str
) -> None:
    # given a counsellor holding a release
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    newcomer = await factories.newcomer()
    await factories.team_release(newcomer.person_id, worker.team_id)
    await client.login(worker.email, factories.PASSWORD)
    # when reading the owner's release overview
    data = await client.data(
        f"query($p: ID!) {{ person(personId: $p) {{ familyName {field} {{ __typename }} }} }}",
        {"p": str(newcomer.person_id)},
    )
    # then it is null while the released data is readable
    assert data["person"]["familyName"] == "Haddad"
    assert data["person"][field] is None


async def test_recipients_are_the_municipality_teams_and_district_counselling(
    client: GraphQLClient,
) -> None:
    # given a team in a municipality, a district-wide counselling team and another municipality's
    local = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    elsewhere = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    district = await organisations.create_team("Beratung", TeamKind.SOCIAL_COUNSELLING, None)
    municipality = await Team.select(Team.municipality).where(Team.id == local.team_id).first()
    # when a newcomer asks whom they can release to in that municipality
    data = await client.data(
        "query($m: ID!) { releaseRecipients(municipalityId: $m) { id } }",
        {"m": str(municipality["municipality"])},
    )
    # then they get that municipality's teams and the district's counselling, no others
    ids = {UUID(t["id"]) for t in data["releaseRecipients"]}
    assert ids == {local.team_id, district}
    assert elsewhere.team_id not in ids


async def _team_name(team_id: UUID) -> str:
    row = await Team.select(Team.name).where(Team.id == team_id).first()
    assert row is not None
    return str(row["name"])


@pytest.mark.parametrize("damage", ["truncated", "extended", "other case"])
async def test_a_damaged_key_opens_nothing(client: GraphQLClient, damage: str) -> None:
    # given a valid link whose key was damaged on the way
    newcomer = await _as_owner(client)
    key = _token((await _link(client, newcomer, None))["url"])
    damaged = {"truncated": key[:-1], "extended": key + "A", "other case": key.swapcase()}[damage]
    client.forget_cookies()
    # when opening it
    shown = await client.data(SHARED, headers={"x-release-token": damaged})
    # then it is an unknown link and shows nothing
    assert shown == {"sharedLink": {"state": "UNKNOWN"}, "sharedPerson": None}
