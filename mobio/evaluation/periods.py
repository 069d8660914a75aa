"""Evaluation periods: a quarter ("2025-Q4") or a year ("2025"), in district time.

A period is evaluated only once it is closed, so its protected set never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from mobio.errors import bad_input
from mobio.timeutil import local_today, start_of

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4]))?$")
FIRST_YEAR = 2015
"""No newcomer data in MoBio predates this; earlier periods are refused as input errors."""


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    quarter: int | None = None  # None: the whole year

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def first_day(self) -> date:
        return date(self.year, 1 + 3 * (self.quarter - 1) if self.quarter else 1, 1)

    @property
    def day_after(self) -> date:
        """The first day after the period."""
        if self.quarter is None or self.quarter == 4:
            return date(self.year + 1, 1, 1)
        return date(self.year, 1 + 3 * self.quarter, 1)

    @property
    def start(self) -> datetime:
        return start_of(self.first_day)

    @property
    def end(self) -> datetime:
        """The first instant after the period (exclusive)."""
        return start_of(self.day_after)

    @property
    def is_closed(self) -> bool:
        return self.day_after <= local_today()


def parse_period(code: str) -> Period:
    """A period from its code; a malformed or implausible code is a translated input error."""
    match = _PATTERN.match(code.strip())
    if match is None or int(match["year"]) < FIRST_YEAR:
        raise bad_input("error.evaluation_period_invalid", period=code)
    quarter = match["quarter"]
    return Period(int(match["year"]), int(quarter) if quarter else None)


def closed_period(code: str) -> Period:
    """A period that has ended; an open or future one is refused (its counts would change)."""
    period = parse_period(code)
    if not period.is_closed:
        raise bad_input("error.evaluation_period_open", period=period.code)
    return period


def recent_closed_periods(quarters: int = 8) -> list[Period]:
    """The last closed quarters and the closed years they fall in, newest first."""
    today = local_today()
    year, quarter = today.year, (today.month - 1) // 3 + 1
    periods: list[Period] = []
    for _ in range(quarters):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
            periods.append(Period(year))
        periods.append(Period(year, quarter))
    return [p for p in periods if p.year >= FIRST_YEAR]
