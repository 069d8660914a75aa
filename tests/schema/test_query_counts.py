"""SQL statements per screen, pinned: a change in these numbers shows in review."""

from __future__ import annotations

import pytest

from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

ME_SCREEN = "{ me { email language kind person { id familyName givenName dateOfBirth } } }"
CASELOAD_SCREEN = "query($n: Int!) { persons(first: $n) { items { id familyName } nextCursor } }"

# Statements per screen. Session lookup (1) and the owner's person id (1) come first.
ME_SCREEN_STATEMENTS = 4  # session, person id, account, person
CASELOAD_STATEMENTS = 4  # session, team ids, the page, the grants of the page


async def test_me_screen_statements(client: GraphQLClient, monkeypatch: pytest.MonkeyPatch) -> None:
    # given a logged-in newcomer
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    # when loading the home screen
    with count_queries(monkeypatch) as queries:
        data = await client.data(ME_SCREEN)
    # then it takes the pinned number of statements
    assert data["me"]["person"]["familyName"] == "Haddad"
    assert queries.count == ME_SCREEN_STATEMENTS, queries.statements


@pytest.mark.parametrize("persons", [10, 50])
async def test_caseload_page_statements_do_not_grow_with_the_page(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, persons: int
) -> None:
    # given a caseworker whose team holds releases from many persons
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    for _ in range(persons):
        newcomer = await factories.newcomer()
        await factories.team_release(newcomer.person_id, worker.team_id)
    await client.login(worker.email, factories.PASSWORD)
    # when loading one page of the caseload
    with count_queries(monkeypatch) as queries:
        data = await client.data(CASELOAD_SCREEN, {"n": persons})
    # then every person is there, for the same number of statements as any page size
    assert len(data["persons"]["items"]) == persons
    assert all(item["familyName"] == "Haddad" for item in data["persons"]["items"])
    assert queries.count == CASELOAD_STATEMENTS + 1, queries.statements  # +1: access log


async def test_caseload_pages_follow_the_cursor(client: GraphQLClient) -> None:
    # given a caseworker with five released persons
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    expected = set()
    for _ in range(5):
        newcomer = await factories.newcomer()
        await factories.team_release(newcomer.person_id, worker.team_id)
        expected.add(str(newcomer.person_id))
    await client.login(worker.email, factories.PASSWORD)
    # when paging two at a time
    seen: list[str] = []
    cursor = None
    while True:
        page = (
            await client.data(
                "query($a: ID) { persons(first: 2, after: $a) { items { id } nextCursor } }",
                {"a": cursor},
            )
        )["persons"]
        seen.extend(item["id"] for item in page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            break
    # then every person comes exactly once, in id order
    assert sorted(seen) == seen
    assert set(seen) == expected and len(seen) == 5
