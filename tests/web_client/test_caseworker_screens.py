"""The caseworker's screens of the web client on a phone: dashboard, caseload, person view.

As the demo social counsellor in German: the dashboard's cards lead to the filtered caseload;
the caseload pages by cursor and finds a demo newcomer by a misspelled name; the person view
shows the basics and the sections, and an answer the newcomer can no longer change (write-once)
is changed and saved, with the version check refusing a second tab's stale save without losing
its input. The same screens in Arabic are right-to-left. A newcomer has no caseload. Every
screen: axe-core, fits 360 px, a screenshot (var/screenshots/<lang>/).
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect

from mobio.biography.catalogue.model import Section
from mobio.i18n import RTL_LANGUAGES, translate
from tests.support.browser import (
    MobioServer,
    assert_accessible,
    assert_fits_width,
    navigation,
    screenshot,
)
from tests.web_client import steps_biography
from tests.web_client import steps_caseworker as steps
from tests.web_client.conftest import NewPage

pytestmark = pytest.mark.usefixtures("client_dist")

PAGE_SIZE = 25  # screens/caseload/CaseloadScreen.tsx
MAMADOU = "Mamadou Diallo"  # mobio/demo.py: released to the counsellor's team only
MARIAM = "Mariam Ahmadi"  # released to the integration management and the office


async def _screen(page: Page, language: str, name: str) -> None:
    await expect(page.locator("html")).to_have_attribute(
        "dir", "rtl" if language in RTL_LANGUAGES else "ltr"
    )
    await assert_accessible(page, f"{name} ({language})")
    await assert_fits_width(page, f"{name} ({language})")
    await screenshot(page, name)


async def test_the_counsellor_finds_pages_and_opens_a_person(
    new_page: NewPage, server: MobioServer
) -> None:
    # given: more persons in the counsellor's caseload than fit on one page
    language = "de"
    await server.seed(
        "released_newcomers", caseworker=steps.COUNSELLOR, count=PAGE_SIZE + 2, family_name="Brandt"
    )
    page = await new_page(language)

    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    # the dashboard is the caseworker's home
    await steps.login_caseworker(page, language)
    await _screen(page, language, "caseworker-dashboard")
    nav = await navigation(page, language)
    await expect(nav.get_by_role("link", name=t("client.nav.caseload"))).to_be_visible()
    await expect(nav.get_by_role("link", name=t("client.nav.biography"))).to_have_count(0)

    # the offers card opens the offers addressed to the team
    offers = steps.dashboard_card(page, language, "client.dashboard.hand_over_offers_received")
    await expect(offers).to_have_attribute("href", "/hand-over-offers")
    # a card opens the caseload with its filter chosen, and the filter shows its counts
    await steps.dashboard_card(page, language, "client.dashboard.incomplete_profiles").click()
    await expect(page).to_have_url(re.compile(r"/caseload\?completeness=incomplete$"))
    completeness = page.get_by_label(t("client.caseload.facet_completeness"), exact=True)
    await expect(completeness).to_have_value("incomplete")
    await expect(page.locator(".caseload-count")).to_be_visible()
    incomplete = await steps.total_found(page)
    await expect(completeness.locator("option[value=incomplete]")).to_have_text(
        re.compile(rf"\({incomplete}\)$")
    )
    await _screen(page, language, "caseload-filtered")

    # all cases: one page, then the next one appended; the first new person takes the focus
    await steps.open_caseload(page, language)
    found = await steps.total_found(page)
    assert found >= PAGE_SIZE + 2
    await expect(steps.rows(page)).to_have_count(PAGE_SIZE)
    await _screen(page, language, "caseload")
    await page.get_by_role("button", name=t("client.caseload.more"), exact=True).click()
    await expect(steps.rows(page).nth(PAGE_SIZE).locator(".case-name")).to_be_focused()
    await expect(page.get_by_role("button", name=t("client.caseload.more"))).to_have_count(0)
    names = await page.locator(".case-name").all_inner_texts()
    assert len(set(names)) == len(names), "a person is listed twice across pages"
    assert names == sorted(names, key=lambda name: name.split()[-1]), "not in family-name order"
    listed = len(names)

    # a misspelled name still finds the demo newcomer
    await steps.search(page, language, "Mamadu Dialo")
    await expect(steps.rows(page).get_by_role("link", name=MAMADOU, exact=True)).to_be_visible()
    await expect(page.get_by_role("button", name=t("client.caseload.more"))).to_have_count(0)
    await _screen(page, language, "caseload-search")

    # the person view: basics, tabs, sections
    await steps.open_person(page, MAMADOU)
    basics = page.locator(".person-basics")
    await expect(basics).to_contain_text(t("client.person.date_of_birth"))
    await expect(basics).to_contain_text("2005")
    await expect(page.locator(".person-tabs [aria-current=page]")).to_have_text(
        t("client.person.tab_biography")
    )
    await _screen(page, language, "person")
    await steps.open_person_section(page, language, Section.PERSONAL, MAMADOU)
    await _screen(page, language, "person-personal")

    # every page together lists as many persons as the count said
    assert listed == found, f"{listed} persons listed over the pages, {found} counted"


async def test_the_counsellor_changes_a_write_once_answer_with_the_version_check(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "de"

    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    place = steps_biography.label(language, Section.PERSONAL, "place_of_birth")
    tabs = []
    for _ in range(2):
        page = await new_page(language)
        await steps.login_caseworker(page, language)
        await steps.open_caseload(page, language)
        await steps.search(page, language, "Diallo")
        await steps.open_person(page, MAMADOU)
        await steps.open_person_section(page, language, Section.PERSONAL, MAMADOU)
        tabs.append(page)
    first, second = tabs

    # the newcomer's write-once answer is open to the counsellor: changed and saved
    field = first.get_by_label(place, exact=True)
    await expect(field).to_be_editable()
    await field.fill("Conakry")
    await steps_biography.save(first, language)

    # the second tab read the old version: its save is refused, its input kept and re-applied
    await second.get_by_label(place, exact=True).fill("Kindia")
    await second.get_by_role("button", name=t("client.biography.save"), exact=True).click()
    conflict = second.locator(".notice-warning[role=alert]").filter(
        has_text=t("client.biography.conflict")
    )
    await expect(conflict).to_be_visible()
    await expect(second.get_by_label(place, exact=True)).to_have_value("Conakry")
    await _screen(second, language, "person-conflict")
    await second.get_by_role("button", name=t("client.biography.reapply")).click()
    await expect(second.get_by_label(place, exact=True)).to_have_value("Kindia")
    await steps_biography.save(second, language)

    # read again: the last save holds
    await first.reload()
    await expect(first.get_by_label(place, exact=True)).to_have_value("Kindia")


async def test_the_caseworker_screens_in_arabic_are_right_to_left(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "ar"
    page = await new_page(language)
    await steps.login_caseworker(page, language)
    await _screen(page, language, "caseworker-dashboard")
    await steps.open_caseload(page, language)
    await _screen(page, language, "caseload")
    await steps.search(page, language, "Hadad")
    await steps.open_person(page, "Amina Haddad")
    await _screen(page, language, "person")


async def test_a_newcomer_has_no_caseload(new_page: NewPage, server: MobioServer) -> None:
    language = "de"
    account = await server.seed("newcomer", language=language)
    page = await new_page(language)
    await steps_biography.login(page, language, account["email"], account["password"])
    nav = await navigation(page, language)
    await expect(
        nav.get_by_role("link", name=translate(language, "client.nav.biography"))
    ).to_be_visible()
    await expect(
        nav.get_by_role("link", name=translate(language, "client.nav.caseload"))
    ).to_have_count(0)
    for address in ("/caseload", "/persons/00000000-0000-0000-0000-000000000000"):
        await page.goto(address)
        await expect(
            page.get_by_role("heading", level=1, name=translate(language, "client.not_found.title"))
        ).to_be_visible()


async def test_the_integration_office_reads_but_may_change_only_the_personal_data(
    new_page: NewPage, server: MobioServer
) -> None:
    # given the demo integration officer, whose team holds Mariam's release
    language = "de"
    page = await new_page(language)
    await steps.login_caseworker(page, language, email=steps.OFFICER)
    await steps.open_caseload(page, language)
    await steps.open_person(page, MARIAM)
    # when opening her language section: what the office may read is shown, not offered
    await steps.open_person_section(page, language, Section.LANGUAGE, MARIAM)
    read_only = page.locator(".locked-answers")
    await expect(read_only.get_by_role("heading")).to_have_text(
        translate(language, "client.person.read_only_title")
    )
    level = steps_biography.label(language, Section.LANGUAGE, "german_level")
    await expect(read_only).to_contain_text(level)
    await expect(page.get_by_label(level, exact=True)).to_have_count(0)
    await _screen(page, language, "person-read-only")
    # and on the personal page the personal data stay editable, the rest is read only
    back = translate(language, "client.person.back_to_overview")
    await page.get_by_role("link", name=back).click()
    await steps.open_person_section(page, language, Section.PERSONAL, MARIAM)
    family = steps_biography.label(language, Section.PERSONAL, "family_name")
    await expect(page.get_by_label(family, exact=True)).to_be_editable()
    place = steps_biography.label(language, Section.PERSONAL, "place_of_birth")
    await expect(page.get_by_label(place, exact=True)).to_have_count(0)
    await expect(page.locator(".locked-answers")).to_contain_text(place)
