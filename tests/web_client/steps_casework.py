"""Steps through the case-management screens of the web client: assisted profile and claim
letter, the claim page, case notes, hand-over (offer, objection, acceptance), goal agreements
and correction requests.

Every step works in any interface language: the texts come from the ``client.*`` entries of
the Babel catalogues. Pages log in with ``steps_biography.login``.
"""

from __future__ import annotations

import io
import re

import pypdf
from playwright.async_api import Locator, Page, expect

from mobio.demo import DEMO_DOMAIN
from mobio.i18n import translate
from tests.support.browser import navigation
from tests.support.files import pdf_bytes

MANAGER = f"manager@{DEMO_DOMAIN}"
"""The demo integration manager (Integrationsmanagement Weinheim)."""
RECEIVING_MUNICIPALITY = "Weinheim"
RECEIVING_TEAM = "Integrationsmanagement Weinheim"
CODE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b")


def t(language: str, message_id: str, **params: object) -> str:
    return translate(language, message_id, **params)


def heading(page: Page, language: str, message_id: str, **params: object) -> Locator:
    return page.get_by_role("heading", level=1, name=t(language, message_id, **params))


async def open_from_navigation(page: Page, language: str, label_id: str, title_id: str) -> None:
    nav = await navigation(page, language)
    await nav.get_by_role("link", name=t(language, label_id), exact=True).click()
    await expect(heading(page, language, title_id)).to_be_visible()


def label(page: Page, language: str, message_id: str, **params: object) -> Locator:
    return page.get_by_label(t(language, message_id, **params), exact=True)


async def fill_profile(
    page: Page, language: str, given: str, family: str, born: str, person_language: str
) -> None:
    """The assisted-profile form, with the scan of the signed declarations attached."""
    await label(page, language, "client.casework.profile.given_name").fill(given)
    await label(page, language, "client.casework.profile.family_name").fill(family)
    await label(page, language, "client.casework.profile.date_of_birth").fill(born)
    await label(page, language, "client.casework.profile.language").select_option(person_language)
    await label(page, language, "client.casework.profile.scan").set_input_files(
        {"name": "einwilligung.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )


def claim_code(pdf: bytes) -> str:
    """The claim code printed in the letter."""
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    found = CODE.search(text)
    assert found is not None, text
    return found.group(0)


async def open_tab(page: Page, language: str, label_id: str, title_id: str) -> None:
    """A tab of the person view, by its label; waits for the panel's heading."""
    tabs = page.get_by_role("navigation", name=t(language, "client.person.tabs"))
    await tabs.get_by_role("link", name=t(language, label_id), exact=True).click()
    await expect(page.get_by_role("heading", level=2, name=t(language, title_id))).to_be_visible()


async def offer_hand_over(page: Page, language: str) -> None:
    """On the hand-over tab: offer the case to the demo integration-management team (the
    dates the form suggests, all in the future)."""
    await label(page, language, "client.casework.handover.municipality").select_option(
        label=RECEIVING_MUNICIPALITY
    )
    await label(page, language, "client.casework.handover.team").select_option(label=RECEIVING_TEAM)
    await page.get_by_role("button", name=t(language, "client.casework.handover.offer")).click()
    await expect(page.locator(".notice-success")).to_have_text(
        t(language, "client.casework.handover.offered")
    )


def hand_overs(page: Page) -> Locator:
    return page.locator(".casework-list > .hand-over")


async def confirm_dialog(page: Page, title_id: str, language: str, confirm_id: str) -> None:
    """Confirm the open confirmation dialog titled ``title_id``."""
    dialog = page.get_by_role("dialog", name=t(language, title_id))
    await expect(dialog).to_be_visible()
    await dialog.get_by_role("button", name=t(language, confirm_id), exact=True).click()
    await expect(dialog).to_be_hidden()
