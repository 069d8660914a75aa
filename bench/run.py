"""Run the workloads against real server processes and print one Markdown table.

    python -m bench.run [--seconds 10] [--clients 8] [--url postgresql://...]

Four servers run side by side on the generated database (see bench.generate), each workload
going to them in turn in interleaved slices:

- MoBio in production configuration (guards on): the main numbers;
- the raw-SQL limit (bench.limit): hand-written asyncpg queries, same JSON out;
- MoBio with ``MOBIO_ENVIRONMENT=test`` twice, with and without ``MOBIO_BENCH_WITHOUT_GUARDS``
  (production ignores the flag), for the cost of authorization.

Each workload runs for ``--seconds`` with ``--clients`` concurrent clients, each sending its
next request when the previous one is answered.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench import BIG_TEAM_CASEWORKER, DEFAULT_DATABASE_URL, PASSWORD, newcomer_email, queries
from bench.generate import tokens_file

ROOT = Path(__file__).resolve().parents[1]
WORKLOADS = ("section screen", "caseload page (50)", "stakeholder package", "save section")
Request = Callable[[httpx.AsyncClient, int], Awaitable[None]]


class BenchError(RuntimeError):
    """A workload's request did not get the expected answer."""


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str = ""
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str

    def peak_rss_mib(self) -> float | None:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
        except OSError:
            return None
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None


@contextmanager
def serve(app: str, env: dict[str, str]) -> Iterator[Server]:
    """A uvicorn process serving ``app`` (a factory) on a free port, until the block ends."""
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})  # noqa: S603
    server = Server(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise BenchError(f"{app} exited with {process.returncode} at start")
            try:
                if httpx.get(f"{server.base}/healthz", timeout=1).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise BenchError(f"{app} did not start within 30 s")
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _check(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    if response.status_code != 200 or body.get("errors"):
        raise BenchError(f"{response.status_code}: {json.dumps(body)[:300]}")
    return dict(body["data"])


@dataclass
class Session:
    headers: dict[str, str]
    person_id: str | None = None
    version: int = 0


async def login(base: str, email: str) -> Session:
    """Log in as the web client does: session and CSRF cookies, the CSRF token echoed."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        response = await client.post(
            "/graphql", json={"query": queries.LOGIN, "variables": {"e": email, "p": PASSWORD}}
        )
        _check(response)
        cookies: dict[str, str] = {}
        for header in response.headers.get_list("set-cookie"):
            name, _, rest = header.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
    session = Session(
        {
            "cookie": f"mobio_session={cookies['mobio_session']}",
            "x-csrf-token": cookies["mobio_csrf"],
        }
    )
    async with httpx.AsyncClient(base_url=base, timeout=60, headers=session.headers) as client:
        data = _check(await client.post("/graphql", json={"query": queries.ME}))
    person = (data.get("me") or {}).get("person")
    if person:
        session.person_id = person["id"]
        language = person["biography"]["own"]["language"]
        session.version = (language or {}).get("version") or 0
    return session


async def measure(base: str, request: Request, clients: int, seconds: float) -> Result:
    """Run ``request`` from ``clients`` concurrent clients for ``seconds``."""
    result = Result()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as http:
        await request(http, 0)  # warm up (and fail early)
        deadline = time.monotonic() + seconds
        started = time.monotonic()

        async def client(number: int) -> None:
            while time.monotonic() < deadline:
                begun = time.perf_counter()
                try:
                    await request(http, number)
                except (BenchError, httpx.HTTPError) as error:
                    result.errors += 1
                    result.first_error = result.first_error or str(error)
                    continue
                result.latencies.append(time.perf_counter() - begun)

        await asyncio.gather(*(client(n) for n in range(clients)))
        result.elapsed = time.monotonic() - started
    return result


@dataclass
class Logins:
    newcomer: Session
    caseworker: Session
    savers: list[Session]
    token: str


async def log_in(base: str, clients: int, url: str) -> Logins:
    """Sessions for every workload, opened once on MoBio and reused by every server."""
    tokens = json.loads(tokens_file(url).read_text())
    return Logins(
        newcomer=await login(base, newcomer_email(0)),
        caseworker=await login(base, BIG_TEAM_CASEWORKER),
        savers=[await login(base, newcomer_email(n)) for n in range(1, clients + 1)],
        token=next(t["token"] for t in tokens if t["package"] == "language_school"),
    )


def workloads(logins: Logins, clients: int) -> dict[str, Request]:
    """The four workloads' requests."""
    newcomer, caseworker, savers, token = (
        logins.newcomer,
        logins.caseworker,
        logins.savers,
        logins.token,
    )
    screen_query = queries.language_screen()
    sequence = [0] * (clients + 1)

    async def screen(http: httpx.AsyncClient, number: int) -> None:
        body = {
            "query": screen_query,
            "operationName": "LanguageScreen",
            "variables": {"p": newcomer.person_id},
        }
        data = _check(await http.post("/graphql", json=body, headers=newcomer.headers))
        if not data["person"]["biography"]["own"]["language"]:
            raise BenchError("empty language section")

    async def caseload(http: httpx.AsyncClient, number: int) -> None:
        body = {"query": queries.CASELOAD, "operationName": "Caseload"}
        data = _check(await http.post("/graphql", json=body, headers=caseworker.headers))
        if len(data["persons"]["items"]) != 50:
            raise BenchError(f"{len(data['persons']['items'])} persons, not 50")

    async def shared(http: httpx.AsyncClient, number: int) -> None:
        body = {"query": queries.SHARED, "operationName": "Shared"}
        data = _check(await http.post("/graphql", json=body, headers={"x-release-token": token}))
        if not data["sharedPerson"]["familyName"]:
            raise BenchError("no package data")

    async def save(http: httpx.AsyncClient, number: int) -> None:
        saver = savers[number % len(savers)]
        sequence[number] += 1
        variables = {
            "p": saver.person_id,
            "v": saver.version,
            "level": "a1" if sequence[number] % 2 else "a2",
        }
        body = {"query": queries.SAVE, "operationName": "Save", "variables": variables}
        data = _check(await http.post("/graphql", json=body, headers=saver.headers))
        saver.version = int(data["saveNewcomerSection"])

    return dict(zip(WORKLOADS, (screen, caseload, shared, save), strict=True))


def merge(into: Result, part: Result) -> None:
    into.latencies += part.latencies
    into.errors += part.errors
    into.first_error = into.first_error or part.first_error
    into.elapsed += part.elapsed


async def run_servers(
    url: str,
    plans: dict[str, tuple[str, dict[str, str]]],
    clients: int,
    seconds: float,
    rounds: int,
) -> tuple[dict[str, tuple[dict[str, Result], float | None]], Logins]:
    """Start every server at once; run each workload on them in turn, in ``rounds`` slices
    (order reversed every other round), so load from elsewhere on the machine falls on all
    of them alike rather than on whichever ran at that moment."""
    with ExitStack() as stack:
        servers = {
            label: stack.enter_context(serve(app, env)) for label, (app, env) in plans.items()
        }
        logins = await log_in(servers["mobio"].base, clients, url)
        requests = workloads(logins, clients)
        results: dict[str, dict[str, Result]] = {label: {} for label in servers}
        for name, request in requests.items():
            print(f"  {name} ...", file=sys.stderr)
            for label in servers:
                results[label][name] = Result()
            for number in range(rounds):
                order = list(servers) if number % 2 == 0 else list(reversed(servers))
                for label in order:
                    part = await measure(servers[label].base, request, clients, seconds / rounds)
                    merge(results[label][name], part)
        return {label: (results[label], servers[label].peak_rss_mib()) for label in servers}, logins


SECRET_KEY = secrets.token_urlsafe(48)
"""One key for every MoBio server of the run, so the sessions' CSRF tokens hold in each."""


def mobio_env(url: str, environment: str, without_guards: bool) -> dict[str, str]:
    return {
        "MOBIO_ENVIRONMENT": environment,
        "MOBIO_DATABASE_URL": url,
        "MOBIO_SECRET_KEY": SECRET_KEY,
        "MOBIO_PUBLIC_URL": "https://bench.invalid",
        "MOBIO_REDIS_URL": "redis://127.0.0.1:6379/14",
        "MOBIO_BENCH_WITHOUT_GUARDS": "true" if without_guards else "false",
        "MOBIO_DATA_DIR": str(ROOT / "var" / "bench"),
    }


def _ms(value: float) -> str:
    return f"{value:.1f}"


def count_statements(env: dict[str, str], logins: Logins | dict[str, Session]) -> dict[str, int]:
    """SQL statements of one request of each workload (bench.statements, in-process);
    ``{"analyst": session}`` counts bench.evaluation's request instead."""
    completed = subprocess.run(
        [sys.executable, "-m", "bench.statements"],
        cwd=ROOT,
        env={**os.environ, **env},
        input=json.dumps(logins, default=dataclasses.asdict).encode(),
        capture_output=True,
        check=False,
    )
    if completed.returncode != 0:
        print(completed.stderr.decode()[-2000:], file=sys.stderr)
        return {}
    return dict(json.loads(completed.stdout.decode().strip().splitlines()[-1]))


def table(
    runs: dict[str, tuple[dict[str, Result], float | None]], statements: dict[str, int]
) -> str:
    main, _ = runs["mobio"]
    limit, _ = runs["limit"]
    on, _ = runs["test-guards"]
    off, _ = runs["test-no-guards"]
    lines = [
        "| workload | MoBio req/s | p50 ms | p99 ms | SQL/request | errors | limit req/s "
        "| limit p50 ms "
        "| MoBio / limit (p50) | guards on / off (p50, test env) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in WORKLOADS:
        m, raw, g_on, g_off = main[name], limit[name], on[name], off[name]
        lines.append(
            f"| {name} | {m.rate:.0f} | {_ms(m.percentile(0.5))} | {_ms(m.percentile(0.99))} "
            f"| {statements.get(name, '?')} | {m.errors} "
            f"| {raw.rate:.0f} | {_ms(raw.percentile(0.5))} "
            f"| {m.percentile(0.5) / raw.percentile(0.5):.2f}× "
            f"| {g_on.percentile(0.5) / g_off.percentile(0.5):.2f}× "
            f"({_ms(g_on.percentile(0.5))} / {_ms(g_off.percentile(0.5))}) |"
        )
    return "\n".join(lines)


async def main_async(url: str, clients: int, seconds: float, rounds: int) -> None:
    plans = {
        "mobio": ("mobio.web.app:create_app", mobio_env(url, "production", False)),
        "limit": ("bench.limit:create_app", {"BENCH_DATABASE_URL": url}),
        "test-guards": ("mobio.web.app:create_app", mobio_env(url, "test", False)),
        "test-no-guards": ("mobio.web.app:create_app", mobio_env(url, "test", True)),
    }
    runs, logins = await run_servers(url, plans, clients, seconds, rounds)
    statements = count_statements(mobio_env(url, "production", False), logins)
    print(table(runs, statements))
    print()
    print(
        f"{clients} clients, {seconds:g} s per workload and server in {rounds} interleaved "
        "slices; MoBio: MOBIO_ENVIRONMENT=production "
        "(guards on). Guards on/off: both MOBIO_ENVIRONMENT=test, because production ignores "
        "MOBIO_BENCH_WITHOUT_GUARDS. Peak RSS (VmHWM) of the server processes: "
        + ", ".join(f"{label} {rss:.0f} MiB" for label, (_, rss) in runs.items() if rss is not None)
    )
    for label, (results, _) in runs.items():
        for name, result in results.items():
            if result.errors:
                print(f"{label} / {name}: {result.errors} errors, first: {result.first_error}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=4, help="interleaved slices per workload")
    parser.add_argument("--url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    args = parser.parse_args(argv)
    asyncio.run(main_async(args.url, args.clients, args.seconds, args.rounds))


if __name__ == "__main__":
    main()
