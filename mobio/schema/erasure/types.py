"""The owner's pending erasure and whom MoBio told about their data."""

from __future__ import annotations

import datetime
import math
from enum import StrEnum

import strawberry

from mobio import timeutil
from mobio.auth.directives import read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.erasure.service import NoticeRecord, PendingErasure

OWNER = read(Grant.OWNER)


class NoticeRecipient(StrEnum):
    STAKEHOLDER = "stakeholder"
    TEAM = "team"


class NoticeOccasion(StrEnum):
    LINK_REVOKED = "link_revoked"
    DELETION_REQUESTED = "deletion_requested"
    ERASED = "erased"


NoticeRecipientEnum = strawberry.enum(
    NoticeRecipient, name="NoticeRecipient", description="Who was told."
)
NoticeOccasionEnum = strawberry.enum(
    NoticeOccasion, name="NoticeOccasion", description="Why they were told."
)


@strawberry.type(description="The owner's request to erase their account, while it can be undone.")
class PendingDeletion(Guarded):
    requested_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    erase_after: datetime.datetime | None = strawberry.field(
        default=None, directives=OWNER, description="From then on the data is erased."
    )
    days_left: int | None = strawberry.field(
        default=None, directives=OWNER, description="Whole days left to undo (rounded up)."
    )

    @classmethod
    def build(cls, pending: PendingErasure, grants: frozenset[Grant]) -> PendingDeletion:
        seconds = (pending.erase_after - timeutil.now()).total_seconds()
        return cls(
            grants=grants,
            requested_at=pending.requested_at,
            erase_after=pending.erase_after,
            days_left=max(0, math.ceil(seconds / 86400)),
        )


@strawberry.type(description="A notice MoBio sent to someone who received the owner's data.")
class ErasureNotice(Guarded):
    recipient_kind: NoticeRecipientEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]
    occasion: NoticeOccasionEnum | None = strawberry.field(default=None, directives=OWNER)  # type: ignore[valid-type]
    recipient: str | None = strawberry.field(
        default=None, directives=OWNER, description="The stakeholder's address or the team's name."
    )
    sent_at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)

    @classmethod
    def build(cls, record: NoticeRecord, grants: frozenset[Grant]) -> ErasureNotice:
        return cls(
            grants=grants,
            recipient_kind=NoticeRecipient(record.kind),
            occasion=NoticeOccasion(record.reason),
            recipient=record.recipient,
            sent_at=record.sent_at,
        )
