"""Dates of a hand-over are calendar days in the district's time zone (Europe/Berlin)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from mobio import timeutil

DISTRICT_ZONE = ZoneInfo("Europe/Berlin")


def local_today() -> datetime.date:
    """Today in the district (a day starts at midnight there, not in UTC)."""
    return timeutil.now().astimezone(DISTRICT_ZONE).date()


def start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the district, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=DISTRICT_ZONE)
