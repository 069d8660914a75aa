"""Demo research: the declarations are published with the other consent texts (shipped
documents); the demo newcomer Amina has agreed to take part in research in her language, and
so have some of the district's earlier (synthetic, nameless) profiles, on paper, so that an
extract of the demo holds enough persons for its combinations to stay above k."""

from __future__ import annotations

import random
import uuid
from uuid import UUID

from mobio import timeutil
from mobio.consent import service as consent
from mobio.consent.tables import ConsentChannel, ConsentKind, ConsentRecord
from mobio.db.bulk import insert_rows
from mobio.db.values import as_uuid
from mobio.persons.tables import Person
from mobio.research import participation

PARTICIPANTS = ("amina",)
"""Logins of the demo newcomers who joined research (everyone else has not: off by default)."""
SYNTHETIC_SHARE = 0.4
"""Share of the nameless district profiles whose research consent is on record."""


async def seed_research(person_of: dict[str, UUID]) -> None:
    documents = await consent.current_documents(ConsentKind.RESEARCH)
    for login in PARTICIPANTS:
        person_id = person_of[login]
        owner = (
            await Person.select(Person.account, Person.account.language)
            .where(Person.id == person_id)
            .first()
        )
        assert owner is not None  # noqa: S101 - the demo just created it
        document = next(d for d in documents if d.language == owner["account.language"])
        await participation.join(person_id, as_uuid(owner["account"]), document.id)
    german = next(d for d in documents if d.language == "de")
    await _synthetic_participants(german.id)


async def _synthetic_participants(document_id: UUID) -> None:
    rng = random.Random(11)  # noqa: S311 - demo data, reproducible on purpose
    nameless = await Person.select(Person.id).where(Person.account.is_null()).order_by(Person.id)
    now = timeutil.now()
    rows = [
        (uuid.uuid4(), document_id, as_uuid(row["id"]), ConsentChannel.ASSISTED.value, now)
        for row in nameless
        if rng.random() < SYNTHETIC_SHARE
    ]
    columns = (
        ConsentRecord.id,
        ConsentRecord.document,
        ConsentRecord.person,
        ConsentRecord.channel,
        ConsentRecord.accepted_at,
    )
    await insert_rows(ConsentRecord, columns, rows)
