"""Data the browser tests need, made in the database of the server under test.

The server runs in its own process with its own database, so these run as
``python -m tests.web_client.seed NAME JSON-ARGUMENTS`` under the server's ``MOBIO_*``
environment (``MobioServer.seed`` does that) and print their answer as one line of JSON.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

from mobio import timeutil
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.db.engine import close_pool, start_pool
from mobio.db.tables import ALL_TABLES
from mobio.documents import service as documents
from mobio.documents.tables import DocumentCategory
from mobio.jobs import queue
from mobio.packages import Package
from mobio.releases.tables import StakeholderRelease
from mobio.secrets_util import token_hash
from tests.support import factories
from tests.support.files import pdf_bytes

# Each run is a new process: start the factories' numbering where no earlier run has been.
factories._numbers = itertools.count(time.time_ns() // 1000)

LANGUAGE = {
    "literacy": "literate_other_script",
    "mother_tongues": ["ar", "ku"],
    "german_level": "b1",
    "language_courses": [
        {
            "kind": "integration_course",
            "level_reached": "b1",
            "completed": True,
            "certificate": True,
            "year": 2024,
        }
    ],
}


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def stakeholder_link(
    package: str = "language_school", state: str = "valid"
) -> dict[str, Any]:
    """A newcomer with language answers, a language certificate and a private file, and a
    link for ``package`` that is ``valid``, ``expired`` or ``revoked``."""
    newcomer = await factories.newcomer(family_name="Haddad")
    owner = Actor(newcomer.account_id, frozenset({Grant.OWNER}))
    await save_section(owner, newcomer.person_id, SELF, Section.LANGUAGE, 0, LANGUAGE)
    await save_section(
        owner, newcomer.person_id, SELF, Section.LIVING, 0, {"health_restrictions": True}
    )
    uploader = documents.Uploader(newcomer.account_id, frozenset({Grant.OWNER}))
    for category, name in (
        (DocumentCategory.LANGUAGE_CERTIFICATE, "B1-Zertifikat.pdf"),
        (DocumentCategory.MISCELLANEOUS, "privat.pdf"),
    ):
        await documents.upload(uploader, newcomer.person_id, category, name, _chunks(pdf_bytes()))
    valid_for = timedelta(days=14) if state != "expired" else timedelta(days=-1)
    token = await factories.stakeholder_release(
        newcomer.person_id, Package(package), valid_for=valid_for
    )
    if state == "revoked":
        await StakeholderRelease.update({StakeholderRelease.revoked_at: timeutil.now()}).where(
            StakeholderRelease.token_hash == token_hash(token)
        )
    return {"token": token, "email": newcomer.email, "family_name": "Haddad"}


async def newcomer(language: str = "de") -> dict[str, Any]:
    """A fresh, active newcomer whose write-once personal page is still empty."""
    made = await factories.newcomer_with_empty_page(language=language)
    return {"email": made.email, "password": factories.PASSWORD}


SEEDS: dict[str, Callable[..., Awaitable[dict[str, Any]]]] = {
    "stakeholder_link": stakeholder_link,
    "newcomer": newcomer,
}


async def _run(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    engine = ALL_TABLES[0]._meta.db
    await start_pool(engine)
    try:
        answer = await SEEDS[name](**arguments)
        await queue.drain()  # mail and other jobs of the embedded queue, before leaving
        return answer
    finally:
        await close_pool(engine)


if __name__ == "__main__":
    result = asyncio.run(_run(sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}))
    print(json.dumps(result))  # the answer, for the caller
