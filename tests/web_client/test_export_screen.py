"""The "my data" export screen in a real browser on a phone (360 px), in all five languages
(Arabic and Persian right to left): from the account screen, ask for the export, watch it
become ready, download the ZIP; the mail says so without data. Accessible (axe) throughout."""

from __future__ import annotations

import json
import zipfile

import pytest
from playwright.async_api import expect

from mobio.i18n import translate
from tests.support.browser import MobioServer, mail_body
from tests.web_client.conftest import NewPage
from tests.web_client.steps_releases import (
    check_screen,
    heading,
    open_screen,
    register_and_log_in,
    texts,
)

pytestmark = pytest.mark.usefixtures("client_dist")


@pytest.mark.parametrize("language", ["de", "en", "fr", "ar", "fa"])
async def test_the_owner_asks_for_their_data_and_downloads_it(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    t = texts(language)
    email = f"export-{language}@example.org"
    page = await new_page(language)
    await register_and_log_in(page, server, language, email)

    # the account screen leads to the export
    await open_screen(page, language, "client.nav.account", "client.account.title")
    await page.get_by_role("link", name=t("client.export.open")).click()
    await expect(heading(page, language, "client.export.title")).to_be_visible()
    await expect(page.locator(".notice")).to_have_text(t("client.export.none"))
    await check_screen(page, language, "export-none")

    # asking for it: made in the background, ready within seconds
    await page.get_by_role("button", name=t("client.export.request")).click()
    await expect(page.get_by_role("status")).to_have_text(t("client.export.requested"))
    card = page.locator(".data-exports > li")
    await expect(card).to_have_count(1)
    await expect(card.locator(".card-title")).to_have_text(
        t("client.export.state.ready"), timeout=20_000
    )
    link = card.get_by_role("link", name=t("client.export.download"))
    await expect(link).to_be_visible()
    await check_screen(page, language, "export-ready")

    # the download is the ZIP with data.json in the owner's language, a PDF and the schema
    async with page.expect_download() as started:
        await link.click()
    download = await started.value
    path = await download.path()
    with zipfile.ZipFile(path) as archive:
        assert {"data.json", "data.pdf", "data.schema.json"} <= set(archive.namelist())
        data = json.loads(archive.read("data.json"))
    assert data["language"] == language and data["account"]["email"] == email

    # the mail, in the owner's language, points to the screen and carries no data
    [mail] = [
        m
        for m in server.mails()
        if email in str(m["To"]) and str(m["Subject"]) == t("mail.data_export.subject")
    ]
    body = mail_body(mail)
    assert f"{server.base_url}/account/export" in body
    assert "data.json" not in body and email not in body

    # the link in the mail opens the screen, which shows the download until it expires
    await page.goto("/account/export")
    await expect(heading(page, language, "client.export.title")).to_be_visible()
    await expect(page.locator(".data-exports > li")).to_contain_text(
        translate(language, "client.export.downloaded_at")
    )
