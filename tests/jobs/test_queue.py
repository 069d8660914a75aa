"""Background jobs: in-process tasks, and arq workers on a real Redis."""

from __future__ import annotations

import logging
import socket

import pytest
from arq.connections import RedisSettings
from arq.worker import Retry, create_worker
from redis.asyncio import Redis

from mobio.jobs import queue
from mobio.jobs.tasks import RETRY_DELAY_SECONDS, send_mail
from mobio.mail.sender import read_outbox
from mobio.settings import Settings, get_settings

MAIL = {
    "to": "amal@example.org",
    "subject": "Passwort zurücksetzen",
    "body": "https://mobio.example/reset/SECRET-TOKEN-456\n",
    "language": "de",
}


async def test_in_process_job_sends_mail(mobio_env: Settings) -> None:
    # given: no Redis, so jobs run in this process

    # when
    await queue.enqueue("send_mail", **MAIL)
    await queue.drain()

    # then
    [message] = read_outbox(mobio_env)
    assert message["To"] == MAIL["to"]
    assert message.get_content() == MAIL["body"]


async def test_in_process_failure_is_logged_not_lost(
    mobio_env: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    # given: a job that will fail (header injection is refused by compose)
    bad = {**MAIL, "to": "amal@example.org\r\nBcc: eve@example.org"}

    # when
    with caplog.at_level(logging.ERROR, logger="mobio.jobs"):
        await queue.enqueue("send_mail", **bad)
        await queue.drain()

    # then: drain finished, the failure is in the log, nothing was sent
    assert "in-process job send_mail" in caplog.text
    assert "ValueError" in caplog.text
    assert read_outbox(mobio_env) == []


async def test_unknown_job_is_refused(mobio_env: Settings) -> None:
    # given / when / then
    with pytest.raises(KeyError):
        await queue.enqueue("no_such_job")


@pytest.mark.redis
async def test_arq_worker_runs_queued_mail(
    mobio_env: Settings,
    redis_url: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # given: jobs go to Redis; the worker below sends mail into the outbox
    from mobio.jobs.worker import WorkerSettings  # imported late: it reads settings on import

    monkeypatch.setenv("MOBIO_REDIS_URL", redis_url)
    get_settings.cache_clear()
    redis = Redis.from_url(redis_url)
    try:
        await queue.enqueue("send_mail", **MAIL)
        with pytest.raises(KeyError):
            await queue.enqueue("no_such_job", to="x")
        assert await redis.zcard("arq:queue") == 1  # the unknown job never reached Redis
        assert read_outbox(mobio_env) == []  # queued, not yet run

        # when: a real arq worker runs until the queue is empty
        worker = create_worker(
            WorkerSettings,
            redis_settings=RedisSettings.from_dsn(redis_url),
            cron_jobs=[],  # only the queued mail; the hourly jobs have their own test
            burst=True,
            handle_signals=False,
            poll_delay=0.05,
        )
        with caplog.at_level(logging.INFO, logger="arq.worker"):
            await worker.main()
        await worker.close()

        # then: the mail arrived, and Redis keeps neither the job nor its result
        assert (worker.jobs_complete, worker.jobs_failed) == (1, 0)
        [message] = read_outbox(mobio_env)
        assert message["Subject"] == MAIL["subject"]
        assert message.get_content() == MAIL["body"]
        assert await redis.keys("arq:result:*") == []
        assert await redis.keys("arq:job:*") == []
        assert "send_mail(" in caplog.text
        assert "SECRET-TOKEN" not in caplog.text
    finally:
        await queue.close()
        await redis.aclose()


async def test_send_mail_asks_arq_to_retry_when_smtp_is_down(
    mobio_env: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: an SMTP port nobody listens on
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    monkeypatch.setenv("MOBIO_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("MOBIO_SMTP_PORT", str(closed_port))
    monkeypatch.setenv("MOBIO_SMTP_STARTTLS", "false")
    get_settings.cache_clear()

    # when / then: a refused connection is worth a later try, later tries wait longer
    with pytest.raises(Retry) as retry:
        await send_mail({"job_try": 2}, **MAIL)
    assert retry.value.defer_score == 2 * RETRY_DELAY_SECONDS * 1000
