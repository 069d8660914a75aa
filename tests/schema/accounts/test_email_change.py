"""Changing the login address: password first, then the link to the new address decides."""

from __future__ import annotations

from datetime import timedelta

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.i18n import translate
from mobio.settings import get_settings
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

CHANGE_EMAIL = (
    "mutation($p: String!, $e: String!) { changeEmail(currentPassword: $p, newEmail: $e) }"
)
CONFIRM = "mutation($t: String!) { confirmEmailChange(token: $t) }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"


async def email_of(newcomer: factories.Newcomer) -> str:
    row = await Account.select(Account.email).where(Account.id == newcomer.account_id).first()
    assert row is not None
    email: str = row["email"]
    return email


def clear_outbox() -> None:
    for mail_file in (get_settings().data_dir / "outbox").glob("*.eml"):
        mail_file.unlink()


async def test_new_address_counts_once_its_link_is_opened_and_the_old_one_is_told(
    client: GraphQLClient,
) -> None:
    # given a French-speaking newcomer, logged in
    newcomer = await factories.newcomer(language="fr")
    await client.login(newcomer.email, factories.PASSWORD)

    # when they ask for a new address with their password
    answer = await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "New@Example.org"})

    # then the link goes to the new address, in French, and nothing has changed yet
    assert answer == {"changeEmail": True}
    mail = await outbox.only_mail_to("new@example.org")
    assert mail["Subject"] == translate("fr", "mail.email_change.subject")
    token = outbox.token_from(mail, "/confirm-email")
    assert await email_of(newcomer) == newcomer.email
    clear_outbox()

    # when the link is used (no session needed, as from another device)
    client.forget_cookies()
    assert await client.data(CONFIRM, {"t": token}) == {"confirmEmailChange": True}

    # then the account logs in with the new address only, and the old address was told
    assert await email_of(newcomer) == "new@example.org"
    notice = await outbox.only_mail_to(newcomer.email)
    assert notice["Subject"] == translate("fr", "mail.email_changed.subject")
    assert "new@example.org" not in outbox.body(notice)
    assert await client.error_code(LOGIN, {"e": newcomer.email, "p": factories.PASSWORD}) == (
        "INVALID_CREDENTIALS"
    )
    await client.login("new@example.org", factories.PASSWORD)

    # and the link does not work a second time
    assert await client.error_code(CONFIRM, {"t": token}) == "TOKEN_INVALID"


async def test_an_address_in_use_gets_the_same_answer_and_its_holder_a_note(
    client: GraphQLClient,
) -> None:
    # given two newcomers; the first is logged in
    newcomer = await factories.newcomer(language="en")
    holder = await factories.newcomer(language="de")
    await client.login(newcomer.email, factories.PASSWORD)

    # when the first asks for the second's address, and then for a free one
    taken = await client.execute(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": holder.email})
    mails_after_taken = await outbox.sent_mails()
    free = await client.execute(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "free@example.org"})

    # then both answers are the same
    assert taken == free == {"data": {"changeEmail": True}}
    # and the holder got a note in their language with no link to confirm; nothing changed
    assert [m["To"] for m in mails_after_taken] == [holder.email]
    assert mails_after_taken[0]["Subject"] == translate("de", "mail.email_change_taken.subject")
    assert "/confirm-email" not in outbox.body(mails_after_taken[0])
    assert await email_of(newcomer) == newcomer.email
    assert await email_of(holder) == holder.email


async def test_wrong_password_or_malformed_address_change_nothing(client: GraphQLClient) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer(language="ar")
    await client.login(newcomer.email, factories.PASSWORD)

    # when the password is wrong, or the address malformed
    wrong = await client.execute(CHANGE_EMAIL, {"p": "not-the-password", "e": "x@example.org"})
    malformed = await client.execute(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "x@"})

    # then each gets its translated error, no mail goes out and the address stays
    assert wrong["errors"][0]["extensions"]["code"] == "INVALID_CREDENTIALS"
    assert wrong["errors"][0]["message"] == translate("ar", "error.invalid_credentials")
    assert malformed["errors"][0]["extensions"]["code"] == "EMAIL_INVALID"
    assert malformed["errors"][0]["message"] == translate("ar", "error.email_invalid")
    assert await outbox.sent_mails() == []
    assert await email_of(newcomer) == newcomer.email


async def test_a_stale_link_gets_an_error_and_changes_nothing(client: GraphQLClient) -> None:
    # given a change asked for, whose link is older than its lifetime
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "late@example.org"})
    token = outbox.token_from(await outbox.only_mail_to("late@example.org"), "/confirm-email")
    timeutil.travel(timedelta(hours=get_settings().email_change_valid_hours, seconds=1))

    # when it is opened
    client.forget_cookies()
    code = await client.error_code(CONFIRM, {"t": token})

    # then it has expired and the address is unchanged
    assert code == "TOKEN_EXPIRED"
    assert await email_of(newcomer) == newcomer.email


async def test_a_newer_request_voids_the_older_link(client: GraphQLClient) -> None:
    # given two requests one after the other
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "first@example.org"})
    first = outbox.token_from(await outbox.only_mail_to("first@example.org"), "/confirm-email")
    await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "second@example.org"})

    # when the first link is opened
    code = await client.error_code(CONFIRM, {"t": first})

    # then it no longer works
    assert code == "TOKEN_INVALID"
    assert await email_of(newcomer) == newcomer.email


async def test_an_address_taken_before_the_link_is_opened_is_refused(
    client: GraphQLClient,
) -> None:
    # given a pending change to an address that someone registers meanwhile
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "race@example.org"})
    token = outbox.token_from(await outbox.only_mail_to("race@example.org"), "/confirm-email")
    await Account.update({Account.email: "race@example.org"}).where(
        Account.email == (await factories.newcomer()).email
    )

    # when the link is opened
    code = await client.error_code(CONFIRM, {"t": token})

    # then the change is refused and nothing changes
    assert code == "EMAIL_UNAVAILABLE"
    assert await email_of(newcomer) == newcomer.email


async def test_mails_follow_the_language_chosen_just_before(client: GraphQLClient) -> None:
    # given a German-speaking newcomer who switches the interface to Farsi
    newcomer = await factories.newcomer(language="de")
    await client.login(newcomer.email, factories.PASSWORD)
    await client.data('mutation { changeLanguage(language: "fa") }')

    # when they ask for a new address
    await client.data(CHANGE_EMAIL, {"p": factories.PASSWORD, "e": "farsi@example.org"})

    # then the link arrives in Farsi at once
    mail = await outbox.only_mail_to("farsi@example.org")
    assert mail["Subject"] == translate("fa", "mail.email_change.subject")
