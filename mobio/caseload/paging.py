"""Keyset paging of the caseload by name: stable under inserts, no OFFSET scans."""

from __future__ import annotations

import base64
import json
from uuid import UUID

from piccolo.columns.combination import WhereRaw
from piccolo.custom_types import Combinable
from piccolo.query import OrderByRaw

from mobio.errors import bad_input
from mobio.persons.service import PersonRecord
from mobio.persons.tables import Person

FAMILY = "LOWER(COALESCE(person.family_name, ''))"
GIVEN = "LOWER(COALESCE(person.given_name, ''))"
ORDER = (OrderByRaw(FAMILY), OrderByRaw(GIVEN), OrderByRaw("person.id"))


def cursor_of(record: PersonRecord) -> str:
    """An opaque cursor: the sort key of the row, URL-safe."""
    key = [(record.family_name or "").lower(), (record.given_name or "").lower(), str(record.id)]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def after(cursor: str) -> Combinable:
    """Rows after ``cursor`` in the caseload's order."""
    try:
        family, given, person_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        uuid = UUID(person_id)
        if not isinstance(family, str) or not isinstance(given, str):
            raise ValueError(cursor)
    except ValueError as error:  # also binascii.Error and JSON errors
        raise bad_input("error.cursor_invalid") from error
    # Spelled out (not a row comparison): PostgreSQL then infers each parameter's type.
    key = _id_parameter(uuid)
    return WhereRaw(
        f"({FAMILY} > {{}}) OR ({FAMILY} = {{}} AND {GIVEN} > {{}})"
        f" OR ({FAMILY} = {{}} AND {GIVEN} = {{}} AND person.id > {{}})",
        family,
        family,
        given,
        family,
        given,
        key,
    )


def _id_parameter(uuid: UUID) -> object:
    # SQLite keeps Piccolo's UUID columns as text; PostgreSQL wants a uuid parameter.
    return str(uuid) if Person._meta.db.engine_type == "sqlite" else uuid
