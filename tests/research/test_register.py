"""The register as staff and newcomers see it, and the download for the requesting analyst."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mobio import timeutil
from mobio.jobs import queue
from mobio.research import extracts, participation
from mobio.settings import get_settings
from tests.research.helpers import (
    APPROVE,
    MINE,
    REGISTER,
    REQUEST,
    administrator,
    analyst,
    arrived_newcomer,
    csv_rows,
    request_input,
)
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries


async def _ready_extract(client: GraphQLClient, analyst_email: str, purpose: str) -> str:
    """Requested by the analyst, approved by an administrator, written; returns its id."""
    await client.login(analyst_email, factories.PASSWORD)
    made = await client.data(REQUEST, {"r": request_input(purpose=purpose)})
    client.forget_cookies()
    admin_email, _ = await administrator()
    await client.login(admin_email, factories.PASSWORD)
    extract_id: str = made["requestResearchExtract"]["id"]
    await client.data(APPROVE, {"id": extract_id})
    client.forget_cookies()
    await queue.drain()
    return extract_id


async def test_the_newcomer_sees_the_extracts_that_included_them(client: GraphQLClient) -> None:
    # given a consenting newcomer among enough others, and an extract that included them
    newcomer = await arrived_newcomer()
    for _ in range(5):
        await arrived_newcomer()
    analyst_email, _ = await analyst()
    await _ready_extract(client, analyst_email, "Language courses")
    # when they withdraw and a second extract is written
    await participation.leave(newcomer.person_id)
    await _ready_extract(client, analyst_email, "Labour market")
    # then they see the first one only: what for, for whom, when, which categories
    await client.login(newcomer.email, factories.PASSWORD)
    (use,) = (await client.data(MINE))["myResearchExtracts"]
    assert use["number"] == 1 and use["purpose"] == "Language courses"
    assert use["recipient"] == "University of Heidelberg" and use["period"] == "2025"
    assert use["variables"] == ["age_band", "sex"] and use["usedAt"] is not None
    # and a newcomer who never joined sees none
    client.forget_cookies()
    other = await arrived_newcomer(joins=False)
    await client.login(other.email, factories.PASSWORD)
    assert (await client.data(MINE))["myResearchExtracts"] == []


async def test_only_the_requesting_analyst_downloads_while_ready(client: GraphQLClient) -> None:
    # given a written extract
    for _ in range(5):
        await arrived_newcomer()
    analyst_email, _ = await analyst()
    extract_id = await _ready_extract(client, analyst_email, "Language courses")
    path = f"/research/extracts/{extract_id}"
    # then the requesting analyst sees its link and downloads the file
    await client.login(analyst_email, factories.PASSWORD)
    (entry,) = (await client.data(REGISTER))["researchExtracts"]
    assert entry["downloadUrl"] == path and entry["requestedByMe"] is True
    assert entry["state"] == "READY" and entry["persons"] == 5 and entry["rowsDropped"] == 0
    response = await client.http.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["cache-control"] == "no-store"
    assert len(csv_rows(response.content)) == 6
    client.forget_cookies()
    # and another analyst, an administrator, a newcomer and nobody get a 404, as for no extract
    other_email, _ = await analyst()
    admin_email, _ = await administrator()
    newcomer = await factories.newcomer()
    for email in (other_email, admin_email, newcomer.email):
        await client.login(email, factories.PASSWORD)
        assert (await client.http.get(path)).status_code == 404
        client.forget_cookies()
    assert (await client.http.get(path)).status_code == 404
    # and after the download window, the requester gets a 404 too, the register says expired
    timeutil.travel(timedelta(days=get_settings().extract_download_days))
    await client.login(analyst_email, factories.PASSWORD)
    assert (await client.http.get(path)).status_code == 404
    (entry,) = (await client.data(REGISTER))["researchExtracts"]
    assert entry["state"] == "EXPIRED" and entry["downloadUrl"] is None


@pytest.mark.parametrize("size", [1, 6])
async def test_the_register_takes_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    # given a register of ``size`` extracts
    _, analyst_id = await analyst()
    for i in range(size):
        await extracts.request(analyst_id, f"Study {i}", "University", "2025", ["sex"])
    admin_email, _ = await administrator()
    await client.login(admin_email, factories.PASSWORD)
    # when an administrator lists it
    with count_queries(monkeypatch) as counter:
        register = (await client.data(REGISTER))["researchExtracts"]
    # then the same statements, however long it is
    assert len(register) == size
    assert counter.count == 2, counter.statements  # the session, the register


@pytest.mark.parametrize("size", [1, 4])
async def test_the_newcomers_list_takes_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    # given a newcomer included in ``size`` extracts
    newcomer = await arrived_newcomer()
    for _ in range(4):
        await arrived_newcomer()
    _, analyst_id = await analyst()
    for i in range(size):
        made = await extracts.request(analyst_id, f"Study {i}", "University", "2025", ["sex"])
        await extracts.approve(made.id, None)
        await queue.drain()
    await client.login(newcomer.email, factories.PASSWORD)
    # when they list the extracts that included them
    with count_queries(monkeypatch) as counter:
        mine = (await client.data(MINE))["myResearchExtracts"]
    # then the same statements, however many there are
    assert len(mine) == size
    assert counter.count == 3, counter.statements  # session, own person, the extracts
