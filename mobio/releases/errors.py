"""Error codes of the releases domain."""

from __future__ import annotations

from enum import StrEnum


class ReleaseErrorCode(StrEnum):
    CONSENT_INVALID = "CONSENT_INVALID"
    TEAM_UNKNOWN = "TEAM_UNKNOWN"
    ALREADY_RELEASED = "ALREADY_RELEASED"
    RELEASE_UNKNOWN = "RELEASE_UNKNOWN"
    RELEASE_ENDED = "RELEASE_ENDED"
    LINK_INVALID = "LINK_INVALID"
    TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS"
