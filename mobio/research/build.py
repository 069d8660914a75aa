"""Writing an approved extract, and removing it once its download window has passed.

One SQL statement reads the period's persons who take part in research at build time,
already coarsened to category codes. Each person's id becomes
HMAC-SHA256(key, id) under a key made for this extract alone and dropped when the file is
written: nobody, MoBio included, can link two extracts or turn a pseudonym back into a
person. Rare combinations are generalised or dropped (k-anonymity, ``anonymity.py``); the
rows go out in pseudonym order, which says nothing about the persons. MoBio keeps who was
included (for the register), never a pseudonym.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import logging
import secrets
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID

from piccolo.engine.postgres import PostgresEngine

from mobio import timeutil
from mobio.consent.tables import ConsentKind
from mobio.db.bulk import insert_rows
from mobio.db.values import as_uuid
from mobio.documents.store import DocumentStore, build_store
from mobio.evaluation.dimensions import Measure
from mobio.evaluation.periods import parse_period
from mobio.evaluation.population import population
from mobio.evaluation.service import analyst_scope
from mobio.research.anonymity import k_anonymise
from mobio.research.extracts import ALLOWED_VARIABLES, ExtractRecord, find
from mobio.research.tables import ExtractMember, ExtractState, ResearchExtract
from mobio.settings import get_settings

logger = logging.getLogger(__name__)

ZIP_CONTENT_TYPE = "application/zip"
MAX_EXTRACT_BYTES = 1024 * 1024 * 1024
STALE_AFTER = timedelta(days=1)
"""An approved extract not written within this long has lost its job (a queued job expires
after a day, ``mobio.jobs.queue.JOB_EXPIRES``): it is marked failed."""
DATA_FILE = "extract.csv"
README_FILE = "README.txt"


@dataclass(frozen=True, slots=True)
class Written:
    header: list[str]
    rows: list[list[str]]
    members: list[UUID]
    dropped: int


async def build(extract_id: UUID, store: DocumentStore | None = None) -> ExtractState | None:
    """Write an approved extract; a second run of the same job does nothing."""
    extract = await find(extract_id)
    if extract is None or extract.state is not ExtractState.APPROVED:
        return None
    store = store or build_store(get_settings())
    try:
        written = pseudonymised(await consenting_units(extract), extract.variables)
        stored = await store.put(
            _one_chunk(_archive(extract, written)),
            content_type=ZIP_CONTENT_TYPE,
            max_bytes=MAX_EXTRACT_BYTES,
        )
    except Exception:
        logger.exception("research extract %s failed", extract.number)
        await ResearchExtract.update({ResearchExtract.state: ExtractState.FAILED}).where(
            ResearchExtract.id == extract_id
        )
        return ExtractState.FAILED
    try:
        marked = await _mark_ready(extract, written, stored.key)
    except Exception:
        await store.delete(stored.key)  # the row does not name it: nothing else would remove it
        raise
    if not marked:  # another run of the job finished first
        await store.delete(stored.key)
        return None
    return ExtractState.READY


class _AlreadyBuilt(Exception):
    """Rolls back the members written by a run that another run beat."""


async def consenting_units(extract: ExtractRecord) -> list[dict[str, Any]]:
    """The period's persons with an open research consent now: id and chosen variables."""
    variables = [v for v in extract.variables if v in ALLOWED_VARIABLES]  # never other SQL
    postgres = isinstance(ResearchExtract._meta.db, PostgresEngine)
    units = population(
        Measure.PERSONS, parse_period(extract.period), postgres=postgres, with_person=True
    )
    # Column names from the allowed list, the kind a MoBio code; the bounds stay parameters.
    columns = ", ".join(f"u.{v}" for v in variables)
    sql = (
        f"SELECT u.person, {columns} FROM ({units.sql}) u "  # noqa: S608
        "WHERE EXISTS (SELECT 1 FROM consent_record c "
        "JOIN consent_document d ON d.id = c.document "
        f"WHERE c.person = u.person AND d.kind = '{ConsentKind.RESEARCH.value}' "
        "AND c.withdrawn_at IS NULL)"
    )
    params = list(units.params)
    # An analyst limited to municipalities gets persons of those municipalities only.
    scope = await analyst_scope(extract.requested_by) if extract.requested_by else None
    if scope is not None:
        sql += " AND u.municipality IN (" + ", ".join("{}" for _ in scope) + ")"
        params += sorted(scope)
    rows: list[dict[str, Any]] = await ResearchExtract.raw(sql, *params)
    return rows


def pseudonymised(units: list[dict[str, Any]], variables: tuple[str, ...]) -> Written:
    """Pseudonyms under a fresh key, then k-anonymity; the key is gone when this returns."""
    key = secrets.token_bytes(32)
    persons = [as_uuid(unit["person"]) for unit in units]
    pseudonyms = [hmac.new(key, str(p).encode(), hashlib.sha256).hexdigest() for p in persons]
    del key  # never stored, never logged
    combinations = [tuple(str(unit[v]) for v in variables) for unit in units]
    anonymised = k_anonymise(combinations, get_settings().evaluation_min_cell)
    rows = [
        [pseudonyms[i], *values] for i, values in zip(anonymised.kept, anonymised.rows, strict=True)
    ]
    rows.sort(key=lambda row: row[0])
    return Written(
        header=["pseudonym", *variables],
        rows=rows,
        members=[persons[i] for i in anonymised.kept],
        dropped=anonymised.dropped,
    )


def _archive(extract: ExtractRecord, written: Written) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(written.header)
    writer.writerows(written.rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_FILE, text.getvalue().encode("utf-8"))
        archive.writestr(README_FILE, _readme(extract, written).encode("utf-8"))
    return buffer.getvalue()


def _readme(extract: ExtractRecord, written: Written) -> str:
    k = get_settings().evaluation_min_cell
    return (
        f"MoBio research extract {extract.number}\n"
        f"Period: {extract.period}\n"
        f"Purpose: {extract.purpose}\n"
        f"Recipient: {extract.recipient}\n"
        f"Variables: {', '.join(extract.variables)}\n"
        f"Rows: {len(written.rows)} (dropped as too rare: {written.dropped})\n\n"
        "One row per person who agreed to take part in research. The pseudonym is an\n"
        "HMAC-SHA256 under a key made for this extract only and discarded afterwards: it\n"
        "cannot be linked to a person or to the pseudonyms of any other extract.\n"
        "Values are category codes; 'unknown' means not stated or generalised. Every\n"
        f"combination of the variables occurs in at least {k} rows (k-anonymity): rarer\n"
        "combinations were generalised to 'unknown' or, failing that, left out.\n"
    )


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _mark_ready(extract: ExtractRecord, written: Written, storage_key: str) -> bool:
    try:
        await _write_members_and_state(extract, written, storage_key)
    except _AlreadyBuilt:
        return False
    return True


async def _write_members_and_state(
    extract: ExtractRecord, written: Written, storage_key: str
) -> None:
    ready_at = timeutil.now()
    expires_at = ready_at + timedelta(days=get_settings().extract_download_days)
    async with ResearchExtract._meta.db.transaction():
        await insert_rows(
            ExtractMember,
            (ExtractMember.extract, ExtractMember.person),
            [(extract.id, person) for person in written.members],
        )
        updated = await (
            ResearchExtract.update(
                {
                    ResearchExtract.state: ExtractState.READY,
                    ResearchExtract.storage_key: storage_key,
                    ResearchExtract.ready_at: ready_at,
                    ResearchExtract.expires_at: expires_at,
                    ResearchExtract.persons: len(written.members),
                    ResearchExtract.rows_dropped: written.dropped,
                }
            )
            .where(
                (ResearchExtract.id == extract.id)
                & (ResearchExtract.state == ExtractState.APPROVED)
            )
            .returning(ResearchExtract.id)
        )
        if not updated:
            raise _AlreadyBuilt


async def remove_expired_extracts(
    ctx: dict[str, Any], *, store: DocumentStore | None = None
) -> int:
    """Hourly: remove every extract file past its download window (state expired); mark
    approved extracts whose job was lost as failed."""
    store = store or build_store(get_settings())
    now = timeutil.now()
    await ResearchExtract.update({ResearchExtract.state: ExtractState.FAILED}).where(
        (ResearchExtract.state == ExtractState.APPROVED)
        & (ResearchExtract.decided_at <= now - STALE_AFTER)
    )
    rows = await ResearchExtract.select(ResearchExtract.id, ResearchExtract.storage_key).where(
        ResearchExtract.storage_key.is_not_null() & (ResearchExtract.expires_at <= now)
    )
    for row in rows:
        # The object first: should the store fail, the row still names it for the next run.
        await store.delete(row["storage_key"])
        if await store.exists(row["storage_key"]):
            raise RuntimeError("extract object still present after deletion")
        await ResearchExtract.update(
            {ResearchExtract.storage_key: None, ResearchExtract.state: ExtractState.EXPIRED}
        ).where(ResearchExtract.id == row["id"])
    return len(rows)
