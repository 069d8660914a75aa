"""The newcomer's documents, releases, access log and account screens, in a real browser on a
phone, in German and in Arabic (right to left): upload a certificate, release it to a language
school through the consent flow, the school opens the link and sees only the package, the
newcomer revokes and the link says so; a release to a municipality team; a new password."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import expect

from tests.support.browser import (
    MobioServer,
    assert_accessible,
    assert_fits_width,
    navigation,
    screenshot,
)
from tests.web_client.conftest import NewPage
from tests.web_client.steps_releases import (
    CERTIFICATE,
    PASSWORD,
    REVOKED,
    SHOW,
    change_password,
    check_screen,
    heading,
    log_in,
    open_screen,
    register_and_log_in,
    release_to_language_school,
    release_to_municipality_team,
    revoke_stakeholder_release,
    texts,
    upload_certificate,
)

pytestmark = pytest.mark.usefixtures("client_dist")

PRIVATE = "privat.pdf"


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_a_certificate_released_to_a_language_school_until_revoked(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    t = texts(language)
    page = await new_page(language)
    await register_and_log_in(page, server, language, f"releases-{language}@example.org")

    # a certificate, and a private file that no package ever holds
    await upload_certificate(page, language)
    await expect(page.locator("#upload-category-hint")).to_contain_text(
        t("client.documents.miscellaneous_private")
    )
    await upload_certificate(
        page,
        language,
        file_name=PRIVATE,
        category_id="client.documents.category.miscellaneous",
        check=False,
    )

    # the language school gets a link through the consent flow
    link = await release_to_language_school(page, language)

    # the school opens it in its own browser and sees the package: the certificate only
    school = await new_page("de")
    await school.goto(link)
    await school.get_by_role("button", name=SHOW).click()
    await expect(school.locator("#document-rows tr")).to_have_count(1)
    await expect(school.locator("#document-rows")).to_contain_text(CERTIFICATE)
    await expect(school.locator("#documents")).not_to_contain_text(PRIVATE)

    # the access log shows the school's read
    await open_screen(page, language, "client.nav.access_log", "client.access_log.title")
    log = page.locator(".access-log li")
    await expect(log.first).to_contain_text(t("client.releases.package.language_school"))
    await check_screen(page, language, "access-log")

    # the newcomer ends it, and the link says it was revoked
    await revoke_stakeholder_release(page, language)
    await check_screen(page, language, "releases-revoked")
    await school.reload()
    await school.get_by_role("button", name=SHOW).click()
    await expect(school.locator("#package .notice")).to_contain_text(REVOKED)
    await expect(school.locator("#documents")).to_be_hidden()


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_a_release_to_the_municipality_team_and_a_new_password(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    t = texts(language)
    email = f"team-{language}@example.org"
    page = await new_page(language)
    await register_and_log_in(page, server, language, email)

    # the demo's Weinheim team of integration management (mobio/demo.py)
    await release_to_municipality_team(
        page, language, "Weinheim", "Integrationsmanagement Weinheim"
    )

    # a wrong current password is refused with the server's message, beside the field
    await open_screen(page, language, "client.nav.account", "client.account.title")
    await page.get_by_label(t("client.account.current_password"), exact=True).fill("wrong-one-1")
    await page.get_by_label(t("client.account.new_password"), exact=True).fill("another-long-one")
    await page.get_by_label(t("client.account.new_password_repeat"), exact=True).fill("x")
    await page.get_by_role("button", name=t("client.account.password_submit")).click()
    await expect(page.locator(".error-summary")).to_contain_text(
        t("client.account.password_mismatch")
    )
    await assert_accessible(page, f"account with errors ({language})")
    await screenshot(page, "account-errors")

    # the new password works, the old one no longer
    await change_password(page, language, PASSWORD, "a-brand-new-password", check=False)
    await expect(page.locator(".account-email")).to_have_text(email)
    await (
        (await navigation(page, language))
        .get_by_role("button", name=t("client.nav.logout"))
        .click()
    )
    await expect(heading(page, language, "client.login.title")).to_be_visible()
    await log_in(page, language, email, "a-brand-new-password")


async def test_a_document_is_deleted_after_confirming(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "de"
    t = texts(language)
    page = await new_page(language)
    await register_and_log_in(page, server, language, "delete-de@example.org")
    await upload_certificate(page, language, check=False)
    delete = page.get_by_role(
        "button", name=re.compile(f"{t('client.documents.delete')}.*{CERTIFICATE}")
    )
    # Escape keeps it
    await delete.click()
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_be_visible()
    await page.keyboard.press("Escape")
    await expect(dialog).to_be_hidden()
    await expect(delete).to_be_focused()
    # confirming deletes it
    await delete.click()
    await dialog.get_by_role("button", name=t("client.documents.delete_confirm")).click()
    await expect(page.get_by_role("status")).to_contain_text(
        t("client.documents.deleted", name=CERTIFICATE)
    )
    await expect(page.locator(".file-name")).to_have_count(0)
    # the forms are listed with their download links
    forms = page.locator("section, ul").filter(has=page.locator("a[href^='/forms/']"))
    await expect(forms.first).to_be_visible()
    await assert_fits_width(page, "documents after deleting")
