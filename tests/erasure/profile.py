"""A fully used profile to erase: family, answers, notes, goals, case notes, a hand-over, a
correction, a claim code, documents in the store, an export, releases and an opened link."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.auth.grants import Grant
from mobio.biography.tables import Answer, AnswerLog, MemberKind, PrivateNote, SectionVersion
from mobio.casenotes import service as casenotes
from mobio.claims.tables import ClaimCode
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.corrections.tables import CorrectionRequest
from mobio.db.tables import ALL_TABLES
from mobio.documents import service as documents
from mobio.documents.service import Uploader
from mobio.documents.store import DocumentStore
from mobio.documents.tables import DocumentCategory
from mobio.export.tables import DataExport, ExportStatus
from mobio.goals import service as goals
from mobio.handover.tables import HandOver, HandOverState
from mobio.organisations.tables import TeamKind
from mobio.secrets_util import token_hash
from tests.goals.helpers import draft
from tests.support import factories
from tests.support.files import pdf_bytes
from tests.support.graphql import GraphQLClient

FAMILY_NAME = "Quenbyzaryan"
GIVEN_NAME = "Ulrikeyasmin"
STAKEHOLDER = "personal@jobcenter.example.org"

TO_TEAM = """mutation($p: ID!, $t: ID!, $d: ID!) {
  releaseToTeam(personId: $p, teamId: $t, consentDocumentId: $d) }"""
TO_STAKEHOLDER = """mutation($p: ID!, $d: ID!, $e: String) {
  releaseToStakeholder(personId: $p, package: EMPLOYMENT, consentDocumentId: $d,
    recipientEmail: $e) { releaseId url } }"""
SHARED = "{ sharedPerson { familyName } }"
READ_PERSON = "query($p: ID!) { person(personId: $p) { familyName } }"


@dataclass(frozen=True)
class Profile:
    newcomer: factories.Newcomer
    worker: factories.Caseworker
    other_team: factories.Caseworker
    link_token: str
    storage_keys: tuple[str, ...]


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def fully_used_profile(client: GraphQLClient, store: DocumentStore) -> Profile:
    newcomer = await factories.newcomer(family_name=FAMILY_NAME, given_name=GIVEN_NAME)
    person = newcomer.person_id
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    other = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    now = timeutil.now()
    child = await factories.family_member(person, MemberKind.CHILD)
    await factories.family_member(person, MemberKind.PARTNER)
    for subject, value in (("self", "Syrien"), (str(child), "Aleppo")):
        await Answer(
            person=person,
            subject=subject,
            question="birth_place",
            value=json.dumps(value),
            updated_at=now,
            updated_by=newcomer.account_id,
        ).save()
        await AnswerLog(
            person=person,
            subject=subject,
            question="birth_place",
            value=json.dumps(value),
            actor=newcomer.account_id,
            actor_grant="owner",
            changed_at=now,
        ).save()
    await SectionVersion(person=person, subject="self", section="personal").save()
    await PrivateNote(
        person=person, section="personal", body="Nur für mich", created_at=now, updated_at=now
    ).save()
    # releases with consent, through the API as the owner
    await client.login(newcomer.email, factories.PASSWORD)
    team_doc = str(await consent.publish(ConsentKind.TEAM_RELEASE, "en", "Team", "Text.", None))
    link_doc = str(
        await consent.publish(ConsentKind.STAKEHOLDER_RELEASE, "en", "Link", "Text.", None)
    )
    for team in (worker.team_id, other.team_id):
        await client.data(TO_TEAM, {"p": str(person), "t": str(team), "d": team_doc})
    link = (await client.data(TO_STAKEHOLDER, {"p": str(person), "d": link_doc, "e": STAKEHOLDER}))[
        "releaseToStakeholder"
    ]
    upload = await documents.upload(
        Uploader(newcomer.account_id, frozenset({Grant.OWNER})),
        person,
        DocumentCategory.CV,
        "lebenslauf.pdf",
        _chunks(pdf_bytes()),
        store=store,
    )
    export_key = await store.put(
        _chunks(b"PK export"), content_type="application/zip", max_bytes=1024
    )
    client.forget_cookies()
    # the stakeholder opens the link, the caseworker reads and writes
    token = link["url"].split("#", 1)[1]
    await client.data(SHARED, headers={"x-release-token": token})
    client.forget_cookies()
    await client.login(worker.email, factories.PASSWORD)
    await client.data(READ_PERSON, {"p": str(person)})
    client.forget_cookies()
    await goals.create_goal(person, worker.team_id, worker.account_id, draft(worker.account_id))
    await casenotes.write(person, worker.team_id, worker.account_id, "Termin am Montag", False)
    await HandOver(
        person=person,
        from_team=worker.team_id,
        to_team=other.team_id,
        moving_on=timeutil.local_today() + timedelta(days=30),
        effective_on=timeutil.local_today() + timedelta(days=30),
        old_access_ends_on=timeutil.local_today() + timedelta(days=37),
        state=HandOverState.OFFERED,
        created_at=now,
        created_by=worker.account_id,
    ).save()
    await CorrectionRequest(
        person=person,
        subject="self",
        question="birth_place",
        proposed_value=json.dumps("Damaskus"),
        reason="Tippfehler",
        created_at=now,
        created_by=newcomer.account_id,
    ).save()
    await ClaimCode(
        person=person,
        code_hash=token_hash("claim"),
        created_at=now,
        created_by=worker.account_id,
        expires_at=now + timedelta(days=30),
    ).save()
    await DataExport(
        person=person,
        account=newcomer.account_id,
        requested_at=now,
        status=ExportStatus.READY,
        storage_key=export_key.key,
        ready_at=now,
        expires_at=now + timedelta(days=7),
    ).save()
    return Profile(newcomer, worker, other, token, (upload.storage_key, export_key.key))


async def tables_mentioning(values: list[str]) -> dict[str, list[str]]:
    """Every table (of ALL_TABLES) with a row holding one of ``values``, and which."""
    found: dict[str, list[str]] = {}
    needles = [value.lower() for value in values]
    for table in ALL_TABLES:
        rows: list[dict[str, Any]] = await table.select()
        for row in rows:
            text = " ".join(str(value) for value in row.values()).lower()
            hits = [needle for needle in needles if needle in text]
            if hits:
                found.setdefault(table._meta.tablename, []).extend(hits)
    return found


async def account_exists(account_id: UUID) -> bool:
    return await Account.exists().where(Account.id == account_id)
