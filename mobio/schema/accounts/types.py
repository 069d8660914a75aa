"""GraphQL types of accounts."""

from __future__ import annotations

import datetime
from uuid import UUID

import strawberry

from mobio.accounts import login_record, sessions
from mobio.accounts.tables import AccountKind
from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.i18n import RTL_LANGUAGES
from mobio.schema.context import Info
from mobio.schema.persons.types import Person

AccountKindEnum = strawberry.enum(AccountKind, name="AccountKind")

SELF_OR_ADMIN = (Grant.OWNER, Grant.ADMINISTRATOR)
OWNER = read(Grant.OWNER)


@strawberry.type(description="A live login session of the account, as its owner sees it.")
class LoginSessionInfo(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    browser: str | None = strawberry.field(
        default=None, directives=OWNER, description="Browser and system family; empty if unknown."
    )
    network: str | None = strawberry.field(
        default=None, directives=OWNER, description="Shortened address: IPv4 /24, IPv6 /48."
    )
    created_at: datetime.datetime | None = strawberry.field(
        default=None, directives=OWNER, description="Login time (first use)."
    )
    last_seen_at: datetime.datetime | None = strawberry.field(
        default=None, directives=OWNER, description="Last use (to the minute)."
    )
    current: bool | None = strawberry.field(
        default=None, directives=OWNER, description="The session of this request."
    )


@strawberry.type(description="One login to the account, successful or failed.")
class LoginRecordEntry(Guarded):
    id: strawberry.ID | None = strawberry.field(default=None, directives=OWNER)
    at: datetime.datetime | None = strawberry.field(default=None, directives=OWNER)
    succeeded: bool | None = strawberry.field(default=None, directives=OWNER)
    browser: str | None = strawberry.field(default=None, directives=OWNER)
    network: str | None = strawberry.field(default=None, directives=OWNER)


@strawberry.type(description="Someone who logs in. Readable by the account holder (and admins).")
class Account(Guarded):
    id: strawberry.ID | None = strawberry.field(directives=read(*SELF_OR_ADMIN))
    email: str | None = strawberry.field(directives=read(*SELF_OR_ADMIN))
    kind: AccountKindEnum | None = strawberry.field(directives=read(*SELF_OR_ADMIN))  # type: ignore[valid-type]
    language: str | None = strawberry.field(
        directives=read(*SELF_OR_ADMIN), description="Interface and mail language."
    )
    person_id: strawberry.Private[str | None] = None

    @strawberry.field(
        directives=read(Grant.OWNER), description="The profile this account owns (newcomers)."
    )
    async def person(self, info: Info) -> Person | None:
        if self.person_id is None:
            return None
        person_id = UUID(self.person_id)
        record = await info.context.loaders.person_by_id.load(person_id)
        grants = await info.context.access.grants_on_person(person_id)
        return Person.build(record, grants) if record else None

    @strawberry.field(
        directives=read(Grant.OWNER),
        description="The account's live login sessions, most recently used first.",
    )
    async def sessions(self, info: Info) -> list[LoginSessionInfo] | None:
        if self.id is None:
            return None
        current = info.context.principal.session_id
        return [
            LoginSessionInfo(
                grants=self.grants,
                id=strawberry.ID(str(entry.id)),
                browser=entry.browser,
                network=entry.network,
                created_at=entry.created_at,
                last_seen_at=entry.last_seen_at,
                current=entry.id == current,
            )
            for entry in await sessions.live_sessions(UUID(self.id))
        ]

    @strawberry.field(
        directives=read(Grant.OWNER),
        description="Successful and failed logins to the account, newest first (kept 90 days).",
    )
    async def login_record(self) -> list[LoginRecordEntry] | None:
        if self.id is None:
            return None
        return [
            LoginRecordEntry(
                grants=self.grants,
                id=strawberry.ID(str(entry.id)),
                at=entry.at,
                succeeded=entry.succeeded,
                browser=entry.browser,
                network=entry.network,
            )
            for entry in await login_record.entries_of(UUID(self.id))
        ]


@strawberry.type(description="A language of the user interface.")
class InterfaceLanguage:
    code: str = strawberry.field(directives=PUBLIC, description="ISO 639-1 code.")

    @strawberry.field(directives=PUBLIC, description="Written right to left (Arabic, Farsi).")
    def right_to_left(self) -> bool:
        return self.code in RTL_LANGUAGES
