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
from datetime import UTC, date, datetime, timedelta
from typing import Any

from mobio import timeutil
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.db.engine import close_pool, start_pool
from mobio.db.tables import ALL_TABLES
from mobio.demo_population import add_population
from mobio.documents import service as documents
from mobio.documents.tables import DocumentCategory
from mobio.jobs import queue
from mobio.organisations.tables import TeamMembership
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


async def released_newcomers(caseworker: str, count: int, family_name: str) -> dict[str, Any]:
    """``count`` newcomers named ``family_name`` (given names numbered, born on different days)
    with an active release to every team of the caseworker with the e-mail ``caseworker``."""
    teams = await TeamMembership.select(TeamMembership.team).where(
        TeamMembership.account.email == caseworker
    )
    for number in range(1, count + 1):
        made = await factories.newcomer(
            family_name=family_name,
            given_name=f"Person {number:02d}",
            date_of_birth=date(1980, 1, 1) + timedelta(days=number),
        )
        for team in teams:
            await factories.team_release(made.person_id, team["team"])
    return {"teams": len(teams)}


async def correctable_newcomer(caseworker: str, family_name: str) -> dict[str, Any]:
    """A newcomer who filled in their write-once personal page themselves (so it is locked to
    them) and released it to every team of the caseworker ``caseworker``."""
    made = await factories.newcomer_with_empty_page(language="de")
    owner = Actor(made.account_id, frozenset({Grant.OWNER}))
    personal = {
        "given_name": "Lina",
        "family_name": family_name,
        "sex": "female",
        "date_of_birth": "1990-03-02",
        "nationality": "SY",
    }
    await save_section(owner, made.person_id, SELF, Section.PERSONAL, 0, personal)
    teams = await TeamMembership.select(TeamMembership.team).where(
        TeamMembership.account.email == caseworker
    )
    for team in teams:
        await factories.team_release(made.person_id, team["team"])
    return {"email": made.email, "password": factories.PASSWORD, "name": f"Lina {family_name}"}


async def evaluation_population(
    count: int, seed: int, arrived: str, municipalities: list[str]
) -> dict[str, Any]:
    """``count`` nameless profiles that arrived on ``arrived`` (ISO date, in a closed period) in
    ``municipalities`` (made when missing), for the analyst's evaluation screen."""
    created_at = datetime.combine(date.fromisoformat(arrived), datetime.min.time(), tzinfo=UTC)
    persons = await add_population(
        count,
        seed=seed,
        created_at=created_at,
        municipalities=tuple(municipalities),
        closed=True,
    )
    return {"persons": len(persons)}


SEEDS: dict[str, Callable[..., Awaitable[dict[str, Any]]]] = {
    "correctable_newcomer": correctable_newcomer,
    "evaluation_population": evaluation_population,
    "stakeholder_link": stakeholder_link,
    "newcomer": newcomer,
    "released_newcomers": released_newcomers,
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
