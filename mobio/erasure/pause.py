"""Persons whose erasure is pending: their team releases pause (not revoked, so undo restores
them) until the undo window ends and the erasure removes them."""

from __future__ import annotations

from typing import Any

from piccolo.custom_types import Combinable
from piccolo.query import Select

from mobio.erasure.tables import ErasureRequest


def pending() -> Combinable:
    """A WHERE condition on ``erasure_request``: asked for, not undone, person still present."""
    return (
        ErasureRequest.undone_at.is_null()
        & ErasureRequest.person.is_not_null()
        & ErasureRequest.erased_at.is_null()
    )


def paused_persons() -> Select[Any]:
    """A subquery of person ids whose team releases give no access right now."""
    return ErasureRequest.select(ErasureRequest.person).where(pending())
