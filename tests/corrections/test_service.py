"""The corrections service without HTTP: requests, decisions, the log and the counts."""

from __future__ import annotations

import json

import pytest

from mobio.auth.grants import Grant
from mobio.biography import log
from mobio.biography.catalogue.model import Section
from mobio.biography.log import LogEvent
from mobio.biography.saving import save_section
from mobio.biography.tables import SELF, AnswerLog, MemberKind
from mobio.corrections import service
from mobio.corrections.tables import CorrectionRequest, CorrectionState
from mobio.errors import MobioError
from mobio.persons.tables import Person
from tests.corrections import given
from tests.support import factories
from tests.support.biography import caseworker, owner
from tests.support.querycount import count_queries


async def _request(case: given.Case, value: object = given.NEW_BIRTHDAY) -> object:
    return await service.request_correction(
        owner(case.newcomer.account_id),
        case.newcomer.person_id,
        SELF,
        "date_of_birth",
        value,
        "My passport says the 13th.",
        case.evidence,
    )


async def test_a_request_stores_both_values_and_logs_the_proposal() -> None:
    # given a date of birth the owner entered (locked for them)
    case = await given.case()
    # when they ask to correct it
    correction_id = await _request(case)
    # then the request holds the stored and the proposed value, and the log the proposal
    stored = await CorrectionRequest.select().where(CorrectionRequest.id == correction_id).first()
    assert json.loads(stored["current_value"]) == given.OLD_BIRTHDAY
    assert json.loads(stored["proposed_value"]) == given.NEW_BIRTHDAY
    assert stored["state"] == CorrectionState.OPEN
    entries = await log.entries(case.newcomer.person_id, SELF, "date_of_birth")
    assert [(e.event, e.value) for e in entries] == [
        (None, given.OLD_BIRTHDAY),
        (LogEvent.CORRECTION_REQUESTED, given.NEW_BIRTHDAY),
    ]
    assert entries[1].previous_value == given.OLD_BIRTHDAY
    assert entries[1].correction_reason == "My passport says the 13th."


async def test_a_value_as_typed_is_stored_as_a_save_would_store_it() -> None:
    # given a family name the owner entered
    newcomer = await factories.newcomer()
    await given.enter_once(newcomer, {"family_name": "Hadad"})
    evidence = await given.document(newcomer.person_id)
    # when they propose it with spaces around
    correction_id = await service.request_correction(
        owner(newcomer.account_id),
        newcomer.person_id,
        SELF,
        "family_name",
        "  Haddad ",
        "Typo",
        evidence,
    )
    # then it is stored trimmed, like a saved answer
    stored = await CorrectionRequest.select().where(CorrectionRequest.id == correction_id).first()
    assert json.loads(stored["proposed_value"]) == "Haddad"


async def test_a_second_open_request_for_the_same_answer_is_refused() -> None:
    case = await given.case()
    await _request(case)
    with pytest.raises(MobioError) as refused:
        await _request(case, "1990-01-14")
    assert refused.value.code == "CORRECTION_ALREADY_OPEN"


async def test_a_child_page_answer_can_be_corrected_too() -> None:
    # given a child whose date of birth the owner entered
    case = await given.case()
    member = await factories.family_member(case.newcomer.person_id, MemberKind.CHILD)
    actor = owner(case.newcomer.account_id)
    await save_section(
        actor,
        case.newcomer.person_id,
        str(member),
        Section.PERSONAL,
        0,
        {"date_of_birth": "2015-05-05"},
    )
    # when the owner asks for a correction and a caseworker approves it
    correction_id = await service.request_correction(
        actor,
        case.newcomer.person_id,
        str(member),
        "date_of_birth",
        "2015-05-06",
        "Wrong day",
        case.evidence,
    )
    worker = caseworker(case.worker.account_id, Grant.SOCIAL_COUNSELLING, case.worker.team_id)
    await service.approve_correction(worker, case.newcomer.person_id, correction_id, 1)
    # then the child's page has the new value and its log both
    entries = await log.entries(case.newcomer.person_id, str(member), "date_of_birth")
    assert [(e.event, e.value) for e in entries][-1] == (LogEvent.CORRECTION_APPROVED, "2015-05-06")
    assert entries[-1].previous_value == "2015-05-05"


async def test_approving_a_value_someone_set_meanwhile_logs_no_second_change() -> None:
    # given a request, and a caseworker who then typed the same value in the form
    case = await given.case()
    correction_id = await _request(case)
    worker = caseworker(case.worker.account_id, Grant.SOCIAL_COUNSELLING, case.worker.team_id)
    version = await save_section(
        worker,
        case.newcomer.person_id,
        SELF,
        Section.PERSONAL,
        1,
        {"date_of_birth": given.NEW_BIRTHDAY},
    )
    # when approving
    await service.approve_correction(worker, case.newcomer.person_id, correction_id, version)
    # then the log shows the caseworker's save once, then the approval
    events = [e.event for e in await log.entries(case.newcomer.person_id, SELF, "date_of_birth")]
    assert events == [None, LogEvent.CORRECTION_REQUESTED, None, LogEvent.CORRECTION_APPROVED]
    birthday = (
        await Person.select(Person.date_of_birth)
        .where(Person.id == case.newcomer.person_id)
        .first()
    )
    assert birthday["date_of_birth"].isoformat() == given.NEW_BIRTHDAY


async def test_open_requests_are_counted_per_person_in_one_statement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given two persons with an open request, one decided too, and one without any
    first, second = await given.case(), await given.case()
    none = await factories.newcomer()
    await _request(first)
    decided = await _request(second)
    worker = caseworker(second.worker.account_id, Grant.SOCIAL_COUNSELLING, second.worker.team_id)
    await service.reject_correction(worker, second.newcomer.person_id, decided, "No evidence.")
    await service.request_correction(
        owner(second.newcomer.account_id),
        second.newcomer.person_id,
        SELF,
        "date_of_birth",
        "1990-01-14",
        "Another try",
        second.evidence,
    )
    ids = [first.newcomer.person_id, second.newcomer.person_id, none.person_id]
    # when counting
    with count_queries(monkeypatch) as queries:
        counts = await service.open_corrections_by_person(ids)
    # then each open request counts, decided ones not, in one statement
    assert counts == {ids[0]: 1, ids[1]: 1, ids[2]: 0}
    assert queries.count == 1


async def test_nothing_is_written_when_a_request_is_refused() -> None:
    case = await given.case()
    before = await AnswerLog.count()
    with pytest.raises(MobioError):
        await _request(case, "not a date")
    assert await CorrectionRequest.count() == 0
    assert await AnswerLog.count() == before
