"""Steps on the account screen (e-mail change, sessions, login record), for the browser tests.

A second device is an HTTP client with its own cookies and a desktop Firefox User-Agent, so
the phone's list shows two recognisable browsers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from playwright.async_api import Locator, Page, expect

from tests.support.browser import MobioServer
from tests.support.graphql import GraphQLClient
from tests.web_client.steps_releases import texts

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
_LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"


@asynccontextmanager
async def other_device(server: MobioServer) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, headers={"user-agent": FIREFOX_WINDOWS}
    ) as http:
        yield GraphQLClient(http)


async def logged_in_elsewhere(device: GraphQLClient, email: str, password: str) -> None:
    device.forget_cookies()
    await device.login(email, password)
    assert await is_logged_in(device)


async def is_logged_in(device: GraphQLClient) -> bool:
    return (await device.data("{ me { id } }"))["me"] is not None


async def failed_login(server: MobioServer, email: str) -> None:
    """Someone elsewhere tries a wrong password for the address."""
    async with other_device(server) as stranger:
        body = await stranger.execute(_LOGIN, {"e": email, "p": "a-wrong-guess-123"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CREDENTIALS"


def session_cards(page: Page) -> Locator:
    return page.locator(".account-sessions > li")


async def end_the_other_session(page: Page, language: str) -> None:
    t = texts(language)
    other = session_cards(page).filter(has_not_text=t("client.account.session_this"))
    await expect(other).to_have_count(1)
    await expect(other).to_contain_text("Firefox, Windows")
    await other.get_by_role("button", name=t("client.account.session_end")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.account.session_ended"))
    await expect(session_cards(page)).to_have_count(1)


async def ask_for_new_email(page: Page, language: str, address: str, password: str) -> None:
    t = texts(language)
    await page.get_by_label(t("client.account.new_email"), exact=True).fill(address)
    await page.get_by_label(t("client.account.email_password"), exact=True).fill(password)
    await page.get_by_role("button", name=t("client.account.email_submit")).click()
    await expect(page.get_by_role("status")).to_have_text(
        t("client.account.email_sent", email=address)
    )
