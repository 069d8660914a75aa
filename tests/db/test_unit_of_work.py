"""Side effects that follow a transaction's outcome."""

from __future__ import annotations

import pytest

from mobio.db.unit_of_work import after_commit, on_rollback, settle, unit_of_work


async def test_without_a_unit_after_commit_runs_at_once_and_undo_is_dropped() -> None:
    done: list[str] = []

    async def note(name: str) -> None:
        done.append(name)

    await after_commit(lambda: note("then"))
    on_rollback(lambda: note("undo"))
    assert done == ["then"]


@pytest.mark.parametrize(("committed", "expected"), [(True, ["then"]), (False, ["b", "a"])])
async def test_settle_runs_what_the_outcome_calls_for(committed: bool, expected: list[str]) -> None:
    done: list[str] = []

    async def note(name: str) -> None:
        done.append(name)

    async with unit_of_work() as unit:
        await after_commit(lambda: note("then"))
        on_rollback(lambda: note("a"))
        on_rollback(lambda: note("b"))
        assert done == []
    await settle(unit, committed=committed)
    # undo runs newest first; each action runs once
    assert done == expected
    await settle(unit, committed=committed)
    assert done == expected


async def test_a_failing_action_does_not_stop_the_others() -> None:
    done: list[str] = []

    async def fail() -> None:
        raise OSError("store unreachable")

    async def note() -> None:
        done.append("ran")

    async with unit_of_work() as unit:
        on_rollback(note)
        on_rollback(fail)
    await settle(unit, committed=False)
    assert done == ["ran"]
