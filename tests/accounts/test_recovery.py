"""Nobody gets locked out: a lost activation mail can be replaced, over-long input fails safely."""

from __future__ import annotations

import pytest

from mobio.accounts import service
from mobio.accounts.errors import AccountErrorCode
from mobio.accounts.passwords import MAX_PASSWORD_LENGTH
from mobio.errors import MobioError
from mobio.settings import get_settings
from tests.accounts.test_service import a_client, clear_outbox, registered
from tests.support import factories, outbox


async def test_registering_again_before_activation_mails_a_fresh_activation_link() -> None:
    # given a registration whose activation mail was lost
    first_token = await registered("lost@example.org")
    # when registering again with the same address
    await service.register(
        "lost@example.org", factories.PASSWORD, "en", await factories.usage_document()
    )
    # then a new activation link arrives, it works, and the lost one no longer does
    new_token = outbox.token_from(await outbox.only_mail_to("lost@example.org"), "/activate")
    assert new_token != first_token
    await service.activate(new_token)
    with pytest.raises(MobioError) as replaced:
        await service.activate(first_token)
    assert replaced.value.code is AccountErrorCode.TOKEN_INVALID


async def test_password_reset_before_activation_mails_an_activation_link() -> None:
    # given a registration that was never activated
    await registered("late@example.org")
    # when asking for a password reset
    await service.request_password_reset("late@example.org")
    # then an activation link comes instead of a reset link, and activates the account
    mail = await outbox.only_mail_to("late@example.org")
    await service.activate(outbox.token_from(mail, "/activate"))
    login = await service.login("late@example.org", factories.PASSWORD, a_client())
    assert login.token
    clear_outbox()


async def test_a_password_longer_than_the_limit_never_logs_in() -> None:
    # given an account
    newcomer = await factories.newcomer()
    # when logging in with the real password followed by more characters past the limit
    too_long = factories.PASSWORD + "x" * MAX_PASSWORD_LENGTH
    # then it is refused like any wrong password
    with pytest.raises(MobioError) as refused:
        await service.login(newcomer.email, too_long, a_client())
    assert refused.value.code is AccountErrorCode.INVALID_CREDENTIALS


async def test_a_reset_clears_the_login_block_of_the_address() -> None:
    # given an address blocked by failed logins
    newcomer = await factories.newcomer()
    for _ in range(get_settings().login_max_failures):
        with pytest.raises(MobioError):
            await service.login(newcomer.email, "wrong-password", a_client())
    # when its holder resets the password through the mailed link
    await service.request_password_reset(newcomer.email)
    token = outbox.token_from(await outbox.only_mail_to(newcomer.email), "/reset-password")
    await service.reset_password(token, "a-brand-new-password")
    # then the new password logs in at once
    assert (await service.login(newcomer.email, "a-brand-new-password", a_client())).token
