"""Claim letters and claiming over the API: single use, 90 days, throttled, team told."""

from __future__ import annotations

import base64
import io
import re
from datetime import timedelta
from uuid import UUID

import pypdf

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.claims.tables import ClaimCode
from mobio.consent.tables import ConsentChannel, ConsentRecord
from mobio.persons.tables import Person
from mobio.settings import get_settings
from tests.schema.claims.helpers import counsellor, create, declarations, scan
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

ISSUE = """mutation($p: ID!) { issueClaimLetter(personId: $p) {
  fileName contentType pdfBase64 expiresAt } }"""
CLAIM = """mutation($c: String!, $b: Date!, $e: String!, $pw: String!, $l: String!, $u: ID!) {
  claimProfile(code: $c, dateOfBirth: $b, email: $e, password: $pw, language: $l,
    usageConsentDocumentId: $u) }"""
CODE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b")
BORN = "1988-05-02"


async def _assisted_profile(client: GraphQLClient) -> tuple[factories.Caseworker, UUID, str]:
    """A counsellor (logged in) and the profile they created; the usage declaration's id."""
    worker = await counsellor(client)
    documents = await declarations()
    body = await create(client, worker.team_id, documents, scan=scan())
    return worker, UUID(body["data"]["createAssistedProfile"]), documents[0]


async def _letter_code(client: GraphQLClient, person_id: UUID) -> str:
    """Issue a letter and read the code off the PDF, as the newcomer would."""
    letter = (await client.data(ISSUE, {"p": str(person_id)}))["issueClaimLetter"]
    pdf = base64.b64decode(letter["pdfBase64"])
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    codes = set(CODE.findall(text))
    assert len(codes) == 1, text
    return codes.pop()


def _claim(code: str, usage: str, *, born: str = BORN, email: str = "claimed@example.org") -> dict:
    return {"c": code, "b": born, "e": email, "pw": factories.PASSWORD, "l": "ar", "u": usage}


async def test_the_letter_is_a_pdf_in_both_languages_with_code_and_qr(
    client: GraphQLClient,
) -> None:
    # given an assisted profile in Arabic
    _, person_id, _ = await _assisted_profile(client)
    # when the counsellor issues the claim letter
    letter = (await client.data(ISSUE, {"p": str(person_id)}))["issueClaimLetter"]
    # then it is a PDF with the code, the claim address, German and Arabic text
    assert letter["contentType"] == "application/pdf"
    assert letter["fileName"].endswith(".pdf")
    pdf = base64.b64decode(letter["pdfBase64"])
    assert pdf.startswith(b"%PDF-")
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert len(CODE.findall(text)) >= 1
    assert f"{get_settings().base_url}/claim" in text
    assert "Ihr Profil in MoBio" in text
    # and the code is stored only as its hash, valid 90 days
    row = await ClaimCode.objects().get(ClaimCode.person == person_id)
    assert row is not None
    code = CODE.findall(text)[0]
    assert code not in row.code_hash and len(row.code_hash) == 64
    assert abs(row.expires_at - (timeutil.now() + timedelta(days=90))) < timedelta(minutes=1)


async def test_claiming_makes_the_person_the_owner_and_tells_the_team(
    client: GraphQLClient,
) -> None:
    # given an assisted profile and its letter
    worker, person_id, usage = await _assisted_profile(client)
    code = await _letter_code(client, person_id)
    client.forget_cookies()
    # when the newcomer claims it (typed in lower case, without dashes)
    typed = code.replace("-", " ").lower()
    assert (await client.data(CLAIM, _claim(typed, usage)))["claimProfile"] is True
    # then the new account owns the profile, under the person's own usage consent
    account = await Account.objects().get(Account.email == "claimed@example.org")
    assert account is not None and not account.is_active
    person = await Person.objects().get(Person.id == person_id)
    assert person is not None and person.account == account.id
    own = await ConsentRecord.objects().where(
        (ConsentRecord.person == person_id) & (ConsentRecord.channel == ConsentChannel.SELF)
    )
    assert [(r.account, str(r.document)) for r in own] == [(account.id, usage)]
    # and the team is told, without any content, and the newcomer gets the activation link
    mails = await outbox.sent_mails()
    to_team = [m for m in mails if m["To"] == worker.email]
    assert len(to_team) == 1
    assert "Yılmaz" not in outbox.body(to_team[0]) and code not in outbox.body(to_team[0])
    activation = next(m for m in mails if m["To"] == "claimed@example.org")
    token = outbox.token_from(activation, "/activate")
    await client.data("mutation($t: String!) { activateAccount(token: $t) }", {"t": token})
    # and after activation the newcomer logs in and reads their own profile
    await client.login("claimed@example.org", factories.PASSWORD)
    read = await client.data(
        "query($p: ID!) { person(personId: $p) { givenName } }", {"p": str(person_id)}
    )
    assert read["person"]["givenName"] == "Muhammad"
    # and the code cannot be used again
    client.forget_cookies()
    body = await client.execute(CLAIM, _claim(code, usage, email="again@example.org"))
    assert body["errors"][0]["extensions"]["code"] == "CLAIM_INVALID"


async def test_wrong_expired_voided_codes_and_wrong_dates_get_one_answer(
    client: GraphQLClient,
) -> None:
    # given an assisted profile with a letter that was issued again
    _, person_id, usage = await _assisted_profile(client)
    voided = await _letter_code(client, person_id)
    code = await _letter_code(client, person_id)
    client.forget_cookies()
    messages = set()
    # when claiming with a wrong code, the voided one, a wrong date, and after 91 days
    attempts = [
        _claim("ABCD-EFGH-JKMN", usage),
        _claim(voided, usage),
        _claim(code, usage, born="1988-05-03"),
    ]
    for variables in attempts:
        body = await client.execute(CLAIM, variables)
        # then each gets the same error
        assert body["errors"][0]["extensions"]["code"] == "CLAIM_INVALID"
        messages.add(body["errors"][0]["message"])
    timeutil.travel(timedelta(days=91))
    body = await client.execute(CLAIM, _claim(code, usage))
    assert body["errors"][0]["extensions"]["code"] == "CLAIM_INVALID"
    messages.add(body["errors"][0]["message"])
    assert len(messages) == 1
    # and nothing was claimed
    assert await Account.count().where(Account.email == "claimed@example.org") == 0
    person = await Person.objects().get(Person.id == person_id)
    assert person is not None and person.account is None


async def test_a_code_is_voided_on_reissue_and_guessing_is_throttled(
    client: GraphQLClient,
) -> None:
    # given an assisted profile with a letter
    _, person_id, usage = await _assisted_profile(client)
    code = await _letter_code(client, person_id)
    client.forget_cookies()
    # when someone guesses the date of birth as often as the login limit allows
    limit = get_settings().login_max_failures
    for day in range(limit):
        body = await client.execute(CLAIM, _claim(code, usage, born=f"1970-01-{day + 1:02}"))
        assert body["errors"][0]["extensions"]["code"] == "CLAIM_INVALID"
    # then even the right date is refused for now
    body = await client.execute(CLAIM, _claim(code, usage))
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ATTEMPTS"
    person = await Person.objects().get(Person.id == person_id)
    assert person is not None and person.account is None


async def test_only_a_team_with_the_release_issues_letters_and_never_for_owned_profiles(
    client: GraphQLClient,
) -> None:
    # given an assisted profile, a counsellor of another team, and a newcomer's own profile
    _, person_id, _ = await _assisted_profile(client)
    owned = await factories.newcomer()
    await factories.team_release(owned.person_id, (await counsellor(client)).team_id)
    # when the second counsellor asks for a letter for the first profile
    assert await client.error_code(ISSUE, {"p": str(person_id)}) == "FORBIDDEN"
    # and for the profile its owner already has
    assert await client.error_code(ISSUE, {"p": str(owned.person_id)}) == "ALREADY_CLAIMED"
    assert await ClaimCode.count() == 0
