"""Acting as a counsellor who creates assisted profiles, over the real API."""

from __future__ import annotations

import json
from typing import Any

from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.organisations.tables import TeamKind
from mobio.web.cookies import CSRF_COOKIE, CSRF_HEADER
from tests.support import factories
from tests.support.files import pdf_bytes
from tests.support.graphql import GraphQLClient

CREATE = """mutation($g: String!, $f: String!, $b: Date!, $l: String!, $t: ID!, $u: ID!, $r: ID!,
  $s: Upload, $x: String, $n: String, $why: String) {
  createAssistedProfile(givenName: $g, familyName: $f, dateOfBirth: $b, language: $l,
    teamId: $t, usageConsentDocumentId: $u, teamReleaseConsentDocumentId: $r, scan: $s,
    sex: $x, nationality: $n, duplicateReason: $why) }"""
DUPLICATES = """query($g: String!, $f: String!, $b: Date!, $t: ID!) {
  possibleDuplicates(givenName: $g, familyName: $f, dateOfBirth: $b, teamId: $t) {
    matches { id givenName familyName dateOfBirth } existsElsewhere } }"""


async def declarations(language: str = "ar") -> tuple[str, str]:
    """Current usage and team-release declarations in ``language``."""
    usage = await consent.publish(ConsentKind.USAGE, language, "Usage", "Text.", None)
    release = await consent.publish(ConsentKind.TEAM_RELEASE, language, "Release", "Text.", None)
    return str(usage), str(release)


async def counsellor(client: GraphQLClient) -> factories.Caseworker:
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await client.login(worker.email, factories.PASSWORD)
    return worker


async def create(
    client: GraphQLClient,
    team_id: object,
    documents: tuple[str, str],
    *,
    given: str = "Muhammad",
    family: str = "Yılmaz",
    born: str = "1988-05-02",
    scan: bytes | None = None,
    reason: str | None = None,
    language: str = "ar",
) -> dict[str, Any]:
    """createAssistedProfile as a multipart request (with the scan) or plain JSON (without)."""
    variables: dict[str, Any] = {
        "g": given,
        "f": family,
        "b": born,
        "l": language,
        "t": str(team_id),
        "u": documents[0],
        "r": documents[1],
        "s": None,
        "x": "male",
        "n": "TR",
        "why": reason,
    }
    if scan is None:
        return await client.execute(CREATE, variables)
    operations = {"query": CREATE, "variables": variables}
    response = await client.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.s"]})},
        files={"0": ("consent.pdf", scan, "application/pdf")},
        headers={CSRF_HEADER: client.http.cookies.get(CSRF_COOKIE) or ""},
    )
    body: dict[str, Any] = response.json()
    return body


def scan() -> bytes:
    return pdf_bytes()
