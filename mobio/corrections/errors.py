"""Error codes of the corrections domain."""

from __future__ import annotations

from enum import StrEnum


class CorrectionErrorCode(StrEnum):
    NOT_CORRECTABLE = "CORRECTION_NOT_CORRECTABLE"
    """The question is not on a write-once personal page of that kind."""
    NOT_LOCKED = "CORRECTION_NOT_LOCKED"
    """The owner may still enter the answer themself: nothing to correct."""
    UNCHANGED = "CORRECTION_UNCHANGED"
    REASON_MISSING = "CORRECTION_REASON_MISSING"
    EVIDENCE_INVALID = "CORRECTION_EVIDENCE_INVALID"
    ALREADY_OPEN = "CORRECTION_ALREADY_OPEN"
    NOT_OPEN = "CORRECTION_NOT_OPEN"
    """Unknown, or decided or withdrawn already."""
