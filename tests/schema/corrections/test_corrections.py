"""Correction requests through the API: asked by the owner, decided by a released team."""

from __future__ import annotations

from typing import Any

import pytest

from mobio.accounts.tables import AccountKind
from mobio.biography.tables import MemberKind
from mobio.corrections.tables import CorrectionRequest
from mobio.documents.tables import DocumentCategory
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from tests.corrections import given
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

REQUEST = """mutation($p: ID!, $m: ID, $q: String!, $v: JSON!, $r: String!, $e: ID!) {
  requestCorrection(personId: $p, memberId: $m, question: $q, proposedValue: $v, reason: $r,
    evidenceDocumentId: $e) }"""
WITHDRAW = """mutation($p: ID!, $c: ID!) { withdrawCorrection(personId: $p, correctionId: $c) }"""
APPROVE = """mutation($p: ID!, $c: ID!, $v: Int!) {
  approveCorrection(personId: $p, correctionId: $c, expectedVersion: $v) }"""
REJECT = """mutation($p: ID!, $c: ID!, $r: String!) {
  rejectCorrection(personId: $p, correctionId: $c, reason: $r) }"""
REQUESTS = """query($p: ID!, $s: CorrectionState) { person(personId: $p) {
  correctionRequests(state: $s) { id memberId question questionLabel currentValue proposedValue
    reason evidenceDocumentId evidenceFileName state decisionReason decidedTeamName } } }"""
LOG = """query($p: ID!) { person(personId: $p) { dateOfBirth answerLog(question: "date_of_birth") {
  value event previousValue correctionReason decisionReason actorGrant teamName } } }"""
VERSION = (
    """query($p: ID!) { person(personId: $p) { biography { own { personal { version } } } } }"""
)
SHARED = """{ sharedPerson { familyName correctionRequests { id }
  answerLog(question: "date_of_birth") { value } } }"""
REASON = "My passport says the 13th."


async def _login(client: GraphQLClient, email: str) -> None:
    client.forget_cookies()
    await client.login(email, factories.PASSWORD)


def _asked(case: given.Case, **changes: Any) -> dict[str, Any]:
    variables = {
        "p": case.person,
        "q": "date_of_birth",
        "v": given.NEW_BIRTHDAY,
        "r": REASON,
        "e": str(case.evidence),
    }
    return {**variables, **changes}


async def _requested(client: GraphQLClient, case: given.Case) -> str:
    await _login(client, case.newcomer.email)
    correction: str = (await client.data(REQUEST, _asked(case)))["requestCorrection"]
    return correction


async def _version(client: GraphQLClient, case: given.Case) -> int:
    data = await client.data(VERSION, {"p": case.person})
    version: int = data["person"]["biography"]["own"]["personal"]["version"]
    return version


async def test_the_owner_asks_to_correct_a_locked_answer(client: GraphQLClient) -> None:
    # given a date of birth the newcomer entered themself
    case = await given.case()
    # when they ask for a correction
    correction = await _requested(client, case)
    # then they see the open request with both values and the evidence
    listed = (await client.data(REQUESTS, {"p": case.person}))["person"]["correctionRequests"]
    assert listed == [
        {
            "id": correction,
            "memberId": None,
            "question": "date_of_birth",
            "questionLabel": "Date of birth",
            "currentValue": given.OLD_BIRTHDAY,
            "proposedValue": given.NEW_BIRTHDAY,
            "reason": REASON,
            "evidenceDocumentId": str(case.evidence),
            "evidenceFileName": "passport.pdf",
            "state": "OPEN",
            "decisionReason": None,
            "decidedTeamName": None,
        }
    ]


async def test_an_answer_the_owner_may_still_enter_needs_no_correction(
    client: GraphQLClient,
) -> None:
    # given a family name a caseworker's factory set (never entered by the owner)
    case = await given.case()
    await _login(client, case.newcomer.email)
    # when the owner asks to correct it, or a question not on the personal page
    unlocked = await client.error_code(REQUEST, _asked(case, q="family_name", v="Hadad"))
    elsewhere = await client.error_code(REQUEST, _asked(case, q="place_of_birth", v="Aleppo"))
    # then both are refused and nothing is stored
    assert (unlocked, elsewhere) == ("CORRECTION_NOT_LOCKED", "CORRECTION_NOT_CORRECTABLE")
    assert await CorrectionRequest.count() == 0


async def test_an_invalid_proposal_is_refused_naming_the_field(client: GraphQLClient) -> None:
    case = await given.case()
    await _login(client, case.newcomer.email)
    for value in ("31.01.1990", "2999-01-01", 19900131, ["1990-01-13"]):
        # when proposing a value a save would refuse
        body = await client.execute(REQUEST, _asked(case, v=value))
        # then the error names the question and the input field, and nothing is stored
        error = body["errors"][0]
        assert error["extensions"]["code"] == "ANSWER_INVALID", value
        assert "Date of birth" in error["message"]
        assert error["extensions"]["fields"][0]["field"] == "proposedValue"
    assert await CorrectionRequest.count() == 0


async def test_the_reason_and_a_visible_document_of_this_person_are_required(
    client: GraphQLClient,
) -> None:
    # given a document of another person, and a private one of the newcomer
    case = await given.case()
    other = await factories.newcomer()
    foreign = await given.document(other.person_id)
    private = await given.document(case.newcomer.person_id, DocumentCategory.MISCELLANEOUS)
    await _login(client, case.newcomer.email)
    # then neither serves as evidence, and a blank reason is refused
    assert await client.error_code(REQUEST, _asked(case, e=str(foreign))) == (
        "CORRECTION_EVIDENCE_INVALID"
    )
    assert await client.error_code(REQUEST, _asked(case, e=str(private))) == (
        "CORRECTION_EVIDENCE_INVALID"
    )
    assert await client.error_code(REQUEST, _asked(case, r="  ")) == "CORRECTION_REASON_MISSING"
    assert await CorrectionRequest.count() == 0


async def test_an_approval_applies_the_value_and_the_log_shows_both(
    client: GraphQLClient,
) -> None:
    # given an open request of a German-speaking newcomer
    case = await given.case(language="de")
    correction = await _requested(client, case)
    # when a counsellor of the released team approves it at the current version
    await _login(client, case.worker.email)
    version = await _version(client, case)
    new_version = (await client.data(APPROVE, {"p": case.person, "c": correction, "v": version}))[
        "approveCorrection"
    ]
    # then the value is applied; the log shows the old value, the request, the save, the approval
    assert new_version == version + 1
    data = (await client.data(LOG, {"p": case.person}))["person"]
    assert data["dateOfBirth"] == given.NEW_BIRTHDAY
    assert [(e["event"], e["value"], e["previousValue"]) for e in data["answerLog"]] == [
        (None, given.OLD_BIRTHDAY, None),
        ("CORRECTION_REQUESTED", given.NEW_BIRTHDAY, given.OLD_BIRTHDAY),
        (None, given.NEW_BIRTHDAY, None),  # the save that applied it
        ("CORRECTION_APPROVED", given.NEW_BIRTHDAY, given.OLD_BIRTHDAY),
    ]
    approval = data["answerLog"][-1]
    assert approval["actorGrant"] == "social_counselling" and approval["teamName"]
    assert approval["correctionReason"] == REASON
    # and the newcomer is told in German, without the values
    mail = await outbox.only_mail_to(case.newcomer.email)
    assert "übernommen" in mail["Subject"]
    assert "Geburtsdatum" in outbox.body(mail) and given.NEW_BIRTHDAY not in outbox.body(mail)
    # and the request is no longer open
    await _login(client, case.newcomer.email)
    left = await client.data(REQUESTS, {"p": case.person, "s": "OPEN"})
    assert left["person"]["correctionRequests"] == []


async def test_a_rejection_needs_a_reason_the_owner_then_reads(client: GraphQLClient) -> None:
    # given an open request of a French-speaking newcomer
    case = await given.case(language="fr")
    correction = await _requested(client, case)
    await _login(client, case.worker.email)
    # when rejecting without a reason, then with one
    blank = await client.error_code(REJECT, {"p": case.person, "c": correction, "r": " "})
    await client.data(REJECT, {"p": case.person, "c": correction, "r": "Different passport."})
    # then only the second one counts, and the value stays
    assert blank == "CORRECTION_REASON_MISSING"
    await _login(client, case.newcomer.email)
    listed = (await client.data(REQUESTS, {"p": case.person}))["person"]["correctionRequests"]
    assert [(r["state"], r["decisionReason"]) for r in listed] == [
        ("REJECTED", "Different passport.")
    ]
    assert listed[0]["decidedTeamName"]
    data = (await client.data(LOG, {"p": case.person}))["person"]
    assert data["dateOfBirth"] == given.OLD_BIRTHDAY
    rejected = data["answerLog"][-1]
    assert (rejected["event"], rejected["decisionReason"]) == (
        "CORRECTION_REJECTED",
        "Different passport.",
    )
    # and the newcomer got one mail, in French
    mail = await outbox.only_mail_to(case.newcomer.email)
    assert "refusée" in mail["Subject"]
    # and a decided request cannot be decided again
    await _login(client, case.worker.email)
    again = await client.error_code(APPROVE, {"p": case.person, "c": correction, "v": 1})
    assert again == "CORRECTION_NOT_OPEN"


async def test_an_approval_on_a_stale_version_leaves_the_request_open(
    client: GraphQLClient,
) -> None:
    # given an open request, and a caseworker who loaded the page before someone saved it
    case = await given.case()
    correction = await _requested(client, case)
    await _login(client, case.worker.email)
    stale = await _version(client, case)
    await given.enter_once(case.newcomer, {"nationality": "IQ"})  # another save of the section
    # when approving on the stale version
    body = await client.execute(APPROVE, {"p": case.person, "c": correction, "v": stale})
    # then it is a conflict; the value, the request and the log are as they were
    assert body["errors"][0]["extensions"]["code"] == "VERSION_CONFLICT"
    assert body["errors"][0]["extensions"]["currentVersion"] == stale + 1
    data = (await client.data(LOG, {"p": case.person}))["person"]
    assert data["dateOfBirth"] == given.OLD_BIRTHDAY
    assert [e["event"] for e in data["answerLog"]] == [None, "CORRECTION_REQUESTED"]
    listed = (await client.data(REQUESTS, {"p": case.person, "s": "OPEN"}))["person"]
    assert [r["id"] for r in listed["correctionRequests"]] == [correction]
    assert await outbox.sent_mails() == []


async def test_the_owner_withdraws_and_may_then_ask_again(client: GraphQLClient) -> None:
    case = await given.case()
    correction = await _requested(client, case)
    # a second request for the same answer waits for the first
    assert await client.error_code(REQUEST, _asked(case, v="1990-01-14")) == (
        "CORRECTION_ALREADY_OPEN"
    )
    await client.data(WITHDRAW, {"p": case.person, "c": correction})
    await client.data(REQUEST, _asked(case, v="1990-01-14"))
    listed = (await client.data(REQUESTS, {"p": case.person}))["person"]["correctionRequests"]
    assert [r["state"] for r in listed] == ["WITHDRAWN", "OPEN"]


async def test_a_child_page_answer_is_corrected_by_member(client: GraphQLClient) -> None:
    # given a child page whose date of birth the owner entered
    case = await given.case()
    member = str(await factories.family_member(case.newcomer.person_id, MemberKind.CHILD))
    await _login(client, case.newcomer.email)
    save = """mutation($p: ID!, $m: ID!, $i: ChildSectionInput!) {
      saveChildSection(personId: $p, memberId: $m, expectedVersion: 0, input: $i) }"""
    await client.data(save, {"p": case.person, "m": member, "i": {"personal": {"sex": "male"}}})
    # when asking to correct it on the child's page
    await client.data(REQUEST, _asked(case, m=member, q="sex", v="female"))
    # then the request names the child
    listed = (await client.data(REQUESTS, {"p": case.person}))["person"]["correctionRequests"]
    assert [(r["memberId"], r["currentValue"], r["proposedValue"]) for r in listed] == [
        (member, "male", "female")
    ]


async def test_the_integration_office_decides_but_does_not_see_the_evidence(
    client: GraphQLClient,
) -> None:
    case = await given.case(team_kind=TeamKind.INTEGRATION_OFFICE)
    correction = await _requested(client, case)
    await _login(client, case.worker.email)
    listed = (await client.data(REQUESTS, {"p": case.person}))["person"]["correctionRequests"]
    assert (listed[0]["reason"], listed[0]["evidenceFileName"]) == (REASON, None)
    await client.data(REJECT, {"p": case.person, "c": correction, "r": "Please come by."})


async def test_only_the_owner_asks_and_only_released_teams_decide(client: GraphQLClient) -> None:
    # given an open request, another team without a release, an administrator and an analyst
    case = await given.case()
    correction = await _requested(client, case)
    other = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    admin, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    analyst, _ = await factories.staff(AccountKind.ANALYST)
    decide = {"p": case.person, "c": correction}
    for email in (other.email, admin, analyst):
        await _login(client, email)
        # then they can neither read nor decide nor ask
        assert await client.error_code(REQUESTS, {"p": case.person}) == "FORBIDDEN"
        assert await client.error_code(APPROVE, {**decide, "v": 1}) == "FORBIDDEN"
        assert await client.error_code(REJECT, {**decide, "r": "No."}) == "FORBIDDEN"
        assert await client.error_code(REQUEST, _asked(case)) == "FORBIDDEN"
    # and the owner does not decide their own request, nor the team ask for them
    await _login(client, case.newcomer.email)
    assert await client.error_code(APPROVE, {**decide, "v": 1}) == "FORBIDDEN"
    await _login(client, case.worker.email)
    assert await client.error_code(REQUEST, _asked(case)) == "FORBIDDEN"
    assert await client.error_code(WITHDRAW, decide) == "FORBIDDEN"
    # and a stakeholder link sees no requests and no log
    client.forget_cookies()
    token = await factories.stakeholder_release(case.newcomer.person_id, Package.EMPLOYER)
    body = await client.execute(SHARED, headers={"x-release-token": token})
    person = body["data"]["sharedPerson"]
    assert person["familyName"] and person["correctionRequests"] is None
    assert person["answerLog"] is None
    # and the request is still open
    assert await CorrectionRequest.count().where(CorrectionRequest.state == "open") == 1


# Statements of the caseworker's list: session, team ids, the person, the team's releases
# (grants), the requests with evidence and team names in one query, and the access log entry.
CASEWORKER_LIST_STATEMENTS = 6


@pytest.mark.parametrize("requests", [1, 3])
async def test_listing_requests_takes_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, requests: int
) -> None:
    # given one or three requests (on different answers) of a person
    case = await given.case()
    await given.enter_once(case.newcomer, {"given_name": "Aminah", "sex": "diverse"})
    await _login(client, case.newcomer.email)
    for question, value in [
        ("date_of_birth", given.NEW_BIRTHDAY),
        ("given_name", "Amina"),
        ("sex", "female"),
    ][:requests]:
        await client.data(REQUEST, _asked(case, q=question, v=value))
    await _login(client, case.worker.email)
    # when the caseworker lists them
    with count_queries(monkeypatch) as queries:
        data = await client.data(REQUESTS, {"p": case.person})
    # then the number of statements does not grow with the requests
    assert len(data["person"]["correctionRequests"]) == requests
    assert queries.count == CASEWORKER_LIST_STATEMENTS, queries.statements


PERSONS = """{ persons(first: 10) { items { correctionRequests(state: OPEN) { id } } } }"""


async def _statements_for_persons(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, persons: int
) -> int:
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    for _ in range(persons):
        case = await given.case()
        await factories.team_release(case.newcomer.person_id, worker.team_id)
        await _requested(client, case)
    await _login(client, worker.email)
    with count_queries(monkeypatch) as queries:
        data = await client.data(PERSONS)
    assert [len(p["correctionRequests"]) for p in data["persons"]["items"]] == [1] * persons
    return queries.count


async def test_a_list_of_persons_loads_all_their_requests_at_once(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = await _statements_for_persons(client, monkeypatch, 1)
    three = await _statements_for_persons(client, monkeypatch, 3)
    assert one == three
