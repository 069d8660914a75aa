"""The permission directives that every field of the schema carries.

``@access(read: [...], write: [...])`` names the grants that may read a field (on object
types) or write it (on input fields and mutations). ``@public`` marks a field that exposes
no personal data. A field with neither is refused when the schema is built.
"""

from __future__ import annotations

import strawberry
from strawberry import UNSET
from strawberry.schema_directive import Location

from mobio.auth.grants import Grant

GrantEnum = strawberry.enum(Grant, name="Grant", description="A relation that allows access.")


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION, Location.INPUT_FIELD_DEFINITION],
    name="access",
    description="Grants that may read (read) or write (write) this field; all others are denied.",
)
class Access:
    read: list[GrantEnum] | None = UNSET  # type: ignore[valid-type]
    write: list[GrantEnum] | None = UNSET  # type: ignore[valid-type]
    # true: answers only from protected aggregates (no person, name, id, free text or date)
    analytic: bool | None = UNSET


@strawberry.schema_directive(
    locations=[Location.FIELD_DEFINITION, Location.INPUT_FIELD_DEFINITION],
    name="public",
    description="This field exposes no personal data.",
)
class Public:
    pass


def _ordered(grants: tuple[Grant, ...]) -> list[Grant]:
    """The grants once each, in vocabulary order, so the SDL reads the same everywhere."""
    return [grant for grant in Grant if grant in grants]


def read(*grants: Grant) -> list[object]:
    """Directives for a field readable under ``grants``."""
    return [Access(read=_ordered(grants))]


def write(*grants: Grant) -> list[object]:
    """Directives for an input field or mutation writable under ``grants``."""
    return [Access(write=_ordered(grants))]


def analytic() -> list[object]:
    """Directives for an evaluation field: analysts read protected aggregates only.

    A schema test walks every type reachable from such a field and refuses persons, names,
    ids, free text and exact dates there.
    """
    return [Access(read=[Grant.ANALYST], analytic=True)]


PUBLIC: list[object] = [Public()]
