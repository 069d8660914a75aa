"""Tables of the case-notes domain."""

from __future__ import annotations

from piccolo.columns import UUID, Boolean, ForeignKey, Text, Timestamptz
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person


class CaseNote(Table, tablename="case_note"):
    """Written by a member of a team holding a release; only that team reads it."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    team = ForeignKey(Team, on_delete=OnDelete.cascade, null=False, index=True)
    author = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    body = Text()
    moves_with_case = Boolean(
        default=False, help_text="The author lets it move to the receiving team on hand-over."
    )
    created_at = Timestamptz()
    updated_at = Timestamptz()
