"""Documents as files in a local folder (the embedded default: ``<data dir>/documents``)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from collections.abc import AsyncGenerator, AsyncIterator
from pathlib import Path
from typing import IO

from mobio.documents.errors import NotFound, TooLarge
from mobio.documents.store import READ_CHUNK, StoredObject, checked_key, new_key, primed


class LocalStore:
    """Files under ``root/<first two characters of the key>/<key>``, readable by MoBio only.

    Folders are 0700, files 0600. A document is written to a temp name (which never has the
    form of a key) in its final folder and renamed when complete, so a reader sees all of it
    or nothing.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        key = checked_key(key)
        return self.root / key[:2] / key

    async def put(
        self, chunks: AsyncIterator[bytes], *, content_type: str, max_bytes: int
    ) -> StoredObject:
        key = new_key()
        final = self.path(key)
        handle = await asyncio.to_thread(_open_temp, self.root, final.parent)
        temp = Path(handle.name)
        digest, size = hashlib.sha256(), 0
        try:
            with handle:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(max_bytes)
                    digest.update(chunk)
                    await asyncio.to_thread(handle.write, chunk)
                await asyncio.to_thread(_flush, handle)
            await asyncio.to_thread(_publish, temp, final)
        except BaseException:
            # Synchronous on purpose: it must finish even when the task is being cancelled.
            _discard(temp, final)
            raise
        return StoredObject(key=key, size=size, sha256=digest.hexdigest())

    async def open(self, key: str) -> AsyncGenerator[bytes, None]:
        return await primed(self._read(self.path(key)))

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, missing_ok=True)

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self.path(key).is_file)

    async def _read(self, path: Path) -> AsyncGenerator[bytes, None]:
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            raise NotFound from None
        with handle:
            yield b""  # opened: see primed()
            while chunk := await asyncio.to_thread(handle.read, READ_CHUNK):
                yield chunk


def _open_temp(root: Path, folder: Path) -> IO[bytes]:
    for private in (root, folder):
        if not private.is_dir():
            private.mkdir(mode=0o700, parents=True, exist_ok=True)
            private.chmod(0o700)  # mkdir's mode passes through the umask
    # Made by mkstemp, so 0600 from the start; ".upload-..." never matches a key.
    return tempfile.NamedTemporaryFile(dir=folder, prefix=".upload-", delete=False)


def _flush(handle: IO[bytes]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _discard(temp: Path, final: Path) -> None:
    temp.unlink(missing_ok=True)
    final.unlink(missing_ok=True)  # in case the rename happened and only the sync failed


def _publish(temp: Path, final: Path) -> None:
    temp.replace(final)
    # Make the rename itself survive a crash.
    folder = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
