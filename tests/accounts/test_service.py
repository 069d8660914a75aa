"""The accounts service without HTTP: registration, activation, login, passwords, tokens."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Awaitable, Callable
from datetime import timedelta
from uuid import UUID, uuid4

import argon2
import pytest
from piccolo.table import Table

from mobio import timeutil
from mobio.accounts import service, sessions
from mobio.accounts.errors import AccountErrorCode
from mobio.accounts.passwords import needs_rehash
from mobio.accounts.tables import Account, AccountKind, AccountToken, LoginSession, LoginThrottle
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind, ConsentRecord
from mobio.errors import MobioError
from mobio.i18n import translate
from mobio.persons.tables import Person
from mobio.settings import get_settings
from tests.support import factories, outbox

NEW_PASSWORD = "another-long-password"
_clients = itertools.count(1)


def a_client() -> str:
    """A fresh client address, so only the per-address throttle counts."""
    return f"192.0.2.{next(_clients)}"


async def row_counts() -> dict[str, int]:
    tables: tuple[type[Table], ...] = (Account, Person, ConsentRecord, AccountToken, LoginSession)
    return {table._meta.tablename: await table.count() for table in tables}


async def account_row(email: str) -> Account:
    row = await Account.objects().get(Account.email == email)
    assert row is not None, f"no account for {email}"
    return row


async def registered(email: str, *, language: str = "en") -> str:
    """Register ``email`` and return the activation token from the mail (outbox emptied)."""
    await service.register(email, factories.PASSWORD, language, await factories.usage_document())
    mail = await outbox.only_mail_to(email)
    clear_outbox()
    return outbox.token_from(mail, "/activate")


def clear_outbox() -> None:
    for mail_file in (get_settings().data_dir / "outbox").glob("*.eml"):
        mail_file.unlink()


async def reset_token_for(email: str) -> str:
    await service.request_password_reset(email)
    mail = await outbox.only_mail_to(email)
    clear_outbox()
    return outbox.token_from(mail, "/reset-password")


async def login_error(email: str, password: str, client: str | None = None) -> MobioError:
    with pytest.raises(MobioError) as caught:
        await service.login(email, password, client or a_client())
    return caught.value


# --- registration -------------------------------------------------------------------------


async def test_register_creates_an_inactive_newcomer_account_that_owns_a_new_person() -> None:
    # given a published usage declaration
    document_id = await factories.usage_document("en")

    # when someone registers
    await service.register("New.Comer@Example.org", factories.PASSWORD, "ar", document_id)

    # then there is one inactive newcomer account under the normalised address
    account = await account_row("new.comer@example.org")
    assert account.is_active is False
    assert account.activated_at is None
    assert account.kind == AccountKind.NEWCOMER
    assert account.language == "ar"
    # and one person owned by it, created by it
    persons = await Person.select(Person.account, Person.created_by)
    assert [(str(p["account"]), str(p["created_by"])) for p in persons] == [
        (str(account.id), str(account.id))
    ]


async def test_register_records_consent_with_document_version_language_and_time() -> None:
    # given a usage declaration in Farsi published in a second version
    await consent.publish(ConsentKind.USAGE, "fa", "Usage v1", "Old text.", None)
    document_id = await consent.publish(ConsentKind.USAGE, "fa", "Usage v2", "New text.", None)
    before = timeutil.now()

    # when someone registers accepting the current version
    await service.register("consent@example.org", factories.PASSWORD, "fa", document_id)

    # then one consent record proves which document, version and language, when, and by whom
    after = timeutil.now()
    account = await account_row("consent@example.org")
    person = await Person.objects().get(Person.account == account.id)
    assert person is not None
    records = await ConsentRecord.select(
        ConsentRecord.document,
        ConsentRecord.document.version,
        ConsentRecord.document.language,
        ConsentRecord.document.kind,
        ConsentRecord.account,
        ConsentRecord.person,
        ConsentRecord.acted_by,
        ConsentRecord.accepted_at,
    )
    assert len(records) == 1
    record = records[0]
    assert UUID(str(record["document"])) == document_id
    assert record["document.version"] == 2
    assert record["document.language"] == "fa"
    assert record["document.kind"] == ConsentKind.USAGE
    assert str(record["account"]) == str(account.id)
    assert str(record["person"]) == str(person.id)
    assert str(record["acted_by"]) == str(account.id)
    assert before <= record["accepted_at"] <= after


async def test_register_mails_an_activation_link_to_the_new_address() -> None:
    # given a published usage declaration
    document_id = await factories.usage_document()

    # when someone registers
    await service.register("mail.me@example.org", factories.PASSWORD, "en", document_id)

    # then one mail goes to the address, with a link to the activation page of this MoBio
    mail = await outbox.only_mail_to("mail.me@example.org")
    assert mail["Subject"] == translate("en", "mail.activation.subject")
    assert f"{get_settings().base_url}/activate?token=" in outbox.body(mail)
    assert outbox.token_from(mail, "/activate")


async def test_register_with_a_known_address_creates_nothing_and_mails_the_holder() -> None:
    # given an existing account (whose holder reads German)
    holder = await factories.newcomer(language="de")
    holder_hash = (await account_row(holder.email)).password_hash
    document_id = await factories.usage_document()
    counts = await row_counts()

    # when someone registers with the same address, written differently
    await service.register(holder.email.upper(), "an-intruders-password", "en", document_id)

    # then the call raises nothing (as for a new address), and nothing is created or changed
    assert await row_counts() == counts
    assert (await account_row(holder.email)).password_hash == holder_hash
    # and the holder is told by mail, in their language, without an activation link
    mail = await outbox.only_mail_to(holder.email)
    assert mail["Subject"] == translate("de", "mail.already_registered.subject")
    assert "/activate" not in outbox.body(mail)


@pytest.mark.parametrize(
    ("email", "password", "language", "code"),
    [
        ("not-an-address", factories.PASSWORD, "en", AccountErrorCode.EMAIL_INVALID),
        ("someone@", factories.PASSWORD, "en", AccountErrorCode.EMAIL_INVALID),
        ("short@example.org", "123456789", "en", AccountErrorCode.PASSWORD_TOO_SHORT),
        ("long@example.org", "x" * 257, "en", AccountErrorCode.PASSWORD_TOO_LONG),
        ("lang@example.org", factories.PASSWORD, "tr", AccountErrorCode.LANGUAGE_UNSUPPORTED),
        ("lang@example.org", factories.PASSWORD, "", AccountErrorCode.LANGUAGE_UNSUPPORTED),
    ],
    ids=["no-at", "no-domain", "short-password", "long-password", "turkish-ui", "no-language"],
)
async def test_register_with_invalid_input_raises_its_code_and_changes_nothing(
    email: str, password: str, language: str, code: AccountErrorCode
) -> None:
    # given a published usage declaration
    document_id = await factories.usage_document()
    counts = await row_counts()

    # when someone registers with one invalid value
    with pytest.raises(MobioError) as caught:
        await service.register(email, password, language, document_id)

    # then the error names that value, and nothing is stored or mailed
    assert caught.value.code == code
    assert await row_counts() == counts
    assert await outbox.sent_mails() == []


async def _outdated_usage_document() -> UUID:
    old = await consent.publish(ConsentKind.USAGE, "en", "Usage v1", "Old.", None)
    await consent.publish(ConsentKind.USAGE, "en", "Usage v2", "New.", None)
    return old


async def _unknown_document() -> UUID:
    await factories.usage_document()
    return uuid4()


async def _team_release_document() -> UUID:
    await factories.usage_document()
    return await consent.publish(ConsentKind.TEAM_RELEASE, "en", "Release", "Text.", None)


@pytest.mark.parametrize(
    "document",
    [_outdated_usage_document, _unknown_document, _team_release_document],
    ids=["outdated-version", "unknown", "wrong-kind"],
)
async def test_register_without_consent_to_a_current_usage_document_changes_nothing(
    document: Callable[[], Awaitable[UUID]],
) -> None:
    # given a document that is not the current usage declaration
    document_id = await document()
    counts = await row_counts()

    # when someone registers consenting to it
    with pytest.raises(MobioError) as caught:
        await service.register("consent@example.org", factories.PASSWORD, "en", document_id)

    # then the consent is refused, and nothing is stored or mailed
    assert caught.value.code == AccountErrorCode.CONSENT_INVALID
    assert await row_counts() == counts
    assert await outbox.sent_mails() == []


# --- activation ---------------------------------------------------------------------------


async def test_activation_token_activates_the_account() -> None:
    # given a registration and its mailed token
    token = await registered("activate@example.org")

    # when the token is used
    await service.activate(token)

    # then the account is active, since now
    account = await account_row("activate@example.org")
    assert account.is_active is True
    assert account.activated_at is not None


async def test_activation_token_works_only_once() -> None:
    # given an account activated with its token
    token = await registered("twice@example.org")
    await service.activate(token)

    # when the token is used again
    with pytest.raises(MobioError) as caught:
        await service.activate(token)

    # then it is invalid
    assert caught.value.code == AccountErrorCode.TOKEN_INVALID


async def test_activation_token_still_works_shortly_before_it_expires() -> None:
    # given a registration whose link is 71 of its 72 hours old
    token = await registered("late@example.org")
    timeutil.travel(timedelta(hours=get_settings().activation_valid_hours - 1))

    # when the token is used
    await service.activate(token)

    # then the account is active
    assert (await account_row("late@example.org")).is_active is True


async def test_expired_activation_token_is_refused_and_leaves_the_account_inactive() -> None:
    # given a registration whose link is older than 72 hours
    token = await registered("expired@example.org")
    timeutil.travel(timedelta(hours=73))

    # when the token is used
    with pytest.raises(MobioError) as caught:
        await service.activate(token)

    # then it has expired, and the account stays inactive
    assert caught.value.code == AccountErrorCode.TOKEN_EXPIRED
    assert (await account_row("expired@example.org")).is_active is False


async def test_unknown_activation_token_is_invalid() -> None:
    # given a registration
    await registered("unknown-token@example.org")

    # when a made-up token is used
    with pytest.raises(MobioError) as caught:
        await service.activate("made-up-token")

    # then it is invalid, and the account stays inactive
    assert caught.value.code == AccountErrorCode.TOKEN_INVALID
    assert (await account_row("unknown-token@example.org")).is_active is False


async def test_activation_token_cannot_reset_the_password() -> None:
    # given a registration and its activation token
    token = await registered("purpose@example.org")
    password_hash = (await account_row("purpose@example.org")).password_hash

    # when the activation token is used as a password-reset token
    with pytest.raises(MobioError) as caught:
        await service.reset_password(token, NEW_PASSWORD)

    # then it is invalid, and the password stays
    assert caught.value.code == AccountErrorCode.TOKEN_INVALID
    assert (await account_row("purpose@example.org")).password_hash == password_hash


# --- login --------------------------------------------------------------------------------


async def test_login_opens_a_session_for_the_account() -> None:
    # given an active account
    newcomer = await factories.newcomer()

    # when its holder logs in (address in other case)
    login = await service.login(newcomer.email.upper(), factories.PASSWORD, a_client())

    # then the returned token resolves to a session of that account
    assert login.account_id == newcomer.account_id
    session = await sessions.resolve_session(login.token)
    assert session is not None
    assert session.account_id == newcomer.account_id


async def test_login_with_wrong_password_or_unknown_address_fails_the_same_way() -> None:
    # given an active account
    newcomer = await factories.newcomer()

    # when someone logs in with a wrong password, and with an unknown address
    wrong_password = await login_error(newcomer.email, "not-the-password")
    unknown_address = await login_error("nobody@example.org", factories.PASSWORD)

    # then both get the same error, and no session opens
    assert wrong_password.code == AccountErrorCode.INVALID_CREDENTIALS
    assert (unknown_address.code, unknown_address.message_id, unknown_address.params) == (
        wrong_password.code,
        wrong_password.message_id,
        wrong_password.params,
    )
    assert await LoginSession.count() == 0


async def test_login_to_an_inactive_account_says_not_active_only_with_the_right_password() -> None:
    # given an account that is not activated yet
    newcomer = await factories.newcomer(active=False)

    # when its holder logs in with a wrong and with the right password
    wrong = await login_error(newcomer.email, "not-the-password")
    right = await login_error(newcomer.email, factories.PASSWORD)

    # then only the right password learns that the account is inactive; no session opens
    assert wrong.code == AccountErrorCode.INVALID_CREDENTIALS
    assert right.code == AccountErrorCode.ACCOUNT_NOT_ACTIVE
    assert await LoginSession.count() == 0


async def test_login_is_refused_after_max_failures_for_an_address_even_with_right_password() -> (
    None
):
    # given an account whose address had the maximum number of failed logins
    newcomer = await factories.newcomer()
    for _ in range(get_settings().login_max_failures):
        await login_error(newcomer.email, "not-the-password")

    # when its holder logs in with the right password, from yet another client
    error = await login_error(newcomer.email, factories.PASSWORD)

    # then the login is refused as too many attempts, and no session opens
    assert error.code == AccountErrorCode.TOO_MANY_ATTEMPTS
    assert await LoginSession.count() == 0


async def test_login_works_with_one_failure_less_than_the_maximum() -> None:
    # given an account whose address had one failed login less than the maximum
    newcomer = await factories.newcomer()
    for _ in range(get_settings().login_max_failures - 1):
        await login_error(newcomer.email, "not-the-password")

    # when its holder logs in with the right password
    login = await service.login(newcomer.email, factories.PASSWORD, a_client())

    # then the login succeeds
    assert login.account_id == newcomer.account_id


async def test_login_is_refused_after_max_failures_from_one_client() -> None:
    # given a client that failed the maximum number of times, each on another address
    newcomer = await factories.newcomer()
    client = a_client()
    for number in range(get_settings().login_max_failures):
        await login_error(f"guess{number}@example.org", "not-the-password", client)

    # when a real account logs in from that client, and from another one
    error = await login_error(newcomer.email, factories.PASSWORD, client)
    login = await service.login(newcomer.email, factories.PASSWORD, a_client())

    # then that client is refused, the other is not
    assert error.code == AccountErrorCode.TOO_MANY_ATTEMPTS
    assert login.account_id == newcomer.account_id


async def test_login_works_again_once_the_failure_window_has_passed() -> None:
    # given an address that is blocked after too many failures
    newcomer = await factories.newcomer()
    for _ in range(get_settings().login_max_failures):
        await login_error(newcomer.email, "not-the-password")
    assert (await login_error(newcomer.email, factories.PASSWORD)).code == (
        AccountErrorCode.TOO_MANY_ATTEMPTS
    )

    # when the failure window has passed
    timeutil.travel(timedelta(minutes=get_settings().login_failure_window_minutes, seconds=1))
    login = await service.login(newcomer.email, factories.PASSWORD, a_client())

    # then the right password logs in again
    assert login.account_id == newcomer.account_id


async def test_failures_after_the_window_has_passed_block_again_in_a_new_window() -> None:
    # given an address that was blocked in a window that has passed
    newcomer = await factories.newcomer()
    limit = get_settings().login_max_failures
    for _ in range(limit):
        await login_error(newcomer.email, "not-the-password")
    timeutil.travel(timedelta(minutes=get_settings().login_failure_window_minutes, seconds=1))

    # when it fails the maximum number of times again
    for _ in range(limit):
        assert (await login_error(newcomer.email, "not-the-password")).code == (
            AccountErrorCode.INVALID_CREDENTIALS
        )

    # then the right password is refused again
    error = await login_error(newcomer.email, factories.PASSWORD)
    assert error.code == AccountErrorCode.TOO_MANY_ATTEMPTS


async def test_successful_login_clears_the_failure_count_of_the_address() -> None:
    # given an address with one failure less than the maximum, then a successful login
    newcomer = await factories.newcomer()
    limit = get_settings().login_max_failures
    for _ in range(limit - 1):
        await login_error(newcomer.email, "not-the-password")
    await service.login(newcomer.email, factories.PASSWORD, a_client())

    # when it fails again, one less than the maximum
    for _ in range(limit - 1):
        await login_error(newcomer.email, "not-the-password")

    # then the right password still logs in: the earlier failures no longer count
    login = await service.login(newcomer.email, factories.PASSWORD, a_client())
    assert login.account_id == newcomer.account_id


async def test_failed_login_counters_store_no_address() -> None:
    # given failed logins for an address
    await login_error("secret.person@example.org", "not-the-password", "198.51.100.7")

    # when the throttle table is read
    rows = await LoginThrottle.select(LoginThrottle.key_hash)

    # then it holds only hashes, neither the address nor the client
    stored = " ".join(str(row["key_hash"]) for row in rows)
    assert len(rows) == 2
    assert "secret.person" not in stored
    assert "198.51.100.7" not in stored


async def test_login_rehashes_a_password_hash_made_with_other_parameters() -> None:
    # given an account whose hash was made with other argon2 parameters
    newcomer = await factories.newcomer()
    old_hash = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(
        factories.PASSWORD
    )
    await Account.update({Account.password_hash: old_hash}).where(Account.id == newcomer.account_id)
    assert needs_rehash(old_hash)

    # when its holder logs in
    await service.login(newcomer.email, factories.PASSWORD, a_client())

    # then the stored hash is new, made with the current parameters, and still verifies
    new_hash = (await account_row(newcomer.email)).password_hash
    assert new_hash != old_hash
    assert not needs_rehash(new_hash)
    assert argon2.PasswordHasher().verify(new_hash, factories.PASSWORD)
    assert (await service.login(newcomer.email, factories.PASSWORD, a_client())).account_id == (
        newcomer.account_id
    )


async def test_login_keeps_a_hash_made_with_the_current_parameters() -> None:
    # given an account whose hash was made with the current parameters
    newcomer = await factories.newcomer()
    stored = (await account_row(newcomer.email)).password_hash

    # when its holder logs in
    await service.login(newcomer.email, factories.PASSWORD, a_client())

    # then the hash is not rewritten
    assert (await account_row(newcomer.email)).password_hash == stored


# --- password reset -----------------------------------------------------------------------


async def test_password_reset_for_an_unknown_address_sends_nothing_and_says_nothing() -> None:
    # given an existing account (so the outbox would show a mail to anyone)
    await factories.newcomer()

    # when a reset is requested for an address that is not registered
    await service.request_password_reset("nobody@example.org")

    # then the call raises nothing, no token is stored and no mail is sent
    assert await AccountToken.count() == 0
    assert await outbox.sent_mails() == []


async def test_password_reset_mails_a_link_to_a_known_address() -> None:
    # given an active account whose holder reads French
    newcomer = await factories.newcomer(language="fr")

    # when a reset is requested for its address
    await service.request_password_reset(newcomer.email)

    # then its holder gets a mail in French with a reset link
    mail = await outbox.only_mail_to(newcomer.email)
    assert mail["Subject"] == translate("fr", "mail.password_reset.subject")
    assert outbox.token_from(mail, "/reset-password")


async def test_password_reset_replaces_the_password() -> None:
    # given a mailed reset token
    newcomer = await factories.newcomer()
    token = await reset_token_for(newcomer.email)

    # when the token sets a new password
    await service.reset_password(token, NEW_PASSWORD)

    # then the old password fails and the new one logs in
    assert (await login_error(newcomer.email, factories.PASSWORD)).code == (
        AccountErrorCode.INVALID_CREDENTIALS
    )
    login = await service.login(newcomer.email, NEW_PASSWORD, a_client())
    assert login.account_id == newcomer.account_id


async def test_password_reset_token_works_only_once() -> None:
    # given a reset token that was used
    newcomer = await factories.newcomer()
    token = await reset_token_for(newcomer.email)
    await service.reset_password(token, NEW_PASSWORD)

    # when it is used again
    with pytest.raises(MobioError) as caught:
        await service.reset_password(token, "a-third-long-password")

    # then it is invalid, and the password set first stays
    assert caught.value.code == AccountErrorCode.TOKEN_INVALID
    assert (await service.login(newcomer.email, NEW_PASSWORD, a_client())).account_id == (
        newcomer.account_id
    )


async def test_password_reset_ends_every_session_of_the_account() -> None:
    # given an account logged in twice, and another account logged in
    newcomer = await factories.newcomer()
    other = await factories.newcomer()
    first = await service.login(newcomer.email, factories.PASSWORD, a_client())
    second = await service.login(newcomer.email, factories.PASSWORD, a_client())
    others = await service.login(other.email, factories.PASSWORD, a_client())
    token = await reset_token_for(newcomer.email)

    # when the password is reset
    await service.reset_password(token, NEW_PASSWORD)

    # then both sessions of the account are over, the other account's is not
    assert await sessions.resolve_session(first.token) is None
    assert await sessions.resolve_session(second.token) is None
    assert await sessions.resolve_session(others.token) is not None


async def test_expired_password_reset_token_is_refused_and_keeps_the_password() -> None:
    # given a reset token older than its lifetime
    newcomer = await factories.newcomer()
    token = await reset_token_for(newcomer.email)
    timeutil.travel(timedelta(minutes=get_settings().reset_valid_minutes, seconds=1))

    # when it is used
    with pytest.raises(MobioError) as caught:
        await service.reset_password(token, NEW_PASSWORD)

    # then it has expired, and the old password still logs in
    assert caught.value.code == AccountErrorCode.TOKEN_EXPIRED
    login = await service.login(newcomer.email, factories.PASSWORD, a_client())
    assert login.account_id == newcomer.account_id


async def test_password_reset_with_a_too_short_password_keeps_the_token_usable() -> None:
    # given a mailed reset token
    newcomer = await factories.newcomer()
    token = await reset_token_for(newcomer.email)

    # when it is used with a password that is too short
    with pytest.raises(MobioError) as caught:
        await service.reset_password(token, "short")

    # then the password is refused, and the token still works
    assert caught.value.code == AccountErrorCode.PASSWORD_TOO_SHORT
    await service.reset_password(token, NEW_PASSWORD)
    assert (await service.login(newcomer.email, NEW_PASSWORD, a_client())).account_id == (
        newcomer.account_id
    )


async def test_a_new_reset_link_voids_the_older_one() -> None:
    # given two resets requested one after the other
    newcomer = await factories.newcomer()
    older = await reset_token_for(newcomer.email)
    newer = await reset_token_for(newcomer.email)

    # when the older link is used
    with pytest.raises(MobioError) as caught:
        await service.reset_password(older, NEW_PASSWORD)

    # then it is invalid, and the newer one works
    assert caught.value.code == AccountErrorCode.TOKEN_INVALID
    await service.reset_password(newer, NEW_PASSWORD)


# --- change password ----------------------------------------------------------------------


async def test_change_password_with_a_wrong_current_password_changes_nothing() -> None:
    # given an account logged in twice
    newcomer = await factories.newcomer()
    current = await service.login(newcomer.email, factories.PASSWORD, a_client())
    other = await service.login(newcomer.email, factories.PASSWORD, a_client())
    stored = (await account_row(newcomer.email)).password_hash
    current_session = await sessions.resolve_session(current.token)
    assert current_session is not None

    # when the password is changed with a wrong current password
    with pytest.raises(MobioError) as caught:
        await service.change_password(
            newcomer.account_id, current_session.session_id, "not-the-password", NEW_PASSWORD
        )

    # then it is refused, the hash is the same and both sessions live on
    assert caught.value.code == AccountErrorCode.INVALID_CREDENTIALS
    assert (await account_row(newcomer.email)).password_hash == stored
    assert await sessions.resolve_session(other.token) is not None
    assert await sessions.resolve_session(current.token) is not None


async def test_change_password_to_a_too_short_one_changes_nothing() -> None:
    # given a logged-in account
    newcomer = await factories.newcomer()
    stored = (await account_row(newcomer.email)).password_hash

    # when the password is changed to one that is too short
    with pytest.raises(MobioError) as caught:
        await service.change_password(newcomer.account_id, None, factories.PASSWORD, "short")

    # then it is refused and the hash is the same
    assert caught.value.code == AccountErrorCode.PASSWORD_TOO_SHORT
    assert (await account_row(newcomer.email)).password_hash == stored


async def test_change_password_replaces_the_password() -> None:
    # given an account
    newcomer = await factories.newcomer()

    # when the password is changed with the right current one
    await service.change_password(newcomer.account_id, None, factories.PASSWORD, NEW_PASSWORD)

    # then the old password fails and the new one logs in
    assert (await login_error(newcomer.email, factories.PASSWORD)).code == (
        AccountErrorCode.INVALID_CREDENTIALS
    )
    assert (await service.login(newcomer.email, NEW_PASSWORD, a_client())).account_id == (
        newcomer.account_id
    )


async def test_change_password_ends_the_other_sessions_but_keeps_the_current_one() -> None:
    # given an account logged in three times, and another account logged in
    newcomer = await factories.newcomer()
    current = await service.login(newcomer.email, factories.PASSWORD, a_client())
    second = await service.login(newcomer.email, factories.PASSWORD, a_client())
    third = await service.login(newcomer.email, factories.PASSWORD, a_client())
    someone_else = await factories.newcomer()
    others = await service.login(someone_else.email, factories.PASSWORD, a_client())
    current_session = await sessions.resolve_session(current.token)
    assert current_session is not None

    # when the password is changed in the current session
    await service.change_password(
        newcomer.account_id, current_session.session_id, factories.PASSWORD, NEW_PASSWORD
    )

    # then the current session lives on, the account's other sessions are over
    assert await sessions.resolve_session(current.token) is not None
    assert await sessions.resolve_session(second.token) is None
    assert await sessions.resolve_session(third.token) is None
    # and another account's session is untouched
    assert await sessions.resolve_session(others.token) is not None


# --- language -----------------------------------------------------------------------------


async def test_change_language_to_an_unsupported_one_changes_nothing() -> None:
    # given an account in English
    newcomer = await factories.newcomer(language="en")

    # when its language is changed to one the interface does not speak
    with pytest.raises(MobioError) as caught:
        await service.change_language(newcomer.account_id, "tr")

    # then it is refused and the language stays
    assert caught.value.code == AccountErrorCode.LANGUAGE_UNSUPPORTED
    assert (await account_row(newcomer.email)).language == "en"


# --- stored tokens ------------------------------------------------------------------------


async def test_mailed_tokens_are_stored_only_as_their_sha256_hashes() -> None:
    # given an activation token and a password-reset token, as mailed
    activation = await registered("hashes@example.org")
    await service.activate(activation)
    reset = await reset_token_for("hashes@example.org")

    # when every value of the token table is read
    rows = await AccountToken.select()

    # then each token appears only as its SHA-256, never as itself
    stored = repr(rows)
    assert len(rows) == 2
    for token in (activation, reset):
        assert token not in stored
        assert hashlib.sha256(token.encode()).hexdigest() in {row["token_hash"] for row in rows}
