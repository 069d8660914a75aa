"""Several browsers of one person: each its own cookies, address and User-Agent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from httpx import ASGITransport, AsyncClient

from mobio.web.app import create_app
from tests.support.graphql import GraphQLClient

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@asynccontextmanager
async def device(address: str, user_agent: str) -> AsyncIterator[GraphQLClient]:
    """A client of the real application from ``address`` with ``user_agent``."""
    transport = ASGITransport(app=create_app(), client=(address, 50000))
    async with AsyncClient(
        transport=transport, base_url="http://mobio.test", headers={"user-agent": user_agent}
    ) as http:
        yield GraphQLClient(http)
