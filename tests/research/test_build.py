"""Writing extracts: consenting persons only, unlinkable pseudonyms, k-anonymity, expiry."""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from datetime import timedelta
from uuid import UUID

from mobio import timeutil
from mobio.documents.store import build_store
from mobio.erasure import service as erasure
from mobio.erasure.jobs import erase_due
from mobio.evaluation import service as evaluation
from mobio.jobs import queue
from mobio.organisations import service as organisations
from mobio.research import build, extracts, participation
from mobio.research.anonymity import k_anonymise
from mobio.research.extracts import ExtractRecord
from mobio.research.tables import ExtractMember, ExtractState, ResearchExtract
from mobio.settings import get_settings
from tests.erasure.profile import tables_mentioning
from tests.research.helpers import analyst, arrived_newcomer, csv_rows, stored_bytes
from tests.support import factories


async def _built(
    variables: list[str], purpose: str = "Language courses"
) -> tuple[ExtractRecord, list[list[str]]]:
    """An extract requested, approved and written by its job; its record and CSV rows."""
    _, analyst_id = await analyst()
    made = await extracts.request(analyst_id, purpose, "University", "2025", variables)
    await extracts.approve(made.id, None)  # queues the job (in this process: no Redis)
    await queue.drain()
    record = await extracts.find(made.id)
    assert record is not None and record.state is ExtractState.READY
    assert record.storage_key is not None
    return record, csv_rows(await stored_bytes(record.storage_key))


async def _members(extract_id: UUID) -> set[UUID]:
    rows = await ExtractMember.select(ExtractMember.person).where(
        ExtractMember.extract == extract_id
    )
    return {UUID(str(row["person"])) for row in rows}


async def test_only_consenting_persons_and_unlinkable_pseudonyms() -> None:
    # given six consenting newcomers of the year and two who never joined
    joined = [await arrived_newcomer() for _ in range(6)]
    others = [await arrived_newcomer(joins=False) for _ in range(2)]
    # when an extract is written
    record, rows = await _built(["sex", "nationality_group"])
    # then it holds one row per consenting person: the pseudonym and the chosen categories
    assert rows[0] == ["pseudonym", "nationality_group", "sex"]
    assert sorted(rows[1:]) == sorted([[row[0], "SY", "female"] for row in rows[1:]])
    assert record.persons == 6 and record.rows_dropped == 0
    assert await _members(record.id) == {n.person_id for n in joined}
    assert not {n.person_id for n in others} & await _members(record.id)
    # and the expiry is the configured download window
    assert record.ready_at is not None and record.expires_at is not None
    days = get_settings().extract_download_days
    assert record.expires_at - record.ready_at == timedelta(days=days)
    # when a second extract of the same persons is written
    _, second = await _built(["sex", "nationality_group"])
    # then no pseudonym recurs, and none is a key-less digest of a person's id
    first_pseudonyms = {row[0] for row in rows[1:]}
    second_pseudonyms = {row[0] for row in second[1:]}
    assert len(first_pseudonyms) == len(second_pseudonyms) == 6
    assert not first_pseudonyms & second_pseudonyms
    guesses = set()
    for person in (n.person_id for n in joined):
        for text in (str(person), person.hex):
            guesses.add(hashlib.sha256(text.encode()).hexdigest())
            guesses.add(hmac.new(b"", text.encode(), hashlib.sha256).hexdigest())
    assert not guesses & (first_pseudonyms | second_pseudonyms)
    # and MoBio keeps no pseudonym anywhere
    stored = await ResearchExtract.select()
    assert not any(p in str(row) for row in stored for p in first_pseudonyms)


async def test_withdrawal_keeps_a_person_out_of_later_extracts() -> None:
    # given six consenting newcomers and a first extract
    joined = [await arrived_newcomer() for _ in range(6)]
    first, _ = await _built(["sex"])
    # when one of them withdraws
    leaving = joined[0]
    await participation.leave(leaving.person_id)
    # then the next extract leaves them out; the first still lists them
    second, rows = await _built(["sex"])
    assert leaving.person_id not in await _members(second.id)
    assert len(rows) - 1 == 5 == second.persons
    assert leaving.person_id in await _members(first.id)
    uses = await extracts.extracts_including(leaving.person_id)
    assert [use.number for use in uses] == [first.number]


async def test_rare_combinations_are_generalised_or_dropped() -> None:
    # given six consenting women and one consenting man (a combination of one)
    for _ in range(6):
        await arrived_newcomer()
    man = await arrived_newcomer(sex="male")
    # when an extract by sex and nationality group is written
    record, rows = await _built(["nationality_group", "sex"])
    # then no combination in the file is held by fewer than k rows
    k = get_settings().evaluation_min_cell
    combinations = Counter(tuple(row[1:]) for row in rows[1:])
    assert all(count >= k for count in combinations.values()), combinations
    # and the man, rare even when generalised, was dropped and counted as such
    assert record.rows_dropped == 1 and record.persons == 6
    assert man.person_id not in await _members(record.id)


def test_generalising_keeps_common_detail_and_drops_what_stays_rare() -> None:
    # given five rows of one combination, five that differ only in age, and one loner
    rows = [("a", "x", "1")] * 5 + [("b", "y", str(age)) for age in range(5)] + [("c", "z", "9")]
    # when made 5-anonymous
    result = k_anonymise(rows, 5)
    # then the common rows keep everything, the five become one group, the loner goes
    assert result.rows[:5] == [("a", "x", "1")] * 5
    assert set(result.rows[5:]) == {("b", "y", "unknown")}
    assert result.dropped == 1 and result.kept == list(range(10))


async def test_an_expired_extract_is_removed() -> None:
    # given a written extract
    for _ in range(5):
        await arrived_newcomer()
    record, _ = await _built(["sex"])
    store = build_store(get_settings())
    assert record.storage_key is not None and await store.exists(record.storage_key)
    # when the hourly job runs within the window, nothing happens
    assert await build.remove_expired_extracts({}, store=store) == 0
    # when it runs after the window
    timeutil.travel(timedelta(days=get_settings().extract_download_days, minutes=1))
    assert await build.remove_expired_extracts({}, store=store) == 1
    # then the file is gone and the register says expired (counts stay)
    assert not await store.exists(record.storage_key)
    expired = await extracts.find(record.id)
    assert expired is not None and expired.state is ExtractState.EXPIRED
    assert expired.storage_key is None and expired.persons == 5


async def test_a_second_run_of_the_job_does_nothing() -> None:
    for _ in range(5):
        await arrived_newcomer()
    record, _ = await _built(["sex"])
    assert await build.build(record.id) is None
    again = await extracts.find(record.id)
    assert again is not None and again.storage_key == record.storage_key
    assert await ExtractMember.count() == 5


async def test_erasing_a_person_leaves_only_the_counts() -> None:
    # given an extract that included a person
    people = [await arrived_newcomer() for _ in range(5)]
    record, _ = await _built(["sex"])
    erased = people[0]
    # when the person deletes their account and the erasure runs after its undo window
    await erasure.request_erasure(erased.account_id, factories.PASSWORD, True)
    timeutil.travel(timedelta(days=get_settings().erasure_undo_days, hours=1))
    assert await erase_due({}, store=build_store(get_settings())) == 1
    # then no table names them any more (who was included went with them)
    ids = [str(erased.person_id), erased.person_id.hex, str(erased.account_id)]
    assert await tables_mentioning(ids) == {}
    assert erased.person_id not in await _members(record.id)
    # and the extract keeps its count, the others stay listed
    kept = await extracts.find(record.id)
    assert kept is not None and kept.persons == 5
    assert await _members(record.id) == {p.person_id for p in people[1:]}


async def test_an_approved_extract_whose_job_was_lost_is_marked_failed() -> None:
    # given an approved extract whose job never ran
    _, analyst_id = await analyst()
    made = await extracts.request(analyst_id, "Courses", "University", "2025", ["sex"])
    await ResearchExtract.update(
        {ResearchExtract.state: ExtractState.APPROVED, ResearchExtract.decided_at: timeutil.now()}
    ).where(ResearchExtract.id == made.id)
    # when the hourly job runs a day later
    timeutil.travel(timedelta(days=1, minutes=1))
    await build.remove_expired_extracts({}, store=build_store(get_settings()))
    # then it is failed, and a late job would not write it
    failed = await extracts.find(made.id)
    assert failed is not None and failed.state is ExtractState.FAILED
    assert await build.build(made.id) is None


async def test_an_analyst_limited_to_municipalities_gets_their_persons_only() -> None:
    # given six consenting newcomers no team of Aheim serves, and an analyst limited to Aheim
    for _ in range(6):
        await arrived_newcomer()
    aheim = await organisations.create_municipality("Aheim")
    _, analyst_id = await analyst()
    await evaluation.set_analyst_scope(analyst_id, [aheim])
    # when the analyst's extract is approved and written
    made = await extracts.request(analyst_id, "Planning", "Aheim", "2025", ["sex"])
    await extracts.approve(made.id, None)
    await queue.drain()
    # then it holds nobody from outside Aheim
    record = await extracts.find(made.id)
    assert record is not None and record.state is ExtractState.READY and record.persons == 0
