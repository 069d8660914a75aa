"""Erasure end to end: a fully used profile is deleted, restored (by login and by the mailed
link), deleted again and, 14 days later, erased; nothing of the person stays but
pseudonymised proof, and everyone who received the data was told."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

from mobio import timeutil
from mobio.consent.tables import ConsentRecord
from mobio.documents.s3 import S3Store
from mobio.erasure.jobs import erase_due
from mobio.erasure.tables import ErasedAccess, ErasureRequest
from mobio.organisations.tables import Team
from tests.erasure.profile import (
    FAMILY_NAME,
    GIVEN_NAME,
    READ_PERSON,
    SHARED,
    STAKEHOLDER,
    Profile,
    fully_used_profile,
    tables_mentioning,
)
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient
from tests.support.s3 import new_bucket, object_keys

DELETE = """mutation($pw: String!, $c: Boolean!) {
  deleteAccount(password: $pw, confirmed: $c) { daysLeft eraseAfter } }"""
UNDO = "mutation { undoAccountDeletion }"
UNDO_BY_LINK = "mutation($t: String!) { undoAccountDeletionByLink(token: $t) }"
PENDING = "query($p: ID!) { pendingDeletion(personId: $p) { daysLeft } }"
NOTICES = """query($p: ID!) { erasureNotices(personId: $p) { recipientKind occasion recipient } }"""


async def _delete(client: GraphQLClient, profile: Profile) -> str:
    """The owner asks for deletion; returns the undo token from the mail."""
    await client.login(profile.newcomer.email, factories.PASSWORD)
    answer = await client.data(DELETE, {"pw": factories.PASSWORD, "c": True})
    assert answer["deleteAccount"]["daysLeft"] == 14
    mails = [m for m in await outbox.sent_mails() if m["To"] == profile.newcomer.email]
    link = next(url for url in outbox.links(mails[-1]) if "/deletion/undo" in url)
    client.forget_cookies()
    return parse_qs(urlsplit(link).query)["token"][0]


async def _team_reads(client: GraphQLClient, profile: Profile) -> bool:
    await client.login(profile.worker.email, factories.PASSWORD)
    body = await client.execute(READ_PERSON, {"p": str(profile.newcomer.person_id)})
    client.forget_cookies()
    return bool(body.get("data") and body["data"]["person"])


async def _mails_to(address: str) -> list[str]:
    return [str(m["Subject"]) for m in await outbox.sent_mails() if m["To"] == address]


async def test_delete_undo_delete_again_and_erase(client: GraphQLClient, s3_endpoint: str) -> None:
    # given a fully used profile whose documents and export lie in S3
    store: S3Store = await new_bucket(s3_endpoint)
    profile = await fully_used_profile(client, store)
    person, account = profile.newcomer.person_id, profile.newcomer.account_id
    email = profile.newcomer.email
    assert await _team_reads(client, profile)
    assert len(await object_keys(s3_endpoint, store.bucket)) == 2

    # when the owner asks without confirming or with a wrong password: nothing changes
    await client.login(email, factories.PASSWORD)
    assert await client.error_code(DELETE, {"pw": factories.PASSWORD, "c": False}) == "BAD_INPUT"
    wrong = await client.error_code(DELETE, {"pw": "not-the-password", "c": True})
    assert wrong == "INVALID_CREDENTIALS"
    assert not await ErasureRequest.exists()
    client.forget_cookies()

    # when the owner asks for deletion with password and confirmation
    await _delete(client, profile)
    # then the link stops, the team release pauses, the owner's sessions are gone
    shared = await client.execute(SHARED, headers={"x-release-token": profile.link_token})
    assert shared.get("errors") or not shared["data"]["sharedPerson"]
    client.forget_cookies()
    assert not await _team_reads(client, profile)
    # and the stakeholder who opened the link was told in German, the teams learnt the date
    revoked = await _mails_to(STAKEHOLDER)
    assert any("zurückgenommen" in subject for subject in revoked)
    assert any("ruht" in s for s in await _mails_to(profile.worker.email))  # staff: German
    assert any("ruht" in s for s in await _mails_to(profile.other_team.email))

    # when the owner logs in again: login offers the undo, and the undo restores the teams
    await client.login(email, factories.PASSWORD)
    pending = await client.data(PENDING, {"p": str(person)})
    assert pending["pendingDeletion"]["daysLeft"] == 14
    notices = (await client.data(NOTICES, {"p": str(person)}))["erasureNotices"]
    assert {(n["recipientKind"], n["recipient"]) for n in notices} >= {("STAKEHOLDER", STAKEHOLDER)}
    assert await client.data(UNDO) == {"undoAccountDeletion": True}
    assert (await client.data(PENDING, {"p": str(person)}))["pendingDeletion"] is None
    client.forget_cookies()
    assert await _team_reads(client, profile)

    # when deleted again and undone by the mailed link: single use
    token = await _delete(client, profile)
    assert not await _team_reads(client, profile)
    assert await client.data(UNDO_BY_LINK, {"t": token}) == {"undoAccountDeletionByLink": True}
    assert await client.error_code(UNDO_BY_LINK, {"t": token}) == "UNDO_LINK_INVALID"
    assert await _team_reads(client, profile)

    # when deleted a third time, the job does nothing before the window ends
    token = await _delete(client, profile)
    timeutil.travel(timedelta(days=13, hours=23))
    assert await erase_due({}, store=store) == 0
    assert await _team_reads(client, profile) is False
    # and 14 days later it erases
    timeutil.travel(timedelta(hours=2))
    assert await erase_due({}, store=store) == 1

    # then no table holds their id, name or address, and the bucket holds nothing of theirs
    values = [str(person), str(account), person.hex, account.hex, FAMILY_NAME, GIVEN_NAME, email]
    assert await tables_mentioning(values) == {}
    assert await object_keys(s3_endpoint, store.bucket) == []
    for key in profile.storage_keys:
        assert not await store.exists(key)
    # and the undo link no longer works
    assert await client.error_code(UNDO_BY_LINK, {"t": token}) == "UNDO_LINK_INVALID"
    # and every recipient was told: the stakeholder (German) and both teams
    erased = await _mails_to(STAKEHOLDER)
    assert any("gelöscht" in subject and "Kopien" in subject for subject in erased)
    for worker in (profile.worker, profile.other_team):
        assert any("Kopien" in s for s in await _mails_to(worker.email))
    # and proof remains under one pseudonym: the erasure, the consents, staff and link reads
    request = await ErasureRequest.select().where(ErasureRequest.erased_at.is_not_null()).first()
    assert request is not None and request["person"] is None and request["account"] is None
    assert request["stakeholders_notified"] == 1 and request["teams_notified"] == 2
    pseudonym = request["pseudonym"]
    assert await ConsentRecord.count().where(ConsentRecord.pseudonym == pseudonym) == 3
    kept = await ErasedAccess.select().where(ErasedAccess.pseudonym == pseudonym)
    assert {row["grant"] for row in kept} >= {"social_counselling", "employment"}
    assert UUID(str(pseudonym)) not in (person, account)
    # and the teams and caseworkers are untouched
    assert await Team.count() == 2
    assert await factories_accounts_exist(profile)


async def factories_accounts_exist(profile: Profile) -> bool:
    from tests.erasure.profile import account_exists

    return await account_exists(profile.worker.account_id) and await account_exists(
        profile.other_team.account_id
    )
