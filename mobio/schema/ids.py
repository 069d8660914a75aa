"""Decoding ids that clients send."""

from __future__ import annotations

from uuid import UUID

from mobio.errors import bad_input


def parse_id(value: str, message_id: str = "error.id_invalid") -> UUID:
    """The UUID in ``value``, or a translated BAD_INPUT error."""
    try:
        return UUID(value)
    except ValueError:
        raise bad_input(message_id) from None
