"""What every document backend offers, how keys look, and which backend a setting picks."""

from __future__ import annotations

import re
import secrets
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from mobio.documents.errors import InvalidKey

if TYPE_CHECKING:
    from mobio.settings import Settings

KEY_BYTES = 24
"""192 random bits: keys cannot be guessed, and never say anything about the document."""
_KEY = re.compile(r"[A-Za-z0-9_-]{32}")  # exactly what secrets.token_urlsafe(24) returns
READ_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class StoredObject:
    """A document as written: its key, its size in bytes and its SHA-256 (hex)."""

    key: str
    size: int
    sha256: str


class DocumentStore(Protocol):
    async def put(
        self, chunks: AsyncIterator[bytes], *, content_type: str, max_bytes: int
    ) -> StoredObject:
        """Store the stream under a new key, never holding all of it in memory.

        Past ``max_bytes`` it stops reading, removes whatever was written and raises
        ``TooLarge``; on any error nothing stays behind.
        """
        ...

    async def open(self, key: str) -> AsyncGenerator[bytes, None]:
        """The document's bytes in chunks; ``NotFound`` (raised here, before any chunk).

        Iterate to the end, or ``aclose()`` the stream (``contextlib.aclosing``) to free
        the file or connection at once when stopping early.
        """
        ...

    async def delete(self, key: str) -> None:
        """Remove the document; removing an absent one is not an error."""
        ...

    async def exists(self, key: str) -> bool: ...


def new_key() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def checked_key(key: str) -> str:
    """``key`` if it has the generated form, else ``InvalidKey`` (no "..", "/", prefixes)."""
    if _KEY.fullmatch(key) is None:
        raise InvalidKey
    return key


async def primed(stream: AsyncGenerator[bytes, None]) -> AsyncGenerator[bytes, None]:
    """``stream`` run to its first ``yield b""``, right after it has opened its source.

    So ``open`` raises ``NotFound`` at once, and the stream is started: ``aclose()`` (or
    asyncio's finaliser when it is dropped) runs its cleanup and frees the source.
    """
    await anext(stream)
    return stream


def build_store(settings: Settings) -> DocumentStore:
    """An S3 store when ``MOBIO_S3_ENDPOINT`` is set, else a folder in the data folder."""
    # Imported here: the backends import this module, and aioboto3 only when S3 is used.
    if settings.s3_endpoint:
        from mobio.documents.s3 import S3Store

        return S3Store(
            endpoint=settings.s3_endpoint,
            bucket=settings.s3_bucket,
            region=settings.s3_region,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
        )
    from mobio.documents.local import LocalStore

    return LocalStore(settings.data_dir / "documents")
