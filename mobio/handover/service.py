"""Hand-over of a case from social counselling to integration management of the next home.

The offering team (social counselling, holding the release) names the receiving team, the
moving date, the effective date and the end of its own access. The newcomer is told and may
object until the effective date; the receiving team accepts, or rejects with a reason. An
accepted, unobjected offer completes on the effective date (mobio.handover.completion).
Dates are district calendar days: moving_on <= effective_on <= old_access_ends_on, none past.

Accepting on or after the effective date completes the hand-over at once, in the same
transaction: the effective date has come, so there is nothing to wait for. If even the old
team's end date has passed by then, its access ends at once, as that team chose.
Two offers racing on PostgreSQL could both pass the "one open offer" check (no unique index
on open offers; the tables are fixed for now): a partial unique index would close that gap.
"""

from __future__ import annotations

import datetime
from uuid import UUID

from mobio import timeutil
from mobio.db.values import as_uuid
from mobio.errors import MobioError, bad_input, forbidden
from mobio.handover import completion, notify
from mobio.handover.errors import HandOverErrorCode
from mobio.handover.tables import HandOver, HandOverState
from mobio.organisations.tables import Team, TeamKind
from mobio.releases.active import active_team_release
from mobio.releases.tables import TeamRelease

OPEN_STATES = (HandOverState.OFFERED, HandOverState.ACCEPTED)
"""An offer in these states still may complete; a person has at most one."""
MAX_REASON = 2000


def _day(value: datetime.date) -> str:
    return value.strftime("%d.%m.%Y")


def _check_dates(
    moving_on: datetime.date, effective_on: datetime.date, ends_on: datetime.date
) -> None:
    if min(moving_on, effective_on, ends_on) < timeutil.local_today():
        raise bad_input("error.hand_over.date_past")
    if not moving_on <= effective_on <= ends_on:
        raise bad_input("error.hand_over.date_order")


async def _receiving_team(from_team: UUID, to_team: UUID) -> str:
    """The receiving team's name, after checking it may receive the case."""
    if to_team == from_team:
        raise bad_input("error.hand_over.same_team")
    row = await Team.select(Team.name, Team.kind).where(Team.id == to_team).first()
    if row is None:
        raise bad_input("error.team_unknown")
    if row["kind"] != TeamKind.INTEGRATION_MANAGEMENT:
        raise bad_input("error.hand_over.team_kind")
    return str(row["name"])


async def offer(
    person_id: UUID,
    from_team: UUID,
    to_team: UUID,
    moving_on: datetime.date,
    effective_on: datetime.date,
    old_access_ends_on: datetime.date,
    acted_by: UUID | None,
) -> UUID:
    """Offer the case; every check runs before anything is written."""
    team_name = await _receiving_team(from_team, to_team)
    _check_dates(moving_on, effective_on, old_access_ends_on)
    if await HandOver.exists().where(
        (HandOver.person == person_id) & HandOver.state.is_in(list(OPEN_STATES))
    ):
        raise MobioError(HandOverErrorCode.OPEN_OFFER_EXISTS, "error.hand_over.open_offer")
    release = await (
        TeamRelease.select(TeamRelease.id)
        .where(
            (TeamRelease.person == person_id)
            & (TeamRelease.team == from_team)
            & active_team_release()
        )
        .first()
    )
    if release is None:
        raise forbidden()  # the grant held a moment ago; the release ended meanwhile
    row = HandOver(
        person=person_id,
        from_team=from_team,
        to_team=to_team,
        from_release=release["id"],
        moving_on=moving_on,
        effective_on=effective_on,
        old_access_ends_on=old_access_ends_on,
        state=HandOverState.OFFERED,
        created_at=timeutil.now(),
        created_by=acted_by,
    )
    await row.save()
    await notify.newcomer(
        person_id,
        "mail.hand_over_offered.subject",
        "mail.hand_over_offered.body",
        team=team_name,
        moving_on=_day(moving_on),
        effective_on=_day(effective_on),
    )
    await notify.team(to_team, "mail.hand_over_received.subject", "mail.hand_over_received.body")
    return as_uuid(row.id)


async def _open_offer(offer_id: UUID, condition: object) -> dict[str, object]:
    """The offer if ``condition`` holds for it (FORBIDDEN otherwise), and open (else closed)."""
    row = await (
        HandOver.select(
            HandOver.id,
            HandOver.person,
            HandOver.from_team,
            HandOver.to_team,
            HandOver.state,
            HandOver.effective_on,
            HandOver.to_team.name,
        )
        .where((HandOver.id == offer_id) & condition)  # type: ignore[operator]
        .first()
    )
    if row is None:
        raise forbidden()
    if row["state"] not in OPEN_STATES:
        raise MobioError(HandOverErrorCode.OFFER_CLOSED, "error.hand_over.closed")
    return row


async def _set_state(offer_id: UUID, state: HandOverState, values: dict[object, object]) -> None:
    await HandOver.update({HandOver.state: state, **values}).where(  # type: ignore[dict-item]
        HandOver.id == offer_id
    )


async def withdraw(person_id: UUID, from_team: UUID, offer_id: UUID) -> None:
    """The offering team takes its open offer back."""
    condition = (HandOver.person == person_id) & (HandOver.from_team == from_team)
    await _open_offer(offer_id, condition)
    await _set_state(offer_id, HandOverState.WITHDRAWN, {})


async def object_to(person_id: UUID, offer_id: UUID) -> None:
    """The newcomer objects; possible until the day before the effective date."""
    row = await _open_offer(offer_id, HandOver.person == person_id)
    if timeutil.local_today() >= row["effective_on"]:  # type: ignore[operator]
        raise MobioError(HandOverErrorCode.OBJECTION_TOO_LATE, "error.hand_over.objection_late")
    await _set_state(offer_id, HandOverState.OBJECTED, {HandOver.objected_at: timeutil.now()})
    await notify.team(
        as_uuid(row["from_team"]), "mail.hand_over_objected.subject", "mail.hand_over_objected.body"
    )


async def _decide(offer_id: UUID, team_ids: frozenset[UUID]) -> dict[str, object]:
    if not team_ids:
        raise forbidden()
    row = await _open_offer(offer_id, HandOver.to_team.is_in(list(team_ids)))
    if row["state"] != HandOverState.OFFERED:
        raise MobioError(HandOverErrorCode.OFFER_CLOSED, "error.hand_over.closed")
    return row


async def accept(offer_id: UUID, team_ids: frozenset[UUID], acted_by: UUID) -> HandOverState:
    """A member of the receiving team accepts; completes at once if the effective date has come."""
    row = await _decide(offer_id, team_ids)
    await _set_state(
        offer_id,
        HandOverState.ACCEPTED,
        {HandOver.decided_at: timeutil.now(), HandOver.decided_by: acted_by},
    )
    await notify.team(
        as_uuid(row["from_team"]),
        "mail.hand_over_decided.subject",
        "mail.hand_over_decided.body",
        team=str(row["to_team.name"]),
    )
    if timeutil.local_today() >= row["effective_on"]:  # type: ignore[operator]
        await completion.complete(offer_id)
        return HandOverState.COMPLETED
    return HandOverState.ACCEPTED


async def reject(offer_id: UUID, team_ids: frozenset[UUID], acted_by: UUID, reason: str) -> None:
    """A member of the receiving team declines; the reason is required."""
    text = reason.strip()
    if not 0 < len(text) <= MAX_REASON:
        raise bad_input("error.hand_over.reason_required", max=MAX_REASON)
    row = await _decide(offer_id, team_ids)
    await _set_state(
        offer_id,
        HandOverState.REJECTED,
        {
            HandOver.decision_reason: text,
            HandOver.decided_at: timeutil.now(),
            HandOver.decided_by: acted_by,
        },
    )
    await notify.team(
        as_uuid(row["from_team"]),
        "mail.hand_over_decided.subject",
        "mail.hand_over_decided.body",
        team=str(row["to_team.name"]),
    )
