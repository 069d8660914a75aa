"""Error codes of the goals domain (bad input uses the shared BAD_INPUT)."""

from __future__ import annotations

from enum import StrEnum


class GoalErrorCode(StrEnum):
    VERSION_CONFLICT = "VERSION_CONFLICT"
    """Someone changed the goal since the caller loaded it (same code as the biography's)."""
    CONFIRMATION_STALE = "CONFIRMATION_STALE"
    """The newcomer confirmed a version that has since been changed."""
