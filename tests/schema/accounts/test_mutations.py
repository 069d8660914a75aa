"""Account mutations through HTTP, as the web client uses them: cookies, CSRF, languages."""

from __future__ import annotations

from http.cookiejar import Cookie
from http.cookies import SimpleCookie
from typing import Any

import pytest
from httpx import Response

from mobio.accounts.tables import Account, LoginSession, LoginThrottle
from mobio.i18n import translate
from mobio.persons.tables import Person
from mobio.settings import get_settings
from mobio.web.cookies import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"
REGISTER = "mutation($input: RegisterInput!) { register(input: $input) }"
CHANGE_LANGUAGE = "mutation($l: String!) { changeLanguage(language: $l) }"
CHANGE_PASSWORD = (
    "mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }"
)
ME = "{ me { email kind language person { id } } }"
NEW_PASSWORD = "another-long-password"


async def post(
    client: GraphQLClient,
    query: str,
    variables: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A raw POST to /graphql with exactly ``headers`` (no CSRF header added)."""
    return await client.http.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}
    )


def set_cookies(response: Response) -> SimpleCookie:
    cookies: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        cookies.load(header)
    return cookies


def saved_cookies(client: GraphQLClient) -> list[Cookie]:
    """The client's cookies as they are now (a device's browser state)."""
    return list(client.http.cookies.jar)


def use_cookies(client: GraphQLClient, cookies: list[Cookie]) -> None:
    """Make the client send exactly ``cookies`` (switch to another device's browser state)."""
    client.forget_cookies()
    for cookie in cookies:
        client.http.cookies.jar.set_cookie(cookie)


def error_of(body: dict[str, Any]) -> dict[str, Any]:
    errors = body.get("errors")
    assert errors, f"expected an error, got {body}"
    first: dict[str, Any] = errors[0]
    return first


async def language_of(email: str) -> str:
    row = await Account.select(Account.language).where(Account.email == email).first()
    assert row is not None
    language: str = row["language"]
    return language


async def person_id_of(email: str) -> str:
    row = await Person.select(Person.id).where(Person.account.email == email).first()
    assert row is not None
    return str(row["id"])


async def test_a_new_user_registers_activates_logs_in_and_sees_their_account(
    client: GraphQLClient,
) -> None:
    # given a published usage declaration, as listed for the registration screen
    await factories.usage_document("en")
    documents = await client.data("{ consentDocuments(kind: USAGE) { id language version title } }")
    document = next(d for d in documents["consentDocuments"] if d["language"] == "en")

    # when the newcomer registers consenting to it
    registered = await client.data(
        REGISTER,
        {
            "input": {
                "email": "journey@example.org",
                "password": factories.PASSWORD,
                "language": "en",
                "usageConsentDocumentId": document["id"],
            }
        },
    )
    assert registered == {"register": True}

    # then an activation mail arrives
    mail = await outbox.only_mail_to("journey@example.org")
    token = outbox.token_from(mail, "/activate")

    # when the link is opened (as a mail scanner would)
    english = {"accept-language": "en"}
    page = await client.http.get("/activate", params={"token": token}, headers=english)

    # then the page shows a button that posts the token, and nothing is activated yet
    assert page.status_code == 200
    assert '<form method="post" action="/activate">' in page.text
    assert f'name="token" value="{token}"' in page.text
    assert translate("en", "page.activate.button") in page.text
    not_yet = error_of(
        await client.execute(LOGIN, {"e": "journey@example.org", "p": factories.PASSWORD})
    )
    assert not_yet["extensions"]["code"] == "ACCOUNT_NOT_ACTIVE"

    # when the newcomer presses the button
    done = await client.http.post("/activate", data={"token": token}, headers=english)

    # then the account is active
    assert done.status_code == 200
    assert translate("en", "page.activate.done") in done.text

    # when the newcomer logs in
    login = await post(client, LOGIN, {"e": "journey@example.org", "p": factories.PASSWORD})

    # then a session cookie the page script cannot read and a CSRF cookie it can read are set
    assert login.json() == {"data": {"login": True}}
    cookies = set_cookies(login)
    session = cookies[SESSION_COOKIE]
    assert session.value
    assert session["httponly"] is True
    assert session["samesite"].lower() == "lax"
    assert session["path"] == "/"
    csrf = cookies[CSRF_COOKIE]
    assert csrf.value
    assert not csrf["httponly"]

    # and the newcomer sees their account and their own profile
    me = (await client.data(ME))["me"]
    assert me == {
        "email": "journey@example.org",
        "kind": "NEWCOMER",
        "language": "en",
        "person": {"id": await person_id_of("journey@example.org")},
    }


@pytest.mark.parametrize(
    "csrf_header",
    [None, "wrong", "other-session"],
    ids=["without-header", "wrong-header", "header-of-another-session"],
)
async def test_logged_in_post_without_the_matching_csrf_header_is_refused_and_changes_nothing(
    client: GraphQLClient, csrf_header: str | None
) -> None:
    # given a logged-in newcomer (and, for one case, the CSRF token of another session)
    if csrf_header == "other-session":
        other = await factories.newcomer()
        await client.login(other.email, factories.PASSWORD)
        csrf_header = client.http.cookies.get(CSRF_COOKIE)
        client.forget_cookies()
    newcomer = await factories.newcomer(language="en")
    await client.login(newcomer.email, factories.PASSWORD)

    # when a POST carries the session cookie but not its CSRF token
    headers = {CSRF_HEADER: csrf_header} if csrf_header else {}
    response = await post(client, CHANGE_LANGUAGE, {"l": "fr"}, headers)

    # then it is refused as a CSRF failure, and the language stays
    assert response.status_code == 403
    assert error_of(response.json())["extensions"]["code"] == "CSRF_FAILED"
    assert await language_of(newcomer.email) == "en"
    # while the same request with the session's own CSRF token goes through
    assert await client.data(CHANGE_LANGUAGE, {"l": "fr"}) == {"changeLanguage": True}
    assert await language_of(newcomer.email) == "fr"


async def test_register_answers_a_known_address_exactly_like_a_new_one(
    client: GraphQLClient,
) -> None:
    # given an existing account and a published usage declaration
    holder = await factories.newcomer()
    document_id = str(await factories.usage_document())

    def variables(email: str) -> dict[str, Any]:
        return {
            "input": {
                "email": email,
                "password": factories.PASSWORD,
                "language": "en",
                "usageConsentDocumentId": document_id,
            }
        }

    # when someone registers with a new address and with the known one
    new = await post(client, REGISTER, variables("brand.new@example.org"))
    known = await post(client, REGISTER, variables(holder.email))

    # then both answers are the same, byte for byte
    assert new.status_code == known.status_code == 200
    assert new.content == known.content
    assert new.json() == {"data": {"register": True}}


async def test_logout_ends_the_session_so_the_old_cookie_no_longer_authenticates(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer whose cookies were copied (and authenticate when replayed)
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    copied = saved_cookies(client)
    use_cookies(client, copied)
    assert (await client.data(ME))["me"]["email"] == newcomer.email

    # when they log out
    assert await client.data("mutation { logout }") == {"logout": True}

    # then the session row is gone and the copied cookies no longer authenticate
    assert await LoginSession.count() == 0
    use_cookies(client, copied)
    assert await client.execute(ME) == {"data": {"me": None}}


async def test_change_language_to_arabic_makes_error_messages_arabic(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer who changed the language to Arabic
    newcomer = await factories.newcomer(language="en")
    await client.login(newcomer.email, factories.PASSWORD)
    assert await client.data(CHANGE_LANGUAGE, {"l": "ar"}) == {"changeLanguage": True}

    # when a later request fails (while the browser still asks for English)
    body = await client.execute(
        CHANGE_PASSWORD,
        {"c": "not-the-password", "n": NEW_PASSWORD},
        headers={"accept-language": "en"},
    )

    # then the account's language is Arabic and the error message is in Arabic
    assert (await client.data(ME))["me"]["language"] == "ar"
    error = error_of(body)
    assert error["extensions"]["code"] == "INVALID_CREDENTIALS"
    assert error["message"] == translate("ar", "error.invalid_credentials")
    assert error["message"] != translate("en", "error.invalid_credentials")


async def test_change_language_to_an_unsupported_one_is_bad_input_and_changes_nothing(
    client: GraphQLClient,
) -> None:
    # given a logged-in newcomer in English
    newcomer = await factories.newcomer(language="en")
    await client.login(newcomer.email, factories.PASSWORD)

    # when the language is changed to one the interface does not speak
    code = await client.error_code(CHANGE_LANGUAGE, {"l": "tr"})

    # then it is refused and the language stays
    assert code == "LANGUAGE_UNSUPPORTED"
    assert await language_of(newcomer.email) == "en"


@pytest.mark.parametrize("language", ["de", "en"])
async def test_errors_carry_their_code_and_a_message_in_the_requested_language(
    client: GraphQLClient, language: str
) -> None:
    # given an anonymous caller whose browser asks for a language

    # when a request fails
    body = await client.execute(
        CHANGE_PASSWORD,
        {"c": factories.PASSWORD, "n": NEW_PASSWORD},
        headers={"accept-language": language},
    )

    # then the error has its code and the message in that language (not the other one)
    error = error_of(body)
    assert error["extensions"]["code"] == "UNAUTHENTICATED"
    assert error["message"] == translate(language, "error.unauthenticated")
    other = "en" if language == "de" else "de"
    assert error["message"] != translate(other, "error.unauthenticated")


async def test_anonymous_change_password_is_unauthenticated(client: GraphQLClient) -> None:
    # given nobody logged in (but an account exists)
    await factories.newcomer()
    stored = await Account.select(Account.password_hash).first()

    # when someone changes a password without a session
    code = await client.error_code(CHANGE_PASSWORD, {"c": factories.PASSWORD, "n": NEW_PASSWORD})

    # then they are asked to log in, and no password changed
    assert code == "UNAUTHENTICATED"
    assert await Account.select(Account.password_hash).first() == stored


async def test_change_password_keeps_this_session_and_ends_the_others(
    client: GraphQLClient,
) -> None:
    # given a newcomer logged in on two devices
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    first_device = saved_cookies(client)
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    second_device = saved_cookies(client)
    use_cookies(client, first_device)
    assert (await client.data(ME))["me"]["email"] == newcomer.email

    # when the password is changed on the second device
    use_cookies(client, second_device)
    changed = await client.data(CHANGE_PASSWORD, {"c": factories.PASSWORD, "n": NEW_PASSWORD})

    # then the second device stays logged in, the first is logged out
    assert changed == {"changePassword": True}
    assert (await client.data(ME))["me"]["email"] == newcomer.email
    use_cookies(client, first_device)
    assert await client.data(ME) == {"me": None}


async def test_login_with_a_wrong_password_is_invalid_credentials_and_sets_no_cookie(
    client: GraphQLClient,
) -> None:
    # given an active account
    newcomer = await factories.newcomer()

    # when someone logs in with a wrong password
    response = await post(client, LOGIN, {"e": newcomer.email, "p": "not-the-password"})

    # then the login is refused and no session cookie is set
    assert error_of(response.json())["extensions"]["code"] == "INVALID_CREDENTIALS"
    assert SESSION_COOKIE not in set_cookies(response)
    assert await LoginSession.count() == 0


async def test_failed_logins_through_the_api_are_counted_and_block_further_attempts(
    client: GraphQLClient,
) -> None:
    # given an account whose address failed to log in the maximum number of times
    newcomer = await factories.newcomer()
    for _ in range(get_settings().login_max_failures):
        response = await post(client, LOGIN, {"e": newcomer.email, "p": "not-the-password"})
        assert error_of(response.json())["extensions"]["code"] == "INVALID_CREDENTIALS"
    assert await LoginThrottle.count() > 0

    # when its holder logs in with the right password
    code = await client.error_code(LOGIN, {"e": newcomer.email, "p": factories.PASSWORD})

    # then the login is refused as too many attempts
    assert code == "TOO_MANY_ATTEMPTS"


async def test_a_login_bundled_with_another_mutation_is_refused(client: GraphQLClient) -> None:
    # given a document that tries to hide a failed login in a rolled-back transaction
    newcomer = await factories.newcomer()
    bundled = (
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) "
        'requestPasswordReset(email: "x@example.org") }'
    )
    # when sending it
    code = await client.error_code(bundled, {"e": newcomer.email, "p": "wrong-password"})
    # then it is refused as a whole
    assert code == "QUERY_REJECTED"


async def test_aliased_logins_in_one_document_are_counted(client: GraphQLClient) -> None:
    # given one document with several failed logins under aliases
    newcomer = await factories.newcomer()
    fields = " ".join(f'a{i}: login(email: $e, password: "wrong-{i}")' for i in range(3))
    # when sending it
    body = await client.execute(f"mutation($e: String!) {{ {fields} }}", {"e": newcomer.email})
    # then it fails and its attempt stays counted (no transaction rolls it back)
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CREDENTIALS"
    rows = await LoginThrottle.select(LoginThrottle.failures)
    assert rows and all(row["failures"] >= 1 for row in rows)


async def test_activate_account_mutation_activates_once(client: GraphQLClient) -> None:
    # given a registration and its mailed activation token
    document_id = str(await factories.usage_document())
    await client.data(
        REGISTER,
        {
            "input": {
                "email": "mutation@example.org",
                "password": factories.PASSWORD,
                "language": "en",
                "usageConsentDocumentId": document_id,
            }
        },
    )
    token = outbox.token_from(await outbox.only_mail_to("mutation@example.org"), "/activate")

    # when the token is sent twice
    first = await client.data("mutation($t: String!) { activateAccount(token: $t) }", {"t": token})
    second = await client.error_code(
        "mutation($t: String!) { activateAccount(token: $t) }", {"t": token}
    )

    # then the first activates the account, the second is refused
    assert first == {"activateAccount": True}
    assert second == "TOKEN_INVALID"
    await client.login("mutation@example.org", factories.PASSWORD)


async def test_password_reset_through_the_api_replaces_the_password(
    client: GraphQLClient,
) -> None:
    # given an active account
    newcomer = await factories.newcomer()

    # when a reset is requested and the mailed token sets a new password
    requested = await client.data(
        "mutation($e: String!) { requestPasswordReset(email: $e) }", {"e": newcomer.email}
    )
    token = outbox.token_from(await outbox.only_mail_to(newcomer.email), "/reset-password")
    reset = await client.data(
        "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }",
        {"t": token, "p": NEW_PASSWORD},
    )

    # then the old password fails and the new one logs in
    assert requested == {"requestPasswordReset": True}
    assert reset == {"resetPassword": True}
    assert await client.error_code(LOGIN, {"e": newcomer.email, "p": factories.PASSWORD}) == (
        "INVALID_CREDENTIALS"
    )
    await client.login(newcomer.email, NEW_PASSWORD)


async def test_password_reset_request_for_an_unknown_address_answers_true_and_mails_nothing(
    client: GraphQLClient,
) -> None:
    # given no account for an address

    # when a reset is requested for it
    data = await client.data(
        "mutation($e: String!) { requestPasswordReset(email: $e) }", {"e": "nobody@example.org"}
    )

    # then the answer is the usual one and no mail is sent
    assert data == {"requestPasswordReset": True}
    assert await outbox.sent_mails() == []
