"""Saving one section at service level: versions, validation, write-once, grants, conditions
and the append-only log."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest

import mobio
from mobio import timeutil
from mobio.auth.grants import CASEWORKER_GRANTS, Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.errors import ErrorCode, MobioError, Text
from mobio.i18n import translate
from mobio.organisations.tables import TeamKind
from tests.biography import stored
from tests.biography.stored import owner, team_actor
from tests.support import factories

GRANT_TEAM = {
    Grant.SOCIAL_COUNSELLING: TeamKind.SOCIAL_COUNSELLING,
    Grant.INTEGRATION_MANAGEMENT: TeamKind.INTEGRATION_MANAGEMENT,
    Grant.INTEGRATION_OFFICE: TeamKind.INTEGRATION_OFFICE,
}
COUNSELLING = (Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT)


async def caseworker_actor(grant: Grant, person_id: UUID) -> Actor:
    """A caseworker of a released team whose kind gives ``grant``."""
    member = await factories.released_caseworker(GRANT_TEAM[grant], person_id)
    return team_actor(member, grant)


def _tomorrow() -> str:
    return (timeutil.local_today() + datetime.timedelta(days=1)).isoformat()


# --- saving and versions ---------------------------------------------------------------------


async def test_a_save_stores_the_answers_and_returns_version_one_then_two() -> None:
    # given a newcomer who has not saved the living section yet
    newcomer = await factories.newcomer()
    assert await stored.version(newcomer.person_id, Section.LIVING) == 0

    # when they save two answers, then change one of them
    first = await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LIVING,
        0,
        {"volunteering": True, "household_size": 4},
    )
    answers_after_first = await stored.answers(newcomer.person_id)
    second = await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 1, {"household_size": 5}
    )

    # then the first save returns version 1, the second 2, and omitted answers stay
    assert (first, second) == (1, 2)
    assert answers_after_first == {"volunteering": True, "household_size": 4}
    assert await stored.answers(newcomer.person_id) == {"volunteering": True, "household_size": 5}
    assert await stored.version(newcomer.person_id, Section.LIVING) == 2


async def test_every_kind_of_answer_is_stored_as_given() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()
    courses = [{"kind": "integration_course", "level_reached": "b1", "completed": True}]

    # when they save a choice, several codes, entries and a boolean in one section
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LANGUAGE,
        0,
        {
            "literacy": "literate_latin",
            "mother_tongues": ["ar", "ku", "ar"],
            "language_courses": courses,
            "interpreter_needed": False,
        },
    )
    # and a text, a date and a number in others
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"place_of_birth": "  Aleppo ", "arrival_date": "2023-05-02"},
    )
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.FAMILY, 0, {"number_of_children": 0}
    )

    # then codes are kept once each in the given order, text without outer blanks
    assert await stored.answers(newcomer.person_id) == {
        "literacy": "literate_latin",
        "mother_tongues": ["ar", "ku"],
        "language_courses": courses,
        "interpreter_needed": False,
        "place_of_birth": "Aleppo",
        "arrival_date": "2023-05-02",
        "number_of_children": 0,
    }


async def test_a_stale_version_is_a_conflict_and_changes_nothing() -> None:
    # given a section the owner saved (version 1) and a counsellor changed since (version 2)
    newcomer = await factories.newcomer()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 0, {"volunteering": True}
    )
    await save_section(
        counsellor, newcomer.person_id, SELF, Section.LIVING, 1, {"club_membership": True}
    )
    before = await stored.snapshot(newcomer.person_id)

    for stale in (0, 1, 3):
        # when the owner saves with a version that is not the current one
        with pytest.raises(MobioError) as caught:
            await save_section(
                owner(newcomer),
                newcomer.person_id,
                SELF,
                Section.LIVING,
                stale,
                {"volunteering": False},
            )

        # then it is a conflict, and answers, log and version are as they were
        assert caught.value.code == BiographyErrorCode.VERSION_CONFLICT
        assert caught.value.message_id == "error.version_conflict"
        assert await stored.snapshot(newcomer.person_id) == before


async def test_concurrent_saves_of_the_same_version_let_exactly_one_through() -> None:
    # given a section at version 1 that two editors read
    newcomer = await factories.newcomer()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 0, {"household_size": 2}
    )
    log_before = await stored.log(newcomer.person_id)

    # when both save at the same time
    results = await asyncio.gather(
        save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 1, {"household_size": 3}
        ),
        save_section(
            counsellor, newcomer.person_id, SELF, Section.LIVING, 1, {"household_size": 7}
        ),
        return_exceptions=True,
    )

    # then exactly one gets version 2, the other a conflict, and only the winner's value is
    # stored and logged
    versions = [result for result in results if isinstance(result, int)]
    refused = [result for result in results if isinstance(result, MobioError)]
    assert versions == [2], results
    assert [error.code for error in refused] == [BiographyErrorCode.VERSION_CONFLICT], results
    winner = 3 if results[0] == 2 else 7
    assert await stored.answers(newcomer.person_id) == {"household_size": winner}
    assert await stored.version(newcomer.person_id, Section.LIVING) == 2
    new_entries = (await stored.log(newcomer.person_id))[len(log_before) :]
    assert [(entry[1], entry[2]) for entry in new_entries] == [("household_size", winner)]


async def test_concurrent_first_saves_of_a_section_let_exactly_one_through() -> None:
    # given a section nobody has saved yet (version 0)
    newcomer = await factories.newcomer()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)

    # when the owner and a counsellor save it at the same time
    results = await asyncio.gather(
        save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 0, {"household_size": 3}
        ),
        save_section(
            counsellor, newcomer.person_id, SELF, Section.LIVING, 0, {"household_size": 7}
        ),
        return_exceptions=True,
    )

    # then exactly one gets version 1, the other a conflict (not a database error)
    assert [result for result in results if isinstance(result, int)] == [1], results
    refused = [result for result in results if not isinstance(result, int)]
    assert [getattr(error, "code", error) for error in refused] == [
        BiographyErrorCode.VERSION_CONFLICT
    ], results
    winner = 3 if results[0] == 1 else 7
    assert await stored.answers(newcomer.person_id) == {"household_size": winner}
    assert [(entry[1], entry[2]) for entry in await stored.log(newcomer.person_id)] == [
        ("household_size", winner)
    ]


async def test_sections_have_independent_versions() -> None:
    # given a newcomer who saved the living section twice
    newcomer = await factories.newcomer()
    actor = owner(newcomer)
    await save_section(actor, newcomer.person_id, SELF, Section.LIVING, 0, {"volunteering": True})
    await save_section(actor, newcomer.person_id, SELF, Section.LIVING, 1, {"volunteering": False})

    # when they save the family section for the first time, and then the living section again
    family = await save_section(
        actor, newcomer.person_id, SELF, Section.FAMILY, 0, {"single_parent": True}
    )
    living = await save_section(
        actor, newcomer.person_id, SELF, Section.LIVING, 2, {"club_membership": True}
    )

    # then each section counts its own saves
    assert (family, living) == (1, 3)
    assert await stored.version(newcomer.person_id, Section.FAMILY) == 1
    assert await stored.version(newcomer.person_id, Section.LIVING) == 3
    assert await stored.version(newcomer.person_id, Section.LANGUAGE) == 0


# --- validation ------------------------------------------------------------------------------

INVALID: list[tuple[Section, str, Callable[[], Any], BiographyErrorCode, str]] = [
    (Section.PERSONAL, "sex", lambda: "unknown", BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (Section.PERSONAL, "sex", lambda: "Female", BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (Section.PERSONAL, "nationality", lambda: "Syria", BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (Section.PERSONAL, "nationality", lambda: "sy", BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (Section.PERSONAL, "nationality", lambda: "SYR", BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (Section.LANGUAGE, "literacy", lambda: 1, BiographyErrorCode.OPTION_UNKNOWN, "option"),
    (
        Section.LANGUAGE,
        "mother_tongues",
        lambda: ["ar", "xx"],
        BiographyErrorCode.OPTION_UNKNOWN,
        "option",
    ),
    (Section.LANGUAGE, "mother_tongues", lambda: "ar", BiographyErrorCode.ANSWER_INVALID, "form"),
    (
        Section.PERSONAL,
        "family_name",
        lambda: "x" * 121,
        BiographyErrorCode.ANSWER_INVALID,
        "long",
    ),
    (
        Section.LIVING,
        "leisure_interests",
        lambda: "x" * 501,
        BiographyErrorCode.ANSWER_INVALID,
        "long",
    ),
    (Section.PERSONAL, "family_name", lambda: "", BiographyErrorCode.ANSWER_INVALID, "form"),
    (Section.PERSONAL, "given_name", lambda: " \t ", BiographyErrorCode.ANSWER_INVALID, "form"),
    (Section.PERSONAL, "family_name", lambda: 42, BiographyErrorCode.ANSWER_INVALID, "form"),
    (
        Section.PERSONAL,
        "date_of_birth",
        _tomorrow,
        BiographyErrorCode.ANSWER_INVALID,
        "future",
    ),
    (Section.PERSONAL, "arrival_date", _tomorrow, BiographyErrorCode.ANSWER_INVALID, "future"),
    (
        Section.PERSONAL,
        "date_of_birth",
        lambda: "31.01.1990",
        BiographyErrorCode.ANSWER_INVALID,
        "form",
    ),
    (
        Section.PERSONAL,
        "date_of_birth",
        lambda: "1899-12-31",
        BiographyErrorCode.ANSWER_INVALID,
        "form",
    ),
    (
        Section.FAMILY,
        "number_of_children",
        lambda: 21,
        BiographyErrorCode.ANSWER_INVALID,
        "range",
    ),
    (Section.FAMILY, "number_of_children", lambda: -1, BiographyErrorCode.ANSWER_INVALID, "range"),
    (Section.LIVING, "household_size", lambda: 0, BiographyErrorCode.ANSWER_INVALID, "range"),
    (
        Section.FAMILY,
        "number_of_children",
        lambda: True,
        BiographyErrorCode.ANSWER_INVALID,
        "form",
    ),
    (Section.FAMILY, "number_of_children", lambda: "3", BiographyErrorCode.ANSWER_INVALID, "form"),
    (Section.FAMILY, "number_of_children", lambda: 2.5, BiographyErrorCode.ANSWER_INVALID, "form"),
    (Section.LIVING, "volunteering", lambda: "yes", BiographyErrorCode.ANSWER_INVALID, "form"),
    (Section.LIVING, "volunteering", lambda: 1, BiographyErrorCode.ANSWER_INVALID, "form"),
    (
        Section.LANGUAGE,
        "other_languages",
        lambda: [{"language": "fa", "dialect": "dari"}],
        BiographyErrorCode.ANSWER_INVALID,
        "form",
    ),
    (
        Section.LANGUAGE,
        "other_languages",
        lambda: ["fa"],
        BiographyErrorCode.ANSWER_INVALID,
        "form",
    ),
    (
        Section.LANGUAGE,
        "other_languages",
        lambda: [{"language": "fa", "level": "a1"}] * 31,
        BiographyErrorCode.ANSWER_INVALID,
        "entries",
    ),
    (
        Section.LANGUAGE,
        "other_languages",
        lambda: [{"language": "fa", "level": "d1"}],
        BiographyErrorCode.OPTION_UNKNOWN,
        "option",
    ),
    (
        Section.LANGUAGE,
        "language_courses",
        lambda: [{"year": 1949}],
        BiographyErrorCode.ANSWER_INVALID,
        "range",
    ),
]
MESSAGES = {
    "option": "error.option_unknown",
    "form": "error.answer_invalid",
    "long": "error.answer_too_long",
    "future": "error.date_in_future",
    "range": "error.answer_out_of_range",
    "entries": "error.too_many_entries",
}


@pytest.mark.parametrize(
    ("section", "question", "value", "code", "problem"),
    INVALID,
    ids=[f"{case[1]}-{case[4]}-{index}" for index, case in enumerate(INVALID)],
)
@pytest.mark.parametrize("grant", [Grant.OWNER, Grant.SOCIAL_COUNSELLING])
async def test_an_invalid_value_is_refused_naming_the_problem_and_changes_nothing(
    section: Section,
    question: str,
    value: Callable[[], Any],
    code: BiographyErrorCode,
    problem: str,
    grant: Grant,
) -> None:
    # given a newcomer with an empty personal page and an answer in every section
    newcomer = await factories.newcomer_with_empty_page()
    actor = (
        owner(newcomer)
        if grant is Grant.OWNER
        else await caseworker_actor(grant, newcomer.person_id)
    )
    await save_section(actor, newcomer.person_id, SELF, section, 0, {})
    before = await stored.snapshot(newcomer.person_id)

    # when the section is saved with an invalid value
    with pytest.raises(MobioError) as caught:
        await save_section(actor, newcomer.person_id, SELF, section, 1, {question: value()})

    # then it is refused with the code and message of the problem, and nothing changed
    assert caught.value.code == code
    assert caught.value.message_id == MESSAGES[problem]
    assert await stored.snapshot(newcomer.person_id) == before


async def test_a_refusal_names_the_question_by_its_label_in_the_readers_language() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()

    # when they save an unknown code for literacy and a date of birth in the future
    with pytest.raises(MobioError) as option:
        await save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.LANGUAGE, 0, {"literacy": "x"}
        )
    with pytest.raises(MobioError) as entry:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            SELF,
            Section.LANGUAGE,
            0,
            {"other_languages": [{"language": "fa", "level": "d1"}]},
        )

    # then the message names the question (or the entry's field) in each language
    assert option.value.params["question"] == Text("question.literacy")
    assert entry.value.params["question"] == Text("question.other_languages.level")
    for language in ("de", "en", "ar"):
        label = translate(language, "question.literacy")
        assert option.value.render(language) == translate(
            language, "error.option_unknown", question=label
        )
        assert label in option.value.render(language)
        field = translate(language, "question.other_languages.level")
        assert field in entry.value.render(language)


async def test_valid_and_invalid_answers_together_store_nothing() -> None:
    # given a newcomer with an empty personal page
    newcomer = await factories.newcomer_with_empty_page()
    before = await stored.snapshot(newcomer.person_id)

    # when they save a valid name with a nationality written out
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            SELF,
            Section.PERSONAL,
            0,
            {"family_name": "Haddad", "place_of_birth": "Aleppo", "nationality": "Syria"},
        )

    # then nothing is stored, and the page is still open to the owner
    assert caught.value.code == BiographyErrorCode.OPTION_UNKNOWN
    assert await stored.snapshot(newcomer.person_id) == before
    assert before.personal["personal_page_set_at"] is None


async def test_entries_keep_only_the_fields_given_and_drop_empty_entries() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()

    # when they save entries with a null field and an entry without any value
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LANGUAGE,
        0,
        {
            "other_languages": [
                {"language": "fa", "level": None},
                {"language": None},
                {"language": "en", "level": "b2"},
            ]
        },
    )

    # then the stored entries hold the given values only
    assert (await stored.answers(newcomer.person_id))["other_languages"] == [
        {"language": "fa"},
        {"language": "en", "level": "b2"},
    ]


async def test_names_of_the_longest_length_are_stored_without_outer_blanks() -> None:
    # given a newcomer with an empty personal page
    newcomer = await factories.newcomer_with_empty_page()
    longest = "A" * 120

    # when they set names with blanks around them, one of the longest allowed length
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"family_name": f" {longest} ", "given_name": "  Amina\t"},
    )

    # then the names are stored without the blanks
    page = await stored.personal_page(newcomer.person_id)
    assert (page["family_name"], page["given_name"]) == (longest, "Amina")


async def test_a_date_of_birth_today_is_accepted() -> None:
    # given a newcomer with an empty personal page (a baby's profile, say)
    newcomer = await factories.newcomer_with_empty_page()
    today = timeutil.local_today()

    # when the date of birth is today
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"date_of_birth": today.isoformat()},
    )

    # then it is stored
    assert (await stored.personal_page(newcomer.person_id))["date_of_birth"] == today


@pytest.mark.parametrize(
    ("section", "changes"),
    [
        (Section.PERSONAL, {"literacy": "not_literate"}),
        (Section.LANGUAGE, {"family_name": "Haddad"}),
        (Section.LIVING, {"shoe_size": 42}),
        (Section.EDUCATION, {"child_attends_school": True}),
        (Section.OCCUPATION, {"partner_working": True}),
        (Section.LIVING, {"volunteering": True, "child_in_germany": True}),
    ],
    ids=[
        "language-question-in-personal",
        "personal-question-in-language",
        "unknown-question",
        "child-question-on-own-page",
        "partner-question-on-own-page",
        "valid-and-foreign",
    ],
)
async def test_a_question_of_another_section_or_page_is_refused(
    section: Section, changes: dict[str, Any]
) -> None:
    # given a newcomer
    newcomer = await factories.newcomer_with_empty_page()
    before = await stored.snapshot(newcomer.person_id)

    # when they save a question that does not belong to this section of their own page
    with pytest.raises(MobioError) as caught:
        await save_section(owner(newcomer), newcomer.person_id, SELF, section, 0, changes)

    # then it is refused and nothing changed
    assert caught.value.code == BiographyErrorCode.ANSWER_INVALID
    assert caught.value.message_id == "error.question_unknown"
    assert await stored.snapshot(newcomer.person_id) == before


# --- deleting --------------------------------------------------------------------------------


async def test_null_deletes_an_answer_and_logs_the_deletion() -> None:
    # given a newcomer who answered two questions
    newcomer = await factories.newcomer()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LIVING,
        0,
        {"volunteering": True, "club_membership": False},
    )

    # when they save null for one of them
    version = await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.LIVING, 1, {"volunteering": None}
    )

    # then that answer is gone, the other stays, and the log shows the value and its deletion
    assert version == 2
    assert await stored.answers(newcomer.person_id) == {"club_membership": False}
    assert [entry[2] for entry in await stored.log(newcomer.person_id, SELF, "volunteering")] == [
        True,
        None,
    ]


async def test_a_caseworker_deletes_a_personal_answer_with_null() -> None:
    # given a newcomer whose page holds a nationality
    newcomer = await factories.newcomer()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)

    # when a counsellor saves null for it
    await save_section(
        counsellor, newcomer.person_id, SELF, Section.PERSONAL, 0, {"nationality": None}
    )

    # then the column is empty and the deletion is logged under the counsellor's team
    assert (await stored.personal_page(newcomer.person_id))["nationality"] is None
    assert await stored.log(newcomer.person_id, SELF, "nationality") == [
        (
            SELF,
            "nationality",
            None,
            counsellor.account_id,
            Grant.SOCIAL_COUNSELLING.value,
            counsellor.team_id,
        )
    ]


# --- write-once personal page ----------------------------------------------------------------


async def test_the_owner_sets_a_personal_answer_once_and_locks_the_page() -> None:
    # given a newcomer whose personal page is empty
    newcomer = await factories.newcomer_with_empty_page()

    # when they set their family name
    version = await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 0, {"family_name": "Haddad"}
    )

    # then it is stored on the person, logged, and the page is marked as set by its owner
    page = await stored.personal_page(newcomer.person_id)
    assert version == 1
    assert page["family_name"] == "Haddad"
    assert page["personal_page_set_at"] is not None
    assert await stored.answers(newcomer.person_id) == {}
    assert [entry[2] for entry in await stored.log(newcomer.person_id)] == ["Haddad"]


@pytest.mark.parametrize("value", ["Al-Haddad", None], ids=["change", "delete"])
async def test_the_owner_cannot_change_a_set_personal_answer_a_second_time(
    value: str | None,
) -> None:
    # given a newcomer who set their family name
    newcomer = await factories.newcomer_with_empty_page()
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 0, {"family_name": "Haddad"}
    )
    before = await stored.snapshot(newcomer.person_id)

    # when they change or delete it with the current version
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 1, {"family_name": value}
        )

    # then it is refused as locked, and nothing changed
    assert caught.value.code == BiographyErrorCode.PERSONAL_PAGE_LOCKED
    assert caught.value.message_id == "error.personal_page_locked"
    assert await stored.snapshot(newcomer.person_id) == before


async def test_the_owner_may_still_fill_an_empty_personal_answer() -> None:
    # given a newcomer who set only their family name
    newcomer = await factories.newcomer_with_empty_page()
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 0, {"family_name": "Haddad"}
    )

    # when they later fill in the rest of the page
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        1,
        {"given_name": "Amina", "sex": "female", "date_of_birth": "1990-01-31"},
    )

    # then those answers are stored too
    page = await stored.personal_page(newcomer.person_id)
    assert (page["family_name"], page["given_name"], page["sex"]) == ("Haddad", "Amina", "female")
    assert page["date_of_birth"] == datetime.date(1990, 1, 31)


async def test_the_owner_may_change_answers_outside_the_write_once_page_any_time() -> None:
    # given a newcomer who set their family name and place of birth
    newcomer = await factories.newcomer_with_empty_page()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"family_name": "Haddad", "place_of_birth": "Aleppo"},
    )

    # when they change the place of birth
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 1, {"place_of_birth": "Homs"}
    )

    # then the change is stored
    assert await stored.answers(newcomer.person_id) == {"place_of_birth": "Homs"}


@pytest.mark.parametrize("grant", sorted(CASEWORKER_GRANTS))
async def test_a_caseworker_with_a_release_may_change_the_page_after_the_owner_set_it(
    grant: Grant,
) -> None:
    # given a newcomer who set their personal page
    newcomer = await factories.newcomer_with_empty_page()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        0,
        {"family_name": "Haddad", "given_name": "Amina", "nationality": "SY"},
    )
    set_at = (await stored.personal_page(newcomer.person_id))["personal_page_set_at"]
    actor = await caseworker_actor(grant, newcomer.person_id)

    # when a caseworker of a released team corrects it
    version = await save_section(
        actor,
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        1,
        {"family_name": "Al-Haddad", "nationality": "IQ"},
    )

    # then the correction is stored, the rest kept, and the page stays locked for the owner
    page = await stored.personal_page(newcomer.person_id)
    assert version == 2
    assert (page["family_name"], page["given_name"], page["nationality"]) == (
        "Al-Haddad",
        "Amina",
        "IQ",
    )
    assert page["personal_page_set_at"] == set_at
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 2, {"family_name": "X"}
        )
    assert caught.value.code == BiographyErrorCode.PERSONAL_PAGE_LOCKED


async def test_caseworker_changes_do_not_mark_the_page_as_set_by_the_owner() -> None:
    # given a newcomer with an empty page
    newcomer = await factories.newcomer_with_empty_page()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)

    # when a counsellor fills in the given name
    await save_section(
        counsellor, newcomer.person_id, SELF, Section.PERSONAL, 0, {"given_name": "Amina"}
    )

    # then the page is not marked as set by its owner, and the owner may fill the rest
    assert (await stored.personal_page(newcomer.person_id))["personal_page_set_at"] is None
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 1, {"family_name": "Haddad"}
    )
    assert (await stored.personal_page(newcomer.person_id))["family_name"] == "Haddad"


async def test_an_answer_a_caseworker_entered_first_can_still_be_set_once_by_the_owner() -> None:
    # given a newcomer whose family name a counsellor entered before the newcomer did
    newcomer = await factories.newcomer_with_empty_page()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)
    await save_section(
        counsellor, newcomer.person_id, SELF, Section.PERSONAL, 0, {"family_name": "Hadad"}
    )

    # when the owner sets it (the first time they do)
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 1, {"family_name": "Haddad"}
    )

    # then the owner's value is stored and the page is now locked for them
    page = await stored.personal_page(newcomer.person_id)
    assert page["family_name"] == "Haddad"
    assert page["personal_page_set_at"] is not None
    with pytest.raises(MobioError) as locked:
        await save_section(
            owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 2, {"family_name": "X"}
        )
    assert locked.value.code is BiographyErrorCode.PERSONAL_PAGE_LOCKED


# --- who may write ---------------------------------------------------------------------------


async def test_the_integration_office_writes_the_personal_page_but_nothing_else() -> None:
    # given a newcomer who set their page and released it to a municipal integration office
    newcomer = await factories.newcomer_with_empty_page()
    await save_section(
        owner(newcomer), newcomer.person_id, SELF, Section.PERSONAL, 0, {"family_name": "Haddad"}
    )
    officer = await caseworker_actor(Grant.INTEGRATION_OFFICE, newcomer.person_id)

    # when an officer corrects the family name and sets the sex
    await save_section(
        officer,
        newcomer.person_id,
        SELF,
        Section.PERSONAL,
        1,
        {"family_name": "Al-Haddad", "sex": "female"},
    )
    after_personal = await stored.snapshot(newcomer.person_id)

    # then that is stored
    assert after_personal.personal["family_name"] == "Al-Haddad"
    assert after_personal.personal["sex"] == "female"

    refused: list[tuple[Section, dict[str, Any]]] = [
        (Section.LANGUAGE, {"literacy": "not_literate"}),
        (Section.PERSONAL, {"place_of_birth": "Aleppo"}),
        (Section.PERSONAL, {"given_name": "Amina", "residence_status": "tolerated"}),
        (Section.LIVING, {"health_restrictions": True}),
    ]
    for section, changes in refused:
        # when the officer saves any other question
        with pytest.raises(MobioError) as caught:
            await save_section(officer, newcomer.person_id, SELF, section, 2, changes)

        # then it is forbidden, and nothing changed
        assert caught.value.code == ErrorCode.FORBIDDEN
        assert caught.value.message_id == "error.field_not_writable"
        assert await stored.snapshot(newcomer.person_id) == after_personal


@pytest.mark.parametrize(
    "grants",
    [
        frozenset(),
        frozenset({Grant.EMPLOYMENT}),
        frozenset({Grant.LANGUAGE_SCHOOL}),
        frozenset({Grant.ADMINISTRATOR}),
        frozenset({Grant.ANALYST}),
    ],
    ids=["no-grant", "employment-package", "language-school-package", "administrator", "analyst"],
)
@pytest.mark.parametrize(
    ("section", "changes"),
    [
        (Section.PERSONAL, {"family_name": "X"}),
        (Section.LANGUAGE, {"german_level": "b1"}),
        (Section.LIVING, {}),
    ],
    ids=["personal-page", "language", "empty-save"],
)
async def test_a_caller_without_owner_or_team_grant_writes_nothing(
    grants: frozenset[Grant], section: Section, changes: dict[str, Any]
) -> None:
    # given a newcomer with an empty page
    newcomer = await factories.newcomer_with_empty_page()
    staff = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    before = await stored.snapshot(newcomer.person_id)

    # when someone who is neither the owner nor in a released team saves a section
    with pytest.raises(MobioError) as caught:
        await save_section(
            Actor(staff.account_id, grants), newcomer.person_id, SELF, section, 0, changes
        )

    # then it is forbidden and nothing changed, not even the version
    assert caught.value.code == ErrorCode.FORBIDDEN
    assert await stored.snapshot(newcomer.person_id) == before


async def test_an_unknown_person_is_forbidden_like_someone_elses() -> None:
    # given no person with some id
    await factories.newcomer()
    counsellor = Actor(uuid4(), frozenset({Grant.SOCIAL_COUNSELLING}), uuid4())

    # when a team saves that person's page
    with pytest.raises(MobioError) as caught:
        await save_section(counsellor, uuid4(), SELF, Section.PERSONAL, 0, {"family_name": "X"})

    # then the answer does not reveal whether the person exists
    assert caught.value.code == ErrorCode.FORBIDDEN
    assert caught.value.message_id == "error.forbidden"


# --- conditions ------------------------------------------------------------------------------


@pytest.mark.parametrize("attends_school", [None, False], ids=["unanswered", "no"])
async def test_an_answer_to_a_question_not_asked_is_refused(attends_school: bool | None) -> None:
    # given a newcomer who has not said they attend school
    newcomer = await factories.newcomer()
    if attends_school is not None:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            SELF,
            Section.EDUCATION,
            0,
            {"attends_school": attends_school},
        )
    before = await stored.snapshot(newcomer.person_id)

    # when they answer which school type they attend
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            SELF,
            Section.EDUCATION,
            await stored.version(newcomer.person_id, Section.EDUCATION),
            {"current_school_type": "vocational_school"},
        )

    # then it is refused as not asked, naming the question, and nothing changed
    assert caught.value.code == BiographyErrorCode.ANSWER_INVALID
    assert caught.value.message_id == "error.answer_not_asked"
    label = translate("en", "question.current_school_type")
    assert label in caught.value.render("en")
    assert await stored.snapshot(newcomer.person_id) == before


async def test_a_condition_and_its_question_may_be_answered_in_one_save() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()

    # when they say they attend school, and which type, in one save
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.EDUCATION,
        0,
        {"attends_school": True, "current_school_type": "vocational_school"},
    )

    # then both are stored
    assert await stored.answers(newcomer.person_id) == {
        "attends_school": True,
        "current_school_type": "vocational_school",
    }


async def test_a_changed_condition_clears_the_answers_no_longer_asked_and_logs_that() -> None:
    # given a newcomer who attends a vocational school
    newcomer = await factories.newcomer()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.EDUCATION,
        0,
        {"attends_school": True, "current_school_type": "vocational_school", "school_abroad": True},
    )
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)

    # when a counsellor later records that they no longer attend school
    version = await save_section(
        counsellor, newcomer.person_id, SELF, Section.EDUCATION, 1, {"attends_school": False}
    )

    # then the school type is gone, the unrelated answer stays, and the log shows the deletion
    assert version == 2
    assert await stored.answers(newcomer.person_id) == {
        "attends_school": False,
        "school_abroad": True,
    }
    assert await stored.log(newcomer.person_id, SELF, "current_school_type") == [
        (SELF, "current_school_type", "vocational_school", newcomer.account_id, "owner", None),
        (
            SELF,
            "current_school_type",
            None,
            counsellor.account_id,
            Grant.SOCIAL_COUNSELLING.value,
            counsellor.team_id,
        ),
    ]


async def test_clearing_follows_conditions_that_depend_on_each_other() -> None:
    # given a newcomer with a foreign qualification being recognised for a reference occupation
    newcomer = await factories.newcomer()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.EDUCATION,
        0,
        {
            "foreign_qualification": "yes",
            "recognition_status": "applied",
            "recognition_reference_occupation": "Nurse",
            "recognition_counselling": True,
        },
    )

    # when they answer that they have no foreign qualification
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.EDUCATION,
        1,
        {"foreign_qualification": "no"},
    )

    # then every answer that hung on it, directly or not, is cleared
    assert await stored.answers(newcomer.person_id) == {"foreign_qualification": "no"}


async def test_deleting_a_condition_clears_its_dependent_answers() -> None:
    # given a newcomer who wishes a language course at certain times
    newcomer = await factories.newcomer()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LANGUAGE,
        0,
        {"language_course_wish": True, "course_times": ["morning", "evening"]},
    )

    # when they delete the wish
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LANGUAGE,
        1,
        {"language_course_wish": None},
    )

    # then the times are gone too
    assert await stored.answers(newcomer.person_id) == {}


async def test_a_question_asked_on_a_no_is_refused_after_a_yes() -> None:
    # given a newcomer who has a driving licence
    newcomer = await factories.newcomer()
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LIVING,
        0,
        {"has_driving_licence": True},
    )

    # when they say they wish to get one
    with pytest.raises(MobioError) as caught:
        await save_section(
            owner(newcomer),
            newcomer.person_id,
            SELF,
            Section.LIVING,
            1,
            {"driving_licence_wish": True},
        )

    # then it is refused, and after a "no" the same answer is accepted
    assert caught.value.message_id == "error.answer_not_asked"
    await save_section(
        owner(newcomer),
        newcomer.person_id,
        SELF,
        Section.LIVING,
        1,
        {"has_driving_licence": False, "driving_licence_wish": True},
    )
    assert await stored.answers(newcomer.person_id) == {
        "has_driving_licence": False,
        "driving_licence_wish": True,
    }


# --- the log ---------------------------------------------------------------------------------


@pytest.mark.parametrize("grant", [Grant.OWNER, *sorted(CASEWORKER_GRANTS)])
async def test_the_log_records_actor_grant_and_team(grant: Grant) -> None:
    # given a newcomer with an empty page and someone acting on it
    newcomer = await factories.newcomer_with_empty_page()
    actor = (
        owner(newcomer)
        if grant is Grant.OWNER
        else await caseworker_actor(grant, newcomer.person_id)
    )

    # when they set the given name
    await save_section(
        actor, newcomer.person_id, SELF, Section.PERSONAL, 0, {"given_name": "Amina"}
    )

    # then the log names the account, the grant it acted under and its team (none for owners)
    assert await stored.log(newcomer.person_id) == [
        (SELF, "given_name", "Amina", actor.account_id, grant.value, actor.team_id)
    ]


async def test_the_log_only_grows_across_saves_and_deletions() -> None:
    # given a newcomer and a counsellor
    newcomer = await factories.newcomer()
    counsellor = await caseworker_actor(Grant.SOCIAL_COUNSELLING, newcomer.person_id)
    seen: dict[str, tuple[Any, ...]] = {}
    steps: list[tuple[Actor, Section, dict[str, Any]]] = [
        (owner(newcomer), Section.LIVING, {"volunteering": True, "household_size": 3}),
        (counsellor, Section.LIVING, {"volunteering": False}),
        (owner(newcomer), Section.LIVING, {"volunteering": None}),
        (owner(newcomer), Section.EDUCATION, {"attends_school": True}),
        (owner(newcomer), Section.EDUCATION, {"current_school_type": "vocational_school"}),
        (counsellor, Section.EDUCATION, {"attends_school": False}),
        (counsellor, Section.PERSONAL, {"family_name": "Al-Haddad"}),
    ]

    for actor, section, changes in steps:
        # when anyone saves or deletes answers
        current = await stored.version(newcomer.person_id, section)
        await save_section(actor, newcomer.person_id, SELF, section, current, changes)

        # then every earlier row is still there, unchanged, and new rows were added
        rows = await stored.log_ids(newcomer.person_id)
        assert {key: rows[key] for key in seen} == seen
        assert len(rows) > len(seen)
        seen = rows
    assert len(seen) == 9


def test_no_code_updates_or_deletes_log_rows() -> None:
    # given the application's sources
    sources = Path(mobio.__file__).parent.rglob("*.py")

    # when searched for updates or deletes of the log table
    found = [
        f"{path}: {line.strip()}"
        for path in sources
        for line in path.read_text(encoding="utf-8").splitlines()
        if "AnswerLog.update" in line or "AnswerLog.delete" in line or "AnswerLog.raw" in line
    ]

    # then there are none: the log is written only by inserts
    assert found == []
