"""Consenting newcomers in a closed year, and the GraphQL the research tests send."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from uuid import UUID

from mobio.accounts.tables import AccountKind
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.documents.store import build_store
from mobio.persons.tables import Person
from mobio.research import participation
from mobio.settings import get_settings
from tests.support import factories
from tests.support.factories import Newcomer

PERIOD = "2025"
ARRIVED = datetime(2025, 3, 1, tzinfo=UTC)
"""Inside the closed year ``PERIOD``: the persons belong to its population."""

REQUEST = """mutation($r: ResearchExtractInput!) {
  requestResearchExtract(request: $r) { id number state variables }
}"""
APPROVE = "mutation($id: ID!) { approveResearchExtract(id: $id) { id state } }"
REJECT = """mutation($id: ID!, $why: String!) {
  rejectResearchExtract(id: $id, reason: $why) { state rejectionReason }
}"""
REGISTER = """{ researchExtracts { id number purpose recipient period variables state
  requestedAt decidedAt readyAt expiresAt persons rowsDropped requestedByMe downloadUrl } }"""
MINE = "{ myResearchExtracts { number purpose recipient period variables usedAt } }"
PARTICIPATION = """{ researchParticipation { participating version language since
  document { id language version title } } }"""
JOIN = "mutation($d: ID!) { joinResearch(documentId: $d) { participating version language } }"
LEAVE = "mutation { leaveResearch { participating } }"


async def research_document(language: str = "en") -> UUID:
    for document in await consent.current_documents(ConsentKind.RESEARCH):
        if document.language == language:
            return document.id
    return await consent.publish(
        ConsentKind.RESEARCH, language, "Research", "What an extract holds.", None
    )


async def arrived_newcomer(*, joins: bool = True, sex: str = "female") -> Newcomer:
    """A newcomer of the closed year, taking part in research unless ``joins`` is false."""
    newcomer = await factories.newcomer()
    await Person.update({Person.created_at: ARRIVED, Person.sex: sex}).where(
        Person.id == newcomer.person_id
    )
    if joins:
        await participation.join(newcomer.person_id, newcomer.account_id, await research_document())
    return newcomer


async def analyst() -> tuple[str, UUID]:
    return await factories.staff(AccountKind.ANALYST)


async def administrator() -> tuple[str, UUID]:
    return await factories.staff(AccountKind.ADMINISTRATOR)


def request_input(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "purpose": "Study of language course uptake",
        "recipient": "University of Heidelberg",
        "period": PERIOD,
        "variables": ["sex", "age_band"],
    }
    values.update(changes)
    return values


def csv_rows(archive_bytes: bytes) -> list[list[str]]:
    """The extract's CSV as rows (header first)."""
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        text = archive.read("extract.csv").decode("utf-8")
        assert "README.txt" in archive.namelist()
    return [line.split(",") for line in text.splitlines()]


async def stored_bytes(key: str) -> bytes:
    """An object of the process's document store, whole."""
    chunks = await build_store(get_settings()).open(key)
    return b"".join([chunk async for chunk in chunks])
