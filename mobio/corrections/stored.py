"""The stored value of one personal-page answer, in the form a save stores (ISO dates)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from mobio.biography.catalogue.model import Subject
from mobio.biography.errors import BiographyErrorCode
from mobio.biography.pages import PERSONAL_COLUMNS
from mobio.biography.tables import SELF, FamilyMember, MemberKind
from mobio.errors import MobioError, forbidden
from mobio.persons.tables import Person


async def stored_value(person_id: UUID, subject: str, code: str) -> tuple[Subject, Any]:
    """The kind of page and the answer to ``code`` on it (None for other questions)."""
    column = code if code in PERSONAL_COLUMNS else "id"  # any column: only the kind matters
    if subject == SELF:
        row = await Person.select(getattr(Person, column)).where(Person.id == person_id).first()
        if row is None:
            raise forbidden()
        return Subject.NEWCOMER, _stored(row, code)
    try:
        member_id = UUID(subject)
    except ValueError:
        raise MobioError(BiographyErrorCode.MEMBER_UNKNOWN, "error.member_unknown") from None
    row = await (
        FamilyMember.select(FamilyMember.kind, getattr(FamilyMember, column))
        .where((FamilyMember.id == member_id) & (FamilyMember.person == person_id))
        .first()
    )
    if row is None:
        raise MobioError(BiographyErrorCode.MEMBER_UNKNOWN, "error.member_unknown")
    kind = Subject.PARTNER if row["kind"] == MemberKind.PARTNER else Subject.CHILD
    return kind, _stored(row, code)


def _stored(row: dict[str, Any], code: str) -> Any:
    if code not in PERSONAL_COLUMNS:
        return None
    value = row[code]
    return value.isoformat() if hasattr(value, "isoformat") else value
