"""A fully used profile to export: every answer of the own page, a partner and two children,
documents, a private note, releases (team and link), a goal with steps, case notes of two
teams, a hand-over, a correction request, consents, an access log entry and logins."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.casenotes import service as casenotes
from mobio.consent import service as consent
from mobio.corrections.tables import CorrectionRequest
from mobio.goals import service as goals
from mobio.goals.drafts import GoalDraft, StepDraft
from mobio.goals.tables import GoalArea, StepResponsible
from mobio.handover.tables import HandOver
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from tests.schema.documents.test_uploads import upload
from tests.support import factories
from tests.support.biography import FilledBiography, fill_biography
from tests.support.files import image_bytes, pdf_bytes
from tests.support.graphql import GraphQLClient

NOTE = """mutation($p: ID!, $b: String!) {
  createPrivateNote(personId: $p, section: LIVING, body: $b) }"""
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"
PRIVATE_NOTE = "Private: talk to the landlord about the heating"
CASE_NOTE = "Case note: appointment at the job centre went well"
OTHER_TEAM_NOTE = "Case note of the second team"
GOAL = "Goal: German B1 by summer"


@dataclass
class UsedProfile:
    newcomer: factories.Newcomer
    biography: FilledBiography
    caseworker: factories.Caseworker
    other_team: factories.Caseworker
    documents: dict[str, bytes] = field(default_factory=dict)
    """Document id -> the bytes as uploaded (re-encoded images: as the store holds them)."""
    stakeholder_token: str = ""


async def used_profile(client: GraphQLClient, language: str = "en") -> UsedProfile:
    """The profile, its owner logged in on ``client``."""
    person = await factories.newcomer(language=language)
    account, person_id = person.account_id, person.person_id
    await consent.record(
        await factories.usage_document(language),
        account_id=account,
        person_id=person_id,
        acted_by=account,
    )
    filled = await fill_biography(account, person_id, partners=1, children=2)
    await client.execute(LOGIN, {"e": person.email, "p": "wrong password"})  # recorded as failed
    await client.login(person.email, factories.PASSWORD)
    profile = UsedProfile(
        person,
        filled,
        await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, person_id),
        await factories.released_caseworker(TeamKind.INTEGRATION_MANAGEMENT, person_id),
    )
    for category, name, data, kind in (
        ("CV", "Lebenslauf.pdf", pdf_bytes(), "application/pdf"),
        ("MISCELLANEOUS", "private photo.png", image_bytes("PNG"), "image/png"),
    ):
        body = await upload(client, person_id, category, name, data, kind)
        assert not body.get("errors"), body
        document_id = body["data"]["uploadDocument"]["id"]
        stored = await client.http.get(f"/documents/{document_id}")
        profile.documents[document_id] = stored.content
    await client.data(NOTE, {"p": str(person_id), "b": PRIVATE_NOTE})
    await _casework(profile)
    profile.stakeholder_token = await factories.stakeholder_release(person_id, Package.EMPLOYER)
    return profile


async def _casework(profile: UsedProfile) -> None:
    person_id = profile.newcomer.person_id
    worker, other = profile.caseworker, profile.other_team
    await goals.create_goal(
        person_id,
        worker.team_id,
        worker.account_id,
        GoalDraft(
            GoalArea.LANGUAGE,
            GOAL,
            (
                StepDraft(
                    "Enrol in a course",
                    StepResponsible.NEWCOMER,
                    None,
                    timeutil.local_today() + datetime.timedelta(days=30),
                ),
            ),
        ),
    )
    await casenotes.write(person_id, worker.team_id, worker.account_id, CASE_NOTE, True)
    await casenotes.write(person_id, other.team_id, other.account_id, OTHER_TEAM_NOTE, False)
    now = timeutil.now()
    await HandOver(
        person=person_id,
        from_team=worker.team_id,
        to_team=other.team_id,
        moving_on=timeutil.local_today() + datetime.timedelta(days=20),
        effective_on=timeutil.local_today() + datetime.timedelta(days=21),
        old_access_ends_on=timeutil.local_today() + datetime.timedelta(days=35),
        created_at=now,
        created_by=worker.account_id,
    ).save()
    await CorrectionRequest(
        person=person_id,
        subject="self",
        question="given_name",
        current_value=json.dumps("Answer own: given_name"),
        proposed_value=json.dumps("Amina Sara"),
        reason="Spelling in my passport",
        created_at=now,
        created_by=profile.newcomer.account_id,
    ).save()
    await AccessLogEntry(
        person=person_id,
        actor=worker.account_id,
        grant="social_counselling",
        team=worker.team_id,
        accessed_at=now,
    ).save()


def person_id(profile: UsedProfile) -> UUID:
    return profile.newcomer.person_id


def all_text(value: Any) -> list[str]:
    """Every string in a JSON value (for looking for data where there must be none)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in all_text(item)]
    if isinstance(value, list):
        return [s for item in value for s in all_text(item)]
    return []
