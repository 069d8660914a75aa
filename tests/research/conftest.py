"""Redis for the extract job on a real arq worker (the job tests' fixture)."""

from tests.jobs.conftest import redis_url  # noqa: F401 - a fixture, used by name
