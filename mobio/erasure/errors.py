"""Error codes of the erasure domain."""

from __future__ import annotations

from enum import StrEnum


class ErasureErrorCode(StrEnum):
    CONFIRMATION_MISSING = "CONFIRMATION_MISSING"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    ALREADY_REQUESTED = "ALREADY_REQUESTED"
    NOT_REQUESTED = "NOT_REQUESTED"
    UNDO_LINK_INVALID = "UNDO_LINK_INVALID"
