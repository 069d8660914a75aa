"""Every test of this folder runs twice: documents in the local folder, and in S3.

``store_backend`` (autouse) sets the ``MOBIO_S3_*`` settings the application reads, so the
requests of a test go through ``build_store`` exactly as in production: with no endpoint to
the folder in the data folder, with one to a fresh bucket on the suite's S3 server (moto,
``tests.support.s3``). ``objects()`` looks at the storage itself, whichever it is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from mobio.settings import get_settings
from tests.support.environment import mobio_environment
from tests.support.s3 import CREDENTIALS, REGION, new_bucket, object_keys, pending_uploads


class StoreBackend:
    """The document store the application uses in this test, seen from outside."""

    def __init__(self, name: str, *, endpoint: str = "", bucket: str = "") -> None:
        self.name = name
        self.endpoint = endpoint
        self.bucket = bucket

    @property
    def root(self) -> Path:
        return get_settings().data_dir / "documents"

    async def objects(self) -> list[str]:
        """Everything stored: files (temporary ones too), or objects and pending uploads."""
        if self.name == "s3":
            keys = await object_keys(self.endpoint, self.bucket)
            return sorted(keys + await pending_uploads(self.endpoint, self.bucket))
        if not self.root.exists():
            return []
        return sorted(p.name for p in self.root.rglob("*") if p.is_file())

    def clear(self) -> None:
        """Empty the local folder (it is the session's data folder; each bucket is new)."""
        if self.name == "local" and self.root.exists():
            for path in self.root.rglob("*"):
                if path.is_file():
                    path.unlink()


@pytest.fixture(params=["local", "s3"], autouse=True)
async def store_backend(request: pytest.FixtureRequest) -> AsyncIterator[StoreBackend]:
    """The application's document store for this test: the local folder, then S3."""
    if request.param == "local":
        backend = StoreBackend("local")
        # The folder is the test run's data folder, which other tests (the demo's forms,
        # exports) also store into: start from an empty one, so counts are this test's own.
        backend.clear()
        with mobio_environment():
            yield backend
        backend.clear()
        return
    endpoint: str = request.getfixturevalue("s3_endpoint")
    bucket = (await new_bucket(endpoint)).bucket
    with mobio_environment(
        s3_endpoint=endpoint,
        s3_bucket=bucket,
        s3_region=REGION,
        s3_access_key=CREDENTIALS["aws_access_key_id"],
        s3_secret_key=CREDENTIALS["aws_secret_access_key"],
    ):
        yield StoreBackend("s3", endpoint=endpoint, bucket=bucket)
