"""The extract on a real arq worker with Redis, written into and removed from S3."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mobio import timeutil
from mobio.jobs import queue
from mobio.research import extracts
from mobio.research.tables import ExtractState
from mobio.settings import get_settings
from tests.research.helpers import analyst, arrived_newcomer, csv_rows, stored_bytes
from tests.support.s3 import CREDENTIALS, REGION, new_bucket, object_keys
from tests.support.worker import run_worker


@pytest.mark.redis
async def test_a_worker_writes_the_extract_to_s3_and_removes_it_after_the_window(
    redis_url: str, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given five consenting newcomers, one who is not, and an approved request
    for _ in range(5):
        await arrived_newcomer()
    await arrived_newcomer(joins=False)
    _, analyst_id = await analyst()
    made = await extracts.request(analyst_id, "Courses", "University", "2025", ["sex"])
    # and jobs go to Redis, documents to S3
    store = await new_bucket(s3_endpoint)
    for name, value in {
        "MOBIO_REDIS_URL": redis_url,
        "MOBIO_S3_ENDPOINT": s3_endpoint,
        "MOBIO_S3_BUCKET": store.bucket,
        "MOBIO_S3_REGION": REGION,
        "MOBIO_S3_ACCESS_KEY": CREDENTIALS["aws_access_key_id"],
        "MOBIO_S3_SECRET_KEY": CREDENTIALS["aws_secret_access_key"],
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        # when an administrator approves it and a worker runs
        await extracts.approve(made.id, None)
        complete, failed = await run_worker(redis_url)
        # then the worker wrote the file into the bucket
        assert failed == 0 and complete > 0
        ready = await extracts.find(made.id)
        assert ready is not None and ready.state is ExtractState.READY
        assert ready.storage_key is not None and ready.persons == 5
        assert await object_keys(s3_endpoint, store.bucket) == [ready.storage_key]
        rows = csv_rows(await stored_bytes(ready.storage_key))
        assert rows[0] == ["pseudonym", "sex"] and len(rows) == 6
        # when the window has passed and a worker starts (it runs the hourly jobs)
        timeutil.travel(timedelta(days=get_settings().extract_download_days, minutes=1))
        await run_worker(redis_url)
        # then the object is gone from S3 and the register says expired
        assert await object_keys(s3_endpoint, store.bucket) == []
        expired = await extracts.find(made.id)
        assert expired is not None and expired.state is ExtractState.EXPIRED
    finally:
        await queue.close()
        monkeypatch.undo()
        get_settings.cache_clear()
