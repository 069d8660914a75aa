"""Hourly: compute the protected sets of newly closed periods before anyone asks for them.

Only the newest closed quarter and, once a year has closed, that year: older sets were made
in earlier hours (or are made on first request). A set is computed once, so a second run
finds it ready and does nothing.
"""

from __future__ import annotations

import logging
from typing import Any

from mobio.evaluation.periods import recent_closed_periods
from mobio.evaluation.sets import protected_set
from mobio.evaluation.tables import EvaluationSet, SetState

log = logging.getLogger(__name__)


async def compute_closed_evaluations(ctx: dict[str, Any]) -> list[str]:
    """The codes of the periods whose sets this run computed (none once they are ready)."""
    computed: list[str] = []
    for period in recent_closed_periods(quarters=1):
        ready = await EvaluationSet.exists().where(
            (EvaluationSet.period == period.code) & (EvaluationSet.state == SetState.READY)
        )
        if ready:
            continue
        await protected_set(period)
        computed.append(period.code)
        log.info("evaluation set %s computed ahead of the first request", period.code)
    return computed
