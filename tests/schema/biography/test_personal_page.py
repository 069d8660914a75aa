"""The client learns which personal-page answers are locked for the owner."""

from __future__ import annotations

from tests.support import factories
from tests.support.graphql import GraphQLClient

SAVE = """mutation($p: ID!, $v: Int!, $i: NewcomerSectionInput!) {
  saveNewcomerSection(personId: $p, expectedVersion: $v, input: $i)
}"""
LOCKED = """query($p: ID!) { person(personId: $p) { biography { own { personal {
  lockedForOwner familyName { text } } } } } }"""


async def test_answers_the_owner_entered_are_listed_as_locked(client: GraphQLClient) -> None:
    # given a newcomer with an empty personal page
    newcomer = await factories.newcomer_with_empty_page()
    await client.login(newcomer.email, factories.PASSWORD)
    variables = {"p": str(newcomer.person_id)}
    before = await client.data(LOCKED, variables)
    # when they enter their family name
    await client.data(SAVE, {**variables, "v": 0, "i": {"personal": {"familyName": "Haddad"}}})
    # then it is listed as locked (and only it), and changing it again is refused
    after = await client.data(LOCKED, variables)
    assert before["person"]["biography"]["own"]["personal"]["lockedForOwner"] == []
    assert after["person"]["biography"]["own"]["personal"]["lockedForOwner"] == ["family_name"]
    code = await client.error_code(
        SAVE, {**variables, "v": 1, "i": {"personal": {"familyName": "Hadad"}}}
    )
    assert code == "PERSONAL_PAGE_LOCKED"
