"""The biography screens of the web client on a phone, in German and in Arabic.

A fresh newcomer (empty personal page) fills the language section (a conditional question and
a course entry), reloads and sees the answers, opens an answer's history, keeps private notes,
adds a child and fills its write-once personal page, and sets the own personal page, which is
then shown locked. Two tabs saving the same section show the version conflict without losing
the input. Every screen: axe-core, fits 360 px, a screenshot (var/screenshots/<lang>/).
"""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Page, Request, expect

from mobio.biography.catalogue.labels import section_label
from mobio.biography.catalogue.model import Section
from mobio.i18n import RTL_LANGUAGES, translate
from tests.support.browser import MobioServer, assert_accessible, assert_fits_width, screenshot
from tests.web_client import steps_biography as steps
from tests.web_client.conftest import NewPage

pytestmark = pytest.mark.usefixtures("client_dist")


async def _screen(page: Page, language: str, name: str) -> None:
    await expect(page.locator("html")).to_have_attribute(
        "dir", "rtl" if language in RTL_LANGUAGES else "ltr"
    )
    await assert_accessible(page, f"{name} ({language})")
    await assert_fits_width(page, f"{name} ({language})")
    await screenshot(page, name)


async def _newcomer_page(new_page: NewPage, server: MobioServer, language: str) -> Page:
    account = await server.seed("newcomer", language=language)
    page = await new_page(language)
    await steps.login(page, language, account["email"], account["password"])
    return page


def _operations(requests: list[Request]) -> list[str]:
    names = []
    for request in requests:
        if request.url.endswith("/graphql") and request.method == "POST":
            query = str(json.loads(request.post_data or "{}").get("query", ""))
            names.append(query.split("(")[0].split("{")[0].strip())
    return names


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_the_language_section_is_filled_saved_and_read_again(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    page = await _newcomer_page(new_page, server, language)
    await steps.open_overview(page, language)
    await _screen(page, language, "biography")

    # the section screen asks the server once
    sent: list[Request] = []
    page.on("request", lambda request: sent.append(request))
    await (
        page.locator(".progress-list")
        .get_by_role("link", name=section_label(Section.LANGUAGE, language))
        .click()
    )
    await expect(page.get_by_role("heading", level=1)).to_have_text(
        section_label(Section.LANGUAGE, language)
    )
    await expect(page.locator(".section-form")).to_be_visible()
    assert _operations(sent) == ["query SectionScreen"]
    await _screen(page, language, "biography-language")

    await steps.fill_language_section(page, language)
    await _screen(page, language, "biography-language-saved")

    # after a reload the answers are there
    await page.reload()
    await steps.expect_language_section(page, language)

    # the history of an answer: when, which value, who
    dialog = await steps.open_history(page, language, Section.LANGUAGE, "german_level")
    await expect(dialog).to_contain_text(
        steps.option(language, Section.LANGUAGE, "german_level", "b1")
    )
    await expect(dialog).to_contain_text(t("client.biography.history_you"))
    await assert_accessible(page, f"history ({language})")
    await screenshot(page, "biography-history")
    await dialog.get_by_role("button", name=t("client.biography.close")).click()
    await expect(dialog).to_be_hidden()

    # private notes: add, edit, delete
    await steps.add_private_note(page, language, "Kursanmeldung bis Freitag")
    notes = page.locator(".private-notes")
    await notes.get_by_role("button", name=t("client.notes.edit")).click()
    editor = notes.locator(".note textarea")
    await expect(editor).to_be_focused()
    await editor.fill("Kursanmeldung erledigt")
    await notes.locator(".note").get_by_role("button", name=t("client.notes.add")).click()
    await expect(notes.locator(".note-body")).to_have_text(["Kursanmeldung erledigt"])
    await _screen(page, language, "biography-notes")
    await notes.get_by_role("button", name=t("client.notes.delete")).click()
    await notes.get_by_role("button", name=t("client.notes.delete_yes")).click()
    await expect(notes.locator(".note-body")).to_have_count(0)
    await expect(notes).to_contain_text(t("client.notes.empty"))


@pytest.mark.parametrize("language", ["de", "ar"])
async def test_a_child_is_added_and_the_personal_pages_lock(
    new_page: NewPage, server: MobioServer, language: str
) -> None:
    def t(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    page = await _newcomer_page(new_page, server, language)
    await steps.add_child(page, language, "Lina", date_of_birth="2019-05-04")
    await _screen(page, language, "biography-child-personal")

    # the overview lists the child with its date of birth and its sections
    await steps.open_overview(page, language)
    card = page.locator(".member-card")
    await expect(card.get_by_role("heading", name="Lina Haddad")).to_be_visible()
    await expect(card).to_contain_text("2019")
    await _screen(page, language, "biography-overview-child")
    await card.get_by_role("link", name=section_label(Section.FAMILY, language)).click()
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Lina Haddad")
    await _screen(page, language, "biography-child-family")

    # the own personal page: once set, the write-once answers are read-only
    await steps.open_own_section(page, language, Section.PERSONAL)
    await expect(page.locator(".locked-answers")).to_have_count(0)
    await steps.fill_personal_page(page, language, "Amina", "Haddad", "1990-01-31", "female")
    await page.reload()
    await steps.expect_personal_page_locked(page, language, "Amina")
    await _screen(page, language, "biography-personal-locked")
    # the other answers of the page stay open
    await expect(
        page.get_by_label(steps.label(language, Section.PERSONAL, "place_of_birth"), exact=True)
    ).to_be_editable()


async def test_a_version_conflict_keeps_the_input(new_page: NewPage, server: MobioServer) -> None:
    language = "de"
    page = await _newcomer_page(new_page, server, language)
    await steps.open_own_section(page, language, Section.LANGUAGE)
    # another tab of the same newcomer saves the section first
    other = await page.context.new_page()
    await other.goto("/biography/language")
    await steps.choose_radio(
        other,
        steps.label(language, Section.LANGUAGE, "literacy"),
        steps.option(language, Section.LANGUAGE, "literacy", "not_literate"),
    )
    await steps.save(other, language)
    await other.close()
    # this tab saves with the version it read: the conflict is explained, nothing is lost
    await steps.fill_language_section(page, language, save_it=False)
    await page.get_by_role(
        "button", name=translate(language, "client.biography.save"), exact=True
    ).click()
    conflict = page.get_by_role("alert").filter(
        has_text=translate(language, "client.biography.conflict")
    )
    await expect(conflict).to_be_focused()
    await assert_accessible(page, "conflict")
    # the current answers are shown; the input comes back on request and saves
    literacy = page.get_by_role(
        "group", name=steps.label(language, Section.LANGUAGE, "literacy"), exact=True
    )
    await expect(
        literacy.get_by_label(
            steps.option(language, Section.LANGUAGE, "literacy", "not_literate"), exact=True
        )
    ).to_be_checked()
    await conflict.get_by_role(
        "button", name=translate(language, "client.biography.reapply")
    ).click()
    await steps.save(page, language)
    await page.reload()
    await steps.expect_language_section(page, language)


async def test_server_errors_are_listed_per_field(new_page: NewPage, server: MobioServer) -> None:
    language = "de"
    page = await _newcomer_page(new_page, server, language)
    await steps.open_own_section(page, language, Section.PERSONAL)
    # a date of birth in the future is refused by the server, named in the summary
    date_label = steps.label(language, Section.PERSONAL, "date_of_birth")
    await page.get_by_label(date_label, exact=True).fill("2999-01-01")
    await page.get_by_role(
        "button", name=translate(language, "client.biography.save"), exact=True
    ).click()
    summary = page.locator(".error-summary")
    await expect(summary).to_be_focused()
    link = summary.get_by_role("link")
    await expect(link).to_have_count(1)
    await link.click()
    await expect(page.get_by_label(date_label, exact=True)).to_be_focused()
    await expect(page.get_by_label(date_label, exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    await assert_accessible(page, "field errors")
