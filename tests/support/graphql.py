"""Talking GraphQL to the app under test, as the web client does (cookies, CSRF header)."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from mobio.web.cookies import CSRF_COOKIE, CSRF_HEADER


class GraphQLClient:
    """Posts operations to /graphql; echoes the CSRF cookie as the web client does."""

    def __init__(self, http: AsyncClient) -> None:
        self.http = http

    async def execute(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """The whole JSON response (``data`` and ``errors``)."""
        sent = dict(headers or {})
        csrf = self.http.cookies.get(CSRF_COOKIE)
        if csrf and CSRF_HEADER not in {h.lower() for h in sent}:
            sent[CSRF_HEADER] = csrf
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=sent
        )
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None, **kw: Any) -> Any:
        """The ``data`` of a response that must have no errors."""
        body = await self.execute(query, variables, **kw)
        assert not body.get("errors"), body.get("errors")
        return body["data"]

    async def error_code(
        self, query: str, variables: dict[str, Any] | None = None, **kw: Any
    ) -> str:
        """The code of the first error of a response that must fail."""
        body = await self.execute(query, variables, **kw)
        assert body.get("errors"), f"expected an error, got {body}"
        return str(body["errors"][0]["extensions"]["code"])

    async def login(self, email: str, password: str) -> None:
        await self.data(
            "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }",
            {"e": email, "p": password},
        )

    def forget_cookies(self) -> None:
        self.http.cookies.clear()
