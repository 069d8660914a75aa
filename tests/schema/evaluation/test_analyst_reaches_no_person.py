"""An analyst asking for persons, answers, documents or logs gets nothing (issue 11, part 8)."""

from __future__ import annotations

import pytest

from mobio.accounts.tables import AccountKind
from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.graphql import GraphQLClient

ASKS = {
    "person": "query($p: ID!) { person(personId: $p) { id familyName } }",
    "answers": "query($p: ID!) { person(personId: $p) { biography { __typename } } }",
    "answer log": (
        'query($p: ID!) { person(personId: $p) { answerLog(question: "sex") { changedAt } } }'
    ),
    "documents": "query($p: ID!) { person(personId: $p) { documents { id } } }",
    "access log": "query($p: ID!) { person(personId: $p) { accessLog { accessedAt } } }",
    "goals": "query($p: ID!) { person(personId: $p) { goalAgreements { id } } }",
    "exports": "query($p: ID!) { dataExports(personId: $p) { id } }",
}


@pytest.mark.parametrize("asked", list(ASKS))
async def test_an_analyst_gets_no_person_data(client: GraphQLClient, asked: str) -> None:
    # given a newcomer released to a team (so there is something to find)
    newcomer = await factories.newcomer(family_name="Findme")
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await factories.team_release(newcomer.person_id, worker.team_id)
    email, _ = await factories.staff(AccountKind.ANALYST)
    await client.login(email, factories.PASSWORD)
    # when the analyst asks for it by id
    body = await client.execute(ASKS[asked], {"p": str(newcomer.person_id)})
    # then the answer is refused, and no name or id comes back
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
    assert "Findme" not in str(body) and str(newcomer.person_id) not in str(body.get("data"))
