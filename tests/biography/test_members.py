"""Partners and children at service level: their own pages, who addresses them, removal."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from mobio.auth.grants import Grant
from mobio.biography import members
from mobio.biography.catalogue.model import Section
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF, FamilyMember, MemberKind
from mobio.errors import ErrorCode, MobioError
from mobio.organisations.tables import TeamKind
from tests.biography import stored
from tests.biography.stored import owner, team_actor
from tests.support import factories


async def counsellor_of(person_id: UUID) -> Actor:
    member = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, person_id)
    return team_actor(member, Grant.SOCIAL_COUNSELLING)


async def test_a_partner_and_children_are_added_each_with_an_empty_page() -> None:
    # given a newcomer without family members
    newcomer = await factories.newcomer()

    # when they add a partner and two children
    partner = await members.add_member(owner(newcomer), newcomer.person_id, MemberKind.PARTNER)
    first = await members.add_member(owner(newcomer), newcomer.person_id, MemberKind.CHILD)
    second = await members.add_member(owner(newcomer), newcomer.person_id, MemberKind.CHILD)

    # then there are three distinct members of the right kinds, each with an empty page
    assert len({partner, first, second}) == 3
    pages = {member: await stored.member_page(member) for member in (partner, first, second)}
    assert {member: page["kind"] for member, page in pages.items() if page} == {
        partner: MemberKind.PARTNER.value,
        first: MemberKind.CHILD.value,
        second: MemberKind.CHILD.value,
    }
    for page in pages.values():
        assert page is not None
        assert {key: value for key, value in page.items() if key != "kind"} == dict.fromkeys(
            ("family_name", "given_name", "sex", "date_of_birth", "nationality"), None
        ) | {"personal_page_set_at": None}
    rows = await FamilyMember.select(FamilyMember.id).where(
        FamilyMember.person == newcomer.person_id
    )
    assert len(rows) == 3


async def test_each_member_has_its_own_personal_page_and_questions() -> None:
    # given a newcomer with a partner and a child
    newcomer = await factories.newcomer()
    actor = owner(newcomer)
    partner = await factories.family_member(newcomer.person_id, MemberKind.PARTNER)
    child = await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    own_before = await stored.personal_page(newcomer.person_id)

    # when the owner fills in the personal page and questions of each
    results = [
        await save_section(
            actor,
            newcomer.person_id,
            str(partner),
            Section.PERSONAL,
            0,
            {"family_name": "Haddad", "given_name": "Omar", "date_of_birth": "1988-03-04"},
        ),
        await save_section(
            actor,
            newcomer.person_id,
            str(partner),
            Section.FAMILY,
            0,
            {"partner_in_germany": True, "partner_same_household": True},
        ),
        await save_section(
            actor,
            newcomer.person_id,
            str(partner),
            Section.LANGUAGE,
            0,
            {"partner_german_level": "a2"},
        ),
        await save_section(
            actor,
            newcomer.person_id,
            str(child),
            Section.PERSONAL,
            0,
            {"given_name": "Lina", "sex": "female"},
        ),
        await save_section(
            actor,
            newcomer.person_id,
            str(child),
            Section.EDUCATION,
            0,
            {"child_attends_school": True, "child_school_type": "primary"},
        ),
    ]

    # then every page counts its own versions and holds its own answers
    assert results == [1, 1, 1, 1, 1]
    partner_page = await stored.member_page(partner)
    child_page = await stored.member_page(child)
    assert partner_page is not None and child_page is not None
    assert (partner_page["family_name"], partner_page["given_name"]) == ("Haddad", "Omar")
    assert (child_page["given_name"], child_page["sex"], child_page["family_name"]) == (
        "Lina",
        "female",
        None,
    )
    assert await stored.answers(newcomer.person_id, str(partner)) == {
        "partner_in_germany": True,
        "partner_same_household": True,
        "partner_german_level": "a2",
    }
    assert await stored.answers(newcomer.person_id, str(child)) == {
        "child_attends_school": True,
        "child_school_type": "primary",
    }
    # and the newcomer's own page is untouched
    assert await stored.answers(newcomer.person_id) == {}
    assert await stored.personal_page(newcomer.person_id) == own_before
    assert await stored.version(newcomer.person_id, Section.PERSONAL) == 0
    assert [entry[0] for entry in await stored.log(newcomer.person_id)].count(str(child)) == 4


async def test_a_members_personal_page_is_write_once_for_the_owner() -> None:
    # given a newcomer who set their child's given name
    newcomer = await factories.newcomer_with_empty_page()
    child = await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    await save_section(
        owner(newcomer), newcomer.person_id, str(child), Section.PERSONAL, 0, {"given_name": "Lina"}
    )
    before = await stored.snapshot(newcomer.person_id)

    # when they change it
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            str(child),
            Section.PERSONAL,
            1,
            {"given_name": "Leena"},
        )

    # then it is locked and nothing changed; the owner's own page is still open to them
    assert caught.value.code == BiographyErrorCode.PERSONAL_PAGE_LOCKED
    assert await stored.snapshot(newcomer.person_id) == before
    child_page = await stored.member_page(child)
    assert child_page is not None and child_page["personal_page_set_at"] is not None
    assert (await stored.personal_page(newcomer.person_id))["personal_page_set_at"] is None
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 0, {"given_name": "Amina"}
    )
    # and a counsellor may still correct the child's name
    counsellor = await counsellor_of(newcomer.person_id)
    await save_section(
        counsellor, newcomer.person_id, str(child), Section.PERSONAL, 1, {"given_name": "Leena"}
    )
    child_page = await stored.member_page(child)
    assert child_page is not None and child_page["given_name"] == "Leena"


@pytest.mark.parametrize(
    ("kind", "section", "changes"),
    [
        (MemberKind.PARTNER, Section.EDUCATION, {"child_attends_school": True}),
        (MemberKind.PARTNER, Section.FAMILY, {"childcare_status": "kindergarten"}),
        (MemberKind.PARTNER, Section.LANGUAGE, {"literacy": "not_literate"}),
        (MemberKind.CHILD, Section.LANGUAGE, {"partner_german_level": "a2"}),
        (MemberKind.CHILD, Section.PERSONAL, {"place_of_birth": "Aleppo"}),
        (MemberKind.CHILD, Section.EDUCATION, {"partner_school_years": 3}),
    ],
    ids=[
        "child-question-on-partner-page",
        "child-family-question-on-partner-page",
        "own-question-on-partner-page",
        "partner-question-on-child-page",
        "own-personal-question-on-child-page",
        "partner-education-on-child-page",
    ],
)
async def test_a_question_of_another_kind_of_page_cannot_be_saved_on_a_member(
    kind: MemberKind, section: Section, changes: dict[str, object]
) -> None:
    # given a newcomer with a family member
    newcomer = await factories.newcomer()
    member = await factories.family_member(newcomer.person_id, kind)
    before = await stored.snapshot(newcomer.person_id)

    # when a question not asked on that member's page is saved there
    with pytest.raises(MobioError) as caught:
        await save_section(owner(newcomer), newcomer.person_id, str(member), section, 0, changes)

    # then it is refused and nothing changed
    assert caught.value.code == BiographyErrorCode.ANSWER_INVALID
    assert caught.value.message_id == "error.question_unknown"
    assert await stored.snapshot(newcomer.person_id) == before


async def test_a_member_of_another_person_cannot_be_addressed() -> None:
    # given two newcomers, the second with a child whose page has an answer
    newcomer = await factories.newcomer()
    other = await factories.newcomer()
    their_child = await factories.family_member(other.person_id, MemberKind.CHILD)
    await save_section(
        owner(other),
        other.person_id,
        str(their_child),
        Section.FAMILY,
        0,
        {"child_in_germany": True},
    )
    mine = await stored.snapshot(newcomer.person_id)
    theirs = await stored.snapshot(other.person_id)

    for subject in (str(their_child), str(uuid4()), "not-a-member"):
        # when the first newcomer saves on that page (or one that does not exist) as theirs
        with pytest.raises(MobioError) as caught:
            await save_section(
                owner(newcomer),
                newcomer.person_id,
                subject,
                Section.FAMILY,
                1,
                {"child_in_germany": False},
            )

        # then the member is unknown to them
        assert caught.value.code == BiographyErrorCode.MEMBER_UNKNOWN

    # and they cannot remove it either
    with pytest.raises(MobioError) as caught:
        await members.remove_member(owner(newcomer), newcomer.person_id, their_child)
    assert caught.value.code == BiographyErrorCode.MEMBER_UNKNOWN

    # and nothing of either family changed
    assert await stored.snapshot(newcomer.person_id) == mine
    assert await stored.snapshot(other.person_id) == theirs


@pytest.mark.parametrize("grant", [Grant.OWNER, Grant.SOCIAL_COUNSELLING])
async def test_removing_a_member_deletes_its_answers_and_versions_and_logs_the_removal(
    grant: Grant,
) -> None:
    # given a newcomer with two children whose pages hold answers
    newcomer = await factories.newcomer()
    child = await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    sibling = await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    for member in (child, sibling):
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            str(member),
            Section.EDUCATION,
            0,
            {"child_attends_school": True},
        )
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            str(member),
            Section.PERSONAL,
            0,
            {"given_name": "Lina"},
        )
    actor = owner(newcomer) if grant is Grant.OWNER else await counsellor_of(newcomer.person_id)
    log_before = await stored.log(newcomer.person_id)
    sibling_before = (
        await stored.member_page(sibling),
        await stored.answers(newcomer.person_id, str(sibling)),
        await stored.version(newcomer.person_id, Section.EDUCATION, str(sibling)),
    )

    # when one child is removed
    await members.remove_member(actor, newcomer.person_id, child)

    # then its page, answers and versions are gone
    assert await stored.member_page(child) is None
    assert await stored.answers(newcomer.person_id, str(child)) == {}
    assert await stored.version(newcomer.person_id, Section.EDUCATION, str(child)) == 0
    assert await stored.version(newcomer.person_id, Section.PERSONAL, str(child)) == 0
    # and the log keeps every earlier entry and adds who removed it
    log_after = await stored.log(newcomer.person_id)
    assert sorted(map(repr, log_after)) == sorted(
        map(
            repr,
            [
                *log_before,
                (str(child), "member_removed", None, actor.account_id, grant.value, actor.team_id),
            ],
        )
    )
    # and the sibling is untouched
    assert sibling_before == (
        await stored.member_page(sibling),
        await stored.answers(newcomer.person_id, str(sibling)),
        await stored.version(newcomer.person_id, Section.EDUCATION, str(sibling)),
    )
    # and the removed child can no longer be addressed
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            str(child),
            Section.EDUCATION,
            0,
            {"child_attends_school": False},
        )
    assert caught.value.code == BiographyErrorCode.MEMBER_UNKNOWN


async def test_removing_an_unknown_member_is_refused() -> None:
    # given a newcomer with a partner
    newcomer = await factories.newcomer()
    await factories.family_member(newcomer.person_id, MemberKind.PARTNER)
    before = await stored.snapshot(newcomer.person_id)

    # when a member id that does not exist is removed
    with pytest.raises(MobioError) as caught:
        await members.remove_member(owner(newcomer), newcomer.person_id, uuid4())

    # then it is unknown, and nothing changed (not even the log)
    assert caught.value.code == BiographyErrorCode.MEMBER_UNKNOWN
    assert await stored.snapshot(newcomer.person_id) == before


@pytest.mark.parametrize(
    "grants",
    [
        frozenset({Grant.INTEGRATION_OFFICE}),
        frozenset({Grant.EMPLOYMENT}),
        frozenset({Grant.ADMINISTRATOR}),
        frozenset(),
    ],
    ids=["integration-office", "employment-package", "administrator", "no-grant"],
)
async def test_only_owner_and_counselling_teams_add_or_remove_members(
    grants: frozenset[Grant],
) -> None:
    # given a newcomer with a child
    newcomer = await factories.newcomer()
    child = await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    before = await stored.snapshot(newcomer.person_id)
    actor = Actor(uuid4(), grants, uuid4())

    # when someone else adds a partner or removes the child
    with pytest.raises(MobioError) as added:
        await members.add_member(actor, newcomer.person_id, MemberKind.PARTNER)
    with pytest.raises(MobioError) as removed:
        await members.remove_member(actor, newcomer.person_id, child)

    # then both are forbidden and nothing changed
    assert (added.value.code, removed.value.code) == (ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN)
    assert await stored.snapshot(newcomer.person_id) == before


async def test_a_family_has_at_most_thirty_members() -> None:
    # given a newcomer with thirty family members
    newcomer = await factories.newcomer()
    for _ in range(members.MAX_MEMBERS):
        await factories.family_member(newcomer.person_id, MemberKind.CHILD)
    assert members.MAX_MEMBERS == 30

    # when they add one more
    with pytest.raises(MobioError) as caught:
        await members.add_member(owner(newcomer), newcomer.person_id, MemberKind.CHILD)

    # then it is refused
    assert caught.value.code == BiographyErrorCode.ANSWER_INVALID
    assert caught.value.message_id == "error.too_many_entries"
    count = await FamilyMember.count().where(FamilyMember.person == newcomer.person_id)
    assert count == 30
