"""Error codes of the hand-over domain (bad input uses the shared BAD_INPUT)."""

from __future__ import annotations

from enum import StrEnum


class HandOverErrorCode(StrEnum):
    OPEN_OFFER_EXISTS = "OPEN_OFFER_EXISTS"
    OFFER_CLOSED = "OFFER_CLOSED"
    OBJECTION_TOO_LATE = "OBJECTION_TOO_LATE"
