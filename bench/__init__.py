"""MoBio's benchmarks: a generated district, a real server, and the raw-SQL limit beside it.

``make bench`` runs :mod:`bench.generate` (when the database is missing) and :mod:`bench.run`.
"""

from __future__ import annotations

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/mobio_bench"
PASSWORD = "bench-password-2026"
"""Every generated account's password."""
EMAIL_DOMAIN = "bench.mobio.invalid"
BIG_TEAM_CASEWORKER = f"caseworker-big@{EMAIL_DOMAIN}"
"""Member of the integration-management team holding releases from 2,000 persons."""
BIG_TEAM_SIZE = 2000
ANALYST = f"analyst@{EMAIL_DOMAIN}"
"""An analyst for the whole district (evaluation workload)."""


def newcomer_email(number: int) -> str:
    """The login of the ``number``-th generated newcomer (from 0)."""
    return f"newcomer{number}@{EMAIL_DOMAIN}"
