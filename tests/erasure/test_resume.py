"""A worker that dies mid-erasure: the step it was in rolls back, the next run (here a real
arq worker on Redis, delivering through SMTP) finishes without doing anything twice."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from typing import Any

import pytest

from mobio import timeutil
from mobio.biography.tables import Answer
from mobio.documents.store import build_store
from mobio.documents.tables import Document
from mobio.erasure import service
from mobio.erasure.jobs import erase
from mobio.erasure.steps import STEPS, Target
from mobio.erasure.tables import ErasureRequest
from mobio.jobs import queue
from mobio.persons.tables import Person
from mobio.settings import get_settings
from tests.erasure.profile import STAKEHOLDER, fully_used_profile, tables_mentioning
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient
from tests.support.worker import run_worker


class Killed(RuntimeError):
    pass


async def _dies_halfway(target: Target) -> None:
    # Some work done, then the worker dies: the step's transaction must roll it back.
    await Answer.delete().where(Answer.person == target.person_id)
    raise Killed


@pytest.mark.redis
async def test_a_worker_killed_mid_erasure_finishes_after_restart(
    client: GraphQLClient,
    redis_url: str,
    smtp_server: tuple[int, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a fully used profile whose owner asked for erasure 15 days ago
    store = build_store(get_settings())
    profile = await fully_used_profile(client, store)
    person = profile.newcomer.person_id
    await service.request_erasure(profile.newcomer.account_id, factories.PASSWORD, True)
    request = await ErasureRequest.select(ErasureRequest.id).first()
    assert request is not None
    timeutil.travel(timedelta(days=15))
    # when the worker dies in the fourth step (after notices, proof and documents)
    steps = (*STEPS[:3], _dies_halfway, *STEPS[4:])
    with pytest.raises(Killed):
        await erase(request["id"], store, steps)
    # then three steps are recorded as done and the fourth left no trace
    progress = await ErasureRequest.select(ErasureRequest.steps_done).first()
    assert progress is not None and progress["steps_done"] == 3
    assert await Answer.exists().where(Answer.person == person)
    assert not await Document.exists().where(Document.person == person)
    for key in profile.storage_keys:
        assert not await store.exists(key)
    told = len([m for m in await outbox.sent_mails() if m["To"] == STAKEHOLDER])
    # and the undo link stopped working once the erasure began
    assert await ErasureRequest.exists().where(ErasureRequest.started_at.is_not_null())

    # when a real worker starts again (it runs the hourly jobs at start)
    port, collector = smtp_server
    for name, value in {
        "MOBIO_REDIS_URL": redis_url,
        "MOBIO_SMTP_HOST": "127.0.0.1",
        "MOBIO_SMTP_PORT": str(port),
        "MOBIO_SMTP_STARTTLS": "false",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        complete, failed = await run_worker(redis_url)
        # then the erasure finished and nobody was told twice
        assert failed == 0 and complete > 0
        assert not await Person.exists().where(Person.id == person)
        finished = await ErasureRequest.select().first()
        assert finished is not None and finished["erased_at"] is not None
        assert finished["steps_done"] == len(STEPS)
        resent = [message_from_bytes(e.content) for e in collector.envelopes]
        assert [m["To"] for m in resent if m["To"] == STAKEHOLDER] == []
        assert told == 3  # the link itself, its revocation at the request, the erasure
        found = await tables_mentioning(
            [str(person), str(profile.newcomer.account_id), profile.newcomer.email]
        )
        assert found == {}
    finally:
        await queue.close()
        monkeypatch.undo()
        get_settings.cache_clear()
