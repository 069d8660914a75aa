"""Mails of the hand-over: to the newcomer and to every member of a team, each in their language.

Queued after the transaction commits, so an offer that rolls back mails nobody.
"""

from __future__ import annotations

from functools import partial
from uuid import UUID

from mobio.db.unit_of_work import after_commit
from mobio.i18n import translate
from mobio.jobs.queue import enqueue
from mobio.organisations.tables import TeamMembership
from mobio.persons.tables import Person
from mobio.settings import get_settings


async def _mail(email: str, language: str, subject_id: str, body_id: str, **params: str) -> None:
    await after_commit(
        partial(
            enqueue,
            "send_mail",
            to=email,
            subject=translate(language, subject_id),
            body=translate(language, body_id, link=get_settings().base_url + "/", **params),
            language=language,
        )
    )


async def newcomer(person_id: UUID, subject_id: str, body_id: str, **params: str) -> None:
    """Mail the owner of the profile, if it has one (an unclaimed profile has no address)."""
    row = await (
        Person.select(Person.account.email, Person.account.language)
        .where(Person.id == person_id)
        .first()
    )
    if row is None or not row["account.email"]:
        return
    await _mail(row["account.email"], row["account.language"], subject_id, body_id, **params)


async def team(team_id: UUID, subject_id: str, body_id: str, **params: str) -> None:
    """Mail every member of the team. No personal data in the text: they read it in MoBio."""
    members = await TeamMembership.select(
        TeamMembership.account.email, TeamMembership.account.language
    ).where((TeamMembership.team == team_id) & (TeamMembership.account.is_active == True))  # noqa: E712
    for member in members:
        await _mail(
            member["account.email"], member["account.language"], subject_id, body_id, **params
        )
