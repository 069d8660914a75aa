"""The analyst's evaluation screen in a real browser on a phone: persons by municipality and age
band for a closed quarter with a seeded district (numbers, bars, hidden cells with the legend,
totals from the server's margins), a combination that is not published refused in German, a
filter without categories named beside it, report links; the same table in Arabic (right to
left); accessible and as wide as the phone. Newcomers find no evaluation."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from mobio.i18n import translate
from tests.support.browser import MobioServer
from tests.web_client.conftest import NewPage
from tests.web_client.steps_admin import NEWCOMER, log_in_as
from tests.web_client.steps_evaluation import (
    api_table,
    choose_table,
    log_in_as_analyst,
    shown,
    wait_for_table,
)
from tests.web_client.steps_releases import check_screen, heading, texts

pytestmark = pytest.mark.usefixtures("client_dist")

PERIOD = "2025-Q3"  # closed, and no other test asks for it: the seeds below are all it holds
BIG, SMALL = "Aheim", "Zwergdorf"
_seeded: list[bool] = []


async def seed_district(server: MobioServer) -> None:
    """A municipality with many arrivals in the quarter and one with six (all of whose age
    bands are hidden); once per server, before anyone asks for the quarter."""
    if _seeded:
        return
    await server.seed(
        "evaluation_population", count=240, seed=7, arrived="2025-08-01", municipalities=[BIG]
    )
    await server.seed(
        "evaluation_population", count=6, seed=8, arrived="2025-08-01", municipalities=[SMALL]
    )
    _seeded.append(True)


async def test_the_analyst_counts_persons_by_municipality_and_age_band(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "de"
    t = texts(language)
    await seed_district(server)
    page = await new_page(language)
    await log_in_as_analyst(page, language)
    await check_screen(page, language, "evaluation")

    await choose_table(page, PERIOD, "MUNICIPALITY", "AGE_BAND")
    table = await wait_for_table(page, language)
    expected = await api_table(server, PERIOD, ["MUNICIPALITY", "AGE_BAND"])
    margin = await api_table(server, PERIOD, ["MUNICIPALITY"])
    k = expected["minimumCell"]
    await expect(page.locator(".evaluation-legend")).to_have_text(
        "• " + t("client.evaluation.legend", k=k)
    )
    # each municipality's row: its counts and hidden cells as the server sent them, then the
    # server's total of the municipality (never a sum made in the browser)
    for name in (BIG, SMALL):
        cells = [c for c in expected["cells"] if c["categories"][0]["label"] == name]
        [total] = [c for c in margin["cells"] if c["categories"][0]["label"] == name]
        row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=name))
        await expect(row.locator("td")).to_have_text([shown(c, language) for c in [*cells, total]])
    # the small municipality is hidden in every age band; the large one has numbers and bars
    small_row = table.locator("tbody tr").filter(has=page.get_by_role("rowheader", name=SMALL))
    bands = len([c for c in expected["cells"] if c["categories"][0]["label"] == SMALL])
    await expect(small_row.locator("td.count-hidden")).to_have_count(bands)
    published = [c for c in expected["cells"] if not c["suppressed"]]
    assert published and len(published) < len(expected["cells"])
    await expect(table.locator("tbody .count-bar")).to_have_count(len(published))
    # (the last column holds the totals)
    await expect(table.locator("tbody td.count-hidden:not(:last-child)")).to_have_count(
        len(expected["cells"]) - len(published)
    )
    # the statutory report of the quarter, in German first
    report = page.get_by_role(
        "link", name=t("client.evaluation.reports.file", format="CSV", name="Deutsch")
    )
    await expect(report).to_have_attribute("href", f"/evaluation/reports/{PERIOD}.csv?lang=de")
    await check_screen(page, language, "evaluation-table")

    # a combination the protected set does not publish: the server's reason, translated
    await choose_table(page, PERIOD, "SEX", "GERMAN_LEVEL")
    await expect(page.get_by_role("alert")).to_have_text(
        translate(language, "error.evaluation_table_not_published")
    )
    await expect(page.locator("table.evaluation-table")).to_have_count(0)
    await check_screen(page, language, "evaluation-refused")

    # a filter needs at least one category: said beside it, nothing asked
    await page.locator("#evaluation-filter-by").select_option("SEX")
    await page.get_by_role("button", name=t("client.evaluation.filter_add")).click()
    await choose_table(page, PERIOD, "MUNICIPALITY")
    sex = page.locator(".evaluation-filter legend").first
    message = t("client.evaluation.filter_empty", dimension=await sex.inner_text())
    await expect(page.locator(".evaluation-filter .error-message")).to_have_text(message)
    await expect(page.locator(".error-summary")).to_be_focused()


async def test_the_table_in_arabic_reads_right_to_left(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "ar"
    await seed_district(server)
    page = await new_page(language)
    await log_in_as_analyst(page, language)
    await choose_table(page, PERIOD, "MUNICIPALITY", "AGE_BAND")
    await wait_for_table(page, language)
    await expect(page.locator("tbody td.count-hidden").first).to_be_visible()
    await check_screen(page, language, "evaluation-table")


async def test_newcomers_find_no_evaluation(new_page: NewPage) -> None:
    language = "de"
    page = await new_page(language)
    await log_in_as(page, language, NEWCOMER, None)
    await page.goto("/analysis")
    await expect(heading(page, language, "client.not_found.title")).to_be_visible()
