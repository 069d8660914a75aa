"""Private notes at service level: the owner's alone, checked in every function."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

import pytest

from mobio.auth.grants import Grant
from mobio.biography import notes
from mobio.biography.catalogue.model import Section
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.tables import PrivateNote
from mobio.errors import ErrorCode, MobioError
from mobio.timeutil import travel
from tests.biography import stored
from tests.biography.stored import OWNER
from tests.support import factories

OTHERS = [
    frozenset({Grant.SOCIAL_COUNSELLING}),
    frozenset({Grant.INTEGRATION_MANAGEMENT}),
    frozenset({Grant.INTEGRATION_OFFICE}),
    frozenset({Grant.EMPLOYMENT}),
    frozenset({Grant.ADMINISTRATOR}),
    frozenset(),
]
OTHER_IDS = [
    "social-counselling",
    "integration-management",
    "integration-office",
    "employment-package",
    "administrator",
    "no-grant",
]


async def note_rows(person_id: UUID) -> list[tuple[str, str, str]]:
    rows = await PrivateNote.select(PrivateNote.id, PrivateNote.section, PrivateNote.body).where(
        PrivateNote.person == person_id
    )
    return sorted((str(row["id"]), row["section"], row["body"]) for row in rows)


async def test_the_owner_creates_reads_changes_and_deletes_notes() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()

    # when they write notes on two sections
    first = await notes.create(OWNER, newcomer.person_id, Section.LANGUAGE, "Ask about B1 exam")
    second = await notes.create(OWNER, newcomer.person_id, Section.LIVING, "Flat in Ulm?")
    third = await notes.create(OWNER, newcomer.person_id, Section.LANGUAGE, "Evening course")

    # then they read them back, all of them or those of one section, oldest first
    every = await notes.notes(OWNER, newcomer.person_id, None)
    assert [(n.id, n.section, n.body) for n in every] == [
        (first, Section.LANGUAGE, "Ask about B1 exam"),
        (second, Section.LIVING, "Flat in Ulm?"),
        (third, Section.LANGUAGE, "Evening course"),
    ]
    language = await notes.notes(OWNER, newcomer.person_id, Section.LANGUAGE)
    assert [n.id for n in language] == [first, third]
    assert await notes.counts([newcomer.person_id]) == {
        (newcomer.person_id, Section.LANGUAGE): 2,
        (newcomer.person_id, Section.LIVING): 1,
    }

    # when they change one a day later
    created = every[0]
    travel(timedelta(days=1))
    await notes.update(OWNER, newcomer.person_id, first, "B1 exam on 3 May")

    # then the new text is stored with a new change time, the creation time kept
    changed = (await notes.notes(OWNER, newcomer.person_id, Section.LANGUAGE))[0]
    assert (changed.id, changed.body) == (first, "B1 exam on 3 May")
    assert changed.created_at == created.created_at
    assert changed.updated_at > created.updated_at

    # when they delete one
    await notes.delete(OWNER, newcomer.person_id, second)

    # then it is gone and the others stay
    assert [n.id for n in await notes.notes(OWNER, newcomer.person_id, None)] == [first, third]


@pytest.mark.parametrize("grants", OTHERS, ids=OTHER_IDS)
async def test_every_note_function_refuses_anyone_but_the_owner(grants: frozenset[Grant]) -> None:
    # given a newcomer with a note
    newcomer = await factories.newcomer()
    note = await notes.create(OWNER, newcomer.person_id, Section.FAMILY, "My own thoughts")
    before = await note_rows(newcomer.person_id)

    # when someone else reads, writes, changes or deletes notes of that person
    calls = {
        "read": notes.notes(grants, newcomer.person_id, None),
        "read-section": notes.notes(grants, newcomer.person_id, Section.FAMILY),
        "create": notes.create(grants, newcomer.person_id, Section.FAMILY, "A caseworker's"),
        "update": notes.update(grants, newcomer.person_id, note, "Changed"),
        "delete": notes.delete(grants, newcomer.person_id, note),
    }
    codes: dict[str, str] = {}
    for name, call in calls.items():
        with pytest.raises(MobioError) as caught:
            await call
        codes[name] = caught.value.code

    # then every call is forbidden, and the notes are as they were
    assert codes == dict.fromkeys(calls, ErrorCode.FORBIDDEN)
    assert await note_rows(newcomer.person_id) == before


async def test_a_note_of_another_person_cannot_be_changed_or_deleted() -> None:
    # given two newcomers, the second with a note
    newcomer = await factories.newcomer()
    other = await factories.newcomer()
    theirs = await notes.create(OWNER, other.person_id, Section.OCCUPATION, "Their note")
    before = await note_rows(other.person_id)

    # when the first (owner of their own person) changes or deletes that note
    with pytest.raises(MobioError) as changed:
        await notes.update(OWNER, newcomer.person_id, theirs, "Mine now")
    with pytest.raises(MobioError) as deleted:
        await notes.delete(OWNER, newcomer.person_id, theirs)

    # then both are forbidden like a note that does not exist, and nothing changed
    assert (changed.value.code, deleted.value.code) == (ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN)
    for call in (
        notes.update(OWNER, newcomer.person_id, uuid4(), "Nothing"),
        notes.delete(OWNER, newcomer.person_id, uuid4()),
    ):
        with pytest.raises(MobioError) as unknown:
            await call
        assert unknown.value.message_id == changed.value.message_id == "error.forbidden"
    assert await note_rows(other.person_id) == before
    # and their note is not among the first newcomer's
    assert await notes.notes(OWNER, newcomer.person_id, None) == []


@pytest.mark.parametrize(
    "body",
    ["", "   ", "\n\t", "x" * (notes.MAX_NOTE_LENGTH + 1)],
    ids=["empty", "blank", "ws", "long"],
)
async def test_an_empty_or_too_long_note_is_refused(body: str) -> None:
    # given a newcomer with a note
    newcomer = await factories.newcomer()
    note = await notes.create(OWNER, newcomer.person_id, Section.PERSONAL, "Keep this")
    before = await note_rows(newcomer.person_id)

    # when they write or change a note to an empty or too long text
    with pytest.raises(MobioError) as created:
        await notes.create(OWNER, newcomer.person_id, Section.PERSONAL, body)
    with pytest.raises(MobioError) as updated:
        await notes.update(OWNER, newcomer.person_id, note, body)

    # then both are refused, saying the limit, and nothing changed
    for caught in (created, updated):
        assert caught.value.code == BiographyErrorCode.NOTE_INVALID
        assert caught.value.message_id == "error.note_invalid"
        assert caught.value.params == {"max": notes.MAX_NOTE_LENGTH}
    assert await note_rows(newcomer.person_id) == before


async def test_a_note_of_the_longest_length_is_kept_as_typed() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()
    body = " Zeile 1\n" + "x" * (notes.MAX_NOTE_LENGTH - 10) + "\n"
    assert len(body) == notes.MAX_NOTE_LENGTH

    # when they write a note of the longest allowed length
    note = await notes.create(OWNER, newcomer.person_id, Section.EDUCATION, body)

    # then it is stored as typed
    assert await note_rows(newcomer.person_id) == [(str(note), Section.EDUCATION.value, body)]


async def test_notes_are_not_part_of_the_answers_or_the_log() -> None:
    # given a newcomer
    newcomer = await factories.newcomer()
    before = await stored.snapshot(newcomer.person_id)

    # when they write, change and delete a note
    note = await notes.create(OWNER, newcomer.person_id, Section.LIVING, "Private")
    await notes.update(OWNER, newcomer.person_id, note, "Still private")
    await notes.delete(OWNER, newcomer.person_id, note)

    # then no answer, version or log entry was written
    after = await stored.snapshot(newcomer.person_id)
    assert (after.answers, after.versions, after.log) == (
        before.answers,
        before.versions,
        before.log,
    )
