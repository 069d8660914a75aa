"""The newcomer's journey through the web client, in German and in Arabic, on a phone.

Every screen on the way is checked with axe-core, must fit the 360 px screen, and is kept as a
screenshot (var/screenshots/<lang>/). Texts come from the same catalogues the client is built
from, so the test reads what a newcomer of that language reads.

The journey (issue 8, point 6): choose the language, register with the usage declaration,
activate through the outbox mail, log in, fill a section, add a child, upload a certificate,
release it to a language school, the school opens the link and sees only its package, the
newcomer revokes, the link stops working, logout. The steps of each screen live in
``steps_biography`` and ``steps_releases``, whose own tests go into the details.
"""

from __future__ import annotations

import pytest
from playwright.async_api import Locator, expect

from mobio.biography.catalogue.model import Section
from mobio.i18n import RTL_LANGUAGES, translate
from tests.support.browser import (
    MobioServer,
    assert_accessible,
    navigation,
    screenshot,
)
from tests.web_client.conftest import NewPage
from tests.web_client.steps_biography import add_child, fill_language_section, open_own_section
from tests.web_client.steps_releases import (
    CERTIFICATE,
    REVOKED,
    SHOW,
    check_screen,
    release_to_language_school,
    revoke_stakeholder_release,
    upload_certificate,
)

PASSWORD = "a-long-journey-password"
LANGUAGE_NAMES = {"de": "Deutsch", "ar": "العربية"}

pytestmark = pytest.mark.usefixtures("client_dist")


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_a_newcomer_registers_activates_and_logs_in(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    def heading(message_id: str) -> Locator:
        return page.get_by_role("heading", level=1, name=t(message_id))

    email = f"journey-{language}@example.org"
    page = await new_page(language)

    # a first visit asks for the language before anything else
    await page.goto("/")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await expect(page).to_have_url(f"{server.base_url}/language?next=%2F")
    await screenshot(page, "language")
    await page.get_by_role("button", name=LANGUAGE_NAMES[language], exact=True).click()

    # then, not logged in, the login screen, in the chosen language
    await expect(heading("client.login.title")).to_be_visible()
    await check_screen(page, language, "login")
    await page.get_by_role("link", name=t("client.register.title")).click()

    # registration: the usage declaration in the chosen language, consent, the account
    await expect(heading("client.register.title")).to_be_visible()
    await expect(page.locator(".declaration-text h3")).to_be_visible()
    await check_screen(page, language, "register")
    await page.get_by_label(t("client.register.consent")).check()
    await page.get_by_label(t("client.field.email"), exact=True).fill(email)
    await page.get_by_label(t("client.field.password"), exact=True).fill(PASSWORD)
    await page.get_by_label(t("client.register.password_repeat"), exact=True).fill(PASSWORD)
    await page.get_by_role("button", name=t("client.register.submit")).click()
    await expect(heading("client.sent.title")).to_be_visible()
    await check_screen(page, language, "register-sent")

    # activation: the link in the mail opens the server's page, in the same language
    link = await server.mailed_link(email, "/activate")
    await page.goto(link)
    await expect(page.locator("html")).to_have_attribute(
        "dir", "rtl" if language in RTL_LANGUAGES else "ltr"
    )
    await page.get_by_role("button", name=t("page.activate.button")).click()
    await expect(page.locator("main")).to_contain_text(t("page.activate.done"))
    await check_screen(page, language, "activate-done")

    # login, then home with the progress of each section
    await page.goto("/login")
    await expect(heading("client.login.title")).to_be_visible()
    await page.get_by_label(t("client.field.email"), exact=True).fill(email)
    await page.get_by_label(t("client.field.password"), exact=True).fill(PASSWORD)
    await page.get_by_role("button", name=t("client.login.submit")).click()
    await expect(heading("client.home.title")).to_be_visible()
    await expect(page).to_have_url(f"{server.base_url}/home")
    await expect(page.locator(".progress-list li")).to_have_count(6)
    await expect(page.get_by_role("navigation")).to_be_visible()
    await check_screen(page, language, "home")

    # a section filled, a child added
    await open_own_section(page, language, Section.LANGUAGE)
    await fill_language_section(page, language)
    await check_screen(page, language, "section-language")
    await add_child(page, language, "Lina")
    await check_screen(page, language, "child-personal")

    # a certificate uploaded, and released to a language school through the consent flow
    await upload_certificate(page, language, check=False)
    link = await release_to_language_school(page, language, check=False)

    # the school opens the link in its own browser: the package and nothing else
    school = await new_page("de")
    await school.goto(link)
    await school.get_by_role("button", name=SHOW).click()
    package = school.locator("#package")
    await expect(package).to_contain_text("B1")  # the German level, part of the package
    await expect(package).not_to_contain_text("Lina")  # the child is not
    await expect(school.locator("#document-rows tr")).to_have_count(1)
    await expect(school.locator("#document-rows")).to_contain_text(CERTIFICATE)

    # the newcomer revokes; the link stops working
    await revoke_stakeholder_release(page, language, check=False)
    await school.reload()
    await school.get_by_role("button", name=SHOW).click()
    await expect(package).to_contain_text(REVOKED)
    await expect(school.locator("#documents")).to_be_hidden()

    # logout ends the session and says so
    await (
        (await navigation(page, language))
        .get_by_role("button", name=t("client.nav.logout"))
        .click()
    )
    await expect(heading("client.login.title")).to_be_visible()
    await expect(page.get_by_role("status")).to_have_text(t("client.login.logged_out"))
    await page.goto("/home")
    await expect(heading("client.login.title")).to_be_visible()


async def test_the_language_switches_on_any_screen(new_page: NewPage, server: MobioServer) -> None:
    # given a German visitor on the login screen
    page = await new_page("de")
    await page.goto("/language")
    await page.get_by_role("button", name="Deutsch", exact=True).click()
    await expect(
        page.get_by_role("heading", level=1, name=translate("de", "client.login.title"))
    ).to_be_visible()
    # when they choose Arabic in the header
    await page.get_by_label(translate("de", "client.language.switcher")).select_option("ar")
    # then the same screen is in Arabic, right to left, and stays so after a reload
    for _ in range(2):
        await expect(
            page.get_by_role("heading", level=1, name=translate("ar", "client.login.title"))
        ).to_be_visible()
        await expect(page.locator("html")).to_have_attribute("dir", "rtl")
        await page.reload()
    await assert_accessible(page, "login after switching to Arabic")
