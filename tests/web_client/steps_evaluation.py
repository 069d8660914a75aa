"""Steps of the analyst's evaluation screen, for the browser tests.

The analyst logs in, chooses a table by its codes (the selects' values, the same in every
language) and waits for it: the first table of a period computes its protected set, which
takes seconds.
"""

from __future__ import annotations

from typing import Any

import httpx
from playwright.async_api import Locator, Page, expect

from mobio.demo import DEMO_DOMAIN, DEMO_PASSWORD
from mobio.i18n import translate
from tests.support.browser import MobioServer
from tests.support.graphql import GraphQLClient
from tests.web_client.steps_admin import log_in_as

ANALYST = f"analyst@{DEMO_DOMAIN}"
FIRST_TABLE = 90_000  # ms: the period's protected set is computed on the first question
TABLE = """query($p: String!, $d: [EvaluationDimension!]!) {
  evaluationTable(period: $p, measure: PERSONS, dimensions: $d) {
    minimumCell cells { categories { code label } value suppressed }
  }
}"""


async def log_in_as_analyst(page: Page, language: str) -> None:
    """The analyst lands on the evaluation screen."""
    await log_in_as(page, language, ANALYST, "client.evaluation.title")


async def choose_table(
    page: Page, period: str, rows: str, columns: str = "", measure: str = "PERSONS"
) -> None:
    """Chooses the table by codes and asks for it (without waiting for the answer)."""
    await page.locator("#evaluation-period").select_option(period)
    await page.locator("#evaluation-measure").select_option(measure)
    await page.locator("#evaluation-rows").select_option(rows)
    await page.locator("#evaluation-columns").select_option(columns)
    await page.locator("form button[type=submit]").click()


def result_table(page: Page) -> Locator:
    return page.locator("table.evaluation-table")


async def wait_for_table(page: Page, language: str) -> Locator:
    table = result_table(page)
    await expect(table).to_be_visible(timeout=FIRST_TABLE)
    await expect(page.locator(".evaluation-legend")).to_contain_text(
        translate(language, "client.evaluation.hidden")
    )
    return table


async def api_table(server: MobioServer, period: str, dimensions: list[str]) -> dict[str, Any]:
    """The same table as the analyst gets it from the API."""
    async with httpx.AsyncClient(base_url=server.base_url, timeout=120) as http:
        api = GraphQLClient(http)
        await api.login(ANALYST, DEMO_PASSWORD)
        answer = await api.data(TABLE, {"p": period, "d": dimensions})
    table: dict[str, Any] = answer["evaluationTable"]
    return table


def shown(cell: dict[str, Any], language: str) -> str:
    """A cell's text as the screen shows it: its number, or the marker and its spoken name."""
    if cell["suppressed"]:
        return "•" + translate(language, "client.evaluation.hidden")
    return str(cell["value"])
