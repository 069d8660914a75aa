"""GraphQL mutations of the accounts domain. Thin: decode, call the service, map."""

from __future__ import annotations

import strawberry

from mobio.accounts import service, sessions
from mobio.auth.directives import PUBLIC, write
from mobio.auth.grants import Grant
from mobio.schema.accounts.inputs import RegisterInput
from mobio.schema.context import Info
from mobio.schema.ids import parse_id
from mobio.web.cookies import clear_session_cookies, set_session_cookies


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        directives=PUBLIC,
        description="Register; always true, whether or not the address was known (see the mail).",
    )
    async def register(self, input: RegisterInput) -> bool:
        await service.register(
            input.email, input.password, input.language, parse_id(input.usage_consent_document_id)
        )
        return True

    @strawberry.mutation(directives=PUBLIC, description="Activate with the token from the mail.")
    async def activate_account(self, token: str) -> bool:
        await service.activate(token)
        return True

    @strawberry.mutation(directives=PUBLIC, description="Log in; sets the session cookie.")
    async def login(self, info: Info, email: str, password: str) -> bool:
        login = await service.login(email, password, info.context.client_address)
        if info.context.principal.session_id is not None:
            # A new login never keeps the old session id alive (no session fixation).
            await sessions.end_session(info.context.principal.session_id)
        set_session_cookies(info.context, login.token)
        return True

    @strawberry.mutation(directives=write(Grant.OWNER), description="End this session.")
    async def logout(self, info: Info) -> bool:
        if info.context.principal.session_id is not None:
            await sessions.end_session(info.context.principal.session_id)
        clear_session_cookies(info.context)
        return True

    @strawberry.mutation(
        directives=write(Grant.OWNER), description="Change the password; other sessions end."
    )
    async def change_password(self, info: Info, current_password: str, new_password: str) -> bool:
        principal = info.context.principal
        await service.change_password(
            principal.require_account(), principal.session_id, current_password, new_password
        )
        return True

    @strawberry.mutation(
        directives=PUBLIC,
        description="Mail a reset link if the address is registered; always true.",
    )
    async def request_password_reset(self, email: str) -> bool:
        await service.request_password_reset(email)
        return True

    @strawberry.mutation(directives=PUBLIC, description="Set a new password with a mailed token.")
    async def reset_password(self, token: str, new_password: str) -> bool:
        await service.reset_password(token, new_password)
        return True

    @strawberry.mutation(directives=write(Grant.OWNER), description="Change interface language.")
    async def change_language(self, info: Info, language: str) -> bool:
        await service.change_language(info.context.principal.require_account(), language)
        return True
