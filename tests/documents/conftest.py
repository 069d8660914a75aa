"""Both document backends behind one fixture: a folder in tmp_path, and S3 on a real S3 API.

The S3 API is moto's server (``tests.support.s3``), started once per session on 127.0.0.1
and spoken to over HTTP exactly like a real store; each test gets a fresh bucket.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any, Protocol

import pytest
from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from mobio.documents.local import LocalStore
from mobio.documents.s3 import S3Store
from mobio.documents.store import DocumentStore
from tests.support.s3 import new_bucket, object_keys, pending_uploads, s3_client, s3_store


class Backend(Protocol):
    """One backend under test, with a way to look at its storage without the store."""

    name: str
    store: DocumentStore

    async def everything(self) -> list[str]:
        """Every file, object or pending multipart upload in the storage, finished or not."""
        ...

    async def visible(self) -> list[str]:
        """The keys of complete documents a reader could find."""
        ...

    async def held(self, key: str) -> bool:
        """Whether the storage itself (disk, or S3's head_object) still has ``key``."""
        ...

    def unreachable(self) -> DocumentStore:
        """A store of the same kind whose storage fails on any access."""
        ...


class LocalBackend:
    name = "local"

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.root = tmp_path / "documents"
        self.local = LocalStore(self.root)
        self.store: DocumentStore = self.local

    async def everything(self) -> list[str]:
        if not self.root.exists():
            return []
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file())

    async def visible(self) -> list[str]:
        return [p.split("/")[-1] for p in await self.everything() if "/." not in p]

    async def held(self, key: str) -> bool:
        return self.local.path(key).exists()

    def unreachable(self) -> DocumentStore:
        # Every path below a regular file fails (ENOTDIR), ".." included.
        blocker = self.tmp_path / "not-a-folder"
        blocker.write_bytes(b"")
        return LocalStore(blocker)


class S3Backend:
    name = "s3"

    def __init__(self, endpoint: str, store: S3Store) -> None:
        self.endpoint = endpoint
        self.s3 = store
        self.store: DocumentStore = store
        self.bucket = store.bucket

    def client(self) -> Any:
        return s3_client(self.endpoint)

    async def everything(self) -> list[str]:
        pending = await pending_uploads(self.endpoint, self.bucket)
        return sorted(await self.visible() + pending)

    async def visible(self) -> list[str]:
        return await object_keys(self.endpoint, self.bucket)

    async def held(self, key: str) -> bool:
        async with self.client() as s3:
            try:
                await s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                assert error.response["Error"]["Code"] == "404"
                return False
        return True

    def another(self, *, encrypt: bool) -> S3Store:
        """A second store on the same bucket, e.g. with server-side encryption off."""
        return s3_store(self.endpoint, self.bucket, encrypt=encrypt)

    def unreachable(self) -> DocumentStore:
        return s3_store(f"http://127.0.0.1:{_closed_port()}", self.bucket)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the probe closes


@pytest.fixture
async def s3_backend(s3_endpoint: str) -> S3Backend:
    """The S3 backend on a bucket of its own, made through ``ensure_bucket``."""
    return S3Backend(s3_endpoint, await new_bucket(s3_endpoint))


@pytest.fixture(params=["local", "s3"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each backend in turn, empty (moto starts only when an S3 case runs)."""
    if request.param == "local":
        return LocalBackend(tmp_path)
    s3: S3Backend = request.getfixturevalue("s3_backend")
    return s3
