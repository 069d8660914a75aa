from __future__ import annotations

from tests.support import factories
from tests.support.graphql import GraphQLClient


async def test_me_as_newcomer(client: GraphQLClient) -> None:
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    data = await client.data("{ me { email kind person { familyName } } }")
    assert data["me"]["email"] == newcomer.email
    assert data["me"]["person"]["familyName"] == "Haddad"
