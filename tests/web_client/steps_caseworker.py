"""Steps through the caseworker's screens of the web client (dashboard, caseload, person view).

Every step works in any interface language: the client's texts come from the ``client.*``
entries of the Babel catalogues, the questionnaire's from ``mobio.biography.catalogue``. The
demo caseworkers (mobio/demo.py) are in the server's database from the start.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page, expect

from mobio.biography.catalogue.labels import section_label
from mobio.biography.catalogue.model import Section
from mobio.demo import DEMO_DOMAIN, DEMO_PASSWORD
from mobio.i18n import translate
from tests.support.browser import navigation
from tests.web_client.steps_biography import login

COUNSELLOR = f"counsellor@{DEMO_DOMAIN}"
"""The demo social counsellor; Amina Haddad and Mamadou Diallo have released to their team."""
OFFICER = f"officer@{DEMO_DOMAIN}"
"""The demo integration officer; Mariam Ahmadi has released to their office."""


async def login_caseworker(page: Page, language: str, email: str = COUNSELLOR) -> None:
    """Log in as a demo caseworker; their home is the dashboard."""
    await login(page, language, email, DEMO_PASSWORD)
    await expect(
        page.get_by_role("heading", level=1, name=translate(language, "client.dashboard.title"))
    ).to_be_visible()


def dashboard_card(page: Page, language: str, label_id: str) -> Locator:
    """The dashboard card (a link to the filtered caseload) labelled ``label_id``."""
    return page.locator(".dashboard-cards").get_by_role(
        "link", name=re.compile(re.escape(translate(language, label_id)))
    )


async def open_caseload(page: Page, language: str) -> None:
    """The caseload through the navigation, unfiltered."""
    nav = await navigation(page, language)
    await nav.get_by_role("link", name=translate(language, "client.nav.caseload")).click()
    await expect(page).to_have_url(re.compile(r"/caseload$"))
    await expect(
        page.get_by_role("heading", level=1, name=translate(language, "client.caseload.title"))
    ).to_be_visible()
    await expect(page.locator(".caseload-count")).to_be_visible()


def rows(page: Page) -> Locator:
    return page.locator(".caseload-list > .case-row")


async def total_found(page: Page) -> int:
    """The number of persons the list says it found (over every page)."""
    text = await page.locator(".caseload-count").inner_text()
    digits = re.search(r"\d+", text)
    assert digits, text
    return int(digits.group())


async def search(page: Page, language: str, text: str) -> None:
    """Search the caseload for ``text`` and wait for the list of that search."""
    await page.get_by_label(translate(language, "client.caseload.search_label"), exact=True).fill(
        text
    )
    await page.get_by_role(
        "button", name=translate(language, "client.caseload.search_submit"), exact=True
    ).click()
    await expect(page).to_have_url(re.compile(r"[?&]q="))
    await expect(page.locator(".caseload-count")).to_be_visible()


async def open_person(page: Page, name: str) -> None:
    """A person from the caseload list, by the name shown."""
    await rows(page).get_by_role("link", name=name, exact=True).click()
    await expect(page.get_by_role("heading", level=1, name=name, exact=True)).to_be_visible()


async def open_person_section(page: Page, language: str, section: Section, name: str) -> None:
    """A section of the person's own page from the person view's biography tab."""
    await (
        page.locator(".progress-list")
        .get_by_role("link", name=section_label(section, language))
        .click()
    )
    title = translate(
        language,
        "client.biography.member_title",
        section=section_label(section, language),
        name=name,
    )
    await expect(page.get_by_role("heading", level=1, name=title, exact=True)).to_be_visible()
    await expect(page.locator(".section-form")).to_be_visible()
