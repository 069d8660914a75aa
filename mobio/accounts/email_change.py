"""Changing the login address: asked for with the password, used once the new one is proven.

The link goes to the new address; until it is opened nothing changes. The answer never says
whether the new address belongs to someone else: its holder gets a note instead, as at
registration. Once changed, the old address is told, so a stolen password cannot move an
account away unnoticed.
"""

from __future__ import annotations

from uuid import UUID

from mobio.accounts import service, throttle
from mobio.accounts.errors import AccountErrorCode
from mobio.accounts.passwords import verify_password
from mobio.accounts.tables import Account, TokenPurpose
from mobio.errors import MobioError
from mobio.settings import get_settings


async def request_email_change(account_id: UUID, current_password: str, new_email: str) -> None:
    """Check the password and the address, then mail the confirmation link (or a note)."""
    account = await Account.objects().get(Account.id == account_id)
    if account is None or not await verify_password(account.password_hash, current_password):
        raise MobioError(AccountErrorCode.INVALID_CREDENTIALS, "error.invalid_credentials")
    address = service.normalise_email(new_email)
    if address == account.email:
        return  # nothing to change
    holder = await Account.objects().get(Account.email == address)
    if holder is not None:
        # Same answer as for a free address; the holder learns that someone tried.
        await service.send_account_mail(
            holder.email, holder.language, "mail.email_change_taken", link=service.link_to("/")
        )
        return
    token = await service.issue_token(account_id, TokenPurpose.EMAIL_CHANGE, new_email=address)
    await service.send_account_mail(
        address,
        account.language,
        "mail.email_change",
        link=service.link_to(f"/confirm-email?token={token}"),
        hours=get_settings().email_change_valid_hours,
    )


async def confirm_email_change(token: str) -> None:
    """Use a valid link: the account logs in with the new address from now on."""
    row = await service.use_token(token, TokenPurpose.EMAIL_CHANGE)
    account = await Account.objects().get(Account.id == row.account)
    if account is None or row.new_email is None:
        raise MobioError(AccountErrorCode.TOKEN_INVALID, "error.token_invalid")
    # Taken since the link was sent (by a registration or another change): refuse.
    if await Account.exists().where(Account.email == row.new_email):
        raise MobioError(AccountErrorCode.EMAIL_UNAVAILABLE, "error.email_unavailable")
    old_address = account.email
    await Account.update({Account.email: row.new_email}).where(Account.id == account.id)
    await throttle.clear(service.address_key(old_address))
    await service.send_account_mail(
        old_address,
        account.language,
        "mail.email_changed",
        link=service.link_to("/password-forgotten"),
    )
