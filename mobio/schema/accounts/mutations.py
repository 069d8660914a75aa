"""GraphQL mutations of the accounts domain. Thin: decode, call the service, map."""

from __future__ import annotations

import strawberry

from mobio.accounts import email_change, service, sessions
from mobio.accounts.errors import AccountErrorCode
from mobio.auth.directives import PUBLIC, write
from mobio.auth.grants import Grant
from mobio.errors import MobioError
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
        request = info.context.request
        user_agent = request.headers.get("user-agent") if request is not None else None
        login = await service.login(email, password, info.context.client_address, user_agent)
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

    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description=(
            "Ask to log in with a new address: needs the current password; a link goes to the "
            "new address and nothing changes until it is opened. Always true for a valid "
            "address, whether or not it is already in use."
        ),
    )
    async def change_email(self, info: Info, current_password: str, new_email: str) -> bool:
        await email_change.request_email_change(
            info.context.principal.require_account(), current_password, new_email
        )
        return True

    @strawberry.mutation(
        directives=PUBLIC, description="Confirm a new address with the token from the mail."
    )
    async def confirm_email_change(self, token: str) -> bool:
        await email_change.confirm_email_change(token)
        return True

    @strawberry.mutation(
        directives=write(Grant.OWNER),
        description="End one of the caller's sessions; it is logged out at its next request.",
    )
    async def end_session(self, info: Info, session_id: strawberry.ID) -> bool:
        account_id = info.context.principal.require_account()
        if not await sessions.end_own_session(account_id, parse_id(session_id)):
            raise MobioError(AccountErrorCode.SESSION_NOT_FOUND, "error.session_not_found")
        return True

    @strawberry.mutation(
        directives=write(Grant.OWNER), description="End every session of the caller but this one."
    )
    async def end_other_sessions(self, info: Info) -> bool:
        principal = info.context.principal
        await sessions.end_other_sessions(principal.require_account(), keep=principal.session_id)
        return True
