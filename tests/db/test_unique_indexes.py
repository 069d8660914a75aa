"""What the services check before writing, the database holds too: a racing second write
fails there, and the client gets a translated CONFLICT instead of an internal error."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import asyncpg
import pytest
from graphql import GraphQLError

from mobio import timeutil
from mobio.claims.tables import ClaimCode
from mobio.corrections.tables import CorrectionRequest, CorrectionState
from mobio.handover.tables import HandOver, HandOverState
from mobio.organisations.tables import TeamKind
from mobio.schema.errors import public_error
from tests.support import factories

UNIQUE_VIOLATIONS = (sqlite3.IntegrityError, asyncpg.UniqueViolationError)


async def test_a_person_has_one_open_hand_over_at_most() -> None:
    newcomer = await factories.newcomer()
    old = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, newcomer.person_id)
    new = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    today = timeutil.local_today()

    def offer(state: HandOverState) -> HandOver:
        return HandOver(
            person=newcomer.person_id,
            from_team=old.team_id,
            to_team=new.team_id,
            moving_on=today,
            effective_on=today + timedelta(days=1),
            old_access_ends_on=today + timedelta(days=2),
            state=state,
            created_at=timeutil.now(),
        )

    await offer(HandOverState.REJECTED).save()
    await offer(HandOverState.OFFERED).save()  # closed offers do not count
    with pytest.raises(UNIQUE_VIOLATIONS):
        await offer(HandOverState.ACCEPTED).save()


async def test_an_answer_has_one_open_correction_request_at_most() -> None:
    newcomer = await factories.newcomer()

    def request(state: CorrectionState) -> CorrectionRequest:
        return CorrectionRequest(
            person=newcomer.person_id,
            subject="self",
            question="date_of_birth",
            proposed_value='"1991-01-31"',
            reason="Typo",
            state=state,
            created_at=timeutil.now(),
        )

    await request(CorrectionState.REJECTED).save()
    await request(CorrectionState.OPEN).save()
    with pytest.raises(UNIQUE_VIOLATIONS):
        await request(CorrectionState.OPEN).save()


async def test_a_person_has_one_live_claim_code_at_most() -> None:
    newcomer = await factories.newcomer()
    now = timeutil.now()

    def code(number: int, *, voided: bool = False) -> ClaimCode:
        return ClaimCode(
            person=newcomer.person_id,
            code_hash=f"{number:064d}",
            created_at=now,
            expires_at=now + timedelta(days=90),
            voided_at=now if voided else None,
        )

    await code(1, voided=True).save()
    await code(2).save()
    with pytest.raises(UNIQUE_VIOLATIONS):
        await code(3).save()


@pytest.mark.parametrize(
    "violation",
    [
        sqlite3.IntegrityError("UNIQUE constraint failed: hand_over.person"),
        asyncpg.UniqueViolationError("duplicate key value violates unique constraint"),
    ],
)
def test_a_unique_violation_reaches_the_client_as_a_translated_conflict(
    violation: Exception,
) -> None:
    error = GraphQLError("x", original_error=violation)
    public = public_error(error, "de")
    assert public.extensions == {"code": "CONFLICT"}
    assert public.message.startswith("Jemand anderes hat das gerade gleichzeitig geändert")
