"""Running ``python -m mobio.cli`` as its own process, as an operator would."""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Completed:
    returncode: int
    output: str
    """stdout and stderr together."""


def clean_environment(**variables: str) -> dict[str, str]:
    """This process's environment without any ``MOBIO_*`` or ``PICCOLO_*`` variable, plus
    ``MOBIO_<NAME>`` for each ``name=value`` given."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MOBIO_", "PICCOLO_"))
    }
    env.update({f"MOBIO_{name.upper()}": value for name, value in variables.items()})
    return env


async def run_mobio(*args: str, env: dict[str, str], cwd: Path = REPOSITORY) -> Completed:
    """``python -m mobio.cli <args>`` with ``env``; waits for it to end.

    The repository comes first on ``PYTHONPATH``, so the process runs the code under test
    (as this one does), not some installed copy, whatever ``cwd`` is.
    """
    paths = [str(REPOSITORY), *filter(None, [env.get("PYTHONPATH")])]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "mobio.cli",
        *args,
        env={**env, "PYTHONPATH": os.pathsep.join(paths)},
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode is not None
    return Completed(process.returncode, output.decode(errors="replace"))
