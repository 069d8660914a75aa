"""The biography's mutations through HTTP, for each kind of caller: saving sections, family
members and private notes."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import pytest

from mobio.accounts.tables import AccountKind
from mobio.biography.catalogue.model import Section
from mobio.biography.tables import SELF, MemberKind
from mobio.db.values import as_uuid
from mobio.i18n import translate
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.releases.tables import TeamRelease
from mobio.web.context import RELEASE_TOKEN_HEADER
from tests.biography import stored
from tests.support import factories
from tests.support.graphql import GraphQLClient

SAVE = """
mutation($id: ID!, $version: Int!, $input: NewcomerSectionInput!) {
  saveNewcomerSection(personId: $id, expectedVersion: $version, input: $input)
}
"""
SAVE_CHILD = """
mutation($id: ID!, $member: ID!, $version: Int!, $input: ChildSectionInput!) {
  saveChildSection(personId: $id, memberId: $member, expectedVersion: $version, input: $input)
}
"""
SAVE_PARTNER = """
mutation($id: ID!, $member: ID!, $version: Int!, $input: PartnerSectionInput!) {
  savePartnerSection(personId: $id, memberId: $member, expectedVersion: $version, input: $input)
}
"""
ADD_MEMBER = """
mutation($id: ID!, $kind: FamilyMemberKind!) { addFamilyMember(personId: $id, kind: $kind) }
"""
REMOVE_MEMBER = """
mutation($id: ID!, $member: ID!) { removeFamilyMember(personId: $id, memberId: $member) }
"""
CREATE_NOTE = """
mutation($id: ID!, $section: Section!, $body: String!) {
  createPrivateNote(personId: $id, section: $section, body: $body)
}
"""
UPDATE_NOTE = """
mutation($id: ID!, $note: ID!, $body: String!) {
  updatePrivateNote(personId: $id, noteId: $note, body: $body)
}
"""
DELETE_NOTE = """
mutation($id: ID!, $note: ID!) { deletePrivateNote(personId: $id, noteId: $note) }
"""
READ_NOTES = """
query($id: ID!) {
  person(personId: $id) {
    id
    privateNotes { id section body }
    biography { own { language { notesCount literacy { code } } } }
  }
}
"""
OWNERS_PAGE = {
    "familyName": "Haddad",
    "givenName": "Amina",
    "sex": "female",
    "dateOfBirth": "1990-01-31",
    "nationality": "SY",
}
TEAM_KINDS = {
    "social_counselling": TeamKind.SOCIAL_COUNSELLING,
    "integration_management": TeamKind.INTEGRATION_MANAGEMENT,
    "integration_office": TeamKind.INTEGRATION_OFFICE,
}
Headers = dict[str, str]


def save(person_id: UUID, version: int, **section: Any) -> dict[str, Any]:
    return {"id": str(person_id), "version": version, "input": section}


def save_member(person_id: UUID, member: str, version: int, **section: Any) -> dict[str, Any]:
    return {"id": str(person_id), "member": member, "version": version, "input": section}


async def act_as(client: GraphQLClient, caller: str, newcomer: factories.Newcomer) -> Headers:
    """Log in as ``caller`` (relative to the newcomer); the headers to send with each call."""
    person_id = newcomer.person_id
    if caller == "owner":
        await client.login(newcomer.email, factories.PASSWORD)
    elif caller in TEAM_KINDS:
        member = await factories.released_caseworker(TEAM_KINDS[caller], person_id)
        await client.login(member.email, factories.PASSWORD)
    elif caller == "other_team":
        await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, person_id)
        outsider = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
        await client.login(outsider.email, factories.PASSWORD)
    elif caller == "revoked_release":
        member = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
        await factories.revoked_team_release(person_id, member.team_id)
        await client.login(member.email, factories.PASSWORD)
    elif caller == "stakeholder":
        token = await factories.stakeholder_release(person_id, Package.EMPLOYMENT)
        headers = {RELEASE_TOKEN_HEADER: token}
        shared = await client.data("{ sharedPerson { id } }", headers=headers)
        assert shared["sharedPerson"]["id"] == str(person_id)  # the link itself is valid
        return headers
    elif caller in ("administrator", "analyst"):
        email, _ = await factories.staff(AccountKind(caller))
        await client.login(email, factories.PASSWORD)
    elif caller == "other_newcomer":
        other = await factories.newcomer()
        await client.login(other.email, factories.PASSWORD)
    else:
        assert caller == "anonymous"
    return {}


async def owner_has_set_the_page(client: GraphQLClient) -> factories.Newcomer:
    """A newcomer who set their personal page through the API; logged out afterwards."""
    newcomer = await factories.newcomer_with_empty_page()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(SAVE, save(newcomer.person_id, 0, personal=OWNERS_PAGE))
    client.forget_cookies()
    return newcomer


# --- saving a section ------------------------------------------------------------------------


async def test_the_owner_saves_sections_through_the_api(client: GraphQLClient) -> None:
    # given a logged-in newcomer whose personal page is empty
    newcomer = await factories.newcomer_with_empty_page()
    await client.login(newcomer.email, factories.PASSWORD)

    # when they set the personal page and save the language section
    personal = await client.data(SAVE, save(newcomer.person_id, 0, personal=OWNERS_PAGE))
    language = {
        "literacy": "literate_other_script",
        "motherTongues": ["ar", "ku"],
        "otherLanguages": [{"language": "en", "level": "a2"}],
    }
    saved = await client.data(SAVE, save(newcomer.person_id, 0, language=language))
    again = await client.data(SAVE, save(newcomer.person_id, 1, language={"literacy": "partly"}))

    # then each returns the section's new version and the database holds the answers
    assert personal["saveNewcomerSection"] == 1
    assert (saved["saveNewcomerSection"], again["saveNewcomerSection"]) == (1, 2)
    page = await stored.personal_page(newcomer.person_id)
    assert (page["family_name"], page["nationality"]) == ("Haddad", "SY")
    assert page["personal_page_set_at"] is not None
    assert await stored.answers(newcomer.person_id) == {
        "literacy": "partly",
        "mother_tongues": ["ar", "ku"],
        "other_languages": [{"language": "en", "level": "a2"}],
    }
    # and the log names the owner
    actors = {(entry[3], entry[4], entry[5]) for entry in await stored.log(newcomer.person_id)}
    assert actors == {(newcomer.account_id, "owner", None)}


async def test_the_owner_cannot_change_the_personal_page_a_second_time(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer (reading English) who set the page
    newcomer = await owner_has_set_the_page(client)
    await client.login(newcomer.email, factories.PASSWORD)
    before = await stored.snapshot(newcomer.person_id)

    # when they try again with the current version
    body = await client.execute(
        SAVE, save(newcomer.person_id, 1, personal={"familyName": "Al-Haddad"})
    )

    # then it is refused as locked, in their language, and nothing changed
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "PERSONAL_PAGE_LOCKED"
    assert error["message"] == translate("en", "error.personal_page_locked")
    assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize("caller", ["social_counselling", "integration_management"])
async def test_a_counselling_team_with_a_release_saves_any_section(
    client: GraphQLClient, caller: str
) -> None:
    # given a newcomer who set the page and released it to a counselling team
    newcomer = await owner_has_set_the_page(client)
    await act_as(client, caller, newcomer)

    # when a member of that team corrects the family name and saves the language section
    personal = await client.data(
        SAVE, save(newcomer.person_id, 1, personal={"familyName": "Al-Haddad"})
    )
    language = await client.data(SAVE, save(newcomer.person_id, 0, language={"literacy": "partly"}))

    # then both are stored, the rest of the page kept
    assert (personal["saveNewcomerSection"], language["saveNewcomerSection"]) == (2, 1)
    page = await stored.personal_page(newcomer.person_id)
    assert (page["family_name"], page["given_name"]) == ("Al-Haddad", "Amina")
    assert await stored.answers(newcomer.person_id) == {"literacy": "partly"}
    # and the log names the team's grant and the team that holds the release
    [(_, _, _, actor, grant, team)] = await stored.log(newcomer.person_id, SELF, "literacy")
    releases = await TeamRelease.select(TeamRelease.team).where(
        TeamRelease.person == newcomer.person_id
    )
    assert actor is not None and actor != newcomer.account_id
    assert grant == caller
    assert team is not None and [team] == [as_uuid(row["team"]) for row in releases]


async def test_an_integration_officer_saves_the_personal_page_but_not_the_language_section(
    client: GraphQLClient,
) -> None:
    # given a newcomer who set the page and released it to a municipal integration office
    newcomer = await owner_has_set_the_page(client)
    await act_as(client, "integration_office", newcomer)

    # when an officer corrects the personal data
    data = await client.data(
        SAVE, save(newcomer.person_id, 1, personal={"nationality": "IQ", "sex": "diverse"})
    )

    # then the change is stored
    assert data["saveNewcomerSection"] == 2
    page = await stored.personal_page(newcomer.person_id)
    assert (page["nationality"], page["sex"]) == ("IQ", "diverse")
    before = await stored.snapshot(newcomer.person_id)

    for field, variables in (
        ("language", save(newcomer.person_id, 0, language={"literacy": "partly"})),
        ("placeOfBirth", save(newcomer.person_id, 2, personal={"placeOfBirth": "Aleppo"})),
    ):
        # when the officer saves the language section, or a question beyond the first page
        body = await client.execute(SAVE, variables)

        # then it is forbidden (in the officer's German) and nothing changed
        error = body["errors"][0]
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert error["message"] == translate("de", "error.field_not_writable", field=field)
        assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize(
    ("caller", "code"),
    [
        ("other_team", "FORBIDDEN"),
        ("revoked_release", "FORBIDDEN"),
        ("stakeholder", "FORBIDDEN"),
        ("administrator", "FORBIDDEN"),
        ("analyst", "FORBIDDEN"),
        ("other_newcomer", "FORBIDDEN"),
        ("anonymous", "UNAUTHENTICATED"),
    ],
)
@pytest.mark.parametrize(
    "section",
    [{"personal": {"familyName": "Al-Haddad"}}, {"living": {"volunteering": True}}],
    ids=["personal", "living"],
)
async def test_a_caller_without_owner_or_team_grant_cannot_save(
    client: GraphQLClient, caller: str, code: str, section: dict[str, Any]
) -> None:
    # given a newcomer who set the page
    newcomer = await owner_has_set_the_page(client)
    headers = await act_as(client, caller, newcomer)
    before = await stored.snapshot(newcomer.person_id)

    # when someone without a grant to write saves a section
    body = await client.execute(SAVE, save(newcomer.person_id, 1, **section), headers=headers)

    # then it is refused and nothing changed
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == code
    assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize(
    "section",
    [
        {"personal": {"placeOfBirth": "Aleppo"}, "living": {"volunteering": True}},
        {"family": {"singleParent": True}, "language": {"literacy": "partly"}},
        {},
    ],
    ids=["personal-and-living", "family-and-language", "none"],
)
async def test_an_input_with_more_or_less_than_one_section_is_rejected(
    client: GraphQLClient, section: dict[str, Any]
) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    before = await stored.snapshot(newcomer.person_id)

    # when they send no section or two in one save
    body = await client.execute(SAVE, save(newcomer.person_id, 0, **section))

    # then it is rejected and nothing was stored
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REJECTED"
    assert await stored.snapshot(newcomer.person_id) == before


async def test_two_sections_written_in_the_document_are_rejected(client: GraphQLClient) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    before = await stored.snapshot(newcomer.person_id)

    # when the document itself holds an input with two sections
    body = await client.execute(
        """mutation($id: ID!) { saveNewcomerSection(personId: $id, expectedVersion: 0,
             input: {personal: {placeOfBirth: "Aleppo"}, living: {volunteering: true}}) }""",
        {"id": str(newcomer.person_id)},
    )

    # then the document is rejected and nothing was stored
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "QUERY_REJECTED"
    assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize(
    ("language", "accept_language"), [("de", "de"), ("en", "en-GB,en;q=0.8")], ids=["de", "en"]
)
async def test_a_stale_version_is_a_conflict_in_the_readers_language(
    client: GraphQLClient, language: str, accept_language: str
) -> None:
    # given a section the owner saved and a counsellor changed since the owner read it
    newcomer = await factories.newcomer(language=language)
    counsellor = await factories.released_caseworker(
        TeamKind.SOCIAL_COUNSELLING, newcomer.person_id
    )
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(SAVE, save(newcomer.person_id, 0, living={"volunteering": True}))
    client.forget_cookies()
    await client.login(counsellor.email, factories.PASSWORD)
    await client.data(SAVE, save(newcomer.person_id, 1, living={"clubMembership": True}))
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    before = await stored.snapshot(newcomer.person_id)

    # when the owner saves with the version they read
    body = await client.execute(
        SAVE,
        save(newcomer.person_id, 1, living={"volunteering": False}),
        headers={"Accept-Language": accept_language},
    )

    # then it is a conflict, explained in their language, with the current version
    error = body["errors"][0]
    assert error["extensions"]["code"] == "VERSION_CONFLICT"
    assert error["extensions"]["currentVersion"] == 2
    assert error["message"] == translate(language, "error.version_conflict")
    assert error["message"] != translate("fr", "error.version_conflict")
    # and the counsellor's change stands
    assert await stored.snapshot(newcomer.person_id) == before


async def test_concurrent_first_saves_through_the_api_let_exactly_one_through(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer who has never saved the living section
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)

    # when two saves of version 0 arrive at the same time
    bodies = await asyncio.gather(
        client.execute(SAVE, save(newcomer.person_id, 0, living={"householdSize": 3})),
        client.execute(SAVE, save(newcomer.person_id, 0, living={"householdSize": 7})),
    )

    # then one is saved and the other gets a conflict (not an internal error)
    saved = [body for body in bodies if not body.get("errors")]
    refused = [body["errors"][0]["extensions"]["code"] for body in bodies if body.get("errors")]
    assert len(saved) == 1, bodies
    assert refused == ["VERSION_CONFLICT"], bodies
    winner = 3 if bodies[0] is saved[0] else 7
    assert await stored.answers(newcomer.person_id) == {"household_size": winner}


@pytest.mark.parametrize("language", ["de", "en", "fr", "ar", "fa"])
async def test_a_wrong_option_code_names_the_question_in_the_readers_language(
    client: GraphQLClient, language: str
) -> None:
    # given a logged-in newcomer reading ``language``
    newcomer = await factories.newcomer(language=language)
    await client.login(newcomer.email, factories.PASSWORD)

    # when they save a literacy code that is not offered
    body = await client.execute(SAVE, save(newcomer.person_id, 0, language={"literacy": "fluent"}))

    # then it is refused naming the question by its label in their language
    error = body["errors"][0]
    label = translate(language, "question.literacy")
    assert error["extensions"]["code"] == "OPTION_UNKNOWN"
    assert error["message"] == translate(language, "error.option_unknown", question=label)
    assert label in error["message"]
    assert "literacy" not in error["message"]
    # and nothing was stored
    assert await stored.snapshot(newcomer.person_id) == stored.Stored(
        personal=await stored.personal_page(newcomer.person_id),
        members=(),
        answers={},
        versions={},
        log=(),
        notes=(),
    )


async def test_an_answer_not_asked_names_the_question_in_the_readers_language(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer reading French who has not said they attend school
    newcomer = await factories.newcomer(language="fr")
    await client.login(newcomer.email, factories.PASSWORD)

    # when they save which school type they attend
    body = await client.execute(
        SAVE, save(newcomer.person_id, 0, education={"currentSchoolType": "primary"})
    )

    # then it is refused, naming the question by its French label, and nothing was stored
    error = body["errors"][0]
    label = translate("fr", "question.current_school_type")
    assert error["extensions"]["code"] == "ANSWER_INVALID"
    assert error["message"] == translate("fr", "error.answer_not_asked", question=label)
    assert await stored.answers(newcomer.person_id) == {}


async def test_an_invalid_value_beside_a_valid_one_changes_nothing(client: GraphQLClient) -> None:
    # given a logged-in newcomer whose page is empty
    newcomer = await factories.newcomer_with_empty_page()
    await client.login(newcomer.email, factories.PASSWORD)
    before = await stored.snapshot(newcomer.person_id)

    # when they save a valid name with a nationality written out
    body = await client.execute(
        SAVE,
        save(newcomer.person_id, 0, personal={"familyName": "New", "nationality": "Syria"}),
    )

    # then it is refused, nothing changed and the page is still open to them
    assert body["errors"][0]["extensions"]["code"] == "OPTION_UNKNOWN"
    assert await stored.snapshot(newcomer.person_id) == before
    await client.data(SAVE, save(newcomer.person_id, 0, personal={"familyName": "New"}))


# --- family members --------------------------------------------------------------------------


@pytest.mark.parametrize("caller", ["owner", "social_counselling", "integration_management"])
async def test_family_members_are_added_filled_in_and_removed_through_the_api(
    client: GraphQLClient, caller: str
) -> None:
    # given a newcomer, and someone who may change the family
    newcomer = await factories.newcomer()
    await act_as(client, caller, newcomer)

    # when they add a partner and a child and save the child's education section
    added = await client.data(ADD_MEMBER, {"id": str(newcomer.person_id), "kind": "CHILD"})
    child = added["addFamilyMember"]
    partner = (await client.data(ADD_MEMBER, {"id": str(newcomer.person_id), "kind": "PARTNER"}))[
        "addFamilyMember"
    ]
    education = {"childAttendsSchool": True, "childSchoolType": "primary"}
    version = await client.data(
        SAVE_CHILD, save_member(newcomer.person_id, child, 0, education=education)
    )

    # then the child has its own page with the answers
    assert version["saveChildSection"] == 1
    child_page = await stored.member_page(UUID(child))
    partner_page = await stored.member_page(UUID(partner))
    assert child_page is not None and child_page["kind"] == MemberKind.CHILD.value
    assert partner_page is not None and partner_page["kind"] == MemberKind.PARTNER.value
    assert await stored.answers(newcomer.person_id, child) == {
        "child_attends_school": True,
        "child_school_type": "primary",
    }

    # when the child is removed
    removed = await client.data(REMOVE_MEMBER, {"id": str(newcomer.person_id), "member": child})

    # then its page and answers are gone, the partner stays, and the log keeps the removal
    assert removed["removeFamilyMember"] is True
    assert await stored.member_page(UUID(child)) is None
    assert await stored.answers(newcomer.person_id, child) == {}
    assert await stored.member_page(UUID(partner)) is not None
    questions = [entry[1] for entry in await stored.log(newcomer.person_id, child)]
    assert sorted(questions) == ["child_attends_school", "child_school_type", "member_removed"]


@pytest.mark.parametrize("caller", ["integration_office", "stakeholder"])
async def test_family_members_cannot_be_changed_by_an_officer_or_a_stakeholder(
    client: GraphQLClient, caller: str
) -> None:
    # given a newcomer with a child
    newcomer = await factories.newcomer()
    child = str(await factories.family_member(newcomer.person_id, MemberKind.CHILD))
    headers = await act_as(client, caller, newcomer)
    before = await stored.snapshot(newcomer.person_id)
    person = str(newcomer.person_id)

    # when they add a member, save the child's education section or remove the child
    calls = [
        (ADD_MEMBER, {"id": person, "kind": "PARTNER"}),
        (
            SAVE_CHILD,
            save_member(newcomer.person_id, child, 0, education={"childAttendsSchool": True}),
        ),
        (REMOVE_MEMBER, {"id": person, "member": child}),
    ]
    codes = [
        await client.error_code(query, variables, headers=headers) for query, variables in calls
    ]

    # then each is forbidden and nothing changed
    assert codes == ["FORBIDDEN"] * 3
    assert await stored.snapshot(newcomer.person_id) == before


async def test_an_integration_officer_may_save_a_childs_personal_page(
    client: GraphQLClient,
) -> None:
    # given a newcomer with a child, released to an integration office
    newcomer = await factories.newcomer()
    child = str(await factories.family_member(newcomer.person_id, MemberKind.CHILD))
    await act_as(client, "integration_office", newcomer)

    # when an officer sets the child's given name
    data = await client.data(
        SAVE_CHILD, save_member(newcomer.person_id, child, 0, personal={"givenName": "Lina"})
    )

    # then it is stored on the child's page
    assert data["saveChildSection"] == 1
    page = await stored.member_page(UUID(child))
    assert page is not None and page["given_name"] == "Lina"


async def test_a_member_of_another_family_or_of_another_kind_cannot_be_addressed(
    client: GraphQLClient,
) -> None:
    # given two newcomers with a child each, the first logged in
    newcomer = await factories.newcomer()
    own_child = str(await factories.family_member(newcomer.person_id, MemberKind.CHILD))
    other = await factories.newcomer()
    their_child = str(await factories.family_member(other.person_id, MemberKind.CHILD))
    await client.login(newcomer.email, factories.PASSWORD)
    mine = await stored.snapshot(newcomer.person_id)
    theirs = await stored.snapshot(other.person_id)

    # when they save on or remove the other family's child as if it were theirs
    education = {"childAttendsSchool": True}
    foreign_save = await client.error_code(
        SAVE_CHILD, save_member(newcomer.person_id, their_child, 0, education=education)
    )
    foreign_removal = await client.error_code(
        REMOVE_MEMBER, {"id": str(newcomer.person_id), "member": their_child}
    )
    # or save a partner's question on their own child's page
    as_partner = await client.error_code(
        SAVE_PARTNER,
        save_member(newcomer.person_id, own_child, 0, family={"partnerInGermany": True}),
    )

    # then the other child is unknown to them, the partner question is refused
    assert (foreign_save, foreign_removal) == ("MEMBER_UNKNOWN", "MEMBER_UNKNOWN")
    assert as_partner == "ANSWER_INVALID"
    # and nothing of either family changed
    assert await stored.snapshot(newcomer.person_id) == mine
    assert await stored.snapshot(other.person_id) == theirs


# --- private notes ---------------------------------------------------------------------------


async def test_the_owner_writes_reads_changes_and_deletes_private_notes(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    person = str(newcomer.person_id)

    # when they write two notes on the language section and change one
    first = (
        await client.data(CREATE_NOTE, {"id": person, "section": "LANGUAGE", "body": "B1 exam?"})
    )["createPrivateNote"]
    second = (
        await client.data(CREATE_NOTE, {"id": person, "section": "LANGUAGE", "body": "Course"})
    )["createPrivateNote"]
    changed = await client.data(UPDATE_NOTE, {"id": person, "note": first, "body": "B1 in May"})

    # then they read both, and the section counts them
    assert changed["updatePrivateNote"] is True
    data = await client.data(READ_NOTES, {"id": person})
    assert data["person"]["privateNotes"] == [
        {"id": first, "section": "LANGUAGE", "body": "B1 in May"},
        {"id": second, "section": "LANGUAGE", "body": "Course"},
    ]
    assert data["person"]["biography"]["own"]["language"]["notesCount"] == 2

    # when they delete one
    deleted = await client.data(DELETE_NOTE, {"id": person, "note": second})

    # then only the other remains
    assert deleted["deletePrivateNote"] is True
    data = await client.data(READ_NOTES, {"id": person})
    assert [note["id"] for note in data["person"]["privateNotes"]] == [first]
    assert data["person"]["biography"]["own"]["language"]["notesCount"] == 1


async def test_an_empty_note_through_the_api_is_refused(client: GraphQLClient) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)

    # when they write a blank note
    code = await client.error_code(
        CREATE_NOTE, {"id": str(newcomer.person_id), "section": "FAMILY", "body": "  "}
    )

    # then it is refused and nothing is stored
    assert code == "NOTE_INVALID"
    assert (await stored.snapshot(newcomer.person_id)).notes == ()


@pytest.mark.parametrize(
    "caller",
    [
        "social_counselling",
        "integration_management",
        "integration_office",
        "stakeholder",
        "administrator",
        "other_newcomer",
    ],
)
async def test_nobody_but_the_owner_writes_changes_or_deletes_private_notes(
    client: GraphQLClient, caller: str
) -> None:
    # given a newcomer with a note
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    person = str(newcomer.person_id)
    note = (await client.data(CREATE_NOTE, {"id": person, "section": "FAMILY", "body": "Mine"}))[
        "createPrivateNote"
    ]
    client.forget_cookies()
    headers = await act_as(client, caller, newcomer)
    before = await stored.snapshot(newcomer.person_id)

    # when someone else writes, changes or deletes a note of that person
    codes = [
        await client.error_code(query, variables, headers=headers)
        for query, variables in (
            (CREATE_NOTE, {"id": person, "section": "FAMILY", "body": "Theirs"}),
            (UPDATE_NOTE, {"id": person, "note": note, "body": "Changed"}),
            (DELETE_NOTE, {"id": person, "note": note}),
        )
    ]

    # then each is forbidden and the note is as it was
    assert codes == ["FORBIDDEN"] * 3
    assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize("caller", ["social_counselling", "integration_management"])
async def test_a_caseworker_reads_neither_the_notes_nor_their_count(
    client: GraphQLClient, caller: str
) -> None:
    # given a newcomer with a note on the language section and an answer there
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    person = str(newcomer.person_id)
    await client.data(CREATE_NOTE, {"id": person, "section": "LANGUAGE", "body": "Private"})
    await client.data(SAVE, save(newcomer.person_id, 0, language={"literacy": "partly"}))
    client.forget_cookies()
    await act_as(client, caller, newcomer)

    # when a caseworker of a released team reads the person's notes and the section
    body = await client.execute(READ_NOTES, {"id": person})

    # then they see the person and the answer, but the notes and their count are null
    person_data = body["data"]["person"]
    assert person_data["id"] == person
    assert person_data["biography"]["own"]["language"]["literacy"] == {"code": "partly"}
    assert person_data["privateNotes"] is None
    assert person_data["biography"]["own"]["language"]["notesCount"] is None
    assert "Private" not in str(body)


async def test_notes_of_one_section_do_not_count_for_another(client: GraphQLClient) -> None:
    # given a logged-in newcomer with a note on the living section
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    person = str(newcomer.person_id)
    await client.data(CREATE_NOTE, {"id": person, "section": "LIVING", "body": "Flat"})

    # when they read the language section
    data = await client.data(READ_NOTES, {"id": person})

    # then it counts no notes
    assert data["person"]["biography"]["own"]["language"]["notesCount"] == 0
    assert [note["section"] for note in data["person"]["privateNotes"]] == [Section.LIVING.name]
