"""A save with several invalid answers names each of them, in the reader's language."""

from __future__ import annotations

from mobio.biography.tables import Answer
from tests.support import factories
from tests.support.graphql import GraphQLClient

SAVE = """mutation($p: ID!, $i: NewcomerSectionInput!) {
  saveNewcomerSection(personId: $p, expectedVersion: 0, input: $i)
}"""


async def test_every_invalid_answer_is_named_and_nothing_is_saved(client: GraphQLClient) -> None:
    # given a logged-in newcomer reading German
    owner = await factories.newcomer()
    await client.login(owner.email, factories.PASSWORD)
    answers = {
        "literacy": "not-a-code",
        "germanLevel": "z9",
        "motherTongues": ["ar"],  # valid, but the save is refused as a whole
    }
    # when saving a section with two invalid answers and one valid one
    body = await client.execute(
        SAVE,
        {"p": str(owner.person_id), "i": {"language": answers}},
        headers={"x-mobio-language": "de"},
    )
    # then the error lists both invalid answers with their codes and German messages
    [error] = body["errors"]
    assert error["extensions"]["code"] == "OPTION_UNKNOWN"
    fields = {f["field"]: f for f in error["extensions"]["fields"]}
    assert set(fields) == {"literacy", "german_level"}
    assert all(f["code"] == "OPTION_UNKNOWN" for f in fields.values())
    assert "angebotenen Antworten" in fields["literacy"]["message"]
    assert "literacy" not in fields["literacy"]["message"]  # the question's label, not its code
    # and nothing was stored
    assert await Answer.count() == 0


async def test_a_conflict_tells_the_current_version(client: GraphQLClient) -> None:
    # given a section saved once (version 1)
    owner = await factories.newcomer()
    await client.login(owner.email, factories.PASSWORD)
    first = {"p": str(owner.person_id), "i": {"language": {"literacy": "partly"}}}
    await client.data(SAVE, first)
    # when saving again with the version read before that save
    body = await client.execute(SAVE, first)
    # then the conflict says which version is current, so the client can reload it
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VERSION_CONFLICT"
    assert error["extensions"]["currentVersion"] == 1
