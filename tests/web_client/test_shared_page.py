"""The stakeholder's page behind a release link, in a real browser on a phone."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.support.browser import (
    DESKTOP,
    MobioServer,
    assert_accessible,
    assert_fits_width,
    screenshot,
)
from tests.web_client.conftest import NewPage


async def test_the_stakeholder_sees_the_package_and_its_documents(
    page: Page, server: MobioServer
) -> None:
    # given a language-school link to a newcomer with language answers, a certificate, a
    # private file and a health answer
    link = await server.seed("stakeholder_link", package="language_school")
    # when the school opens the link on a phone
    await page.goto(f"/shared#{link['token']}")
    # then the page asks before it reads anything
    show = page.get_by_role("button", name="Daten anzeigen")
    await expect(show).to_be_visible()
    await expect(page.locator("#package")).to_be_empty()
    await assert_accessible(page, "shared: before showing")
    await screenshot(page, "shared-start")
    # and when the school presses the button, the package shows in German
    await show.click()
    package = page.locator("#package")
    await expect(package).to_contain_text(link["family_name"])
    await expect(package).to_contain_text("B1")
    await expect(package).to_contain_text("Integrationskurs")
    await expect(package).not_to_contain_text("Gesundheit")
    # with the package's documents only, and the print button
    rows = page.locator("#document-rows tr")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("B1-Zertifikat.pdf")
    await expect(page.locator("#documents")).not_to_contain_text("privat.pdf")
    await expect(page.get_by_role("button", name="Drucken")).to_be_visible()
    await assert_accessible(page, "shared: the package")
    await assert_fits_width(page, "shared: the package")
    await screenshot(page, "shared-package")
    # and the certificate downloads under its own name
    async with page.expect_download() as download:
        await page.get_by_role("button", name="Herunterladen: B1-Zertifikat.pdf").click()
    assert (await download.value).suggested_filename == "B1-Zertifikat.pdf"


@pytest.mark.parametrize(
    ("state", "message"),
    [("expired", "Dieser Link ist abgelaufen"), ("revoked", "hat diese Freigabe widerrufen")],
)
async def test_an_ended_link_says_why_and_shows_nothing(
    page: Page, server: MobioServer, state: str, message: str
) -> None:
    # given a link that has expired, or that the newcomer revoked
    link = await server.seed("stakeholder_link", package="employer", state=state)
    # when the employer opens it and presses the button
    await page.goto(f"/shared#{link['token']}")
    await page.get_by_role("button", name="Daten anzeigen").click()
    # then the page says why, and shows no data, no documents and nothing to print
    await expect(page.locator("#package .notice")).to_contain_text(message)
    await expect(page.locator("#package")).not_to_contain_text(link["family_name"])
    await expect(page.locator("#documents")).to_be_hidden()
    await expect(page.get_by_role("button", name="Drucken")).to_be_hidden()
    await assert_accessible(page, f"shared: {state} link")
    await assert_fits_width(page, f"shared: {state} link")
    await screenshot(page, f"shared-{state}")


async def test_a_wrong_key_says_the_link_is_invalid(page: Page, server: MobioServer) -> None:
    await page.goto("/shared#not-a-key-anyone-was-given")
    await page.get_by_role("button", name="Daten anzeigen").click()
    await expect(page.locator("#package .notice")).to_contain_text("Dieser Link ist ungültig")
    await assert_accessible(page, "shared: unknown link")


async def test_the_printout_has_the_package_without_buttons(
    new_page: NewPage, server: MobioServer
) -> None:
    # given the package shown on a desktop
    link = await server.seed("stakeholder_link", package="language_school")
    desktop = await new_page("de", DESKTOP)
    await desktop.goto(f"/shared#{link['token']}")
    await desktop.get_by_role("button", name="Daten anzeigen").click()
    await expect(desktop.locator("#document-rows tr")).to_have_count(1)
    await assert_accessible(desktop, "shared: the package on a desktop")
    # when it is printed
    await desktop.emulate_media(media="print")
    # then the data is there and the buttons are not
    await expect(desktop.locator("#package")).to_contain_text(link["family_name"])
    await expect(desktop.get_by_role("button", name="Drucken")).to_be_hidden()
    await expect(desktop.locator("#document-rows button")).to_be_hidden()
