"""The case-notes service: marked notes are copied on hand-over, the originals stay."""

from __future__ import annotations

from mobio.casenotes import service
from mobio.casenotes.tables import CaseNote
from mobio.organisations.tables import TeamKind
from tests.support import factories


async def test_only_marked_notes_are_copied_and_the_old_team_keeps_its_own() -> None:
    # given two notes of a counselling team, one marked to move with the case
    newcomer = await factories.newcomer()
    old = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    new = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    marked = await service.write(newcomer.person_id, old.team_id, old.account_id, "Goes.", True)
    await service.write(newcomer.person_id, old.team_id, old.account_id, "Stays.", False)
    # when the marked ones are copied
    assert await service.copy_marked(newcomer.person_id, old.team_id, new.team_id) == 1
    # then the new team has the marked one, with its author and date; the old team both
    [copied] = await service.notes(newcomer.person_id, [new.team_id])
    assert (copied.body, copied.author_id, copied.created_at) == (
        "Goes.",
        old.account_id,
        marked.created_at,
    )
    assert len(await service.notes(newcomer.person_id, [old.team_id])) == 2
    assert await CaseNote.count() == 3


async def test_notes_of_no_team_are_none_and_the_owner_reads_all() -> None:
    newcomer = await factories.newcomer()
    team = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    await service.write(newcomer.person_id, team.team_id, team.account_id, "Note.", False)
    assert await service.notes(newcomer.person_id, []) == []
    assert [n.body for n in await service.notes(newcomer.person_id, None)] == ["Note."]
