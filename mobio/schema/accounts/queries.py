"""GraphQL queries of the accounts domain."""

from __future__ import annotations

import strawberry

from mobio.accounts import service
from mobio.auth.directives import PUBLIC
from mobio.i18n import INTERFACE_LANGUAGES
from mobio.schema.accounts.types import Account, InterfaceLanguage
from mobio.schema.context import Info


@strawberry.type
class AccountQueries:
    @strawberry.field(directives=PUBLIC, description="The logged-in account; null when anonymous.")
    async def me(self, info: Info) -> Account | None:
        principal = info.context.principal
        if principal.account_id is None:
            return None
        record = await service.get_account(principal.account_id)
        if record is None:
            return None
        return Account(
            grants=info.context.access.grants_on_account(record.id),
            id=strawberry.ID(str(record.id)),
            email=record.email,
            kind=record.kind,
            language=record.language,
            person_id=str(principal.person_id) if principal.person_id else None,
        )

    @strawberry.field(directives=PUBLIC, description="Languages the interface is offered in.")
    def interface_languages(self) -> list[InterfaceLanguage]:
        return [InterfaceLanguage(code=code) for code in INTERFACE_LANGUAGES]
