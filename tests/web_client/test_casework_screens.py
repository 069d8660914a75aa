"""The case-management screens of the web client on a phone (360 px).

As the demo social counsellor: create a profile for a person without an account (the duplicate
warning for an existing demo newcomer's name asks for a reason; the scan of the signed paper is
attached), download the claim letter and claim the profile with its code on /claim in Arabic,
activated through the outbox; write a case note; offer a hand-over, the newcomer objects, offer
again, the integration manager accepts. Agree a goal that the newcomer confirms in Arabic, and
again after a change. Approve a corrected date of birth and read both values in the request.
Every screen: axe-core, fits 360 px, a screenshot (var/screenshots/<lang>/).
"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.async_api import Page, expect

from mobio.biography.catalogue.model import Section
from mobio.demo import DEMO_PASSWORD
from mobio.i18n import RTL_LANGUAGES, translate
from tests.support.browser import (
    MobioServer,
    assert_accessible,
    assert_fits_width,
    screenshot,
)
from tests.web_client import steps_biography
from tests.web_client import steps_casework as steps
from tests.web_client.conftest import NewPage
from tests.web_client.steps_biography import login
from tests.web_client.steps_caseworker import COUNSELLOR, login_caseworker

pytestmark = pytest.mark.usefixtures("client_dist")

AMINA = f"amina@{steps.DEMO_DOMAIN}"
"""The demo newcomer Amina Haddad (born 1991-04-12, Arabic), released to the counsellor."""


async def _screen(page: Page, language: str, name: str) -> None:
    await expect(page.locator("html")).to_have_attribute(
        "dir", "rtl" if language in RTL_LANGUAGES else "ltr"
    )
    await assert_accessible(page, f"{name} ({language})")
    await assert_fits_width(page, f"{name} ({language})")
    await screenshot(page, name)


async def test_an_assisted_profile_is_claimed_noted_and_handed_over(
    new_page: NewPage, server: MobioServer
) -> None:
    de, ar = "de", "ar"
    counsellor = await new_page(de)

    def t(message_id: str, **params: object) -> str:
        return translate(de, message_id, **params)

    # given: the counsellor creates a profile whose name resembles a demo newcomer's
    await login_caseworker(counsellor, de)
    await steps.open_from_navigation(
        counsellor, de, "client.nav.new_profile", "client.casework.profile.title"
    )
    await _screen(counsellor, de, "assisted-profile")
    await steps.fill_profile(counsellor, de, "Amina", "Hadad", "1991-04-12", ar)
    await counsellor.get_by_role("button", name=t("client.casework.profile.create")).click()

    # then: the duplicate check lists the match in the team's caseload and wants a reason
    warning = counsellor.get_by_role(
        "heading", level=2, name=t("client.casework.profile.duplicates_title")
    )
    await expect(warning).to_be_visible()
    await expect(counsellor.get_by_role("link", name="Amina Haddad")).to_be_visible()
    await _screen(counsellor, de, "assisted-profile-duplicate")
    anyway = counsellor.get_by_role("button", name=t("client.casework.profile.create_anyway"))
    await anyway.click()
    await expect(
        steps.label(counsellor, de, "client.casework.profile.duplicate_reason")
    ).to_have_attribute("aria-invalid", "true")
    await steps.label(counsellor, de, "client.casework.profile.duplicate_reason").fill(
        "Andere Person: Schwester mit gleichem Geburtstag (Zwilling), laut Pass."
    )
    await anyway.click()
    await expect(
        steps.heading(counsellor, de, "client.casework.profile.created_title")
    ).to_be_visible()

    # the claim letter: a PDF with the code, downloaded
    await counsellor.get_by_role("button", name=t("client.casework.claim.issue")).click()
    download_link = counsellor.get_by_role("link", name=t("client.casework.claim.download"))
    await expect(download_link).to_be_visible()
    await _screen(counsellor, de, "claim-letter")
    async with counsellor.expect_download() as waiting:
        await download_link.click()
    download = await waiting.value
    path = await download.path()
    assert path is not None
    code = steps.claim_code(path.read_bytes())

    # the newcomer claims it in Arabic with the letter's QR address (/claim#CODE)
    newcomer = await new_page(ar)
    await newcomer.add_init_script("localStorage.setItem('mobio.language', 'ar')")
    await newcomer.goto(f"/claim#{code}")
    await expect(steps.heading(newcomer, ar, "client.claim.title")).to_be_visible()
    await expect(steps.label(newcomer, ar, "client.claim.code")).to_have_value(code)
    email = f"claimed-{uuid.uuid4().hex[:10]}@example.org"
    password = "ein-langes-Passwort-2026"
    await steps.label(newcomer, ar, "client.claim.date_of_birth").fill("1991-04-12")
    await newcomer.locator("#consent").check()
    await steps.label(newcomer, ar, "client.field.email").fill(email)
    await steps.label(newcomer, ar, "client.field.password").fill(password)
    await steps.label(newcomer, ar, "client.register.password_repeat").fill(password)
    await _screen(newcomer, ar, "claim")
    await newcomer.get_by_role("button", name=translate(ar, "client.claim.submit")).click()
    await expect(steps.heading(newcomer, ar, "client.sent.title")).to_be_visible()
    link = await server.mailed_link(email, "/activate")
    await newcomer.goto(link)
    await newcomer.get_by_role("button", name=translate(ar, "page.activate.button")).click()
    await expect(newcomer.locator("main")).to_contain_text(translate(ar, "page.activate.done"))
    await login(newcomer, ar, email, password)

    # a case note, with the hint that the newcomer reads it in their export
    await counsellor.get_by_role(
        "link", name=t("client.casework.profile.open", name="Amina Hadad")
    ).click()
    await expect(counsellor.get_by_role("heading", level=1, name="Amina Hadad")).to_be_visible()
    person_url = counsellor.url
    await steps.open_tab(counsellor, de, "client.person.tab_notes", "client.casework.notes.title")
    await expect(counsellor.get_by_text(t("client.casework.notes.export_hint"))).to_be_visible()
    await steps.label(counsellor, de, "client.casework.notes.body").fill(
        "Erstgespräch geführt; Sprachkurs A2 gewünscht."
    )
    await steps.label(counsellor, de, "client.casework.notes.moves_with_case").check()
    await counsellor.get_by_role("button", name=t("client.casework.notes.save")).click()
    note = counsellor.locator(".case-note")
    await expect(note).to_have_count(1)
    await expect(note).to_contain_text("Sprachkurs A2 gewünscht")
    await expect(note).to_contain_text(t("client.casework.notes.moves_flag"))
    await _screen(counsellor, de, "case-notes")

    # a hand-over offer, to which the newcomer objects on their home screen
    await steps.open_tab(
        counsellor, de, "client.person.tab_hand_over", "client.casework.handover.title"
    )
    await steps.offer_hand_over(counsellor, de)
    await expect(steps.hand_overs(counsellor)).to_contain_text(
        t("client.casework.handover.state.offered")
    )
    await _screen(counsellor, de, "hand-over")

    await newcomer.reload()
    notice = newcomer.get_by_role(
        "heading", level=2, name=translate(ar, "client.casework.handover.notice_title")
    )
    await expect(notice).to_be_visible()
    await _screen(newcomer, ar, "hand-over-notice")
    await newcomer.get_by_role(
        "button", name=translate(ar, "client.casework.handover.object")
    ).click()
    await steps.confirm_dialog(
        newcomer, "client.casework.handover.object_title", ar, "client.casework.handover.object"
    )
    await expect(newcomer.locator(".notice-success")).to_have_text(
        translate(ar, "client.casework.handover.objected")
    )
    await expect(notice).to_have_count(0)

    # offered again after the objection; the integration manager accepts
    await counsellor.goto(person_url)
    await steps.open_tab(
        counsellor, de, "client.person.tab_hand_over", "client.casework.handover.title"
    )
    await expect(steps.hand_overs(counsellor).first).to_contain_text(
        t("client.casework.handover.state.objected")
    )
    await steps.offer_hand_over(counsellor, de)

    manager = await new_page(de)
    await login_caseworker(manager, de, steps.MANAGER)
    await steps.open_from_navigation(
        manager, de, "client.nav.hand_over_offers", "client.casework.offers.title"
    )
    offer = manager.locator(".hand-over-offer").filter(has_text="Amina Hadad")
    await expect(offer).to_have_count(1)
    await expect(offer).to_contain_text(t("client.casework.handover.state.offered"))
    await _screen(manager, de, "hand-over-offers")
    await offer.get_by_role("button", name=re.compile(t("client.casework.offers.accept"))).click()
    await expect(manager.locator(".notice-success")).to_have_text(
        t("client.casework.offers.accepted", name="Amina Hadad")
    )

    await counsellor.reload()
    accepted = steps.hand_overs(counsellor).filter(
        has_text=t("client.casework.handover.state.accepted")
    )
    await expect(accepted).to_have_count(1)
    await expect(accepted).to_contain_text(steps.RECEIVING_TEAM)


async def test_a_goal_is_agreed_and_confirmed_in_arabic(new_page: NewPage) -> None:
    de, ar = "de", "ar"
    counsellor = await new_page(de)

    def t(message_id: str, **params: object) -> str:
        return translate(de, message_id, **params)

    # given: the counsellor agrees a goal with Amina Haddad
    await login_caseworker(counsellor, de)
    await counsellor.goto("/caseload?q=Haddad")
    await counsellor.locator(".caseload-list").get_by_role("link", name="Amina Haddad").click()
    await steps.open_tab(counsellor, de, "client.person.tab_goals", "client.casework.goals.title")
    goal_text = f"Deutschkurs B1 abschließen ({uuid.uuid4().hex[:6]})"
    await steps.label(counsellor, de, "client.casework.goals.area").select_option("LANGUAGE")
    await steps.label(counsellor, de, "client.casework.goals.goal").fill(goal_text)
    await counsellor.locator("#new-goal-step-0-description").fill("Anmeldung beim Kursträger")
    await counsellor.locator("#new-goal-step-0-responsible").select_option("NEWCOMER")
    await counsellor.get_by_role("button", name=t("client.casework.goals.create")).click()
    card = counsellor.locator(".goal-card").filter(has_text=goal_text)
    await expect(card).to_contain_text(t("client.casework.goals.confirm_needed"))
    await _screen(counsellor, de, "goals")

    # when: Amina reads it in Arabic and confirms it
    amina = await new_page(ar)
    await login(amina, ar, AMINA, DEMO_PASSWORD)
    await steps.open_from_navigation(
        amina, ar, "client.nav.goals", "client.casework.goals.my_title"
    )
    mine = amina.locator(".goal-card").filter(has_text=goal_text)
    await expect(mine).to_contain_text(translate(ar, "client.casework.goals.area.language"))
    await _screen(amina, ar, "my-goals")
    await mine.get_by_role(
        "button", name=re.compile(translate(ar, "client.casework.goals.confirm"))
    ).click()
    await expect(amina.locator(".notice-success")).to_have_text(
        translate(ar, "client.casework.goals.confirmed")
    )
    await expect(mine.get_by_role("button")).to_have_count(0)

    # then: the team sees it confirmed; a change asks for a new confirmation
    await counsellor.reload()
    await expect(card).not_to_contain_text(t("client.casework.goals.confirm_needed"))
    await card.get_by_role("button", name=re.compile(t("client.casework.goals.edit"))).click()
    await counsellor.locator("[id$='-status']").first.select_option("IN_PROGRESS")
    await counsellor.get_by_role("button", name=t("client.casework.goals.update")).click()
    await expect(card).to_contain_text(t("client.casework.goals.reconfirm_needed"))
    await amina.reload()
    await expect(
        mine.get_by_role("button", name=re.compile(translate(ar, "client.casework.goals.confirm")))
    ).to_be_visible()


async def test_a_corrected_date_of_birth_is_approved(
    new_page: NewPage, server: MobioServer
) -> None:
    de = "de"
    family = f"Korrektur{uuid.uuid4().hex[:4]}"
    made = await server.seed("correctable_newcomer", caseworker=COUNSELLOR, family_name=family)

    def t(message_id: str, **params: object) -> str:
        return translate(de, message_id, **params)

    # given: the newcomer asks to correct their locked date of birth, with evidence
    newcomer = await new_page(de)
    await login(newcomer, de, made["email"], made["password"])
    await steps.open_from_navigation(
        newcomer, de, "client.nav.corrections", "client.casework.corrections.my_title"
    )
    question = steps.label(newcomer, de, "client.casework.corrections.question")
    await question.select_option("date_of_birth")
    await steps.label(newcomer, de, "client.casework.corrections.proposed").fill("1990-03-20")
    await steps.label(newcomer, de, "client.casework.corrections.reason").fill(
        "Im Ausweis steht der 20. März."
    )
    await steps.label(newcomer, de, "client.casework.corrections.evidence").set_input_files(
        {"name": "pass.pdf", "mimeType": "application/pdf", "buffer": steps.pdf_bytes()}
    )
    await newcomer.get_by_role("button", name=t("client.casework.corrections.send")).click()
    await expect(newcomer.locator(".notice-success")).to_have_text(
        t("client.casework.corrections.requested")
    )
    await _screen(newcomer, de, "my-corrections")

    # when: the counsellor approves it
    counsellor = await new_page(de)
    await login_caseworker(counsellor, de)
    await counsellor.goto(f"/caseload?q={family}")
    await counsellor.locator(".caseload-list").get_by_role("link", name=made["name"]).click()
    await steps.open_tab(
        counsellor, de, "client.person.tab_corrections", "client.casework.corrections.title"
    )
    request = counsellor.locator(".correction")
    await expect(request).to_have_count(1)
    await expect(request).to_contain_text(t("client.casework.corrections.state.open"))
    await _screen(counsellor, de, "corrections")
    await request.get_by_role("button", name=t("client.casework.corrections.approve")).click()
    await expect(counsellor.locator(".notice-success")).to_have_text(
        t("client.casework.corrections.approved")
    )

    # then: both values stay readable with the decision, for both sides
    await expect(request).to_contain_text(t("client.casework.corrections.state.approved"))
    await newcomer.reload()
    mine = newcomer.locator(".correction")
    await expect(mine).to_contain_text(t("client.casework.corrections.state.approved"))

    # and the answer's log shows the request and the approval with both values
    await newcomer.goto("/biography/personal")
    dialog = await steps_biography.open_history(newcomer, de, Section.PERSONAL, "date_of_birth")
    await expect(dialog).to_contain_text(t("client.biography.history_event_requested"))
    await expect(dialog).to_contain_text(t("client.biography.history_event_approved"))
    await expect(dialog).to_contain_text(t("client.biography.history_previous"))
    await expect(dialog).to_contain_text("Im Ausweis steht der 20. März.")
    await _screen(newcomer, de, "answer-log-correction")
