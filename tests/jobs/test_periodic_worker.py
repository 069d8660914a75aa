"""The hourly jobs on a real arq worker with Redis, delivering through a real SMTP server."""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest

from mobio import timeutil
from mobio.goals import service as goals
from mobio.handover.tables import HandOver, HandOverState
from mobio.jobs import periodic, queue
from mobio.organisations.tables import TeamKind
from mobio.releases.tables import TeamRelease
from mobio.settings import get_settings
from tests.goals.helpers import case, draft
from tests.support import factories
from tests.support.worker import run_worker


def _mails(collector: Any) -> list[Message]:
    return [message_from_bytes(envelope.content) for envelope in collector.envelopes]


@pytest.mark.redis
async def test_reminders_and_hand_overs_run_on_the_worker_exactly_once(
    redis_url: str, smtp_server: tuple[int, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an Arabic-speaking newcomer with a goal step due in 2 days
    subject = await case(language="ar")
    worker = subject.worker
    await goals.create_goal(
        subject.newcomer.person_id,
        worker.team_id,
        worker.account_id,
        draft(worker.account_id, due_in=2),
    )
    # and an accepted hand-over of another person, effective today
    other = await factories.newcomer(language="fr")
    old = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, other.person_id)
    new = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    today = timeutil.local_today()
    await HandOver(
        person=other.person_id,
        from_team=old.team_id,
        to_team=new.team_id,
        moving_on=today,
        effective_on=today,
        old_access_ends_on=today + timedelta(days=7),
        state=HandOverState.ACCEPTED,
        created_at=timeutil.now(),
    ).save()
    # and jobs go to Redis, mail to the SMTP server
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
        # when a worker starts (it runs every hourly job once at start) and empties the queue
        complete, failed = await run_worker(redis_url)
        # then the step reminders reached the newcomer (in Arabic) and the caseworker
        assert failed == 0 and complete > 0
        mails = _mails(collector)
        by_address = {mail["To"]: mail for mail in mails}
        assert {subject.newcomer.email, worker.email} <= set(by_address)
        assert by_address[subject.newcomer.email]["Content-Language"] == "ar"
        # and the hand-over completed: the receiving team holds a release
        assert await TeamRelease.exists().where(
            (TeamRelease.person == other.person_id) & (TeamRelease.team == new.team_id)
        )
        # when a second worker starts: nothing is sent twice
        sent = len(mails)
        complete, failed = await run_worker(redis_url)
        assert failed == 0 and complete >= len(periodic.HOURLY)  # the jobs ran again
        assert len(_mails(collector)) == sent
    finally:
        await queue.close()
        monkeypatch.undo()
        get_settings.cache_clear()
