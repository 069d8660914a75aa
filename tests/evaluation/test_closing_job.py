"""The hourly job computes the protected sets of newly closed periods, once."""

from __future__ import annotations

from datetime import UTC, datetime

from mobio import timeutil
from mobio.evaluation.jobs import compute_closed_evaluations
from mobio.evaluation.periods import recent_closed_periods
from mobio.evaluation.tables import EvaluationCell, EvaluationSet, SetState
from mobio.jobs import periodic
from tests.evaluation.population import add_population


async def _sets() -> list[tuple[str, object, int]]:
    rows = await EvaluationSet.select().order_by(EvaluationSet.period)
    return [
        (
            row["period"],
            row["computed_at"],
            await EvaluationCell.count().where(EvaluationCell.evaluation_set == row["id"]),
        )
        for row in rows
        if row["state"] == SetState.READY
    ]


async def test_the_latest_closed_quarter_is_computed_once() -> None:
    # given a population and no protected set yet
    await add_population(40)
    latest = recent_closed_periods(quarters=1)

    # when the job runs, then runs again
    first = await compute_closed_evaluations({})
    after_first = await _sets()
    second = await compute_closed_evaluations({})

    # then the first run computed the newest closed period(s), the second changed nothing
    assert first == [period.code for period in latest]
    assert [code for code, _, cells in after_first] == sorted(first)
    assert all(cells > 0 for _, _, cells in after_first)
    assert second == []
    assert await _sets() == after_first


async def test_after_the_fourth_quarter_the_year_is_computed_too() -> None:
    # given a population and the clock early in a new year
    await add_population(40)
    year = timeutil.now().year
    timeutil.travel(datetime(year + 1, 1, 10, 12, tzinfo=UTC) - timeutil.now())

    # when the job runs
    computed = await compute_closed_evaluations({})

    # then the closed year and its last quarter are computed, nothing older
    assert computed == [str(year), f"{year}-Q4"]
    assert [code for code, _, _ in await _sets()] == [str(year), f"{year}-Q4"]


def test_the_job_runs_hourly() -> None:
    assert compute_closed_evaluations in periodic.HOURLY
    assert "cron:compute_closed_evaluations" in {job.name for job in periodic.cron_jobs()}
