"""Who may read and write which category of documents.

The owner reads and writes every category. The counselling teams (social counselling,
integration management) read and write all but "miscellaneous"; the integration office none.
Stakeholder packages read the categories DESIGN.md section 3 gives them and write none.
"Miscellaneous" is the owner's private folder, always.
"""

from __future__ import annotations

from collections.abc import Iterable

from mobio.auth.grants import Grant
from mobio.documents.tables import DocumentCategory as C

_SHARED = frozenset(C) - {C.MISCELLANEOUS}

READ: dict[Grant, frozenset[C]] = {
    Grant.OWNER: frozenset(C),
    Grant.SOCIAL_COUNSELLING: _SHARED,
    Grant.INTEGRATION_MANAGEMENT: _SHARED,
    Grant.EMPLOYMENT: frozenset(
        {C.SCHOOL_CERTIFICATE, C.VOCATIONAL_CERTIFICATE, C.LANGUAGE_CERTIFICATE, C.CV}
    ),
    Grant.EMPLOYER: frozenset({C.CV, C.WORK_REFERENCE}),
    Grant.LANGUAGE_SCHOOL: frozenset({C.LANGUAGE_CERTIFICATE}),
    Grant.CHAMBERS: frozenset({C.VOCATIONAL_CERTIFICATE, C.WORK_REFERENCE, C.SCHOOL_CERTIFICATE}),
}
"""Categories each grant may read; a grant not listed (integration office, ...) reads none."""

WRITE: dict[Grant, frozenset[C]] = {
    Grant.OWNER: frozenset(C),
    Grant.SOCIAL_COUNSELLING: _SHARED,
    Grant.INTEGRATION_MANAGEMENT: _SHARED,
}
"""Categories each grant may upload to (and delete from)."""

UPLOADERS = tuple(WRITE)
"""Grants that may upload at all (the category is checked by the service)."""
READERS = tuple(READ)
"""Grants that may list documents at all (each sees only its categories)."""


def readable(grants: Iterable[Grant]) -> frozenset[C]:
    """Every category any of ``grants`` may read."""
    return frozenset().union(*(READ.get(grant, frozenset()) for grant in grants))


def writable(grants: Iterable[Grant]) -> frozenset[C]:
    """Every category any of ``grants`` may upload to or delete from."""
    return frozenset().union(*(WRITE.get(grant, frozenset()) for grant in grants))


def acting_grant(grants: Iterable[Grant], category: C) -> Grant | None:
    """The grant an upload to ``category`` is made under (the owner's first), if any."""
    held = set(grants)
    for grant in WRITE:
        if grant in held and category in WRITE[grant]:
            return grant
    return None
