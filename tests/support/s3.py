"""A real S3 API for the tests: moto's server, started once per session on 127.0.0.1.

The stores speak to it over HTTP exactly as to a real S3-compatible store; each test that
needs one makes a bucket of its own. The ``s3_endpoint`` fixture is registered for the whole
suite (``pytest_plugins`` in ``tests/conftest.py``), so every folder shares one server.
Without moto a laptop skips the S3 cases; in CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any, NoReturn

import aioboto3
import pytest

from mobio.documents.s3 import S3Store

REGION = "eu-central-1"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


def s3_store(endpoint: str, bucket: str, *, encrypt: bool = True) -> S3Store:
    """A store on ``bucket`` of the endpoint, with the test credentials."""
    return S3Store(
        endpoint=endpoint,
        bucket=bucket,
        region=REGION,
        access_key=CREDENTIALS["aws_access_key_id"],
        secret_key=CREDENTIALS["aws_secret_access_key"],
        server_side_encryption=encrypt,
    )


async def new_bucket(endpoint: str) -> S3Store:
    """A store on a fresh, empty bucket of its own, made through ``ensure_bucket``."""
    store = s3_store(endpoint, f"mobio-test-{uuid.uuid4().hex[:16]}")
    await store.ensure_bucket()
    return store


def s3_client(endpoint: str) -> Any:
    """A plain aioboto3 client, for looking at a bucket without the store."""
    session = aioboto3.Session(**CREDENTIALS, region_name=REGION)
    return session.client("s3", endpoint_url=endpoint)


async def object_keys(endpoint: str, bucket: str) -> list[str]:
    """The keys of the complete objects in ``bucket``, sorted."""
    async with s3_client(endpoint) as s3:
        listing = await s3.list_objects_v2(Bucket=bucket)
    return sorted(str(item["Key"]) for item in listing.get("Contents", []))


async def pending_uploads(endpoint: str, bucket: str) -> list[str]:
    """``pending:<key>`` for every multipart upload begun in ``bucket`` and not finished."""
    async with s3_client(endpoint) as s3:
        uploads = await s3.list_multipart_uploads(Bucket=bucket)
    return sorted(f"pending:{upload['Key']}" for upload in uploads.get("Uploads", []))


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the S3 server is required in CI: {reason}", pytrace=False)
    pytest.skip(f"no S3 server: {reason}")


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """A moto S3 server on a free port of 127.0.0.1 for the whole session (started lazily)."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:
        _unavailable(f"moto[server] is not installed ({error})")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    try:
        server.start()
    except Exception as error:  # whatever stops it: say so (and fail in CI)
        _unavailable(f"moto's server did not start ({error!r})")
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
