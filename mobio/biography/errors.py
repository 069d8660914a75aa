"""Error codes of the biography domain."""

from __future__ import annotations

from enum import StrEnum


class BiographyErrorCode(StrEnum):
    ANSWER_INVALID = "ANSWER_INVALID"
    OPTION_UNKNOWN = "OPTION_UNKNOWN"
    PERSONAL_PAGE_LOCKED = "PERSONAL_PAGE_LOCKED"
    VERSION_CONFLICT = "VERSION_CONFLICT"
    MEMBER_UNKNOWN = "MEMBER_UNKNOWN"
    NOTE_INVALID = "NOTE_INVALID"
