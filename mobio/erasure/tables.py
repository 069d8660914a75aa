"""Tables of the erasure domain.

What stays after an erasure, per table (everything else about the person is deleted):

- ``erasure_request``: the erasure itself, as proof; ``person`` and ``account`` go to NULL, the
  random ``pseudonym`` and the notice counts remain.
- ``consent_record``: kept as proof of consent; ``person``/``account`` NULL, ``pseudonym`` set,
  the scan's SHA-256 kept (the scan itself is deleted with the documents).
- ``erased_access``: the access-log rows of staff and stakeholders (who read what, when), moved
  out of ``access_log_entry`` (whose person column cannot be emptied) under the pseudonym.
- ``erasure_notice``: deleted with the person; the request keeps only the counts.

The pseudonym is a fresh random UUID; no table maps it back to the person.
"""

from __future__ import annotations

from enum import StrEnum

from piccolo.columns import UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.columns.base import OnDelete
from piccolo.table import Table

from mobio.accounts.tables import Account
from mobio.organisations.tables import Team
from mobio.persons.tables import Person


class ErasureRequest(Table, tablename="erasure_request"):
    """The owner's confirmed request: undone, pending, or carried out step by step."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.set_null, null=True, index=True)
    account = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    pseudonym = UUID(help_text="Random id that replaces the person in the rows kept as proof.")
    requested_at = Timestamptz()
    erase_after = Timestamptz(help_text="End of the undo window.")
    undo_token_hash = Varchar(
        length=64, null=True, default=None, unique=True, help_text="SHA-256 of the mailed link."
    )
    undone_at = Timestamptz(null=True, default=None)
    started_at = Timestamptz(null=True, default=None)
    steps_done = Integer(default=0, help_text="How many erasure steps have completed.")
    erased_at = Timestamptz(null=True, default=None)
    stakeholders_notified = Integer(default=0)
    teams_notified = Integer(default=0)


class NoticeKind(StrEnum):
    """Who was told."""

    STAKEHOLDER = "stakeholder"
    TEAM = "team"


class NoticeReason(StrEnum):
    """Why they were told."""

    LINK_REVOKED = "link_revoked"
    DELETION_REQUESTED = "deletion_requested"
    ERASED = "erased"


class ErasureNotice(Table, tablename="erasure_notice"):
    """A notice MoBio sent about the person's data (shown to the owner until erasure)."""

    id = UUID(primary_key=True)
    person = ForeignKey(Person, on_delete=OnDelete.cascade, null=False, index=True)
    kind = Varchar(length=20, choices=NoticeKind)
    reason = Varchar(length=20, choices=NoticeReason)
    recipient = Varchar(length=254, help_text="The stakeholder's address or the team's name.")
    team = ForeignKey(Team, on_delete=OnDelete.set_null, null=True)
    release_id = UUID(null=True, default=None, help_text="The stakeholder release, if any.")
    sent_at = Timestamptz()


class ErasedAccess(Table, tablename="erased_access"):
    """An access-log row of staff or a stakeholder, kept under the pseudonym after erasure."""

    id = UUID(primary_key=True)
    pseudonym = UUID(index=True)
    actor = ForeignKey(Account, on_delete=OnDelete.set_null, null=True)
    team = ForeignKey(Team, on_delete=OnDelete.set_null, null=True)
    grant = Varchar(length=40)
    accessed_at = Timestamptz()
