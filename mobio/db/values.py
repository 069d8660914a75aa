"""Small conversions of values read from either engine."""

from __future__ import annotations

from uuid import UUID


def as_uuid(value: object) -> UUID:
    """A UUID from a row value (drivers return UUID objects or their text)."""
    return value if isinstance(value, UUID) else UUID(str(value))
