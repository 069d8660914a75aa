"""The stakeholder's page: nothing read on opening, the package in German on request, escaped."""

from __future__ import annotations

from datetime import timedelta

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.packages import Package
from tests.support import factories
from tests.support.graphql import GraphQLClient


async def _released(package: Package) -> tuple[factories.Newcomer, str]:
    newcomer = await factories.newcomer(family_name="<script>alert(1)</script>")
    owner = Actor(newcomer.account_id, frozenset({Grant.OWNER}))
    await save_section(owner, newcomer.person_id, SELF, Section.LANGUAGE, 0, {"german_level": "b1"})
    await save_section(
        owner, newcomer.person_id, SELF, Section.LIVING, 0, {"health_restrictions": True}
    )
    return newcomer, await factories.stakeholder_release(newcomer.person_id, package)


async def test_opening_the_page_reads_nothing(client: GraphQLClient) -> None:
    # given a released package
    await _released(Package.EMPLOYER)
    # when a mail scanner opens the link (the key stays in the fragment)
    page = await client.http.get("/shared")
    script = await client.http.get("/shared.js")
    # then it gets the page and its script, and nothing was read
    assert page.status_code == 200 and "/shared.js" in page.text
    assert "X-Release-Token" in script.text
    assert await AccessLogEntry.count() == 0


async def test_the_package_shows_in_german_escaped_and_only_its_fields(
    client: GraphQLClient,
) -> None:
    # given an employer link to a person whose name holds markup and who answered health
    _, token = await _released(Package.EMPLOYER)
    # when the employer presses "show"
    view = await client.http.post("/shared/view", headers={"x-release-token": token})
    # then the package's answers show with German labels, markup escaped, health absent
    assert view.status_code == 200
    assert "B1" in view.text and "Deutsch" in view.text
    assert "<script>" not in view.text and "&lt;script&gt;" in view.text
    assert "Gesundheit" not in view.text
    # and the read is in the owner's access log
    assert await AccessLogEntry.count() == 1


async def test_an_expired_link_says_so_and_shows_nothing(client: GraphQLClient) -> None:
    _, token = await _released(Package.LANGUAGE_SCHOOL)
    timeutil.travel(timedelta(days=15))
    view = await client.http.post("/shared/view", headers={"x-release-token": token})
    assert view.status_code == 410
    assert "abgelaufen" in view.text and "script" not in view.text
    assert await AccessLogEntry.count() == 0
