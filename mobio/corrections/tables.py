"""Tables of the corrections domain."""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, ForeignKey, Text, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.documents.tables import Document
from mobio.organisations.tables import Team
from mobio.persons.tables import Person


class CorrectionState(StrEnum):
    OPEN = "open"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class CorrectionRequest(Table, tablename="correction_request"):
    """The newcomer proposes a new value for one locked answer of a personal page."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    subject = Varchar(length=36, help_text='"self" or the family member\'s id.')
    question = Varchar(length=40)
    current_value = Text(null=True, default=None, help_text="JSON, as stored when requested.")
    proposed_value = Text(help_text="JSON, cleaned like a saved answer.")
    reason = Text()
    evidence = ForeignKey(Document, on_delete=OnDelete.set_null, null=True)
    state = Varchar(length=20, choices=CorrectionState, default=CorrectionState.OPEN)
    decision_reason = Text(null=True, default=None)
    created_at = Timestamptz()
    created_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    decided_at = Timestamptz(null=True, default=None)
    decided_by = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    decided_team = ForeignKey(Team, on_delete=OnDelete.set_null, null=True)
