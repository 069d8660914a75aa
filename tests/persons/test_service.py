"""The write-once personal page at service level: who may set it, versions, validation."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Callable
from uuid import UUID, uuid4

import pytest

from mobio import timeutil
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.errors import ErrorCode, MobioError
from mobio.persons import service
from mobio.persons.service import PersonalPageChange, PersonRecord
from tests.support import factories

OWNER = frozenset({Grant.OWNER})
SOCIAL_COUNSELLING = frozenset({Grant.SOCIAL_COUNSELLING})

OWNERS_PAGE = PersonalPageChange(
    family_name="Haddad",
    given_name="Amina",
    sex="female",
    date_of_birth=datetime.date(1990, 1, 31),
    nationality="SYR",
)


async def profile(person_id: UUID) -> PersonRecord:
    return (await service.get_many([person_id]))[person_id]


async def owner_has_set_the_page() -> tuple[UUID, PersonRecord]:
    """A newcomer who set their personal page; the page as it then is."""
    newcomer = await factories.newcomer()
    version = (await profile(newcomer.person_id)).version
    record = await service.update_personal_page(newcomer.person_id, OWNER, version, OWNERS_PAGE)
    return newcomer.person_id, record


async def test_owner_sets_the_personal_page_and_locks_it_for_themselves() -> None:
    # given a newcomer who has not set the personal page yet
    newcomer = await factories.newcomer(family_name="Old")
    before = await profile(newcomer.person_id)
    assert before.personal_page_set_at is None

    # when they set it
    record = await service.update_personal_page(
        newcomer.person_id, OWNER, before.version, OWNERS_PAGE
    )

    # then the values are stored, the version went up and the page is locked for the owner
    assert record == await profile(newcomer.person_id)
    assert (record.family_name, record.given_name, record.sex) == ("Haddad", "Amina", "female")
    assert (record.date_of_birth, record.nationality) == (datetime.date(1990, 1, 31), "SYR")
    assert record.version == before.version + 1
    assert record.personal_page_set_at is not None


async def test_owner_cannot_change_the_personal_page_a_second_time() -> None:
    # given a newcomer who set the personal page
    person_id, first = await owner_has_set_the_page()

    # when they try to change it again with the current version
    with pytest.raises(MobioError) as caught:
        await service.update_personal_page(
            person_id, OWNER, first.version, PersonalPageChange(family_name="Changed")
        )

    # then it is refused as locked, and nothing changed
    assert caught.value.code == ErrorCode.FORBIDDEN
    assert caught.value.message_id == "error.personal_page_locked"
    assert await profile(person_id) == first


@pytest.mark.parametrize("grant", sorted(CASEWORKER_GRANTS))
async def test_team_with_a_release_may_change_the_page_after_the_owner_set_it(
    grant: Grant,
) -> None:
    # given a newcomer who set the personal page
    person_id, first = await owner_has_set_the_page()

    # when a caseworker of a released team corrects it
    record = await service.update_personal_page(
        person_id, frozenset({grant}), first.version, PersonalPageChange(family_name="Al-Haddad")
    )

    # then the correction is stored, the rest kept, and the page stays locked for the owner
    assert record == await profile(person_id)
    assert record.family_name == "Al-Haddad"
    assert record.given_name == first.given_name
    assert record.version == first.version + 1
    assert record.personal_page_set_at == first.personal_page_set_at


async def test_caseworker_changes_do_not_lock_the_page_for_the_owner() -> None:
    # given a newcomer whose page a caseworker filled in first
    newcomer = await factories.newcomer()
    version = (await profile(newcomer.person_id)).version
    by_caseworker = await service.update_personal_page(
        newcomer.person_id, SOCIAL_COUNSELLING, version, PersonalPageChange(family_name="Hadad")
    )
    assert by_caseworker.personal_page_set_at is None

    # when the owner then sets it
    record = await service.update_personal_page(
        newcomer.person_id, OWNER, by_caseworker.version, OWNERS_PAGE
    )

    # then the owner's values are stored
    assert record.family_name == "Haddad"
    assert record.personal_page_set_at is not None


@pytest.mark.parametrize(
    "grants",
    [frozenset(), frozenset({Grant.EMPLOYMENT}), frozenset({Grant.ADMINISTRATOR})],
    ids=["no-grant", "stakeholder", "administrator"],
)
async def test_caller_without_owner_or_team_grant_cannot_set_the_page(
    grants: frozenset[Grant],
) -> None:
    # given a newcomer who has not set the personal page yet
    newcomer = await factories.newcomer()
    before = await profile(newcomer.person_id)

    # when someone who is neither the owner nor in a released team sets it
    with pytest.raises(MobioError) as caught:
        await service.update_personal_page(
            newcomer.person_id, grants, before.version, PersonalPageChange(family_name="X")
        )

    # then it is refused, and nothing changed
    assert caught.value.code == ErrorCode.FORBIDDEN
    assert await profile(newcomer.person_id) == before


async def test_unknown_person_is_forbidden_like_someone_elses() -> None:
    # given no person with some id
    await factories.newcomer()

    # when a team sets that person's page
    with pytest.raises(MobioError) as caught:
        await service.update_personal_page(uuid4(), SOCIAL_COUNSELLING, 1, OWNERS_PAGE)

    # then the answer does not reveal whether the person exists
    assert caught.value.code == ErrorCode.FORBIDDEN
    assert caught.value.message_id == "error.forbidden"


async def test_stale_version_is_a_conflict_and_changes_nothing() -> None:
    # given a page a caseworker read, which someone else changed since
    person_id, first = await owner_has_set_the_page()
    stale = first.version
    current = await service.update_personal_page(
        person_id, SOCIAL_COUNSELLING, stale, PersonalPageChange(given_name="Amina Sara")
    )

    # when the caseworker saves with the version they read
    with pytest.raises(MobioError) as caught:
        await service.update_personal_page(
            person_id, SOCIAL_COUNSELLING, stale, PersonalPageChange(family_name="Lost")
        )

    # then it is a conflict, and the other change stays as it was
    assert caught.value.code == ErrorCode.CONFLICT
    assert await profile(person_id) == current


async def test_concurrent_saves_of_the_same_version_let_exactly_one_through() -> None:
    # given two caseworkers who read the same version of a page
    person_id, first = await owner_has_set_the_page()
    names = ["First", "Second"]

    # when both save at the same time
    results = await asyncio.gather(
        *(
            service.update_personal_page(
                person_id, SOCIAL_COUNSELLING, first.version, PersonalPageChange(family_name=name)
            )
            for name in names
        ),
        return_exceptions=True,
    )

    # then exactly one succeeds, the other gets a conflict, and the stored page is the winner's
    saved = [r for r in results if isinstance(r, PersonRecord)]
    refused = [r for r in results if isinstance(r, MobioError)]
    assert len(saved) == 1, results
    assert [error.code for error in refused] == [ErrorCode.CONFLICT], results
    assert saved[0].version == first.version + 1
    assert await profile(person_id) == saved[0]
    assert saved[0].family_name in names


def _tomorrow() -> datetime.date:
    return timeutil.now().date() + datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("change", "message_id"),
    [
        (lambda: PersonalPageChange(sex="unknown"), "error.option_unknown"),
        (lambda: PersonalPageChange(sex="Female"), "error.option_unknown"),
        (lambda: PersonalPageChange(date_of_birth=_tomorrow()), "error.date_of_birth_future"),
        (lambda: PersonalPageChange(nationality="Syria"), "error.nationality_invalid"),
        (lambda: PersonalPageChange(nationality="syr"), "error.nationality_invalid"),
        (lambda: PersonalPageChange(nationality="SY"), "error.nationality_invalid"),
        (lambda: PersonalPageChange(family_name=""), "error.name_invalid"),
        (lambda: PersonalPageChange(family_name="   "), "error.name_invalid"),
        (lambda: PersonalPageChange(family_name="x" * 121), "error.name_invalid"),
        (lambda: PersonalPageChange(given_name=""), "error.name_invalid"),
        (lambda: PersonalPageChange(given_name="y" * 121), "error.name_invalid"),
        (
            lambda: PersonalPageChange(family_name="Valid", nationality="Syria"),
            "error.nationality_invalid",
        ),
    ],
    ids=[
        "unknown-sex",
        "sex-not-a-code",
        "born-tomorrow",
        "nationality-name",
        "nationality-lower-case",
        "nationality-two-letters",
        "empty-family-name",
        "blank-family-name",
        "long-family-name",
        "empty-given-name",
        "long-given-name",
        "valid-and-invalid",
    ],
)
@pytest.mark.parametrize("grants", [OWNER, SOCIAL_COUNSELLING], ids=["owner", "caseworker"])
async def test_invalid_values_are_bad_input_and_change_nothing(
    change: Callable[[], PersonalPageChange], message_id: str, grants: frozenset[Grant]
) -> None:
    # given a newcomer who has not set the personal page yet
    newcomer = await factories.newcomer()
    before = await profile(newcomer.person_id)

    # when the page is saved with an invalid value
    with pytest.raises(MobioError) as caught:
        await service.update_personal_page(
            newcomer.person_id,
            grants,
            before.version,
            change(),
        )

    # then it is bad input naming the problem, nothing changed and the page is not locked
    assert caught.value.code == ErrorCode.BAD_INPUT
    assert caught.value.message_id == message_id
    assert await profile(newcomer.person_id) == before


async def test_names_of_the_maximum_length_are_accepted_and_stored_without_outer_blanks() -> None:
    # given a newcomer who has not set the personal page yet
    newcomer = await factories.newcomer()
    version = (await profile(newcomer.person_id)).version
    longest = "A" * 120

    # when they set names with blanks around them, one of the longest allowed length
    record = await service.update_personal_page(
        newcomer.person_id,
        OWNER,
        version,
        PersonalPageChange(family_name=f" {longest} ", given_name="  Amina\t"),
    )

    # then the names are stored without the blanks
    assert (record.family_name, record.given_name) == (longest, "Amina")
    assert await profile(newcomer.person_id) == record


async def test_date_of_birth_today_is_accepted() -> None:
    # given a newcomer who has not set the personal page yet (a baby's profile, say)
    newcomer = await factories.newcomer()
    version = (await profile(newcomer.person_id)).version
    today = timeutil.now().date()

    # when the date of birth is today
    record = await service.update_personal_page(
        newcomer.person_id, OWNER, version, PersonalPageChange(date_of_birth=today)
    )

    # then it is stored
    assert record.date_of_birth == today
