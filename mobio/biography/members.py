"""Partners and children: sub-profiles with their own pages."""

from __future__ import annotations

from uuid import UUID

from mobio import timeutil
from mobio.auth.biography import CASEWORK_GRANTS
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.saving import Actor
from mobio.biography.tables import Answer, AnswerLog, FamilyMember, MemberKind, SectionVersion
from mobio.db.values import as_uuid
from mobio.errors import MobioError, forbidden

MAX_MEMBERS = 30  # a family larger than this is a typing loop, not a family


def _may_change_family(actor: Actor) -> None:
    # Defence in depth: the directives admit the same grants.
    if actor.grants.isdisjoint(CASEWORK_GRANTS):
        raise forbidden()


async def add_member(actor: Actor, person_id: UUID, kind: MemberKind) -> UUID:
    """A new, empty partner or child page."""
    _may_change_family(actor)
    if await FamilyMember.count().where(FamilyMember.person == person_id) >= MAX_MEMBERS:
        raise MobioError(
            BiographyErrorCode.ANSWER_INVALID, "error.too_many_entries", max=MAX_MEMBERS
        )
    member = FamilyMember(person=person_id, kind=kind, created_at=timeutil.now())
    await member.save()
    return as_uuid(member.id)


async def remove_member(actor: Actor, person_id: UUID, member_id: UUID) -> None:
    """Remove a partner or child with all answers; the log keeps that it happened."""
    _may_change_family(actor)
    member = await FamilyMember.exists().where(
        (FamilyMember.id == member_id) & (FamilyMember.person == person_id)
    )
    if not member:
        raise MobioError(BiographyErrorCode.MEMBER_UNKNOWN, "error.member_unknown")
    subject = str(member_id)
    await AnswerLog.insert(
        AnswerLog(
            person=person_id,
            subject=subject,
            question="member_removed",
            value=None,
            actor=actor.account_id,
            actor_grant=actor.acting_grant,
            actor_team=actor.team_id,
            changed_at=timeutil.now(),
        )
    )
    await Answer.delete().where((Answer.person == person_id) & (Answer.subject == subject))
    await SectionVersion.delete().where(
        (SectionVersion.person == person_id) & (SectionVersion.subject == subject)
    )
    await FamilyMember.delete().where(FamilyMember.id == member_id)
