"""The caseload through the API: search, filters with counts, paging, cards, isolation."""

from __future__ import annotations

import datetime
from datetime import timedelta
from uuid import UUID

import pytest

from mobio import timeutil
from mobio.accounts.tables import AccountKind
from mobio.biography.catalogue.model import Section
from mobio.biography.tables import SELF, SectionVersion
from mobio.caseload.filters import Completeness, GoalsDue, HandOverFilter
from mobio.goals.tables import GoalAgreement, GoalArea, GoalStep, StepResponsible
from mobio.handover.tables import HandOver, HandOverState
from mobio.i18n import INTERFACE_LANGUAGES, translate
from mobio.organisations import service as organisations
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.releases.tables import TeamRelease
from tests.support import factories
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

CASELOAD = """query($t: ID, $s: String, $f: CaseloadFilter, $n: Int!, $a: String) {
  caseload(teamId: $t, search: $s, filter: $f, first: $n, after: $a) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { person { id familyName givenName } completeness municipality { name }
      releaseEndsAt handOverState goalsDueSoon goalsOverdue openCorrections } }
    facets { field values { value label count } } } }"""
NAMES = """query($s: String, $f: CaseloadFilter) {
  caseload(search: $s, filter: $f, first: 100) { totalCount edges { node { person {
    familyName } } } } }"""
DASHBOARD = """{ caseworkerDashboard { incompleteProfiles releasesEndingSoon goalsDueSoon
  goalsOverdue handOverOffersReceived handOversPending openCorrectionRequests } }"""


async def _released(team_id: UUID, family_name: str, **kw: object) -> UUID:
    newcomer = await factories.newcomer(family_name=family_name, **kw)  # type: ignore[arg-type]
    await factories.team_release(newcomer.person_id, team_id)
    return newcomer.person_id


async def _names(client: GraphQLClient, search: str | None = None, **chosen: object) -> list[str]:
    data = await client.data(NAMES, {"s": search, "f": chosen or None})
    return sorted(e["node"]["person"]["familyName"] for e in data["caseload"]["edges"])


async def _goal_step(person_id: UUID, team_id: UUID, due_in_days: int) -> None:
    now = timeutil.now()
    goal = GoalAgreement(
        person=person_id,
        team=team_id,
        area=GoalArea.LANGUAGE,
        goal="B1 course",
        created_at=now,
        updated_at=now,
    )
    await goal.save()
    await GoalStep(
        goal=goal.id,
        description="Register",
        responsible=StepResponsible.NEWCOMER,
        due_on=timeutil.local_today() + timedelta(days=due_in_days),
    ).save()


async def _hand_over(person_id: UUID, from_team: UUID, to_team: UUID, state: HandOverState) -> None:
    today = timeutil.local_today()
    await HandOver(
        person=person_id,
        from_team=from_team,
        to_team=to_team,
        moving_on=today + timedelta(days=10),
        effective_on=today + timedelta(days=10),
        old_access_ends_on=today + timedelta(days=20),
        state=state,
        created_at=timeutil.now(),
    ).save()


async def _complete(person_id: UUID) -> None:
    for section in Section:
        await SectionVersion(person=person_id, subject=SELF, section=section, version=1).save()


async def test_search_tolerates_spelling_and_finds_dates_of_birth(client: GraphQLClient) -> None:
    # given a team with three persons
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await _released(worker.team_id, "Mohammed", given_name="Ali")
    await _released(worker.team_id, "Meier", given_name="Jana")
    await _released(
        worker.team_id, "Yılmaz", given_name="Elif", date_of_birth=datetime.date(2001, 5, 4)
    )
    await client.login(worker.email, factories.PASSWORD)
    # when searching with other spellings, a prefix or a date of birth
    # then the right persons come back
    assert await _names(client, "Muhammad") == ["Mohammed"]
    assert await _names(client, "mayer") == ["Meier"]
    assert await _names(client, "yilm") == ["Yılmaz"]
    assert await _names(client, "04.05.2001") == ["Yılmaz"]
    assert await _names(client, "2001-05-04") == ["Yılmaz"]
    assert await _names(client, "ali mohamed") == ["Mohammed"]
    assert await _names(client, "Schmidt") == []
    assert await _names(client, "%") == ["Meier", "Mohammed", "Yılmaz"]  # no words: no narrowing


async def test_filters_count_each_value_with_the_other_filters_applied(
    client: GraphQLClient,
) -> None:
    # given a district counselling team with four persons in different states
    municipality = await organisations.create_municipality("Neustadt")
    team = await organisations.create_team("Beratung", TeamKind.SOCIAL_COUNSELLING, None)
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING, team)
    receiving = await organisations.create_team(
        "IM Neustadt", TeamKind.INTEGRATION_MANAGEMENT, municipality
    )
    complete = await _released(team, "Complete")
    await _complete(complete)
    due = await _released(team, "Due")
    await _goal_step(due, team, due_in_days=3)
    late = await _released(team, "Late")
    await _goal_step(late, team, due_in_days=-1)
    moving = await _released(team, "Moving")
    await _hand_over(moving, team, receiving, HandOverState.OFFERED)
    await client.login(worker.email, factories.PASSWORD)
    # when filtering
    # then each filter narrows, and the facets count per value
    assert await _names(client, completeness="COMPLETE") == ["Complete"]
    assert await _names(client, completeness="INCOMPLETE") == ["Due", "Late", "Moving"]
    assert await _names(client, goals="DUE_SOON") == ["Due"]
    assert await _names(client, goals="OVERDUE") == ["Late"]
    assert await _names(client, handOver="OFFERED") == ["Moving"]
    assert await _names(client, handOver="NONE") == ["Complete", "Due", "Late"]
    assert await _names(client, municipalityId=str(municipality)) == ["Moving"]
    data = await client.data(
        CASELOAD, {"n": 10, "f": {"completeness": "INCOMPLETE"}, "s": None, "t": None, "a": None}
    )
    facets = {
        f["field"]: {v["value"]: (v["count"], v["label"]) for v in f["values"]}
        for f in data["caseload"]["facets"]
    }
    # the completeness facet ignores its own filter; the others apply it (labels in the
    # caseworker's language, German)
    assert facets["COMPLETENESS"] == {
        "complete": (1, "Vollständig"),
        "incomplete": (3, "Unvollständig"),
    }
    assert facets["GOALS"] == {
        "due_soon": (1, "Ziele bald fällig"),
        "overdue": (1, "Ziele überfällig"),
    }
    assert facets["HAND_OVER"]["offered"][0] == 1
    assert facets["HAND_OVER"]["none"][0] == 2
    assert facets["MUNICIPALITY"] == {str(municipality): (1, "Neustadt")}
    assert data["caseload"]["totalCount"] == 3
    rows = {e["node"]["person"]["familyName"]: e["node"] for e in data["caseload"]["edges"]}
    assert rows["Moving"]["handOverState"] == "OFFERED"
    assert rows["Moving"]["municipality"] == {"name": "Neustadt"}
    assert (rows["Due"]["goalsDueSoon"], rows["Late"]["goalsOverdue"]) == (1, 1)


async def test_pages_follow_the_cursor_in_name_order(client: GraphQLClient) -> None:
    # given seven persons, two with the same name
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    names = ["Bauer", "ahmadi", "Celik", "Bauer", "Diallo", "Ebrahimi", "Farah"]
    for name in names:
        await _released(worker.team_id, name)
    await client.login(worker.email, factories.PASSWORD)
    # when paging three at a time
    seen: list[str] = []
    ids: set[str] = set()
    after = None
    while True:
        variables = {"n": 3, "a": after, "s": None, "f": None, "t": None}
        page = (await client.data(CASELOAD, variables))["caseload"]
        assert page["totalCount"] == 7
        seen += [e["node"]["person"]["familyName"] for e in page["edges"]]
        ids |= {e["node"]["person"]["id"] for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    # then every person comes once, in name order regardless of case
    assert seen == ["ahmadi", "Bauer", "Bauer", "Celik", "Diallo", "Ebrahimi", "Farah"]
    assert len(ids) == 7


@pytest.mark.parametrize("persons", [10, 50])
async def test_a_page_costs_the_same_statements_for_10_and_50_persons(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, persons: int
) -> None:
    # given a team with many persons, some with goals and hand-overs
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    other = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    for number in range(persons):
        person = await _released(worker.team_id, f"Person {number:02}")
        if number % 3 == 0:
            await _goal_step(person, worker.team_id, due_in_days=number % 5 - 2)
        if number % 4 == 0:
            await _hand_over(person, worker.team_id, other.team_id, HandOverState.OFFERED)
    await client.login(worker.email, factories.PASSWORD)
    # when loading one full page with counts and facets
    variables = {"n": persons, "a": None, "s": None, "f": None, "t": None}
    with count_queries(monkeypatch) as queries:
        data = await client.data(CASELOAD, variables)
    # then every person is there, for a fixed number of statements
    assert len(data["caseload"]["edges"]) == persons
    # session, teams; the page and its 5 row details; grants; total; 8 facet counts; the
    # municipalities (their list, then one count each: the team's and the offers' target);
    # the access log
    assert queries.count == 2 + 6 + 1 + 1 + 8 + 3 + 1, queries.statements


async def test_lists_and_counts_hold_only_the_callers_teams(client: GraphQLClient) -> None:
    # given two teams, each with its own person, goals and offers, and a third person whose
    # release to the first team was revoked, and a fourth whose release has ended
    mine = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    theirs = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    receiving = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    own = await _released(mine.team_id, "Own")
    foreign = await _released(theirs.team_id, "Foreign")
    shared = await _released(theirs.team_id, "Shared")
    await factories.team_release(shared, mine.team_id)
    await _goal_step(shared, theirs.team_id, due_in_days=-3)  # the other team's goal
    await _hand_over(shared, theirs.team_id, receiving.team_id, HandOverState.OFFERED)
    revoked = await factories.newcomer(family_name="Revoked")
    await factories.revoked_team_release(revoked.person_id, mine.team_id)
    ended = await _released(mine.team_id, "Ended")
    await TeamRelease.update({TeamRelease.ends_at: timeutil.now() - timedelta(minutes=1)}).where(
        TeamRelease.person == ended
    )
    await _goal_step(own, mine.team_id, due_in_days=1)
    await client.login(mine.email, factories.PASSWORD)
    # when the first team lists and counts
    # then it sees its own persons only, and nothing of the other team's goals or offers
    assert await _names(client) == ["Own", "Shared"]
    assert await _names(client, goals="OVERDUE") == []
    assert await _names(client, handOver="OFFERED") == []
    cards = (await client.data(DASHBOARD))["caseworkerDashboard"]
    assert cards["goalsOverdue"] == 0 and cards["goalsDueSoon"] == 1
    assert cards["handOversPending"] == 0 and cards["handOverOffersReceived"] == 0
    assert foreign and revoked
    # and another team's id is refused
    refused = await client.error_code(
        CASELOAD, {"n": 5, "t": str(theirs.team_id), "s": None, "f": None, "a": None}
    )
    assert refused == "FORBIDDEN"
    # and the receiving team sees the offer on its dashboard, not the person in its caseload
    client.forget_cookies()
    await client.login(receiving.email, factories.PASSWORD)
    assert await _names(client) == []
    assert (await client.data(DASHBOARD))["caseworkerDashboard"]["handOverOffersReceived"] == 1


async def test_no_one_but_a_team_has_a_caseload(client: GraphQLClient) -> None:
    # given a person released to a team, and callers of every other kind
    worker = await factories.caseworker(TeamKind.INTEGRATION_OFFICE)
    newcomer = await factories.newcomer(family_name="Owner")
    await factories.team_release(newcomer.person_id, worker.team_id)
    token = await factories.stakeholder_release(newcomer.person_id, Package.EMPLOYER)
    callers = [(newcomer.email, None)]
    for kind in (AccountKind.ADMINISTRATOR, AccountKind.ANALYST):
        callers.append(((await factories.staff(kind))[0], None))
    # when each asks for the caseload and the dashboard
    for email, _ in callers:
        client.forget_cookies()
        await client.login(email, factories.PASSWORD)
        # then the list is empty and every card zero
        assert await _names(client) == []
        assert set((await client.data(DASHBOARD))["caseworkerDashboard"].values()) == {0}
    client.forget_cookies()
    anonymous = await client.data(NAMES, {"s": None, "f": None}, headers={"x-release-token": token})
    assert anonymous["caseload"]["totalCount"] == 0


async def test_cards_count_what_needs_attention(client: GraphQLClient) -> None:
    # given a team with an incomplete profile, a complete one with an ending release, goals
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    receiving = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await _released(worker.team_id, "Incomplete")
    done = await _released(worker.team_id, "Done")
    await _complete(done)
    await TeamRelease.update({TeamRelease.ends_at: timeutil.now() + timedelta(days=2)}).where(
        TeamRelease.person == done
    )
    await _goal_step(done, worker.team_id, due_in_days=10)
    await _goal_step(done, worker.team_id, due_in_days=-10)
    await _hand_over(done, worker.team_id, receiving.team_id, HandOverState.OFFERED)
    await client.login(worker.email, factories.PASSWORD)
    # when reading the dashboard
    cards = (await client.data(DASHBOARD))["caseworkerDashboard"]
    # then each card counts persons
    assert cards == {
        "incompleteProfiles": 1,
        "releasesEndingSoon": 1,
        "goalsDueSoon": 1,
        "goalsOverdue": 1,
        "handOverOffersReceived": 0,
        "handOversPending": 1,
        "openCorrectionRequests": 0,
    }
    assert await _names(client, releaseEnding=True) == ["Done"]


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"n": 0}, "BAD_INPUT"),
        ({"n": 101}, "BAD_INPUT"),
        ({"n": 5, "a": "not-a-cursor"}, "BAD_INPUT"),
        ({"n": 5, "s": "x" * 101}, "BAD_INPUT"),
        ({"n": 5, "t": "not-an-id"}, "BAD_INPUT"),
    ],
)
async def test_bad_arguments_get_a_translated_error(
    client: GraphQLClient, variables: dict[str, object], code: str
) -> None:
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await client.login(worker.email, factories.PASSWORD)
    full = {"a": None, "s": None, "f": None, "t": None, **variables}
    assert await client.error_code(CASELOAD, full) == code


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_facet_value_has_a_label(language: str) -> None:
    values = {
        "completeness": [c.value for c in Completeness],
        "release_ending": ["true"],
        "hand_over": [h.value for h in HandOverFilter],
        "goals": [g.value for g in GoalsDue],
    }
    ids = [f"caseload.facet.{field}.{v}" for field, vs in values.items() for v in vs]
    assert [i for i in ids if translate(language, i) == i] == []
