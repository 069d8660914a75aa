"""What each side sees of hand-overs.

The receiving team, before completion, holds no release: it sees only what it needs to
decide (name, date of birth, moving date) through :class:`OfferView`, which carries no
person id. The owner and the two teams involved see the whole hand-over on the person.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass
from uuid import UUID

from piccolo.custom_types import Combinable

from mobio.db.values import as_uuid
from mobio.handover.service import OPEN_STATES
from mobio.handover.tables import HandOver, HandOverState


@dataclass(frozen=True, slots=True)
class OfferView:
    id: UUID
    state: HandOverState
    family_name: str | None
    given_name: str | None
    date_of_birth: datetime.date | None
    moving_on: datetime.date
    effective_on: datetime.date
    from_team_name: str
    to_team_name: str


async def offers_to(team_ids: Collection[UUID]) -> list[OfferView]:
    """Open offers addressed to any of ``team_ids``, soonest move first (one query)."""
    if not team_ids:
        return []
    rows = await (
        HandOver.select(
            HandOver.id,
            HandOver.state,
            HandOver.person.family_name,
            HandOver.person.given_name,
            HandOver.person.date_of_birth,
            HandOver.moving_on,
            HandOver.effective_on,
            HandOver.from_team.name,
            HandOver.to_team.name,
        )
        .where(HandOver.to_team.is_in(list(team_ids)) & HandOver.state.is_in(list(OPEN_STATES)))
        .order_by(HandOver.moving_on)
    )
    return [
        OfferView(
            id=as_uuid(r["id"]),
            state=HandOverState(r["state"]),
            family_name=r["person.family_name"],
            given_name=r["person.given_name"],
            date_of_birth=r["person.date_of_birth"],
            moving_on=r["moving_on"],
            effective_on=r["effective_on"],
            from_team_name=r["from_team.name"],
            to_team_name=r["to_team.name"],
        )
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class HandOverView:
    id: UUID
    state: HandOverState
    from_team_name: str
    to_team_name: str
    moving_on: datetime.date
    effective_on: datetime.date
    old_access_ends_on: datetime.date
    decision_reason: str | None
    created_at: datetime.datetime
    objected_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    completed_at: datetime.datetime | None


async def hand_overs(person_id: UUID, team_ids: Collection[UUID] | None) -> list[HandOverView]:
    """The person's hand-overs, newest first: all (``None``: the owner) or those involving
    one of ``team_ids`` as offering or receiving team."""
    condition: Combinable = HandOver.person == person_id
    if team_ids is not None:
        if not team_ids:
            return []
        teams = list(team_ids)
        condition = condition & (HandOver.from_team.is_in(teams) | HandOver.to_team.is_in(teams))
    rows = await (
        HandOver.select(
            HandOver.id,
            HandOver.state,
            HandOver.from_team.name,
            HandOver.to_team.name,
            HandOver.moving_on,
            HandOver.effective_on,
            HandOver.old_access_ends_on,
            HandOver.decision_reason,
            HandOver.created_at,
            HandOver.objected_at,
            HandOver.decided_at,
            HandOver.completed_at,
        )
        .where(condition)
        .order_by(HandOver.created_at, ascending=False)
    )
    return [
        HandOverView(
            id=as_uuid(r["id"]),
            state=HandOverState(r["state"]),
            from_team_name=r["from_team.name"],
            to_team_name=r["to_team.name"],
            moving_on=r["moving_on"],
            effective_on=r["effective_on"],
            old_access_ends_on=r["old_access_ends_on"],
            decision_reason=r["decision_reason"],
            created_at=r["created_at"],
            objected_at=r["objected_at"],
            decided_at=r["decided_at"],
            completed_at=r["completed_at"],
        )
        for r in rows
    ]
