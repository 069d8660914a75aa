"""GraphQL types of accounts."""

from __future__ import annotations

from uuid import UUID

import strawberry

from mobio.accounts.tables import AccountKind
from mobio.auth.directives import PUBLIC, read
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.i18n import RTL_LANGUAGES
from mobio.schema.context import Info
from mobio.schema.persons.types import Person

AccountKindEnum = strawberry.enum(AccountKind, name="AccountKind")

SELF_OR_ADMIN = (Grant.OWNER, Grant.ADMINISTRATOR)


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


@strawberry.type(description="A language of the user interface.")
class InterfaceLanguage:
    code: str = strawberry.field(directives=PUBLIC, description="ISO 639-1 code.")

    @strawberry.field(directives=PUBLIC, description="Written right to left (Arabic, Farsi).")
    def right_to_left(self) -> bool:
        return self.code in RTL_LANGUAGES
