"""Assisted profiles over the API: the scan is required, duplicates need a reason."""

from __future__ import annotations

import datetime
import hashlib
from uuid import UUID

from mobio.consent.tables import ConsentChannel, ConsentRecord
from mobio.documents.tables import Document
from mobio.organisations.tables import TeamKind
from mobio.persons.names import refresh_name_key
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from tests.schema.claims.helpers import DUPLICATES, counsellor, create, declarations, scan
from tests.support import factories
from tests.support.graphql import GraphQLClient


async def _counts() -> tuple[int, int, int, int]:
    return (
        await Person.count(),
        await Document.count(),
        await ConsentRecord.count(),
        await TeamRelease.count(),
    )


async def test_without_a_scan_nothing_is_created(client: GraphQLClient) -> None:
    # given a counsellor and the current declarations
    worker = await counsellor(client)
    documents = await declarations()
    before = await _counts()
    # when creating a profile without the scan of the signed form
    body = await create(client, worker.team_id, documents)
    # then a translated error, and nothing changed
    assert body["errors"][0]["extensions"]["code"] == "SCAN_REQUIRED"
    assert "scan" in body["errors"][0]["message"].lower()
    assert await _counts() == before


async def test_with_the_scan_the_consent_records_the_assisted_channel(
    client: GraphQLClient,
) -> None:
    # given a counsellor and the current declarations in Arabic
    worker = await counsellor(client)
    documents = await declarations()
    paper = scan()
    # when creating the profile with the scan
    body = await create(client, worker.team_id, documents, scan=paper)
    assert not body.get("errors"), body
    person_id = UUID(body["data"]["createAssistedProfile"])
    # then the person has no account, was made by the counsellor, and can be found by name
    person = await Person.objects().get(Person.id == person_id)
    assert person is not None
    assert person.account is None
    assert person.created_by == worker.account_id
    assert person.language == "ar"
    assert person.date_of_birth == datetime.date(1988, 5, 2)
    assert person.name_key is not None and " yilmaz " in person.name_key
    # and the scan is the person's document, its hash in both consent records
    document = await Document.objects().get(Document.person == person_id)
    assert document is not None
    assert document.sha256 == hashlib.sha256(paper).hexdigest()
    records = await ConsentRecord.objects().where(ConsentRecord.person == person_id)
    assert len(records) == 2
    for record in records:
        assert record.channel == ConsentChannel.ASSISTED
        assert record.acted_by == worker.account_id
        assert record.account is None
        assert record.scan == document.id
        assert record.scan_sha256 == document.sha256
    assert {str(record.document) for record in records} == set(documents)
    # and the team holds the release under the release consent, so the counsellor reads it
    release = await TeamRelease.objects().get(TeamRelease.person == person_id)
    assert release is not None and release.team == worker.team_id
    read = await client.data(
        "query($p: ID!) { person(personId: $p) { givenName familyName nationality } }",
        {"p": str(person_id)},
    )
    assert read["person"] == {"givenName": "Muhammad", "familyName": "Yılmaz", "nationality": "TR"}


async def test_a_match_in_the_caseload_is_listed_one_elsewhere_only_told(
    client: GraphQLClient,
) -> None:
    # given a counsellor with one profile in the caseload, and one in another team's alone
    worker = await counsellor(client)
    documents = await declarations()
    mine = await create(client, worker.team_id, documents, scan=scan())
    other = await factories.newcomer(family_name="Yilmaz")
    await Person.update(
        {Person.given_name: "Mohamed", Person.date_of_birth: datetime.date(1988, 5, 2)}
    ).where(Person.id == other.person_id)
    await refresh_name_key(other.person_id)
    # when checking for a spelling variant with the same date of birth
    found = (
        await client.data(
            DUPLICATES,
            {"g": "Mohammed", "f": "YILMAZ", "b": "1988-05-02", "t": str(worker.team_id)},
        )
    )["possibleDuplicates"]
    # then the own match is listed with its names, the other only as existing elsewhere
    assert found["matches"] == [
        {
            "id": mine["data"]["createAssistedProfile"],
            "givenName": "Muhammad",
            "familyName": "Yılmaz",
            "dateOfBirth": "1988-05-02",
        }
    ]
    assert found["existsElsewhere"] is True
    # and another date of birth matches nothing
    none = (
        await client.data(
            DUPLICATES,
            {"g": "Mohammed", "f": "Yilmaz", "b": "1988-05-03", "t": str(worker.team_id)},
        )
    )["possibleDuplicates"]
    assert none == {"matches": [], "existsElsewhere": False}


async def test_going_on_despite_a_match_needs_a_reason_which_is_stored(
    client: GraphQLClient,
) -> None:
    # given a profile in another team's caseload with the same names and date of birth
    elsewhere = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await counsellor(client)
    client.forget_cookies()
    await client.login(elsewhere.email, factories.PASSWORD)
    documents = await declarations()
    assert "errors" not in await create(client, elsewhere.team_id, documents, scan=scan())
    client.forget_cookies()
    worker = await counsellor(client)
    before = await _counts()
    # when the counsellor creates the same person without a reason
    body = await create(client, worker.team_id, documents, given="Mohammed", scan=scan())
    # then it is refused and nothing changed
    assert body["errors"][0]["extensions"]["code"] == "DUPLICATE_REASON_REQUIRED"
    assert await _counts() == before
    # and with a reason it is created and the reason kept
    body = await create(
        client, worker.team_id, documents, given="Mohammed", scan=scan(), reason="Other father"
    )
    assert not body.get("errors"), body
    person = await Person.objects().get(Person.id == UUID(body["data"]["createAssistedProfile"]))
    assert person is not None and person.duplicate_reason == "Other father"


async def test_only_members_of_a_counselling_team_create_profiles(client: GraphQLClient) -> None:
    # given an integration-office member, a newcomer, and a counsellor of another team
    office = await factories.caseworker(TeamKind.INTEGRATION_OFFICE)
    other = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    newcomer = await factories.newcomer()
    documents = await declarations()
    check = {"g": "A", "f": "B", "b": "1990-01-01"}
    for email, team in (
        (office.email, office.team_id),
        (newcomer.email, other.team_id),
        (office.email, other.team_id),
    ):
        client.forget_cookies()
        await client.login(email, factories.PASSWORD)
        # when they try, for their own team or another
        body = await create(client, team, documents, scan=scan())
        # then it is forbidden, and so is the duplicate check
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert await client.error_code(DUPLICATES, {**check, "t": str(team)}) == "FORBIDDEN"
    client.forget_cookies()
    assert await client.error_code(DUPLICATES, {**check, "t": str(other.team_id)}) in {
        "UNAUTHENTICATED"
    }
