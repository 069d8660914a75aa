"""Evaluation through GraphQL: analysts only, answers from the protected set, few statements."""

from __future__ import annotations

import pytest

from mobio.accounts.tables import AccountKind
from mobio.evaluation.dimensions import Dimension, category_label
from mobio.i18n import translate
from mobio.organisations.tables import Municipality, TeamKind
from tests.evaluation.population import add_population
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

TABLE = """
query($p: String!, $d: [EvaluationDimension!]!, $f: [EvaluationFilter!]) {
  evaluationTable(period: $p, measure: PERSONS, dimensions: $d, filters: $f) {
    period { code year quarter } measureLabel minimumCell
    dimensions { dimension label }
    cells { categories { dimension code label } value suppressed }
  }
}"""
ASKED = {"p": "2025-Q4", "d": ["MUNICIPALITY", "AGE_BAND"], "f": None}


async def _analyst(client: GraphQLClient) -> str:
    email, _ = await factories.staff(AccountKind.ANALYST)
    await client.login(email, factories.PASSWORD)
    return email


async def test_an_analyst_counts_persons_by_municipality_and_age_band(
    client: GraphQLClient,
) -> None:
    await add_population(500)
    await _analyst(client)
    table = (await client.data(TABLE, ASKED))["evaluationTable"]
    assert table["minimumCell"] == 5 and table["period"] == {
        "code": "2025-Q4",
        "year": 2025,
        "quarter": 4,
    }
    cells = table["cells"]
    assert len(cells) == 3 * 7  # Aheim, Bstadt, unassigned x seven age bands
    assert any(c["suppressed"] for c in cells) and any(not c["suppressed"] for c in cells)
    for cell in cells:
        assert (cell["value"] is None) == cell["suppressed"]
        assert cell["value"] is None or cell["value"] >= 5
    labels = {c["categories"][1]["code"]: c["categories"][1]["label"] for c in cells}
    assert labels["unknown"] and labels["18_24"]


async def test_labels_come_from_the_catalogues(client: GraphQLClient) -> None:
    await add_population(50)
    await _analyst(client)
    table = await client.data(TABLE, {"p": "2025-Q4", "d": ["SEX"], "f": None})
    for cell in table["evaluationTable"]["cells"]:
        category = cell["categories"][0]
        assert category["label"] in {
            category_label(Dimension.SEX, category["code"], language) for language in ("de", "en")
        }


async def test_an_answer_costs_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_population(200)
    await _analyst(client)
    await client.data(TABLE, ASKED)  # computes the set once
    for asked in (ASKED, {**ASKED, "d": ["NATIONALITY_GROUP"]}):
        with count_queries(monkeypatch) as queries:
            await client.data(TABLE, asked)
        # the session, the analyst's scope, the set, the table's cells
        assert queries.count == 4, queries.statements


async def test_a_scoped_analyst_sees_only_their_municipalities(client: GraphQLClient) -> None:
    await add_population(400)
    email, account_id = await factories.staff(AccountKind.ANALYST)
    aheim = await Municipality.select(Municipality.id).where(Municipality.name == "Aheim").first()
    admin, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    await client.login(admin, factories.PASSWORD)
    await client.data(
        "mutation($a: ID!, $m: [ID!]!) "
        "{ setAnalystMunicipalities(accountId: $a, municipalityIds: $m) }",
        {"a": str(account_id), "m": [str(aheim["id"])]},
    )
    client.forget_cookies()
    await client.login(email, factories.PASSWORD)
    table = (await client.data(TABLE, ASKED))["evaluationTable"]
    assert {c["categories"][0]["code"] for c in table["cells"]} == {"Aheim"}
    outside = {**ASKED, "f": [{"dimension": "MUNICIPALITY", "codes": ["Bstadt"]}]}
    assert await client.error_code(TABLE, outside) == "BAD_INPUT"
    # a table without municipalities is answered for Aheim alone (summed over its cells)
    by_sex = await client.data(TABLE, {**ASKED, "d": ["SEX"]})
    assert len(by_sex["evaluationTable"]["cells"]) == 4


async def test_a_bad_question_gets_a_translated_error_and_nothing_else(
    client: GraphQLClient,
) -> None:
    await add_population(20)
    await _analyst(client)
    body = await client.execute(
        TABLE,
        {"p": "2025-Q4", "d": ["AGE_BAND", "LITERACY"], "f": None},
        headers={"accept-language": "de"},
    )
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    expected = translate("de", "error.evaluation_table_not_published")
    assert body["data"] is None and body["errors"][0]["message"] == expected


@pytest.mark.parametrize("kind", ["newcomer", "caseworker", "administrator", "anonymous"])
async def test_only_analysts_read_evaluations(client: GraphQLClient, kind: str) -> None:
    await add_population(20)
    if kind == "newcomer":
        await client.login((await factories.newcomer()).email, factories.PASSWORD)
    elif kind == "caseworker":
        worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
        await client.login(worker.email, factories.PASSWORD)
    elif kind == "administrator":
        await client.login(
            (await factories.staff(AccountKind.ADMINISTRATOR))[0], factories.PASSWORD
        )
    code = await client.error_code(TABLE, ASKED)
    assert code == ("UNAUTHENTICATED" if kind == "anonymous" else "FORBIDDEN")
