"""Deleting the account in a real browser on a phone (360 px), in all five languages (Arabic
and Persian right to left): ask with password and confirmation, log in again to see the days
left and take it back, ask again and take it back with the mailed link. Accessible (axe)."""

from __future__ import annotations

import asyncio
import re
import time
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from playwright.async_api import expect

from tests.support.browser import MobioServer, mail_body
from tests.web_client.conftest import NewPage
from tests.web_client.steps_releases import (
    PASSWORD,
    check_screen,
    heading,
    log_in,
    open_screen,
    register_and_log_in,
    texts,
)

pytestmark = pytest.mark.usefixtures("client_dist")


async def _undo_mails(server: MobioServer, email: str, count: int) -> list[EmailMessage]:
    """The mails with an undo link to ``email``, waiting for ``count`` of them (the server
    sends mail in the background, after answering)."""
    deadline = time.monotonic() + 10
    while True:
        mails = [
            m for m in server.mails() if email in str(m["To"]) and "/deletion/undo" in mail_body(m)
        ]
        if len(mails) >= count or time.monotonic() > deadline:
            assert len(mails) == count, [str(m["Subject"]) for m in mails]
            return mails
        await asyncio.sleep(0.1)


@pytest.mark.parametrize("language", ["de", "en", "fr", "ar", "fa"])
async def test_the_owner_deletes_and_takes_it_back(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    t = texts(language)
    email = f"deletion-{language}@example.org"
    page = await new_page(language)
    await register_and_log_in(page, server, language, email)

    # the account screen leads to the deletion screen: password and confirmation
    await open_screen(page, language, "client.nav.account", "client.account.title")
    await page.get_by_role("link", name=t("client.deletion.open")).click()
    await expect(heading(page, language, "client.deletion.title")).to_be_visible()
    await expect(page.get_by_text(t("client.deletion.notices_none"))).to_be_visible()
    await check_screen(page, language, "deletion-form")
    submit = page.get_by_role("button", name=t("client.deletion.submit"))
    await page.get_by_label(t("client.deletion.password"), exact=True).fill(PASSWORD)
    await expect(submit).to_be_disabled()  # not without the explicit confirmation
    await page.get_by_label(t("client.deletion.confirm")).check()
    await submit.click()
    await expect(page.get_by_role("status")).to_have_text(t("client.deletion.requested"))

    # logging in again shows the days left at home and leads to the undo
    await page.goto("/login")
    await log_in(page, language, email)
    notice = page.locator(".deletion-notice")
    await expect(notice).to_contain_text("14")
    await notice.get_by_role("link", name=t("client.deletion.home_link")).click()
    await expect(heading(page, language, "client.deletion.title")).to_be_visible()
    pending = page.locator(".notice").filter(has_text=re.compile("14"))
    await expect(pending).to_be_visible()
    await check_screen(page, language, "deletion-pending")
    await page.get_by_role("button", name=t("client.deletion.undo")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.deletion.undone"))
    await expect(page.get_by_role("button", name=t("client.deletion.submit"))).to_be_visible()

    # asked again, the link in the mail takes it back too
    await page.get_by_label(t("client.deletion.password"), exact=True).fill(PASSWORD)
    await page.get_by_label(t("client.deletion.confirm")).check()
    await page.get_by_role("button", name=t("client.deletion.submit")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.deletion.requested"))
    mails = await _undo_mails(server, email, 2)
    link = next(word for word in mail_body(mails[-1]).split() if "/deletion/undo" in word)
    parts = urlsplit(link)
    await page.goto(f"{parts.path}?{parts.query}")
    await expect(heading(page, language, "client.deletion.undo_title")).to_be_visible()
    await check_screen(page, language, "deletion-undo")
    await page.get_by_role("button", name=t("client.deletion.undo")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.deletion.undone"))
