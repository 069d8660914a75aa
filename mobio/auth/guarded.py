"""The base of every GraphQL type that carries someone's data."""

from __future__ import annotations

import strawberry

from mobio.auth.grants import Grant

NO_GRANTS: frozenset[Grant] = frozenset()


@strawberry.type
class Guarded:
    """The caller's grants on the data's owner travel with the object.

    Grants are resolved once per (person, request) by :class:`mobio.auth.access.AccessResolver`
    and set when the object is built; an object built without them shows nothing.
    """

    grants: strawberry.Private[frozenset[Grant]] = NO_GRANTS
