"""GET /evaluation/reports/{period}.{format}: the report for analysts, and nobody else."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from mobio.accounts.tables import AccountKind
from mobio.evaluation.tables import AnalystMunicipality
from mobio.organisations.tables import Municipality, TeamKind
from tests.evaluation.stored_set import expected_blocks, read_csv, read_ods, read_xlsx, store_set
from tests.support import factories
from tests.support.graphql import GraphQLClient

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _analyst(client: GraphQLClient) -> None:
    email, _ = await factories.staff(AccountKind.ANALYST)
    await client.login(email, factories.PASSWORD)


async def test_an_analyst_downloads_each_format(client: GraphQLClient) -> None:
    # given a stored protected set and a logged-in analyst of the whole district
    await store_set("2025-Q4")
    await _analyst(client)

    # when they download the report in each format
    xlsx = await client.http.get("/evaluation/reports/2025-Q4.xlsx", params={"lang": "de"})
    ods = await client.http.get("/evaluation/reports/2025-Q4.ods", params={"lang": "en"})
    csv = await client.http.get("/evaluation/reports/2025-Q4.csv", params={"lang": "en"})

    # then each is an attachment of its type, with the set's numbers
    assert xlsx.status_code == 200, xlsx.text
    assert xlsx.headers["content-type"] == XLSX
    assert xlsx.headers["content-disposition"].startswith(
        'attachment; filename="mobio-report-2025-Q4-de.xlsx"'
    )
    assert read_xlsx(xlsx.content)[0][4:] == await expected_blocks("2025-Q4", "de")
    assert ods.headers["content-type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert read_ods(ods.content)[0][4:] == await expected_blocks("2025-Q4", "en")
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert read_csv(csv.content)[0][4:] == await expected_blocks("2025-Q4", "en")
    assert "mobio-report-2025-Q4-en.csv" in csv.headers["content-disposition"]


async def test_an_open_period_is_refused_with_the_translated_reason(client: GraphQLClient) -> None:
    await _analyst(client)

    response = await client.http.get("/evaluation/reports/2099-Q1.csv", params={"lang": "en"})
    unknown_format = await client.http.get("/evaluation/reports/2025-Q4.pdf")

    assert response.status_code == 400
    assert (
        response.text == "The period 2099-Q1 has not ended yet. Only closed periods are evaluated."
    )
    assert unknown_format.status_code == 404


async def _newcomer(client: GraphQLClient) -> None:
    person = await factories.newcomer()
    await client.login(person.email, factories.PASSWORD)


async def _caseworker(client: GraphQLClient) -> None:
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await client.login(worker.email, factories.PASSWORD)


async def _administrator(client: GraphQLClient) -> None:
    email, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    await client.login(email, factories.PASSWORD)


async def _anonymous(client: GraphQLClient) -> None:
    return None


@pytest.mark.parametrize("login", [_newcomer, _caseworker, _administrator, _anonymous])
async def test_everyone_but_analysts_gets_not_found(
    client: GraphQLClient, login: Callable[[GraphQLClient], Awaitable[None]]
) -> None:
    # given a stored set and a caller who is not an analyst
    await store_set("2025-Q4")
    await login(client)

    # when they ask for the report
    response = await client.http.get("/evaluation/reports/2025-Q4.xlsx")

    # then they get the same 404 as for something that does not exist, and no report
    assert response.status_code == 404
    assert "Bericht" not in response.text


async def test_a_scoped_analyst_gets_only_their_municipalities(client: GraphQLClient) -> None:
    # given an analyst limited to Bstadt
    await store_set("2025-Q4")
    email, account_id = await factories.staff(AccountKind.ANALYST)
    place = await Municipality.objects().get(Municipality.name == "Bstadt")
    assert place is not None
    await AnalystMunicipality(account=account_id, municipality=place.id).save()
    await client.login(email, factories.PASSWORD)

    # when they download the report
    response = await client.http.get("/evaluation/reports/2025-Q4.csv", params={"lang": "en"})

    # then it is Bstadt's report, without the tables that cannot be narrowed
    tables, notes = read_csv(response.content)
    scope = frozenset({"Bstadt"})
    assert ["Only the municipalities: Bstadt"] in tables
    assert tables[5:] == await expected_blocks("2025-Q4", "en", scope)
    assert not any(row[0] == "Aheim" for row in tables)
    assert any(str(row[0]).startswith("Left out because") for row in notes)
