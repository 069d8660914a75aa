"""Browser tests: Debian's chromium (headless, Playwright) against the real server.

``mobio_server`` is one server process for the session, with its own data folder and database;
``browser`` one chromium. ``page`` is a fresh phone (360 x 740, touch) per test, ``desktop``
a fresh desktop window; both fail the test on an uncaught script error or a console error
(a CSP refusal among them). ``new_page`` makes more, e.g. in another language.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from tests.support.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    MobioServer,
    PageProblems,
    axe_script,
    mobio_server,
    require_chromium,
    require_client,
)

NewPage = Callable[..., Awaitable[Page]]
LOCALES = {"de": "de-DE", "ar": "ar", "en": "en-GB", "fr": "fr-FR", "fa": "fa-IR"}


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """Debian's chromium, headless (skipped without it on a laptop; failing in CI)."""
    require_chromium()
    axe_script()  # every browser test checks accessibility: its absence is known up front
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture(scope="session")
async def server(browser: Browser) -> AsyncIterator[MobioServer]:
    """The real server in its own process (started only when a browser is there to use it)."""
    async with mobio_server() as running:
        yield running


@pytest.fixture(scope="session")
def client_dist() -> None:
    """The built web client (make client); skipped without it on a laptop, failing in CI.
    Session-wide, so that it is checked before the server starts (which serves it if it is
    there when it starts)."""
    require_client()


@pytest.fixture
async def new_page(browser: Browser, server: MobioServer) -> AsyncIterator[NewPage]:
    """Makes pages in fresh browser contexts (no shared cookies) against the server."""
    contexts: list[BrowserContext] = []
    problems: list[PageProblems] = []

    async def make(language: str = "de", device: dict[str, Any] | None = None) -> Page:
        context = await browser.new_context(
            base_url=server.base_url,
            locale=LOCALES.get(language, language),
            **(device if device is not None else PHONE),
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = await context.new_page()
        problems.append(PageProblems(page))
        return page

    yield make
    for context in contexts:
        await context.close()
    found = [problem for watcher in problems for problem in watcher.found]
    if found:
        pytest.fail("the page reported errors:\n" + "\n".join(found), pytrace=False)


@pytest.fixture
async def page(new_page: NewPage) -> Page:
    """A phone (360 x 740, device scale 2, touch), German."""
    return await new_page("de", PHONE)


@pytest.fixture
async def desktop(new_page: NewPage) -> Page:
    """A desktop window (1280 x 800), German."""
    return await new_page("de", DESKTOP)
