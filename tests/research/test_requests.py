"""Requesting and deciding extracts: validated input, numbered register, who may do what."""

from __future__ import annotations

import asyncio

import pytest

from mobio.i18n import translate
from mobio.jobs import queue
from mobio.research import extracts
from mobio.research.tables import ExtractState, ResearchExtract
from mobio.settings import get_settings
from tests.research.helpers import (
    APPROVE,
    REGISTER,
    REJECT,
    REQUEST,
    administrator,
    analyst,
    request_input,
)
from tests.support import factories
from tests.support.graphql import GraphQLClient

FRENCH = {"x-mobio-language": "fr"}


@pytest.mark.parametrize(
    ("changes", "message_id", "params"),
    [
        (
            {"variables": ["sex", "date_of_birth"]},
            "error.research_variable_unknown",
            {"variable": "date_of_birth"},
        ),
        ({"variables": []}, "error.research_variables_missing", {}),
        ({"purpose": "   "}, "error.research_purpose_missing", {}),
        ({"recipient": ""}, "error.research_recipient_missing", {}),
        ({"period": "2099"}, "error.evaluation_period_open", {"period": "2099"}),
        ({"period": "last year"}, "error.evaluation_period_invalid", {"period": "last year"}),
    ],
)
async def test_a_bad_request_gets_a_translated_error_and_stores_nothing(
    client: GraphQLClient, changes: dict[str, object], message_id: str, params: dict[str, str]
) -> None:
    # given an analyst
    email, _ = await analyst()
    await client.login(email, factories.PASSWORD)
    # when they ask for an extract with a bad part
    body = await client.execute(REQUEST, {"r": request_input(**changes)}, headers=FRENCH)
    # then a translated input error, and no extract is registered (so no file either)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT"
    assert error["message"] == translate("fr", message_id, **params)
    assert not await ResearchExtract.exists()


async def test_analysts_request_administrators_decide(client: GraphQLClient) -> None:
    # given an analyst's request
    analyst_email, _ = await analyst()
    admin_email, _ = await administrator()
    await client.login(analyst_email, factories.PASSWORD)
    request = {"r": request_input(variables=["age_band", "sex", "age_band"])}
    made = (await client.data(REQUEST, request))["requestResearchExtract"]
    # then it is number 1, waiting, with the variables in the allowed list's order
    assert made["number"] == 1 and made["state"] == "REQUESTED"
    assert made["variables"] == ["age_band", "sex"]
    # and the analyst cannot approve or reject it
    assert await client.error_code(APPROVE, {"id": made["id"]}) == "FORBIDDEN"
    assert await client.error_code(REJECT, {"id": made["id"], "why": "no"}) == "FORBIDDEN"
    second = (await client.data(REQUEST, request))["requestResearchExtract"]
    assert second["number"] == 2
    client.forget_cookies()
    # when the administrator (who cannot request) approves the first and rejects the second
    await client.login(admin_email, factories.PASSWORD)
    assert await client.error_code(REQUEST, request) == "FORBIDDEN"
    approved = (await client.data(APPROVE, {"id": made["id"]}))["approveResearchExtract"]
    assert approved["state"] == "APPROVED"
    assert await client.error_code(REJECT, {"id": second["id"], "why": "  "}) == "BAD_INPUT"
    rejected = await client.data(REJECT, {"id": second["id"], "why": "No ethics vote."})
    assert rejected["rejectResearchExtract"] == {
        "state": "REJECTED",
        "rejectionReason": "No ethics vote.",
    }
    # then a decided extract cannot be decided again
    assert await client.error_code(APPROVE, {"id": second["id"]}) == "BAD_INPUT"
    await queue.drain()
    # and the register shows both to analysts and administrators
    register = (await client.data(REGISTER))["researchExtracts"]
    assert [(e["number"], e["state"]) for e in register] == [(2, "REJECTED"), (1, "READY")]
    assert all(e["downloadUrl"] is None and e["requestedByMe"] is False for e in register)


async def test_newcomers_and_caseworkers_see_no_register(client: GraphQLClient) -> None:
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    assert await client.error_code(REGISTER) == "FORBIDDEN"
    assert await client.error_code(REQUEST, {"r": request_input()}) == "FORBIDDEN"


@pytest.mark.skipif(not get_settings().uses_postgres, reason="concurrent connections: PostgreSQL")
async def test_register_numbers_stay_unique_under_concurrent_requests() -> None:
    # given several requests at the same moment (each in its own connection)
    _, analyst_id = await analyst()
    made = await asyncio.gather(
        *(
            extracts.request(analyst_id, f"Study {i}", "University", "2025", ["sex"])
            for i in range(6)
        )
    )
    # then each got its own number, without gaps
    assert sorted(record.number for record in made) == [1, 2, 3, 4, 5, 6]
    assert all(record.state is ExtractState.REQUESTED for record in made)
