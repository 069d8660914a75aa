"""Documents as objects in an S3-compatible bucket (aioboto3), always private.

One client per operation: nothing to open or close, no connection bound to an event loop.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from typing import Any

import aioboto3
from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from mobio.documents.errors import NotFound, TooLarge
from mobio.documents.store import READ_CHUNK, StoredObject, checked_key, new_key, primed

logger = logging.getLogger(__name__)

PART_SIZE = 8 * 1024 * 1024
"""Streams longer than one part go up as a multipart upload of parts this size."""
_MISSING = frozenset({"404", "NoSuchKey", "NoSuchBucket", "NotFound"})


class S3Store:
    """Objects named by their key alone; no ACL is ever sent, so every object stays private.

    Each write asks for server-side encryption (AES256) unless ``server_side_encryption``
    is off, for S3-compatible stores that reject the header.
    """

    def __init__(
        self,
        *,
        endpoint: str,
        bucket: str,
        region: str,
        access_key: str = "",
        secret_key: str = "",
        server_side_encryption: bool = True,
    ) -> None:
        self.bucket = bucket
        self.region = region
        self._endpoint = endpoint or None
        # Empty keys: botocore's own chain (environment, instance role) finds credentials.
        self._session = aioboto3.Session(
            aws_access_key_id=access_key or None,
            aws_secret_access_key=secret_key or None,
            region_name=region,
        )
        self._encryption = {"ServerSideEncryption": "AES256"} if server_side_encryption else {}

    def _client(self) -> Any:
        return self._session.client("s3", endpoint_url=self._endpoint)

    async def put(
        self, chunks: AsyncIterator[bytes], *, content_type: str, max_bytes: int
    ) -> StoredObject:
        key = new_key()
        digest, size, pending = hashlib.sha256(), 0, bytearray()
        upload_id: str | None = None
        parts: list[dict[str, Any]] = []
        finishing = False
        written = {"Bucket": self.bucket, "Key": key, "ContentType": content_type}
        async with self._client() as s3:
            try:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(max_bytes)
                    digest.update(chunk)
                    pending += chunk
                    while len(pending) >= PART_SIZE:  # at most one part is ever held
                        if upload_id is None:
                            started = await s3.create_multipart_upload(
                                **written, **self._encryption
                            )
                            upload_id = str(started["UploadId"])
                        parts.append(await self._part(s3, key, upload_id, len(parts) + 1, pending))
                        del pending[:PART_SIZE]
                finishing = True
                if upload_id is None:
                    await s3.put_object(**written, **self._encryption, Body=bytes(pending))
                else:
                    if pending:
                        parts.append(await self._part(s3, key, upload_id, len(parts) + 1, pending))
                    await s3.complete_multipart_upload(
                        Bucket=self.bucket,
                        Key=key,
                        UploadId=upload_id,
                        MultipartUpload={"Parts": parts},
                    )
            except BaseException:
                await self._discard(s3, key, upload_id, finishing)
                raise
        return StoredObject(key=key, size=size, sha256=digest.hexdigest())

    async def open(self, key: str) -> AsyncGenerator[bytes, None]:
        return await primed(self._read(checked_key(key)))

    async def delete(self, key: str) -> None:
        key = checked_key(key)
        async with self._client() as s3:
            await s3.delete_object(Bucket=self.bucket, Key=key)  # S3 deletes are idempotent

    async def exists(self, key: str) -> bool:
        key = checked_key(key)
        async with self._client() as s3:
            try:
                await s3.head_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _missing(error):
                    return False
                raise
        return True

    async def ensure_bucket(self) -> None:
        """Create the bucket (private, in ``region``) unless it exists."""
        async with self._client() as s3:
            try:
                await s3.head_bucket(Bucket=self.bucket)
                return
            except ClientError as error:
                if not _missing(error):
                    raise
            where = {"LocationConstraint": self.region}
            location = {} if self.region == "us-east-1" else {"CreateBucketConfiguration": where}
            with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):
                await s3.create_bucket(Bucket=self.bucket, **location)

    async def _read(self, key: str) -> AsyncGenerator[bytes, None]:
        async with self._client() as s3:
            try:
                response = await s3.get_object(Bucket=self.bucket, Key=key)
            except ClientError as error:
                if _missing(error):
                    raise NotFound from None
                raise
            body = response["Body"]
            async with body:
                yield b""  # opened: see primed()
                async for chunk in body.iter_chunks(READ_CHUNK):
                    yield chunk

    async def _part(
        self, s3: Any, key: str, upload_id: str, number: int, data: bytearray
    ) -> dict[str, Any]:
        body = bytes(data[:PART_SIZE])
        answer = await s3.upload_part(
            Bucket=self.bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=body
        )
        return {"ETag": answer["ETag"], "PartNumber": number}

    async def _discard(self, s3: Any, key: str, upload_id: str | None, finishing: bool) -> None:
        """Remove what a failed ``put`` may have left: a pending upload, or the object."""
        try:
            if upload_id is not None:
                await s3.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
            if finishing:  # the final request may have succeeded before the error
                await s3.delete_object(Bucket=self.bucket, Key=key)
        except Exception:
            logger.warning("could not clean up failed upload of document %s", key, exc_info=True)


def _missing(error: Any) -> bool:
    return str(error.response.get("Error", {}).get("Code")) in _MISSING
