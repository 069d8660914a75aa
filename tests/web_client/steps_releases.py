"""Steps of the newcomer's releases, documents and account screens, for the browser tests.

Each step drives the web client as a newcomer would, on the page it is given, in the page's
language (texts come from the catalogues the client is built from), and checks what the
screen shows on the way. The end-to-end journey test calls them too.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from playwright.async_api import Locator, Page, Route, expect

from mobio.i18n import RTL_LANGUAGES, translate
from tests.support.browser import (
    MobioServer,
    assert_accessible,
    assert_fits_width,
    navigation,
    screenshot,
)
from tests.support.files import pdf_bytes
from tests.support.graphql import GraphQLClient

PASSWORD = "a-long-release-password"
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "fr": "Français",
    "ar": "العربية",
    "fa": "فارسی",
}
CERTIFICATE = "B1-Zertifikat.pdf"
SHOW = "Daten anzeigen"  # the page behind the link is German (mobio/web/shared.py)
REVOKED = "hat diese Freigabe widerrufen"

_USAGE_DOCUMENTS = "{ consentDocuments(kind: USAGE) { id language } }"
_REGISTER = "mutation($input: RegisterInput!) { register(input: $input) }"


def texts(language: str) -> Callable[..., str]:
    """``t(id, **params)`` in ``language``, as the client shows it."""

    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    return t


def heading(page: Page, language: str, message_id: str, **params: object) -> Locator:
    return page.get_by_role("heading", level=1, name=translate(language, message_id, **params))


async def check_screen(page: Page, language: str, name: str) -> None:
    """In ``language`` and its direction, accessible, fits the phone; kept as a screenshot."""
    html = page.locator("html")
    await expect(html).to_have_attribute("lang", language)
    await expect(html).to_have_attribute("dir", "rtl" if language in RTL_LANGUAGES else "ltr")
    await assert_accessible(page, f"{name} ({language})")
    await assert_fits_width(page, f"{name} ({language})")
    await screenshot(page, name)


async def register_and_log_in(
    page: Page, server: MobioServer, language: str, email: str, password: str = PASSWORD
) -> None:
    """A new newcomer: registered through the API, activated through the mailed link, then
    logged in on ``page`` in ``language`` (chosen on the language screen)."""
    t = texts(language)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        api = GraphQLClient(http)
        documents = (await api.data(_USAGE_DOCUMENTS))["consentDocuments"]
        [usage] = [d["id"] for d in documents if d["language"] == language]
        registration = {
            "email": email,
            "password": password,
            "language": language,
            "usageConsentDocumentId": usage,
        }
        await api.data(_REGISTER, {"input": registration})
    await page.goto(await server.mailed_link(email, "/activate"))
    await page.get_by_role("button", name=t("page.activate.button")).click()
    await expect(page.locator("main")).to_contain_text(t("page.activate.done"))
    await page.goto("/language")
    await page.get_by_role("button", name=LANGUAGE_NAMES[language], exact=True).click()
    await expect(heading(page, language, "client.login.title")).to_be_visible()
    await log_in(page, language, email, password)


async def log_in(page: Page, language: str, email: str, password: str = PASSWORD) -> None:
    t = texts(language)
    await page.get_by_label(t("client.field.email"), exact=True).fill(email)
    await page.get_by_label(t("client.field.password"), exact=True).fill(password)
    await page.get_by_role("button", name=t("client.login.submit")).click()
    await expect(heading(page, language, "client.home.title")).to_be_visible()


async def open_screen(page: Page, language: str, nav_id: str, title_id: str) -> None:
    """Follows the navigation link ``nav_id`` and waits for the screen's heading."""
    nav = await navigation(page, language)
    await nav.get_by_role("link", name=translate(language, nav_id)).click()
    await expect(heading(page, language, title_id)).to_be_visible()


async def upload_certificate(
    page: Page,
    language: str,
    *,
    file_name: str = CERTIFICATE,
    category_id: str = "client.documents.category.language_certificate",
    check: bool = True,
) -> None:
    """Uploads a PDF to the language certificates (or the category ``category_id`` names) on
    the documents screen; the progress shows while it is sent and the file is listed under its
    category afterwards."""
    t = texts(language)
    await open_screen(page, language, "client.nav.documents", "client.documents.title")
    await expect(page.get_by_label(t("client.documents.file"))).to_be_visible()
    if check:
        await check_screen(page, language, "documents")
    await page.get_by_label(t("client.documents.category")).select_option(label=t(category_id))
    await page.get_by_label(t("client.documents.file")).set_input_files(
        {"name": file_name, "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    # hold the upload at the server's door, so that the progress can be seen
    arrived = asyncio.Event()
    go_on = asyncio.Event()

    async def hold(route: Route) -> None:
        if "multipart/form-data" in (route.request.headers.get("content-type") or ""):
            arrived.set()
            await go_on.wait()
        await route.continue_()

    await page.route("**/graphql", hold)
    try:
        await page.get_by_role("button", name=t("client.documents.upload_submit")).click()
        await asyncio.wait_for(arrived.wait(), timeout=10)
        progress = page.locator("progress#upload-progress")
        await expect(progress).to_be_visible()
        await expect(
            page.get_by_role("button", name=t("client.documents.upload_submit"))
        ).to_be_disabled()
        if check:
            await screenshot(page, "documents-uploading")
        go_on.set()
        await expect(page.get_by_role("status")).to_contain_text(
            t("client.documents.uploaded", name=file_name)
        )
    finally:
        go_on.set()
        await page.unroute("**/graphql", hold)
    category = page.locator("section.document-category").filter(
        has=page.get_by_role("heading", name=t(category_id), exact=True)
    )
    await expect(category.locator(".file-name")).to_contain_text([file_name])
    if check:
        await check_screen(page, language, "documents-uploaded")


async def _agree(page: Page, language: str, prefix: str) -> None:
    """Chooses the declaration in the interface language (it must be offered), reads it, agrees."""
    t = texts(language)
    choice = page.locator(f"#{prefix}-declaration-language")
    offered = await choice.locator("option").evaluate_all("options => options.map(o => o.lang)")
    assert language in offered, f"no {prefix} declaration in {language}: {offered}"
    await expect(choice.locator("option:checked")).to_have_attribute("lang", language)
    title = page.locator(f"#{prefix}-declaration-title")
    await expect(title).to_be_visible()
    # the declaration can be kept as a file, exactly as read
    async with page.expect_download() as saving:
        await page.get_by_role("button", name=t("client.releases.declaration_save")).click()
    saved = await saving.value
    assert saved.suggested_filename.endswith(f"-{language}.txt"), saved.suggested_filename
    kept = await asyncio.to_thread(Path(await saved.path()).read_text, encoding="utf-8")
    assert kept.startswith(await title.inner_text()), kept[:80]
    await page.get_by_label(t("client.releases.consent")).check()


async def release_to_language_school(
    page: Page, language: str, *, recipient: str | None = None, check: bool = True
) -> str:
    """Releases the language-school package through the consent flow; returns the link shown."""
    t = texts(language)
    await open_screen(page, language, "client.nav.releases", "client.releases.title")
    await page.get_by_role("button", name=t("client.releases.start_stakeholder")).click()
    await expect(
        page.get_by_role("heading", name=t("client.releases.stakeholder_flow"))
    ).to_be_focused()
    # accepting without a choice lists what is missing
    await page.get_by_role("button", name=t("client.releases.accept_stakeholder")).click()
    summary = page.locator(".error-summary")
    await expect(summary).to_contain_text(t("client.releases.package_missing"))
    await expect(summary).to_contain_text(t("client.releases.consent_missing"))
    await page.get_by_role("radio", name=t("client.releases.package.language_school")).check()
    contents = page.locator("#package-contents")
    await expect(contents).to_contain_text(t("client.documents.category.language_certificate"))
    if recipient:
        await page.get_by_label(t("client.releases.recipient_email")).fill(recipient)
    await _agree(page, language, "stakeholder")
    if check:
        await check_screen(page, language, "release-stakeholder")
    await page.get_by_role("button", name=t("client.releases.accept_stakeholder")).click()
    link_field = page.get_by_label(t("client.releases.link"), exact=True)
    await expect(link_field).to_be_visible()
    link = await link_field.input_value()
    assert urlsplit(link).path == "/shared" and len(urlsplit(link).fragment) >= 22, link
    await expect(page.locator(".link-shown")).to_contain_text(t("client.releases.link_once"))
    if check:
        await check_screen(page, language, "release-link")
    await page.get_by_role("button", name=t("client.releases.link_done")).click()
    card = page.locator("li.card").filter(has_text=t("client.releases.package.language_school"))
    await expect(card).to_contain_text(t("client.releases.state.active"))
    return link


async def revoke_stakeholder_release(page: Page, language: str, *, check: bool = True) -> None:
    """Ends the (active) language-school link after the confirmation dialog."""
    t = texts(language)
    await open_screen(page, language, "client.nav.releases", "client.releases.title")
    school = t("client.releases.package.language_school")
    card = page.locator("li.card").filter(has_text=school)
    await card.get_by_role("button", name=t("client.releases.revoke")).click()
    dialog = page.get_by_role("dialog")
    await expect(dialog).to_be_visible()
    cancel = dialog.get_by_role("button", name=t("client.releases.cancel"))
    await expect(cancel).to_be_focused()
    if check:
        await assert_accessible(page, f"revoke dialog ({language})")
        await screenshot(page, "release-revoke-dialog")
    await dialog.get_by_role("button", name=t("client.releases.revoke_confirm")).click()
    await expect(dialog).to_be_hidden()
    await expect(page.get_by_role("status")).to_contain_text(
        t("client.releases.revoked", name=school)
    )
    await expect(card).to_contain_text(t("client.releases.state.revoked"))


async def release_to_municipality_team(
    page: Page, language: str, municipality: str, team: str, *, check: bool = True
) -> None:
    """Releases to ``team`` of ``municipality`` and sees it listed as active."""
    t = texts(language)
    await open_screen(page, language, "client.nav.releases", "client.releases.title")
    await page.get_by_role("button", name=t("client.releases.start_team")).click()
    await expect(page.get_by_role("heading", name=t("client.releases.team_flow"))).to_be_focused()
    await page.get_by_label(t("client.releases.municipality")).select_option(label=municipality)
    await page.get_by_role("radio", name=team).check()
    await _agree(page, language, "team")
    if check:
        await check_screen(page, language, "release-team")
    await page.get_by_role("button", name=t("client.releases.accept_team")).click()
    await expect(page.get_by_role("status")).to_contain_text(
        t("client.releases.team_released", name=team)
    )
    card = page.locator("li.card").filter(has_text=team)
    await expect(card).to_contain_text(t("client.releases.state.active"))
    if check:
        await check_screen(page, language, "releases")


async def change_password(
    page: Page, language: str, current: str, new: str, *, check: bool = True
) -> None:
    t = texts(language)
    await open_screen(page, language, "client.nav.account", "client.account.title")
    if check:
        await check_screen(page, language, "account")
    await page.get_by_label(t("client.account.current_password"), exact=True).fill(current)
    await page.get_by_label(t("client.account.new_password"), exact=True).fill(new)
    await page.get_by_label(t("client.account.new_password_repeat"), exact=True).fill(new)
    await page.get_by_role("button", name=t("client.account.password_submit")).click()
    await expect(page.get_by_role("status")).to_contain_text(t("client.account.password_changed"))
