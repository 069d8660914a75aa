"""Browser tests: the real server in its own process, Debian's chromium, axe-core, screenshots.

The server runs as an operator would run it (``uvicorn mobio.web.app:create_app``) with its own
data folder and database (SQLite there, or a database of its own on the PostgreSQL server of
``MOBIO_TEST_DATABASE_URL``), migrated and loaded with the demo data by the ``mobio`` command.
Its mail goes to the outbox folder in that data folder, where the tests read it. Data a test
needs beyond the demo is made in the server's database by ``python -m tests.web_client.seed``,
or through the server's own GraphQL API.

Chromium is Debian's (``scripts/ensure-chromium.sh`` installs it), driven by Playwright; the
browser tests never download a browser. Without chromium, axe-core or the built client the
tests are skipped on a laptop and fail in CI (``CI=true``), where all of them are promised.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import ConsoleMessage, Locator, Page, expect

from mobio.i18n import translate
from tests.support.cli import REPOSITORY, clean_environment, run_mobio
from tests.support.postgres import create_test_database, drop_test_database

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox"]
CLIENT_DIST = REPOSITORY / "web-client" / "dist"
AXE_SCRIPT = REPOSITORY / "web-client" / "node_modules" / "axe-core" / "axe.min.js"
AXE_OVERRIDE = "MOBIO_TEST_AXE_JS"
"""Names another axe.min.js (e.g. before the client's package.json has axe-core)."""
SCREENSHOTS = REPOSITORY / "var" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}

START_TIMEOUT = 60.0
_LINK = re.compile(r"https?://\S+")


def unavailable(reason: str) -> NoReturn:
    """Skip on a laptop; fail in CI, which promises everything the browser tests need."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests are required in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def require_chromium() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"{CHROMIUM} is missing (scripts/ensure-chromium.sh installs it)")


def require_client() -> None:
    if not (CLIENT_DIST / "index.html").is_file():
        unavailable(f"{CLIENT_DIST / 'index.html'} is missing (make client builds it)")


def axe_script() -> Path:
    """axe-core's browser bundle: web-client's devDependency, or ``$MOBIO_TEST_AXE_JS``."""
    override = os.environ.get(AXE_OVERRIDE)
    path = Path(override) if override else AXE_SCRIPT
    if not path.is_file():
        unavailable(f"{path} is missing (npm install in web-client installs axe-core)")
    return path


# -- the server ----------------------------------------------------------------------------------


@dataclass
class MobioServer:
    """A running MoBio server: its address, environment and data folder."""

    base_url: str
    env: dict[str, str]
    data_dir: Path
    log: Path

    @property
    def outbox(self) -> Path:
        return self.data_dir / "outbox"

    def mails(self) -> list[EmailMessage]:
        """Every mail the server has written to its outbox, oldest first."""
        if not self.outbox.is_dir():
            return []
        return [
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted(self.outbox.glob("*.eml"))
        ]

    async def mailed_link(self, address: str, path: str, *, within: float = 10.0) -> str:
        """The link to ``path`` (e.g. "/activate") in the newest mail to ``address`` that has
        one, waiting for it (the server sends mail in the background, after answering); the
        link is checked to lead to this server."""
        deadline = time.monotonic() + within
        while True:
            for message in reversed(self.mails()):
                if address in str(message.get("To", "")) and (found := links_to(message, path)):
                    assert len(found) == 1, f"more than one link to {path}: {found}"
                    assert found[0].startswith(self.base_url + "/"), f"{found[0]} leads elsewhere"
                    return found[0]
            if time.monotonic() > deadline:
                sent = [(str(m["To"]), str(m["Subject"])) for m in self.mails()]
                raise AssertionError(f"no mail to {address} with a link to {path}; sent: {sent}")
            await asyncio.sleep(0.1)

    async def seed(self, name: str, **arguments: Any) -> dict[str, Any]:
        """Run ``tests.web_client.seed``'s ``name`` against this server's database."""
        return await run_seed(self.env, name, arguments)

    def log_tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def mail_body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, "mail without a text body"
    return str(part.get_content())


def links_to(message: EmailMessage, path: str) -> list[str]:
    """The links to ``path`` in a mail."""
    return [str(url) for url in _LINK.findall(mail_body(message)) if urlsplit(url).path == path]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _python_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` with the repository first on the path, so the code under test runs."""
    paths = [str(REPOSITORY), *filter(None, [env.get("PYTHONPATH")])]
    return {**env, "PYTHONPATH": os.pathsep.join(paths)}


async def run_seed(env: dict[str, str], name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """``python -m tests.web_client.seed NAME JSON`` under ``env``; its JSON answer."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.web_client.seed",
        name,
        json.dumps(arguments),
        env=_python_env(env),
        cwd=REPOSITORY,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        raise AssertionError(f"seed {name} failed:\n{err.decode(errors='replace')}")
    answer: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return answer


@asynccontextmanager
async def mobio_server() -> AsyncIterator[MobioServer]:
    """A migrated MoBio server with the demo data, in its own process, until the block ends."""
    data_dir = Path(tempfile.mkdtemp(prefix="mobio-browser-"))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    settings = {
        "environment": "test",  # no GraphiQL, the production CSP; no periodic jobs in-process
        "password_profile": "test",
        "data_dir": str(data_dir),
        "host": "127.0.0.1",
        "port": str(port),
        "public_url": base_url,  # mailed links lead here
    }
    admin_url = os.environ.get("MOBIO_TEST_DATABASE_URL", "")
    database_url = ""
    if admin_url:
        database_url = await create_test_database(admin_url, f"mobio_browser_{os.getpid()}")
        settings["database_url"] = database_url
    env = clean_environment(**settings)
    log = data_dir / "server.log"
    process: asyncio.subprocess.Process | None = None
    try:
        for command in (("migrate",), ("seed-demo",)):
            done = await run_mobio(*command, env=env)
            assert done.returncode == 0, f"mobio {command[0]} failed:\n{done.output}"
        with log.open("wb") as output:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "uvicorn",
                "mobio.web.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
                "--log-level",
                "warning",
                env=_python_env(env),
                cwd=REPOSITORY,
                stdout=output,
                stderr=asyncio.subprocess.STDOUT,
            )
        server = MobioServer(base_url, env, data_dir, log)
        await _wait_until_up(process, server)
        if database_url:
            assert not (data_dir / "mobio.sqlite").exists(), "the server did not use PostgreSQL"
        yield server
    finally:
        if process is not None and process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), timeout=10)
            except TimeoutError:
                process.kill()
                await process.wait()
        if database_url:
            await drop_test_database(admin_url, database_url)
        shutil.rmtree(data_dir, ignore_errors=True)


async def _wait_until_up(process: asyncio.subprocess.Process, server: MobioServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    async with httpx.AsyncClient(timeout=1) as http:
        while True:
            if process.returncode is not None:
                raise AssertionError(
                    f"the server exited with {process.returncode} at start:\n{server.log_tail()}"
                )
            try:
                if (await http.get(f"{server.base_url}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the server did not start within {START_TIMEOUT} s:\n{server.log_tail()}"
                )
            await asyncio.sleep(0.1)


# -- what a page did wrong -----------------------------------------------------------------------


class PageProblems:
    """Uncaught script errors and console errors (CSP refusals among them) of a page."""

    def __init__(self, page: Page) -> None:
        self.found: list[str] = []
        page.on("pageerror", lambda error: self.found.append(f"uncaught: {error}"))
        page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        # A 4xx answer the page expects (e.g. 410 for a dead link) is logged as "Failed to
        # load resource"; the test checks what the page shows for it.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.found.append(f"console: {message.text}")


# -- accessibility and screenshots ---------------------------------------------------------------


async def assert_accessible(page: Page, screen_name: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    if not await page.evaluate("() => typeof window.axe === 'object'"):
        # Through the debugging protocol, as the page's own scripts cannot (CSP 'self').
        await page.evaluate(axe_script().read_text() + "\n;void 0")
    result: dict[str, Any] = await page.evaluate(
        """tags => window.axe.run(document, {
            runOnly: { type: "tag", values: tags },
            resultTypes: ["violations"],
        })""",
        WCAG_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    assert not violations, f"axe-core on {screen_name} ({page.url}):\n" + format_violations(
        violations
    )


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
            f" <{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(part) for part in node.get("target", []))
            summary = " ".join(str(node.get("failureSummary", "")).split())
            lines.append(f"    {target}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


async def assert_fits_width(page: Page, screen_name: str) -> None:
    """Nothing on the page is wider than the screen (no sideways scrolling on a phone).

    Compared with the configured viewport: a mobile browser widens its layout to overflowing
    content, so the page's own idea of its window width would hide the overflow."""
    viewport = page.viewport_size
    assert viewport is not None
    width: int = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], (
        f"{screen_name} is {width} px wide on a {viewport['width']} px screen"
    )


async def screenshot(page: Page, name: str) -> Path:
    """The whole page as ``var/screenshots/<lang>/<name>.png`` (kept as a test artifact)."""
    language = await page.evaluate("() => document.documentElement.lang || 'unknown'")
    path = SCREENSHOTS / str(language) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=path, full_page=True)
    return path


async def navigation(page: Page, language: str) -> Locator:
    """The site navigation, unfolded: on a phone it sits behind the menu button."""
    nav = page.get_by_role("navigation", name=translate(language, "client.nav.label"))
    menu = nav.get_by_role("button", name=translate(language, "client.nav.menu"))
    if await menu.is_visible() and await menu.get_attribute("aria-expanded") != "true":
        await menu.click()
        await expect(menu).to_have_attribute("aria-expanded", "true")
    return nav
