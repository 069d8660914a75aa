"""The server pages behind the links in account mails (activation, new password), in a real
browser on a phone."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.support.browser import (
    MobioServer,
    assert_accessible,
    assert_fits_width,
    screenshot,
)
from tests.support.graphql import GraphQLClient
from tests.web_client.conftest import NewPage
from tests.web_client.steps_account import (
    ask_for_new_email,
    end_the_other_session,
    failed_login,
    is_logged_in,
    logged_in_elsewhere,
    other_device,
    session_cards,
)
from tests.web_client.steps_releases import PASSWORD as RELEASE_PASSWORD
from tests.web_client.steps_releases import (
    check_screen,
    heading,
    open_screen,
    register_and_log_in,
    texts,
)

USAGE_DOCUMENTS = "{ consentDocuments(kind: USAGE) { id language } }"
REGISTER = "mutation($input: RegisterInput!) { register(input: $input) }"
RESET = "mutation($e: String!) { requestPasswordReset(email: $e) }"
LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"
PASSWORD = "a-long-browser-password"

TEXTS: dict[str, dict[str, Any]] = {
    "de": {"button": "Mein Konto aktivieren", "done": "Ihr Konto ist aktiv", "dir": "ltr"},
    "ar": {"dir": "rtl"},
}


async def _register(server: MobioServer, email: str, language: str) -> None:
    """Registers through the server's API, as the client's registration screen does."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        api = GraphQLClient(http)
        documents = (await api.data(USAGE_DOCUMENTS))["consentDocuments"]
        [usage] = [d["id"] for d in documents if d["language"] == language]
        await api.data(
            REGISTER,
            {
                "input": {
                    "email": email,
                    "password": PASSWORD,
                    "language": language,
                    "usageConsentDocumentId": usage,
                }
            },
        )


async def _can_log_in(server: MobioServer, email: str, password: str = PASSWORD) -> bool:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        body = await GraphQLClient(http).execute(LOGIN, {"e": email, "p": password})
    return not body.get("errors")


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_the_mailed_link_activates_the_account(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    # given a registration, whose mail holds the activation link
    email = f"activate-{language}@example.org"
    await _register(server, email, language)
    link = await server.mailed_link(email, "/activate")
    assert not await _can_log_in(server, email)
    # when the newcomer opens it on a phone whose browser speaks their language
    page = await new_page(language)
    await page.goto(link)
    # then the page is in that language and direction, and asks for a click
    html = page.locator("html")
    await expect(html).to_have_attribute("lang", language)
    await expect(html).to_have_attribute("dir", TEXTS[language]["dir"])
    button = page.get_by_role("button")
    await expect(button).to_have_count(1)
    if "button" in TEXTS[language]:
        await expect(button).to_have_text(TEXTS[language]["button"])
    await assert_accessible(page, f"activation ({language})")
    await assert_fits_width(page, f"activation ({language})")
    await screenshot(page, "activate")
    # and the click activates the account and says so
    await button.click()
    await expect(page.get_by_role("button")).to_have_count(0)
    if "done" in TEXTS[language]:
        await expect(page.locator("main")).to_contain_text(TEXTS[language]["done"])
    await expect(page.locator("html")).to_have_attribute("dir", TEXTS[language]["dir"])
    await assert_accessible(page, f"activation done ({language})")
    await screenshot(page, "activate-done")
    assert await _can_log_in(server, email)


async def test_a_used_or_wrong_link_says_why(new_page: NewPage, server: MobioServer) -> None:
    # given a link whose token nobody was given
    page = await new_page("de")
    await page.goto("/activate?token=not-a-token-anyone-was-given")
    # when the button is pressed
    await page.get_by_role("button").click()
    # then the page explains, accessibly, offers nothing more to press, and leads to the login
    await expect(page.get_by_role("button")).to_have_count(0)
    await expect(page.get_by_role("link", name="Zur Anmeldung")).to_have_attribute("href", "/login")
    message = (await page.locator("main p").first.inner_text()).strip()
    assert message and "Ihr Konto ist aktiv" not in message
    await assert_accessible(page, "activation failed")
    await screenshot(page, "activate-failed")


async def test_the_mailed_reset_link_sets_a_new_password(
    new_page: NewPage, server: MobioServer
) -> None:
    # given an active account that asked for a new password
    email = "reset-de@example.org"
    await _register(server, email, "de")
    activation = await server.mailed_link(email, "/activate")
    [token] = parse_qs(urlsplit(activation).query)["token"]
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        assert (await http.post("/activate", data={"token": token})).status_code == 200
        await GraphQLClient(http).data(RESET, {"e": email})
    link = await server.mailed_link(email, "/reset-password")
    # when the newcomer opens the link and types a new password
    page = await new_page("de")
    await page.goto(link)
    await assert_accessible(page, "new password")
    await assert_fits_width(page, "new password")
    await screenshot(page, "reset-password")
    await page.get_by_label("Neues Passwort").fill("a-brand-new-password")
    await page.get_by_role("button").click()
    # then the page says it is saved, and the new password logs in
    await expect(page.get_by_role("button")).to_have_count(0)
    await assert_accessible(page, "new password saved")
    assert await _can_log_in(server, email, "a-brand-new-password")


# The account screen of the web client: e-mail change, sessions and the login record.


@pytest.mark.usefixtures("client_dist")
@pytest.mark.parametrize("language", ["de", "ar"])
async def test_the_owner_changes_the_address_ends_sessions_and_sees_a_failed_login(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    t = texts(language)
    email = f"account-{language}@example.org"
    new_email = f"moved-{language}@example.org"
    page = await new_page(language)
    await register_and_log_in(page, server, language, email)

    # someone guesses the password; the owner is also logged in on a laptop
    await failed_login(server, email)
    async with other_device(server) as laptop:
        await logged_in_elsewhere(laptop, email, RELEASE_PASSWORD)

        # the account screen lists both browsers and the failed login, accessibly at 360 px
        await open_screen(page, language, "client.nav.account", "client.account.title")
        await expect(session_cards(page)).to_have_count(2)
        this = session_cards(page).filter(has_text=t("client.account.session_this"))
        await expect(this).to_have_count(1)
        logins = page.locator(".account-logins > li")
        await expect(logins.filter(has_text=t("client.account.login_failed"))).to_have_count(1)
        await expect(logins.filter(has_text=t("client.account.login_succeeded"))).to_have_count(2)
        await check_screen(page, language, "account-sessions")

        # ending the laptop's session logs it out at its next request
        await end_the_other_session(page, language)
        assert not await is_logged_in(laptop)

        # "log out everywhere else" ends a new laptop session too, not this one
        await logged_in_elsewhere(laptop, email, RELEASE_PASSWORD)
        await page.reload()
        await expect(session_cards(page)).to_have_count(2)
        await page.get_by_role("button", name=t("client.account.sessions_end_others")).click()
        await expect(page.get_by_role("status")).to_have_text(t("client.account.sessions_ended"))
        await expect(session_cards(page)).to_have_count(1)
        assert not await is_logged_in(laptop)

    # a wrong password for the e-mail change is refused with the server's message
    await ask_for_new_email_expecting_error(page, language, new_email)

    # the new address: a link goes there; opened, it confirms, and the old address is told
    await ask_for_new_email(page, language, new_email, RELEASE_PASSWORD)
    await check_screen(page, language, "account-email-sent")
    link = await server.mailed_link(new_email, "/confirm-email")
    await page.goto(link)
    await expect(heading(page, language, "client.confirm_email.title")).to_be_visible()
    await check_screen(page, language, "confirm-email")
    await page.get_by_role("button", name=t("client.confirm_email.submit")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.confirm_email.done"))
    await check_screen(page, language, "confirm-email-done")
    notices = [m for m in server.mails() if m["To"] == email]
    assert notices[-1]["Subject"] == t("mail.email_changed.subject")
    await page.get_by_role("link", name=t("client.confirm_email.to_account")).click()
    await expect(page.locator(".account-email")).to_have_text(new_email)

    # opened again, the link is used up
    await page.goto(link)
    await page.get_by_role("button", name=t("client.confirm_email.submit")).click()
    await expect(page.locator(".error-summary")).to_contain_text(t("error.token_invalid"))
    await assert_accessible(page, f"confirm email used ({language})")


async def ask_for_new_email_expecting_error(page: Page, language: str, new_email: str) -> None:
    t = texts(language)
    await page.get_by_label(t("client.account.new_email"), exact=True).fill(new_email)
    await page.get_by_label(t("client.account.email_password"), exact=True).fill("wrong-one-12")
    await page.get_by_role("button", name=t("client.account.email_submit")).click()
    await expect(page.locator(".error-summary")).to_contain_text(t("error.invalid_credentials"))
    await assert_accessible(page, f"account email error ({language})")


@pytest.mark.usefixtures("client_dist")
@pytest.mark.parametrize("language", ["en", "fr", "fa"])
async def test_the_account_screen_in_the_other_languages(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    page = await new_page(language)
    await register_and_log_in(page, server, language, f"account-{language}@example.org")
    await open_screen(page, language, "client.nav.account", "client.account.title")
    t = texts(language)
    await expect(session_cards(page)).to_have_count(1)
    await expect(page.locator(".account-logins > li")).to_have_count(1)
    await expect(page.get_by_role("heading", name=t("client.account.logins"))).to_be_visible()
    await check_screen(page, language, "account")
