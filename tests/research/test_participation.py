"""Taking part in research: off by default, a recorded choice, withdrawable, the owner's own."""

from __future__ import annotations

from mobio.consent.tables import ConsentChannel, ConsentRecord
from mobio.i18n import translate
from tests.research.helpers import (
    JOIN,
    LEAVE,
    PARTICIPATION,
    analyst,
    research_document,
)
from tests.support import factories
from tests.support.graphql import GraphQLClient


async def test_join_and_leave_research(client: GraphQLClient) -> None:
    # given a newcomer and the published research declaration
    document_id = await research_document("en")
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    # then they do not take part until they choose to, and see the declaration to read
    shown = (await client.data(PARTICIPATION))["researchParticipation"]
    assert shown["participating"] is False and shown["since"] is None
    assert shown["document"] == {
        "id": str(document_id),
        "language": "en",
        "version": 1,
        "title": "Research",
    }
    # when they join, twice
    joined = await client.data(JOIN, {"d": str(document_id)})
    again = await client.data(JOIN, {"d": str(document_id)})
    # then one consent is on record: document, version, language, time, by themselves
    expected = {"participating": True, "version": 1, "language": "en"}
    assert joined["joinResearch"] == expected == again["joinResearch"]
    (record,) = await ConsentRecord.select().where(ConsentRecord.person == newcomer.person_id)
    assert record["channel"] == ConsentChannel.SELF and record["accepted_at"] is not None
    assert str(record["document"]) == str(document_id) and record["withdrawn_at"] is None
    shown = (await client.data(PARTICIPATION))["researchParticipation"]
    assert shown["participating"] is True and shown["since"] is not None
    # when they leave
    left = await client.data(LEAVE)
    # then the consent is withdrawn (kept as proof) and they no longer take part
    assert left["leaveResearch"] == {"participating": False}
    (record,) = await ConsentRecord.select().where(ConsentRecord.person == newcomer.person_id)
    assert record["withdrawn_at"] is not None
    assert (await client.data(PARTICIPATION))["researchParticipation"]["participating"] is False


async def test_only_the_research_declaration_can_be_joined(client: GraphQLClient) -> None:
    # given a newcomer and a usage declaration
    usage = await factories.usage_document("en")
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    # when they try to join research with it
    body = await client.execute(JOIN, {"d": str(usage)}, headers={"x-mobio-language": "de"})
    # then a translated input error, and nothing is recorded
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert error["message"] == translate("de", "error.research_document_invalid")
    assert not await ConsentRecord.exists().where(ConsentRecord.person == newcomer.person_id)


async def test_staff_have_no_research_choice(client: GraphQLClient) -> None:
    # given an analyst (no person of their own)
    document_id = await research_document()
    email, _ = await analyst()
    await client.login(email, factories.PASSWORD)
    # then joining, leaving and reading participation are refused
    assert await client.error_code(JOIN, {"d": str(document_id)}) == "FORBIDDEN"
    assert await client.error_code(LEAVE) == "FORBIDDEN"
    assert await client.error_code(PARTICIPATION) == "FORBIDDEN"
    assert not await ConsentRecord.exists()


async def test_anonymous_callers_must_log_in(client: GraphQLClient) -> None:
    assert await client.error_code(PARTICIPATION) == "UNAUTHENTICATED"
