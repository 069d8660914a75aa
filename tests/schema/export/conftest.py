"""Every test of this folder runs on both document stores: the local folder and S3 (moto).

The ``store_backend`` fixture is the documents folder's, so the export is written through
``build_store`` exactly as the application does in production.
"""

from __future__ import annotations

from tests.schema.documents.conftest import StoreBackend, store_backend

__all__ = ["StoreBackend", "store_backend"]
