"""Steps through the biography screens of the web client, reusable by the journey test.

Every step works in any interface language: the labels come from the same catalogues the
server translates the questionnaire from (``mobio.biography.catalogue``) and the client's texts
from the ``client.*`` entries of the Babel catalogues. The page must be logged in as a newcomer.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page, expect

from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.labels import option_label, question_label, section_label
from mobio.biography.catalogue.model import Question, Section, Subject
from mobio.i18n import translate
from tests.support.browser import navigation

LANGUAGE_ANSWERS = {
    "literacy": "partly",
    "german_level": "b1",
    "german_level_certified": "true",
    "course": {"kind": "integration_course", "level_reached": "b1", "year": "2024"},
}
"""What ``fill_language_section`` answers (conditional: the certificate, asked from A1 up)."""


def question(section: Section, code: str, subject: Subject = Subject.NEWCOMER) -> Question:
    """The catalogue's question ``code`` of ``section``."""
    for found in questions_for(section, subject):
        if found.code == code:
            return found
    raise KeyError(code)


def label(language: str, section: Section, code: str, subject: Subject = Subject.NEWCOMER) -> str:
    """A question's label as the client shows it in ``language``."""
    return question_label(question(section, code, subject), language)


def option(language: str, section: Section, code: str, value: str) -> str:
    """The label of the option ``value`` of a question, in ``language``."""
    options = question(section, code).options
    assert options is not None, code
    return option_label(options, value, language)


def field(language: str, parent: Question, code: str) -> tuple[Question, str]:
    """A field of an entries question and its label."""
    for found in parent.fields:
        if found.code == code:
            return found, question_label(found, language, parent)
    raise KeyError(code)


def yes_no(language: str, value: bool) -> str:
    return translate(language, "client.biography.yes" if value else "client.biography.no")


async def login(page: Page, language: str, email: str, password: str) -> None:
    """Log in through the login screen in ``language`` (chosen on this device first)."""
    await page.add_init_script(f"localStorage.setItem('mobio.language', '{language}')")
    await page.goto("/login")
    await page.get_by_label(translate(language, "client.field.email"), exact=True).fill(email)
    await page.get_by_label(translate(language, "client.field.password"), exact=True).fill(password)
    await page.get_by_role("button", name=translate(language, "client.login.submit")).click()
    await expect(page).to_have_url(re.compile(r"/home$"))


async def open_overview(page: Page, language: str) -> None:
    """The biography overview through the navigation."""
    nav = await navigation(page, language)
    await nav.get_by_role("link", name=translate(language, "client.nav.biography")).click()
    await expect(
        page.get_by_role("heading", level=1, name=translate(language, "client.biography.title"))
    ).to_be_visible()
    await expect(page.locator(".progress-list li")).to_have_count(6)


async def open_own_section(page: Page, language: str, section: Section) -> None:
    """A section of the own page from the overview."""
    await open_overview(page, language)
    await (
        page.locator(".progress-list")
        .get_by_role("link", name=section_label(section, language))
        .click()
    )
    await expect(
        page.get_by_role("heading", level=1, name=section_label(section, language))
    ).to_be_visible()


async def choose_radio(page: Page | Locator, group: str, answer: str) -> None:
    await page.get_by_role("group", name=group, exact=True).get_by_label(answer, exact=True).check()


async def save(page: Page, language: str) -> None:
    """Save the section and wait for the confirmation (which takes the focus)."""
    await page.get_by_role(
        "button", name=translate(language, "client.biography.save"), exact=True
    ).click()
    status = page.locator(".save-status")
    await expect(status).to_have_text(translate(language, "client.biography.saved"))
    await expect(status).to_be_focused()


async def fill_language_section(page: Page, language: str, *, save_it: bool = True) -> None:
    """On the language section: literacy (radios), German level (select), the conditional
    certificate question, one language course entry; then save."""
    s = Section.LANGUAGE
    certified = label(language, s, "german_level_certified")
    await choose_radio(
        page, label(language, s, "literacy"), option(language, s, "literacy", "partly")
    )
    # the certificate is asked only once a level is chosen
    await expect(page.get_by_role("group", name=certified, exact=True)).to_have_count(0)
    await page.get_by_label(label(language, s, "german_level"), exact=True).select_option("b1")
    await choose_radio(page, certified, yes_no(language, True))
    # one course, in its own group
    courses = question(s, "language_courses")
    group = page.get_by_role("group", name=label(language, s, "language_courses"), exact=True)
    await group.get_by_role(
        "button", name=translate(language, "client.biography.add_entry")
    ).click()
    entry = group.get_by_role(
        "group", name=translate(language, "client.biography.entry", number=1), exact=True
    )
    _, kind = field(language, courses, "kind")
    _, level = field(language, courses, "level_reached")
    _, completed = field(language, courses, "completed")
    _, year = field(language, courses, "year")
    await expect(entry.get_by_label(kind, exact=True)).to_be_focused()
    await entry.get_by_label(kind, exact=True).select_option("integration_course")
    await entry.get_by_label(level, exact=True).select_option("b1")
    await choose_radio(entry, completed, yes_no(language, True))
    await entry.get_by_label(year, exact=True).fill("2024")
    if save_it:
        await save(page, language)


async def expect_language_section(page: Page, language: str) -> None:
    """The answers of ``fill_language_section`` are shown."""
    s = Section.LANGUAGE
    literacy = page.get_by_role("group", name=label(language, s, "literacy"), exact=True)
    await expect(
        literacy.get_by_label(option(language, s, "literacy", "partly"), exact=True)
    ).to_be_checked()
    await expect(page.get_by_label(label(language, s, "german_level"), exact=True)).to_have_value(
        "b1"
    )
    certified = page.get_by_role(
        "group", name=label(language, s, "german_level_certified"), exact=True
    )
    await expect(certified.get_by_label(yes_no(language, True), exact=True)).to_be_checked()
    courses = question(s, "language_courses")
    entry = page.get_by_role(
        "group", name=translate(language, "client.biography.entry", number=1), exact=True
    )
    await expect(entry.get_by_label(field(language, courses, "kind")[1], exact=True)).to_have_value(
        "integration_course"
    )
    await expect(entry.get_by_label(field(language, courses, "year")[1], exact=True)).to_have_value(
        "2024"
    )


async def add_child(
    page: Page,
    language: str,
    given_name: str,
    family_name: str = "Haddad",
    date_of_birth: str = "2019-05-04",
    sex: str = "female",
) -> None:
    """From the overview: add a child, fill its write-once personal page, save; the page then
    shows it locked."""
    await open_overview(page, language)
    await page.get_by_role("button", name=translate(language, "client.biography.add_child")).click()
    heading = page.get_by_role("heading", level=1)
    await expect(heading).to_contain_text(section_label(Section.PERSONAL, language))
    await fill_personal_page(
        page, language, given_name, family_name, date_of_birth, sex, Subject.CHILD
    )


async def fill_personal_page(
    page: Page,
    language: str,
    given_name: str,
    family_name: str,
    date_of_birth: str,
    sex: str,
    subject: Subject = Subject.NEWCOMER,
) -> None:
    """Fill the write-once answers of a personal page, save, and see them locked."""
    s = Section.PERSONAL
    await page.get_by_label(label(language, s, "given_name", subject), exact=True).fill(given_name)
    await page.get_by_label(label(language, s, "family_name", subject), exact=True).fill(
        family_name
    )
    await page.get_by_label(label(language, s, "date_of_birth", subject), exact=True).fill(
        date_of_birth
    )
    sex_question = question(s, "sex", subject)
    assert sex_question.options is not None
    await choose_radio(
        page,
        label(language, s, "sex", subject),
        option_label(sex_question.options, sex, language),
    )
    await save(page, language)
    await expect_personal_page_locked(page, language, given_name)


async def expect_personal_page_locked(page: Page, language: str, given_name: str) -> None:
    """The write-once answers are shown read-only, with the explanation."""
    locked = page.locator(".locked-answers")
    await expect(
        locked.get_by_role("heading", name=translate(language, "client.biography.locked_title"))
    ).to_be_visible()
    await expect(locked).to_contain_text(translate(language, "client.biography.locked_body"))
    await expect(locked).to_contain_text(given_name)
    await expect(page.locator(".section-form").get_by_label(given_name)).to_have_count(0)


async def add_private_note(page: Page, language: str, body: str) -> None:
    """On a section of the own page: write a private note and see it listed."""
    notes = page.locator(".private-notes")
    await notes.get_by_label(translate(language, "client.notes.new"), exact=True).fill(body)
    await notes.get_by_role("button", name=translate(language, "client.notes.add")).click()
    await expect(notes.get_by_role("status")).to_have_text(
        translate(language, "client.notes.saved")
    )
    await expect(notes.locator(".note-body")).to_contain_text([body])


async def open_history(page: Page, language: str, section: Section, code: str) -> Locator:
    """Open the history of an answer; returns the dialog (close it with its button)."""
    name = translate(language, "client.biography.history_of", label=label(language, section, code))
    await page.get_by_role("button", name=name, exact=True).click()
    dialog = page.get_by_role("dialog", name=name)
    await expect(dialog).to_be_visible()
    await expect(dialog.locator(".history-list li").first).to_be_visible()
    return dialog
