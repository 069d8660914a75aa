"""Steps of the administrator's screens, for the browser tests.

Each step drives the web client as the demo administrator would, in the page's language (texts
come from the catalogues the client is built from), and checks what the screen shows after it.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page, expect

from mobio.demo import DEMO_DOMAIN, DEMO_PASSWORD
from mobio.i18n import translate
from tests.support.files import pdf_bytes
from tests.web_client.steps_releases import (
    LANGUAGE_NAMES,
    check_screen,
    heading,
    open_screen,
    texts,
)

ADMIN = f"admin@{DEMO_DOMAIN}"
NEWCOMER = f"amina@{DEMO_DOMAIN}"
CASEWORKER = f"counsellor@{DEMO_DOMAIN}"


async def log_in_as(page: Page, language: str, email: str, landing_id: str | None) -> None:
    """Chooses ``language``, logs in as a demo account and waits for the heading ``landing_id``
    (or, without one, for /home and the site navigation: other homes are not this file's)."""
    t = texts(language)
    await page.goto("/language")
    await page.get_by_role("button", name=LANGUAGE_NAMES[language], exact=True).click()
    await expect(heading(page, language, "client.login.title")).to_be_visible()
    await page.get_by_label(t("client.field.email"), exact=True).fill(email)
    await page.get_by_label(t("client.field.password"), exact=True).fill(DEMO_PASSWORD)
    await page.get_by_role("button", name=t("client.login.submit")).click()
    if landing_id is None:
        await expect(page).to_have_url(re.compile(r"/home$"))
        await expect(page.get_by_role("navigation", name=t("client.nav.label"))).to_be_visible()
    else:
        await expect(heading(page, language, landing_id)).to_be_visible()


async def log_in_as_admin(page: Page, language: str) -> None:
    """The administrator lands on the overview of the administration."""
    await log_in_as(page, language, ADMIN, "client.admin.home.title")


def card(page: Page, text: str) -> Locator:
    """The card (list item) that shows ``text``."""
    return page.locator("li.card").filter(has_text=text)


async def status_says(page: Page, text: str) -> None:
    await expect(page.get_by_role("status").filter(has_text=text)).to_be_visible()


async def create_municipality(page: Page, language: str, name: str, *, check: bool) -> None:
    t = texts(language)
    await open_screen(
        page, language, "client.nav.admin_municipalities", "client.admin.municipality.title"
    )
    create = page.get_by_role("button", name=t("client.admin.municipality.create"))
    # an empty name is named beside the field, translated
    await create.click()
    required = t("client.error.required", field=t("client.admin.municipality.name"))
    await expect(page.locator("#municipality-name-error")).to_have_text(required)
    await expect(page.locator(".error-summary")).to_be_focused()
    if check:
        await check_screen(page, language, "admin-municipalities-error")
    # a name that exists already (a demo municipality) is refused beside the field as well
    field = page.get_by_label(t("client.admin.municipality.name"))
    await field.fill("Weinheim")
    await create.click()
    await expect(page.locator("#municipality-name-error")).to_have_text(
        translate(language, "error.already_exists")
    )
    await field.fill(name)
    await create.click()
    await status_says(page, t("client.admin.municipality.created", name=name))
    await expect(card(page, name)).to_contain_text(t("client.admin.municipality.teams", count=0))
    if check:
        await check_screen(page, language, "admin-municipalities")


async def create_team(
    page: Page, language: str, name: str, municipality: str, carrier: str, *, check: bool
) -> None:
    t = texts(language)
    await open_screen(page, language, "client.nav.admin_teams", "client.admin.team.title")
    await page.get_by_label(t("client.admin.team.name")).fill(name)
    await page.get_by_label(t("client.admin.team.kind")).select_option(
        label=t("client.releases.team_kind.integration_management")
    )
    create = page.get_by_role("button", name=t("client.admin.team.create"))
    # integration management needs a municipality: said beside the choice
    await create.click()
    await expect(page.locator("#team-municipality-error")).to_have_text(
        t("client.admin.team.needs_municipality")
    )
    await page.get_by_label(t("client.admin.team.municipality")).select_option(label=municipality)
    await page.get_by_label(t("client.admin.team.carrier")).fill(carrier)
    await create.click()
    await status_says(page, t("client.admin.team.created", name=name))
    team = card(page, name)
    await expect(team).to_contain_text(t("client.releases.team_kind.integration_management"))
    await expect(team).to_contain_text(municipality)
    await expect(team).to_contain_text(carrier)
    await expect(team).to_contain_text(t("client.admin.team.no_members"))
    if check:
        await check_screen(page, language, "admin-teams")


async def create_caseworker(page: Page, language: str, email: str, password: str) -> None:
    t = texts(language)
    await open_screen(page, language, "client.nav.admin_accounts", "client.admin.account.title")
    await page.get_by_label(t("client.field.email"), exact=True).fill(email)
    await page.get_by_label(t("client.admin.account.password"), exact=True).fill("short")
    await page.get_by_label(t("client.admin.account.kind")).select_option(
        label=t("client.admin.kind.caseworker")
    )
    create = page.get_by_role("button", name=t("client.admin.account.create"))
    # a short password is refused by the server, shown beside the password field
    await create.click()
    await expect(page.locator("#staff-password-error")).to_have_text(
        translate(language, "error.password_too_short", min=10)
    )
    await page.get_by_label(t("client.admin.account.password"), exact=True).fill(password)
    await create.click()
    await status_says(page, t("client.admin.account.created", email=email))
    await expect(card(page, email)).to_contain_text(t("client.admin.account.no_team"))
    await check_screen(page, language, "admin-accounts")


async def add_member(page: Page, language: str, team: str, email: str) -> None:
    t = texts(language)
    await open_screen(page, language, "client.nav.admin_teams", "client.admin.team.title")
    choice = page.get_by_label(t("client.admin.team.add_member_label", team=team))
    await choice.select_option(label=email)
    await card(page, team).get_by_role("button", name=t("client.admin.team.add_member")).click()
    await status_says(page, t("client.admin.team.member_added", email=email, team=team))
    members = card(page, team).locator(".member-list")
    await expect(members).to_contain_text(email)
    # the remove button names whom it removes (for screen readers, with the address)
    remove = members.get_by_role("button", name=email)
    await expect(remove).to_contain_text(t("client.admin.team.remove_member"))
    await check_screen(page, language, "admin-team-members")


async def publish_declaration(
    page: Page, language: str, kind_id: str, code: str, title: str, *, check: bool
) -> int:
    """Publishes a new version of the declaration ``kind_id`` in ``code``; returns its version."""
    t = texts(language)
    await open_screen(page, language, "client.nav.admin_declarations", "client.admin.consent.title")
    kind = t(kind_id)
    section = page.locator("section").filter(has=page.get_by_role("heading", name=kind, exact=True))
    current = section.locator("li.card").filter(has=page.locator(f'p[lang="{code}"]'))
    await expect(current).to_have_count(1)
    meta = await current.locator(".card-meta").inner_text()
    version = int(meta.rsplit(" ", 1)[-1])
    await page.get_by_label(t("client.admin.consent.kind")).select_option(label=kind)
    await page.get_by_label(t("client.admin.consent.language")).fill(code)
    await expect(page.locator("#declaration-language-hint")).to_have_text(
        t("client.admin.consent.next_version", current=version, next=version + 1)
    )
    await page.get_by_label(t("client.admin.consent.doc_title")).fill(title)
    publish = page.get_by_role("button", name=t("client.admin.consent.publish"))
    await publish.click()
    await expect(page.locator("#declaration-body-error")).to_have_text(
        t("client.error.required", field=t("client.admin.consent.body"))
    )
    await page.get_by_label(t("client.admin.consent.body")).fill("## Neu\n\nDer neue Text.")
    await publish.click()
    await status_says(
        page, t("client.admin.consent.published", kind=kind, lang=code, version=version + 1)
    )
    updated = section.locator("li.card").filter(has=page.locator(f'p[lang="{code}"]'))
    await expect(updated).to_contain_text(title)
    await expect(updated.locator(".card-meta")).to_have_text(re.compile(rf"\b{version + 1}$"))
    if check:
        await check_screen(page, language, "admin-declarations")
    return version + 1


async def publish_and_withdraw_form(page: Page, language: str, title: str) -> None:
    t = texts(language)
    await open_screen(page, language, "client.nav.admin_forms", "client.admin.forms.title")
    await page.get_by_label(t("client.admin.forms.form_title")).fill(title)
    await page.get_by_label(t("client.admin.forms.language")).fill("deutsch")
    publish = page.get_by_role("button", name=t("client.admin.forms.publish"))
    await publish.click()
    # a language that is no code and a missing file, each beside its field
    await expect(page.locator("#form-language-error")).to_have_text(
        t("client.admin.language_invalid")
    )
    await expect(page.locator("#form-file-error")).to_have_text(
        t("client.admin.forms.file_missing")
    )
    await page.get_by_label(t("client.admin.forms.language")).fill("de")
    # a file that is no PDF is refused by the server, beside the file
    await page.get_by_label(t("client.admin.forms.file")).set_input_files(
        {"name": "notiz.pdf", "mimeType": "application/pdf", "buffer": b"just text"}
    )
    await publish.click()
    await expect(page.locator("#form-file-error")).not_to_be_empty()
    await page.get_by_label(t("client.admin.forms.file")).set_input_files(
        {"name": "antrag.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    await publish.click()
    await status_says(page, t("client.admin.forms.published", title=title))
    form = card(page, title)
    await expect(form).to_be_visible()
    await check_screen(page, language, "admin-forms")
    # withdrawing asks first; the form is gone afterwards
    withdraw = form.get_by_role("button", name=t("client.admin.forms.withdraw"))
    await expect(withdraw).to_contain_text(title)
    await withdraw.click()
    dialog = page.get_by_role("dialog", name=t("client.admin.forms.withdraw_title", title=title))
    await expect(dialog).to_be_visible()
    await dialog.get_by_role("button", name=t("client.admin.forms.withdraw_confirm")).click()
    await status_says(page, t("client.admin.forms.withdrawn", title=title))
    await expect(card(page, title)).to_have_count(0)
