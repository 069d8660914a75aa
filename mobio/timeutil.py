"""The one clock MoBio reads, so tests can move time instead of sleeping."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_offset = timedelta()


def now() -> datetime:
    """The current time in UTC (shifted by :func:`travel` in tests)."""
    return datetime.now(UTC) + _offset


def travel(delta: timedelta) -> None:
    """Move the clock forwards (tests only)."""
    global _offset
    _offset += delta


def reset() -> None:
    """Put the clock back to real time (tests only)."""
    global _offset
    _offset = timedelta()


DISTRICT_ZONE = ZoneInfo("Europe/Berlin")
"""Calendar days (due dates, hand-over dates) are days in the district, not in UTC."""


def local_today() -> date:
    """Today in the district (a day starts at midnight there)."""
    return now().astimezone(DISTRICT_ZONE).date()


def start_of(day: date) -> datetime:
    """Midnight at the start of ``day`` in the district, as an aware datetime."""
    return datetime.combine(day, time(), tzinfo=DISTRICT_ZONE)
