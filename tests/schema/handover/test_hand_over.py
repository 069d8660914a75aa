"""The hand-over through the API, under an injected clock (issue 9, point 6)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from mobio import timeutil
from mobio.accounts.tables import Account
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from mobio.goals.tables import GoalAgreement, GoalArea
from mobio.handover.jobs import complete_due_hand_overs
from mobio.handover.tables import HandOver
from mobio.organisations.tables import TeamKind
from mobio.releases.tables import TeamRelease
from mobio.timeutil import local_today, start_of
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

OFFER = """mutation($p: ID!, $t: ID!, $m: Date!, $e: Date!, $x: Date!) {
  offerHandOver(personId: $p, toTeamId: $t, movingOn: $m, effectiveOn: $e, oldAccessEndsOn: $x) }"""
OBJECT = "mutation($p: ID!, $o: ID!) { objectToHandOver(personId: $p, offerId: $o) }"
ACCEPT = "mutation($o: ID!) { acceptHandOver(offerId: $o) }"
REJECT = "mutation($o: ID!, $r: String!) { rejectHandOver(offerId: $o, reason: $r) }"
WITHDRAW = "mutation($p: ID!, $o: ID!) { withdrawHandOver(personId: $p, offerId: $o) }"
OFFERS = """{ handOverOffers { id state familyName givenName dateOfBirth movingOn effectiveOn
  fromTeamName toTeamName } }"""
READ_PERSON = "query($p: ID!) { person(personId: $p) { familyName } }"
HAND_OVERS = "query($p: ID!) { person(personId: $p) { handOvers { state toTeamName } } }"
NOTES = "query($p: ID!) { person(personId: $p) { caseNotes { body } } }"
WRITE_NOTE = """mutation($p: ID!, $b: String!, $m: Boolean!) {
  writeCaseNote(personId: $p, body: $b, movesWithCase: $m) { id } }"""


@dataclass(frozen=True)
class Case:
    newcomer: factories.Newcomer
    counsellor: factories.Caseworker
    manager: factories.Caseworker

    @property
    def person(self) -> str:
        return str(self.newcomer.person_id)


async def _case(newcomer_language: str = "ar") -> Case:
    newcomer = await factories.newcomer(family_name="Moving", language=newcomer_language)
    counsellor = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    document = await consent.publish(ConsentKind.TEAM_RELEASE, "de", "Freigabe", "Text.", None)
    record = await consent.record(
        document, account_id=newcomer.account_id, person_id=newcomer.person_id, acted_by=None
    )
    await TeamRelease(
        person=newcomer.person_id,
        team=counsellor.team_id,
        consent_record=record,
        granted_at=timeutil.now(),
    ).save()
    manager = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    return Case(newcomer, counsellor, manager)


async def _as(client: GraphQLClient, email: str) -> None:
    client.forget_cookies()
    await client.login(email, factories.PASSWORD)


def _days(*offsets: int) -> tuple[str, ...]:
    today = local_today()
    return tuple((today + datetime.timedelta(days=o)).isoformat() for o in offsets)


def _offer(case: Case, to_team: object, days: tuple[str, ...]) -> dict[str, str]:
    return {"p": case.person, "t": str(to_team), "m": days[0], "e": days[1], "x": days[2]}


def _travel_to(moment: datetime.datetime) -> None:
    timeutil.travel(moment - timeutil.now())


async def test_the_full_hand_over(client: GraphQLClient) -> None:
    # given a counselled newcomer (Arabic), a goal, a marked and an unmarked note
    case = await _case("ar")
    await GoalAgreement(
        person=case.newcomer.person_id,
        team=case.counsellor.team_id,
        area=GoalArea.HOUSING,
        goal="Find a flat",
        created_at=timeutil.now(),
        updated_at=timeutil.now(),
    ).save()
    await _as(client, case.counsellor.email)
    await client.data(WRITE_NOTE, {"p": case.person, "b": "Moves along.", "m": True})
    await client.data(WRITE_NOTE, {"p": case.person, "b": "Stays here.", "m": False})
    days = _days(1, 2, 4)
    # when the counsellor offers the case; the newcomer objects
    first = (await client.data(OFFER, _offer(case, case.manager.team_id, days)))["offerHandOver"]
    offered = await outbox.sent_mails()
    to_newcomer = [m for m in offered if m["To"] == case.newcomer.email]
    assert len(to_newcomer) == 1 and "MoBio: من المقرر" in to_newcomer[0]["Subject"]
    await _as(client, case.newcomer.email)
    assert (await client.data(OBJECT, {"p": case.person, "o": first}))["objectToHandOver"]
    # then the receiving team sees no open offer any more, and cannot accept the old one
    await _as(client, case.manager.email)
    assert (await client.data(OFFERS))["handOverOffers"] == []
    assert await client.error_code(ACCEPT, {"o": first}) == "OFFER_CLOSED"
    # when the counsellor offers again
    await _as(client, case.counsellor.email)
    second = (await client.data(OFFER, _offer(case, case.manager.team_id, days)))["offerHandOver"]
    # then the integration manager sees only name, date of birth and moving date, not the person
    await _as(client, case.manager.email)
    [offer] = (await client.data(OFFERS))["handOverOffers"]
    assert offer["familyName"] == "Moving" and offer["dateOfBirth"] == "1990-01-31"
    assert offer["movingOn"] == days[0] and offer["state"] == "OFFERED"
    assert await client.error_code(READ_PERSON, {"p": case.person}) == "FORBIDDEN"
    # when they accept it
    assert (await client.data(ACCEPT, {"o": second}))["acceptHandOver"] == "ACCEPTED"
    # then before the effective date the job completes nothing
    assert await complete_due_hand_overs({}) == 0
    # when the effective date comes and the job runs
    _travel_to(start_of(datetime.date.fromisoformat(days[1])) + datetime.timedelta(minutes=30))
    assert await complete_due_hand_overs({}) == 1
    assert await complete_due_hand_overs({}) == 0
    # then the manager reads the person, its goals, and only the marked note
    await _as(client, case.manager.email)
    assert (await client.data(READ_PERSON, {"p": case.person}))["person"]["familyName"] == "Moving"
    notes = (await client.data(NOTES, {"p": case.person}))["person"]["caseNotes"]
    assert notes == [{"body": "Moves along."}]
    goal = await GoalAgreement.select(GoalAgreement.team).first()
    assert goal is not None and goal["team"] == case.manager.team_id
    # and the new release rests on the newcomer's consent record of the old one
    new = await TeamRelease.select(TeamRelease.consent_record).where(
        TeamRelease.team == case.manager.team_id
    )
    old = await TeamRelease.select(TeamRelease.consent_record).where(
        TeamRelease.team == case.counsellor.team_id
    )
    assert new[0]["consent_record"] == old[0]["consent_record"] is not None
    # and the counsellor keeps both notes until the old access ends, exactly at its start
    ends = start_of(datetime.date.fromisoformat(days[2]))
    _travel_to(ends - datetime.timedelta(minutes=1))
    await _as(client, case.counsellor.email)
    assert (await client.data(READ_PERSON, {"p": case.person}))["person"]["familyName"]
    assert len((await client.data(NOTES, {"p": case.person}))["person"]["caseNotes"]) == 2
    _travel_to(ends + datetime.timedelta(seconds=1))
    assert await client.error_code(READ_PERSON, {"p": case.person}) == "FORBIDDEN"
    # and the newcomer sees both hand-overs
    await _as(client, case.newcomer.email)
    states = (await client.data(HAND_OVERS, {"p": case.person}))["person"]["handOvers"]
    assert [s["state"] for s in states] == ["COMPLETED", "OBJECTED"]


async def test_completion_mails_each_side_in_its_language() -> None:
    # given an accepted offer; a French manager, a German counsellor, a Persian newcomer
    case = await _case("fa")
    await Account.update({Account.language: "fr"}).where(Account.id == case.manager.account_id)
    from mobio.handover import service

    days = [datetime.date.fromisoformat(d) for d in _days(0, 0, 3)]
    offer = await service.offer(
        case.newcomer.person_id,
        case.counsellor.team_id,
        case.manager.team_id,
        *days,
        case.counsellor.account_id,
    )
    # when it is accepted on the effective date, it completes at once
    state = await service.accept(offer, frozenset({case.manager.team_id}), case.manager.account_id)
    assert state.value == "completed"
    # then everyone got their mail in their own language
    subjects = {(m["To"], m["Subject"]) for m in await outbox.sent_mails()}
    assert (case.newcomer.email, "MoBio: پرونده شما واگذار شد") in subjects
    assert (case.manager.email, "MoBio : transmission effectuée") in subjects
    assert (case.counsellor.email, "MoBio: Übergabe abgeschlossen") in subjects
    assert await complete_due_hand_overs({}) == 0


async def _nothing_changed() -> None:
    assert await HandOver.count() == 0


@pytest.mark.parametrize(
    ("offsets", "code", "text"),
    [
        ((-1, 1, 2), "BAD_INPUT", "passé"),
        ((1, 1, 0), "BAD_INPUT", "ordre"),
        ((2, 1, 3), "BAD_INPUT", "ordre"),
        ((1, 3, 2), "BAD_INPUT", "ordre"),
    ],
)
async def test_dates_in_the_past_or_out_of_order_change_nothing(
    client: GraphQLClient, offsets: tuple[int, int, int], code: str, text: str
) -> None:
    # given a French-speaking counsellor
    case = await _case()
    await Account.update({Account.language: "fr"}).where(Account.id == case.counsellor.account_id)
    await _as(client, case.counsellor.email)
    # when offering with bad dates, the error is in French and nothing is stored or mailed
    body = await client.execute(OFFER, _offer(case, case.manager.team_id, _days(*offsets)))
    assert body["errors"][0]["extensions"]["code"] == code
    assert text in body["errors"][0]["message"]
    await _nothing_changed()
    assert await outbox.sent_mails() == []


@pytest.mark.parametrize("kind", [TeamKind.SOCIAL_COUNSELLING, TeamKind.INTEGRATION_OFFICE])
async def test_a_team_of_the_wrong_kind_cannot_receive(
    client: GraphQLClient, kind: TeamKind
) -> None:
    case = await _case()
    wrong = await factories.caseworker(kind)
    await _as(client, case.counsellor.email)
    for team in (wrong.team_id, case.counsellor.team_id):
        code = await client.error_code(OFFER, _offer(case, team, _days(1, 2, 3)))
        assert code == "BAD_INPUT"
    await _nothing_changed()


async def test_a_second_open_offer_is_refused(client: GraphQLClient) -> None:
    case = await _case()
    other = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await _as(client, case.counsellor.email)
    await client.data(OFFER, _offer(case, case.manager.team_id, _days(1, 2, 3)))
    code = await client.error_code(OFFER, _offer(case, other.team_id, _days(1, 2, 3)))
    assert code == "OPEN_OFFER_EXISTS"
    assert await HandOver.count() == 1


async def test_only_the_offering_team_offers(client: GraphQLClient) -> None:
    # an integration manager holding a release, and the newcomer, may not offer
    case = await _case()
    holder = await factories.released_caseworker(
        TeamKind.INTEGRATION_MANAGEMENT, case.newcomer.person_id
    )
    for email in (holder.email, case.newcomer.email):
        await _as(client, email)
        code = await client.error_code(OFFER, _offer(case, case.manager.team_id, _days(1, 2, 3)))
        assert code == "FORBIDDEN"
    await _nothing_changed()


async def test_a_rejection_needs_a_reason_and_only_the_receiving_team_decides(
    client: GraphQLClient,
) -> None:
    # given an open offer
    case = await _case()
    stranger = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await _as(client, case.counsellor.email)
    offer = (await client.data(OFFER, _offer(case, case.manager.team_id, _days(1, 2, 3))))[
        "offerHandOver"
    ]
    # then another team neither sees nor decides it
    await _as(client, stranger.email)
    assert (await client.data(OFFERS))["handOverOffers"] == []
    assert await client.error_code(ACCEPT, {"o": offer}) == "FORBIDDEN"
    assert await client.error_code(REJECT, {"o": offer, "r": "No."}) == "FORBIDDEN"
    # and the receiving team must give a reason
    await _as(client, case.manager.email)
    assert await client.error_code(REJECT, {"o": offer, "r": "  "}) == "BAD_INPUT"
    assert (await HandOver.select(HandOver.state).first()) == {"state": "offered"}
    assert (await client.data(REJECT, {"o": offer, "r": "No capacity."}))["rejectHandOver"]
    # and the offering team reads the reason
    await _as(client, case.counsellor.email)
    seen = await client.data(
        "query($p: ID!) { person(personId: $p) { handOvers { state decisionReason } } }",
        {"p": case.person},
    )
    assert seen["person"]["handOvers"] == [{"state": "REJECTED", "decisionReason": "No capacity."}]


async def test_the_offering_team_withdraws_and_may_offer_anew(client: GraphQLClient) -> None:
    case = await _case()
    await _as(client, case.counsellor.email)
    offer = (await client.data(OFFER, _offer(case, case.manager.team_id, _days(1, 2, 3))))[
        "offerHandOver"
    ]
    assert (await client.data(WITHDRAW, {"p": case.person, "o": offer}))["withdrawHandOver"]
    await client.data(OFFER, _offer(case, case.manager.team_id, _days(1, 2, 3)))
    assert await HandOver.count() == 2


async def test_objecting_ends_on_the_effective_date(client: GraphQLClient) -> None:
    case = await _case()
    await _as(client, case.counsellor.email)
    days = _days(1, 1, 3)
    offer = (await client.data(OFFER, _offer(case, case.manager.team_id, days)))["offerHandOver"]
    _travel_to(start_of(datetime.date.fromisoformat(days[1])) + datetime.timedelta(hours=1))
    await _as(client, case.newcomer.email)
    code = await client.error_code(OBJECT, {"p": case.person, "o": offer})
    assert code == "OBJECTION_TOO_LATE"


async def test_the_offer_list_costs_the_same_queries_for_1_and_8_offers(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    manager = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    counts = []
    for total in (1, 8):
        while await HandOver.count() < total:
            case = await _case()
            await HandOver(
                person=case.newcomer.person_id,
                from_team=case.counsellor.team_id,
                to_team=manager.team_id,
                moving_on=local_today(),
                effective_on=local_today(),
                old_access_ends_on=local_today(),
                created_at=timeutil.now(),
            ).save()
        await _as(client, manager.email)
        with count_queries(monkeypatch) as counter:
            assert len((await client.data(OFFERS))["handOverOffers"]) == total
        counts.append(counter.count)
    assert counts == [PINNED_OFFER_LIST_QUERIES] * 2


PINNED_OFFER_LIST_QUERIES = 3
"""Session, account's teams, the offers (one join): the same for any number of offers."""
