"""The document backends (a folder, and S3 on a real S3 API): forms live in the same store."""

from __future__ import annotations

from tests.documents.conftest import backend, s3_backend

__all__ = ["backend", "s3_backend"]
