"""The administrator's screens in a real browser on a phone: in German, a municipality, a team
there, a caseworker account that joins the team, a new version of a declaration and a form
published and withdrawn; a screen in Arabic (right to left); and no administration for a
newcomer or a caseworker, whose admin requests the server refuses."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from mobio.demo import DEMO_PASSWORD
from mobio.i18n import translate
from tests.support.browser import MobioServer, navigation
from tests.support.graphql import GraphQLClient
from tests.web_client.conftest import NewPage
from tests.web_client.steps_admin import (
    ADMIN,
    CASEWORKER,
    NEWCOMER,
    add_member,
    create_caseworker,
    create_municipality,
    create_team,
    log_in_as,
    log_in_as_admin,
    publish_and_withdraw_form,
    publish_declaration,
)
from tests.web_client.steps_releases import check_screen, heading, texts

pytestmark = pytest.mark.usefixtures("client_dist")

ADMIN_NAVIGATION = (
    "client.nav.admin_municipalities",
    "client.nav.admin_teams",
    "client.nav.admin_accounts",
    "client.nav.admin_declarations",
    "client.nav.admin_forms",
)
STAFF = "{ staffAccounts { email teamIds } }"
REMOVE = "mutation($t: ID!, $a: ID!) { removeTeamMember(teamId: $t, accountId: $a) }"
WORKER = "neu.fachkraft@example.org"
WORKER_PASSWORD = "ein-langes-passwort"
MUNICIPALITY = 'mutation { createMunicipality(name: "Hirschberg") }'


async def test_an_administrator_sets_up_a_team_and_publishes_texts(
    new_page: NewPage, server: MobioServer
) -> None:
    language = "de"
    page = await new_page(language)
    await log_in_as_admin(page, language)
    await check_screen(page, language, "admin-home")
    # the administration's navigation, and none of the newcomer's
    nav = await navigation(page, language)
    for label in ADMIN_NAVIGATION:
        await expect(nav.get_by_role("link", name=translate(language, label))).to_be_visible()
    await expect(
        nav.get_by_role("link", name=translate(language, "client.nav.biography"))
    ).to_have_count(0)

    await create_municipality(page, language, "Ladenburg", check=True)
    await create_team(
        page, language, "Integrationsmanagement Ladenburg", "Ladenburg", "Caritas", check=True
    )
    await create_caseworker(page, language, WORKER, WORKER_PASSWORD)
    await add_member(page, language, "Integrationsmanagement Ladenburg", WORKER)
    await publish_declaration(
        page,
        language,
        "client.admin.consent.kind.team_release",
        "de",
        "Freigabe an ein Team (neu)",
        check=True,
    )
    await publish_and_withdraw_form(page, language, "Antrag auf Anerkennung")

    # the new caseworker logs in and belongs to the team (the API says so, as the admin)
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        api = GraphQLClient(http)
        await api.login(ADMIN, DEMO_PASSWORD)
        staff = {a["email"]: a for a in (await api.data(STAFF))["staffAccounts"]}
        assert len(staff[WORKER]["teamIds"]) == 1
        api.forget_cookies()
        await api.login(WORKER, WORKER_PASSWORD)


async def test_the_team_screen_in_arabic_reads_right_to_left(new_page: NewPage) -> None:
    language = "ar"
    t = texts(language)
    page = await new_page(language)
    await log_in_as_admin(page, language)
    await check_screen(page, language, "admin-home")
    nav = await navigation(page, language)
    await nav.get_by_role("link", name=t("client.nav.admin_teams")).click()
    await expect(heading(page, language, "client.admin.team.title")).to_be_visible()
    await expect(page.locator("li.card").first).to_be_visible()
    # an error in Arabic beside its field, then the screen as a whole
    await page.get_by_role("button", name=t("client.admin.team.create")).click()
    await expect(page.locator("#team-name-error")).to_have_text(
        t("client.error.required", field=t("client.admin.team.name"))
    )
    await check_screen(page, language, "admin-teams")
    nav = await navigation(page, language)  # a new screen folds the menu again
    await nav.get_by_role("link", name=t("client.nav.admin_declarations")).click()
    await expect(heading(page, language, "client.admin.consent.title")).to_be_visible()
    await check_screen(page, language, "admin-declarations")


@pytest.mark.parametrize("email", [NEWCOMER, CASEWORKER], ids=["newcomer", "caseworker"])
async def test_no_administration_for_newcomers_and_caseworkers(
    new_page: NewPage, server: MobioServer, email: str
) -> None:
    language = "de"
    t = texts(language)
    page = await new_page(language)
    await log_in_as(page, language, email, None)  # each has a home of their own
    # no administration in the navigation
    nav = await navigation(page, language)
    await expect(nav.get_by_role("link").first).to_be_visible()
    for label in ADMIN_NAVIGATION:
        await expect(nav.get_by_role("link", name=t(label))).to_have_count(0)
    # an administration address shows "not found"
    await page.goto("/admin/teams")
    await expect(heading(page, language, "client.not_found.title")).to_be_visible()
    # and the server refuses the administration's requests
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        api = GraphQLClient(http)
        await api.login(email, DEMO_PASSWORD)
        assert await api.error_code("{ teams { id } }") == "FORBIDDEN"
        assert await api.error_code(STAFF) == "FORBIDDEN"
        assert await api.error_code(MUNICIPALITY) == "FORBIDDEN"
        nobody = "00000000-0000-0000-0000-000000000000"
        assert await api.error_code(REMOVE, {"t": nobody, "a": nobody}) == "FORBIDDEN"
