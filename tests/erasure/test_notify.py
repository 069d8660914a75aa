"""Revoking a link: whoever opened it is asked (in German) to delete their copies; a link never
opened gets no mail. The owner sees whom MoBio told."""

from __future__ import annotations

from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

TO_STAKEHOLDER = """mutation($p: ID!, $d: ID!, $e: String) {
  releaseToStakeholder(personId: $p, package: EMPLOYER, consentDocumentId: $d,
    recipientEmail: $e) { releaseId url } }"""
REVOKE = "mutation($p: ID!, $r: ID!) { revokeStakeholderRelease(personId: $p, releaseId: $r) }"
SHARED = "{ sharedPerson { familyName } }"
NOTICES = "query($p: ID!) { erasureNotices(personId: $p) { recipientKind occasion recipient } }"


async def test_only_a_stakeholder_who_opened_the_link_is_told(client: GraphQLClient) -> None:
    # given two links of a newcomer, one opened by its recipient
    newcomer = await factories.newcomer(language="ar")
    person = str(newcomer.person_id)
    await client.login(newcomer.email, factories.PASSWORD)
    document = str(
        await consent.publish(ConsentKind.STAKEHOLDER_RELEASE, "en", "Link", "Text.", None)
    )
    links = [
        (await client.data(TO_STAKEHOLDER, {"p": person, "d": document, "e": address}))[
            "releaseToStakeholder"
        ]
        for address in ("opened@firma.example.org", "unopened@firma.example.org")
    ]
    opened, unopened = links
    client.forget_cookies()
    await client.data(SHARED, headers={"x-release-token": opened["url"].split("#", 1)[1]})
    client.forget_cookies()
    await client.login(newcomer.email, factories.PASSWORD)
    before = len(await outbox.sent_mails())
    # when the owner revokes both
    for link in (opened, unopened):
        await client.data(REVOKE, {"p": person, "r": link["releaseId"]})
    # then only the one who opened it got a notice, in German, naming the release
    mails = (await outbox.sent_mails())[before:]
    assert [m["To"] for m in mails] == ["opened@firma.example.org"]
    assert mails[0]["Content-Language"] == "de"
    text = outbox.body(mails[0])
    number = opened["releaseId"].replace("-", "")[:8].upper()
    assert number in text and "Arbeitgeber" in text and "Kopien" in text
    # and the owner sees whom MoBio told
    notices = (await client.data(NOTICES, {"p": person}))["erasureNotices"]
    assert notices == [
        {
            "recipientKind": "STAKEHOLDER",
            "occasion": "LINK_REVOKED",
            "recipient": "opened@firma.example.org",
        }
    ]
    # and nobody else may read that list
    client.forget_cookies()
    other = await factories.newcomer()
    await client.login(other.email, factories.PASSWORD)
    assert await client.error_code(NOTICES, {"p": person}) == "FORBIDDEN"
