"""The erasure itself, in steps that can be resumed.

Each step runs in its own transaction together with the progress counter on the request, so a
worker killed mid-erasure repeats at most the step it was in, which rolled back; a step whose
work lies outside the database (objects in the store) is safe to repeat, because deleting an
absent object does nothing. Order matters: notices need the addresses, which go with the
releases; the proof rows are pseudonymised before the person goes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID, uuid4

from mobio import timeutil
from mobio.accounts.tables import Account, AccountToken, LoginEvent, LoginSession
from mobio.audit.tables import AccessLogEntry
from mobio.biography.tables import Answer, AnswerLog, FamilyMember, PrivateNote, SectionVersion
from mobio.casenotes.tables import CaseNote
from mobio.claims.tables import ClaimCode
from mobio.consent.tables import ConsentRecord
from mobio.corrections.tables import CorrectionRequest
from mobio.db.bulk import insert_rows
from mobio.documents.store import DocumentStore
from mobio.documents.tables import Document
from mobio.erasure import notify
from mobio.erasure.tables import ErasedAccess, ErasureNotice, ErasureRequest, NoticeReason
from mobio.export.tables import DataExport
from mobio.goals.tables import GoalAgreement
from mobio.handover.tables import HandOver
from mobio.persons.tables import Person
from mobio.releases.tables import StakeholderRelease, TeamRelease


class ObjectStillPresent(RuntimeError):
    """The store still holds an object after deleting it: the step fails and runs again."""


@dataclass(frozen=True, slots=True)
class Target:
    """Whose data the steps erase."""

    request_id: UUID
    person_id: UUID
    account_id: UUID | None
    pseudonym: UUID
    store: DocumentStore


Step = Callable[[Target], Awaitable[None]]


async def tell_recipients(target: Target) -> None:
    """Every stakeholder who opened a link and every team that ever held a release is told;
    the request keeps how many (the notice rows go with the person)."""
    person = target.person_id
    await notify.tell_stakeholders(person, NoticeReason.ERASED)
    teams = await notify.team_releases(person, active_only=False)
    await notify.tell_teams(person, NoticeReason.ERASED, teams)
    rows = await ErasureNotice.select(ErasureNotice.kind, ErasureNotice.recipient).where(
        ErasureNotice.person == person
    )
    stakeholders = {row["recipient"] for row in rows if row["kind"] == "stakeholder"}
    teams_told = {row["recipient"] for row in rows if row["kind"] == "team"}
    await ErasureRequest.update(
        {
            ErasureRequest.stakeholders_notified: len(stakeholders),
            ErasureRequest.teams_notified: len(teams_told),
        }
    ).where(ErasureRequest.id == target.request_id)


async def pseudonymise_proof(target: Target) -> None:
    """Consent records stay as proof, and so do reads by staff and stakeholders (moved out of
    the access log), under the pseudonym instead of the person and account."""
    await ConsentRecord.update(
        {
            ConsentRecord.person: None,
            ConsentRecord.account: None,
            ConsentRecord.pseudonym: target.pseudonym,
        }
    ).where(ConsentRecord.person == target.person_id)
    if target.account_id is not None:  # their own consents to a profile no longer theirs
        await ConsentRecord.update(
            {ConsentRecord.account: None, ConsentRecord.pseudonym: target.pseudonym}
        ).where(ConsentRecord.account == target.account_id)
    reads = await AccessLogEntry.select(
        AccessLogEntry.actor,
        AccessLogEntry.team,
        AccessLogEntry.grant,
        AccessLogEntry.accessed_at,
    ).where((AccessLogEntry.person == target.person_id) & (AccessLogEntry.grant != "owner"))
    columns = (
        ErasedAccess.id,
        ErasedAccess.pseudonym,
        ErasedAccess.actor,
        ErasedAccess.team,
        ErasedAccess.grant,
        ErasedAccess.accessed_at,
    )
    mine = target.account_id
    await insert_rows(
        ErasedAccess,
        columns,
        [
            (
                uuid4(),
                target.pseudonym,
                None if row["actor"] == mine else row["actor"],
                row["team"],
                row["grant"],
                row["accessed_at"],
            )
            for row in reads
        ],
    )
    await AccessLogEntry.delete().where(AccessLogEntry.person == target.person_id)


async def remove_documents(target: Target) -> None:
    """Uploads and exports leave the store first; the rows go only once every object is
    confirmed absent, so a failed run leaves the keys for the next."""
    documents = await Document.select(Document.storage_key).where(
        Document.person == target.person_id
    )
    exports = await DataExport.select(DataExport.storage_key).where(
        (DataExport.person == target.person_id) & DataExport.storage_key.is_not_null()
    )
    keys = [row["storage_key"] for row in [*documents, *exports]]
    for key in keys:
        await target.store.delete(key)
    for key in keys:
        if await target.store.exists(key):
            raise ObjectStillPresent(key)
    await ConsentRecord.update({ConsentRecord.scan: None}).where(
        ConsentRecord.scan.is_in(
            Document.select(Document.id).where(Document.person == target.person_id)
        )
    )
    await CorrectionRequest.delete().where(CorrectionRequest.person == target.person_id)
    await Document.delete().where(Document.person == target.person_id)
    await DataExport.delete().where(DataExport.person == target.person_id)


async def remove_content(target: Target) -> None:
    """Biography, family, notes, goals, case notes, hand-overs, claim codes, releases."""
    person = target.person_id
    for table in (
        AnswerLog,
        Answer,
        SectionVersion,
        PrivateNote,
        FamilyMember,
        GoalAgreement,  # its steps follow by cascade
        CaseNote,
        HandOver,
        ClaimCode,
        StakeholderRelease,
        TeamRelease,
        ErasureNotice,
    ):
        await table.delete().where(table.person == person)


async def remove_account(target: Target) -> None:
    """Tokens, sessions, login record, the account and the person; the request keeps only the
    pseudonym, dates and counts."""
    if target.account_id is not None:
        account = target.account_id
        for table in (AccountToken, LoginSession, LoginEvent):
            await table.delete().where(table.account == account)
    await ErasureRequest.update(
        {
            ErasureRequest.person: None,
            ErasureRequest.account: None,
            ErasureRequest.undo_token_hash: None,
            ErasureRequest.erased_at: timeutil.now(),
        }
    ).where(ErasureRequest.id == target.request_id)
    await Person.delete().where(Person.id == target.person_id)
    if target.account_id is not None:
        await Account.delete().where(Account.id == target.account_id)


STEPS: tuple[Step, ...] = (
    tell_recipients,
    pseudonymise_proof,
    remove_documents,
    remove_content,
    remove_account,
)
