"""The one-off cost of a closed period's protected set, computed anew and timed.

Run by bench.evaluation in a subprocess with MoBio's settings in the environment (the engine is
built from them at import); prints JSON: seconds, cells, hidden cells, persons in the period.
The period's stored set is deleted first (its cells go with it), so it is computed, not read.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from typing import Any

PERIOD = "2025-Q4"
"""The bench district's newcomers join over 2025 (bench.generate), so this quarter counts all."""


async def compute(period_code: str) -> dict[str, Any]:
    from mobio.evaluation.periods import closed_period
    from mobio.evaluation.sets import protected_set
    from mobio.evaluation.tables import EvaluationCell, EvaluationSet
    from mobio.persons.tables import Person

    period = closed_period(period_code)
    await EvaluationSet.delete().where(EvaluationSet.period == period.code)
    started = time.perf_counter()
    evaluation = await protected_set(period)
    seconds = time.perf_counter() - started
    cells = EvaluationCell.evaluation_set == evaluation.id
    return {
        "seconds": seconds,
        "cells": await EvaluationCell.count().where(cells),
        "hidden": await EvaluationCell.count().where(cells & EvaluationCell.value.is_null()),
        "persons": await Person.count().where(Person.created_at < period.end),
    }


def main() -> None:
    period = sys.argv[1] if len(sys.argv) > 1 else PERIOD
    print(json.dumps(asyncio.run(compute(period))))


if __name__ == "__main__":
    main()
