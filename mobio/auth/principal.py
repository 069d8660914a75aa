"""Who is calling: resolved once per request from the session cookie or a release token."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from mobio.accounts.tables import AccountKind
from mobio.errors import unauthenticated
from mobio.packages import Package


@dataclass(frozen=True, slots=True)
class StakeholderAccess:
    """A valid (unexpired, unrevoked) release token presented with the request."""

    release_id: UUID
    person_id: UUID
    package: Package


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller. Anonymous callers have neither an account nor a release."""

    account_id: UUID | None = None
    account_kind: AccountKind | None = None
    person_id: UUID | None = None
    """The person profile this account owns, if any."""
    team_ids: frozenset[UUID] = field(default_factory=frozenset)
    session_id: UUID | None = None
    stakeholder: StakeholderAccess | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.account_id is not None

    def require_account(self) -> UUID:
        """The caller's account id, or UNAUTHENTICATED."""
        if self.account_id is None:
            raise unauthenticated()
        return self.account_id

    @property
    def is_administrator(self) -> bool:
        return self.account_kind is AccountKind.ADMINISTRATOR

    @property
    def is_analyst(self) -> bool:
        return self.account_kind is AccountKind.ANALYST


ANONYMOUS = Principal()
