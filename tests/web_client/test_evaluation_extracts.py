"""Research extracts in a real browser on a phone: the demo analyst asks for one (a missing
purpose is named beside its field, translated), the administrator approves it, the analyst
downloads the ready file from the register; the demo newcomer Amina, who agreed to research,
finds the extract that held her pseudonymised data, in Arabic (right to left). Accessible and
as wide as the phone throughout. An administrator rejects another one, with its reason."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from mobio.demo import DEMO_PASSWORD
from tests.support.browser import MobioServer
from tests.support.graphql import GraphQLClient
from tests.web_client.conftest import NewPage
from tests.web_client.steps_admin import NEWCOMER, log_in_as, log_in_as_admin
from tests.web_client.steps_evaluation import ANALYST, log_in_as_analyst
from tests.web_client.steps_releases import check_screen, heading, open_screen, texts

pytestmark = pytest.mark.usefixtures("client_dist")

PERIOD = "2025-Q4"  # Amina arrived in the demo's autumn 2025
PURPOSE = "Begleitstudie Sprachkurse"


async def test_an_extract_is_requested_approved_downloaded_and_shown_to_its_persons(
    new_page: NewPage,
) -> None:
    language = "de"
    t = texts(language)
    analyst = await new_page(language)
    await log_in_as_analyst(analyst, language)
    await open_screen(analyst, language, "client.nav.extracts", "client.research.analyst.title")

    # without a purpose nothing is asked: said beside the field
    request = analyst.get_by_role("button", name=t("client.research.request"), exact=True)
    await request.click()
    purpose = t("client.error.required", field=t("client.research.purpose"))
    await expect(analyst.locator("#extract-purpose-error")).to_have_text(purpose)
    await check_screen(analyst, language, "extracts-error")

    await analyst.get_by_label(t("client.research.purpose"), exact=True).fill(PURPOSE)
    await analyst.get_by_label(t("client.research.recipient"), exact=True).fill("Universität")
    await analyst.locator("#extract-period").select_option(PERIOD)
    await analyst.get_by_label("Geschlecht", exact=True).check()
    await request.click()
    status = analyst.get_by_role("status").filter(has_text=re.compile(r"\d"))
    await expect(status).to_be_visible()
    number = re.search(r"\d+", await status.inner_text())
    assert number is not None
    title = t("client.research.extract.number", number=number.group())
    card = analyst.locator("li.extract-card").filter(has_text=title)
    await expect(card).to_contain_text(t("client.research.state.requested"))

    # the administrator approves it
    admin = await new_page(language)
    await log_in_as_admin(admin, language)
    await open_screen(admin, language, "client.nav.admin_extracts", "client.research.admin.title")
    approve = t("client.research.admin.approve", number=number.group())
    await check_screen(admin, language, "admin-extracts")
    await admin.get_by_role("button", name=approve).click()
    await expect(admin.get_by_role("status")).to_have_text(
        t("client.research.admin.approved", number=number.group())
    )

    # the analyst's register, opened again, shows it ready (asking again while it is being
    # written), with the download
    await analyst.reload()
    await expect(card).to_contain_text(t("client.research.state.ready"), timeout=60_000)
    link = card.get_by_role("link", name=t("client.research.download"))
    await expect(link).to_have_attribute("href", re.compile(r"^/research/extracts/"))
    await check_screen(analyst, language, "extracts-ready")
    async with analyst.expect_download() as started:
        await link.click()
    assert (await started.value).suggested_filename

    # Amina, who agreed to research, finds it among the extracts that used her data
    arabic = "ar"
    newcomer = await new_page(arabic)
    await log_in_as(newcomer, arabic, NEWCOMER, None)
    await open_screen(newcomer, arabic, "client.nav.account", "client.account.title")
    await newcomer.get_by_role("link", name=texts(arabic)("client.research.open")).click()
    await expect(heading(newcomer, arabic, "client.research.title")).to_be_visible()
    used = texts(arabic)("client.research.used_in", number=number.group())
    await expect(newcomer.locator("li.card").filter(has_text=used)).to_contain_text(PURPOSE)
    await check_screen(newcomer, arabic, "research")


REQUEST = (
    """mutation($r: ResearchExtractInput!) { requestResearchExtract(request: $r) { number } }"""
)


async def test_the_administrator_rejects_an_extract_with_a_reason(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "en"
    t = texts(language)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        api = GraphQLClient(http)
        await api.login(ANALYST, DEMO_PASSWORD)
        asked = {"purpose": "Cohort study", "recipient": "Somebody", "period": PERIOD}
        made = await api.data(REQUEST, {"r": {**asked, "variables": ["age_band"]}})
    number = str(made["requestResearchExtract"]["number"])
    admin = await new_page(language)
    await log_in_as_admin(admin, language)
    await open_screen(admin, language, "client.nav.admin_extracts", "client.research.admin.title")
    reject = admin.get_by_role("button", name=t("client.research.admin.reject", number=number))
    # a rejection needs its reason, said beside the field
    await reject.click()
    required = t("client.error.required", field=t("client.research.admin.reason"))
    await expect(admin.locator(f"#extract-reason-{number}-error")).to_have_text(required)
    await admin.locator(f"#extract-reason-{number}").fill("No legal basis given.")
    await reject.click()
    await expect(admin.get_by_role("status")).to_have_text(
        t("client.research.admin.rejected", number=number)
    )
    card = admin.locator("li.extract-card").filter(
        has_text=t("client.research.extract.number", number=number)
    )
    await expect(card).to_contain_text(t("client.research.state.rejected"))
    await expect(card).to_contain_text("No legal basis given.")
    await check_screen(admin, language, "admin-extracts-rejected")
