"""The Litestar application around the schema: probe, security headers, GraphiQL, mail pages."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from mobio import timeutil
from mobio.accounts.tables import Account, AccountToken, TokenPurpose
from mobio.i18n import translate
from mobio.secrets_util import new_token, token_hash
from mobio.web import app as web_app
from tests.support import factories
from tests.support.environment import SECURE_PRODUCTION, app_client
from tests.support.graphql import GraphQLClient

HTML = {"Accept": "text/html"}


def assert_security_headers(response: httpx.Response) -> None:
    headers = response.headers
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer"
    csp = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp, csp


async def activation_token(account_id: object) -> str:
    """An unused, unexpired activation token for the account (only its hash is stored)."""
    token = new_token()
    now = timeutil.now()
    await AccountToken(
        account=account_id,
        purpose=TokenPurpose.ACTIVATION,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + timedelta(hours=1),
    ).save()
    return token


async def is_active(account_id: object) -> bool:
    row = await Account.select(Account.is_active).where(Account.id == account_id).first()
    assert row is not None
    return bool(row["is_active"])


async def test_healthz_answers_ok(client: GraphQLClient) -> None:
    # when: the liveness probe is asked
    response = await client.http.get("/healthz")

    # then: it answers plainly
    assert response.status_code == 200
    assert response.text == "ok"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("GET", "/healthz", id="probe"),
        pytest.param("POST", "/graphql", id="graphql"),
        pytest.param("GET", "/activate?token=t", id="activation page"),
    ],
)
async def test_responses_carry_the_security_headers(
    client: GraphQLClient, method: str, path: str
) -> None:
    # when: a route answers
    response = await client.http.request(method, path, json={"query": "{ __typename }"})

    # then: with nosniff, no referrer, and a CSP that forbids framing
    assert response.status_code == 200
    assert_security_headers(response)
    # outside development, no inline script and no third-party origin
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp
    assert "https://" not in csp


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param("/no-such-page", 404, id="not found"),
        pytest.param("/graphql", 403, id="csrf refused"),
    ],
)
async def test_error_responses_carry_the_security_headers(
    client: GraphQLClient, path: str, status: int
) -> None:
    # given: a session cookie without the CSRF header (refused before the schema runs)
    client.http.cookies.set("mobio_session", "forged")

    # when: the request fails
    response = await client.http.post(path, json={"query": "{ __typename }"})

    # then: the error answer is protected the same way
    assert response.status_code == status
    assert_security_headers(response)


async def test_graphiql_is_served_in_development() -> None:
    # given: the application built for development
    async with app_client(environment="development") as development:
        # when: a browser opens /graphql
        response = await development.http.get("/graphql", headers=HTML)

    # then: it gets the GraphiQL page, with a CSP that lets its CDN scripts run
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


async def test_graphiql_is_not_served_in_test(client: GraphQLClient) -> None:
    # when: a browser opens /graphql of the application built for tests
    response = await client.http.get("/graphql", headers=HTML)

    # then: there is no IDE
    assert response.status_code == 404
    assert "graphiql" not in response.text.lower()


async def test_graphiql_is_not_served_in_production() -> None:
    # given: the application built for production
    async with app_client(**SECURE_PRODUCTION) as production:
        # when: a browser opens /graphql
        response = await production.http.get("/graphql", headers=HTML)

    # then: there is no IDE, and the strict CSP applies
    assert response.status_code == 404
    assert "graphiql" not in response.text.lower()
    assert "https://" not in response.headers["content-security-policy"]


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("<script>alert(1)</script>", id="element"),
        pytest.param('"><script>alert(1)</script>', id="attribute break-out"),
    ],
)
async def test_activation_page_escapes_the_token(client: GraphQLClient, token: str) -> None:
    # when: the activation page is opened with a token that is HTML
    response = await client.http.get("/activate", params={"token": token})

    # then: the token is shown escaped inside the form, never as markup
    assert response.status_code == 200
    assert "<script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert f'value="{escape(token)}"' in response.text


async def test_activation_page_is_neither_cached_nor_indexed(client: GraphQLClient) -> None:
    # when: the activation page is opened with a token
    response = await client.http.get("/activate", params={"token": "a-token"})

    # then: no cache keeps it and no search engine lists it
    assert response.status_code == 200
    assert "no-store" in response.headers.get("cache-control", "")
    assert "noindex" in response.headers.get("x-robots-tag", "")


async def test_opening_the_activation_link_does_not_activate(client: GraphQLClient) -> None:
    # given: an inactive account and its activation link
    newcomer = await factories.newcomer(active=False)
    token = await activation_token(newcomer.account_id)

    # when: the link is opened (as a mail scanner would)
    response = await client.http.get("/activate", params={"token": token})

    # then: the page only offers the button; the account is still inactive
    assert response.status_code == 200
    assert '<form method="post" action="/activate">' in response.text
    assert not await is_active(newcomer.account_id)


async def test_submitting_the_activation_form_activates(client: GraphQLClient) -> None:
    # given: an inactive account and its activation token
    newcomer = await factories.newcomer(active=False)
    token = await activation_token(newcomer.account_id)

    # when: the person presses the button
    response = await client.http.post(
        "/activate", data={"token": token}, headers={"Accept-Language": "en"}
    )

    # then: the account is active, the page says so and leads on to the login
    assert response.status_code == 200
    assert translate("en", "page.activate.done") in response.text
    assert f'<a href="/login">{translate("en", "page.to_login")}</a>' in response.text
    assert await is_active(newcomer.account_id)


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [pytest.param(None, "de", id="default German"), pytest.param("en", "en", id="English")],
)
async def test_activation_with_a_bad_token_shows_the_translated_error(
    client: GraphQLClient, accept_language: str | None, language: str
) -> None:
    # given: a token that was never issued
    headers = {"Accept-Language": accept_language} if accept_language else {}

    # when: it is submitted
    response = await client.http.post("/activate", data={"token": "never-issued"}, headers=headers)

    # then: a normal page explains it in the caller's language
    assert response.status_code == 200
    assert translate(language, "error.token_invalid") in response.text
    assert "error.token_invalid" not in response.text
    assert_security_headers(response)


@pytest.fixture
def client_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built web client (index.html and one hashed asset) in place of web-client/dist."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>MoBio client</title>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('mobio')")
    monkeypatch.setattr(web_app, "WEB_CLIENT_DIST", tmp_path)
    return tmp_path


@pytest.mark.parametrize("path", ["/", "/login", "/biography/family", "/register/sent?x=1"])
async def test_client_routes_serve_the_client(client_dist: Path, path: str) -> None:
    # given: the application with a built web client
    async with app_client() as app:
        # when: a browser opens a deep link of the client
        response = await app.http.get(path, headers=HTML)

    # then: it gets index.html, and the client's router shows the screen
    assert response.status_code == 200
    assert "MoBio client" in response.text
    assert response.headers["cache-control"] == "no-store"
    assert_security_headers(response)


async def test_client_assets_are_cached_and_missing_files_stay_missing(client_dist: Path) -> None:
    async with app_client() as app:
        # when: a hashed asset, a missing asset and a missing file at the root are fetched
        asset = await app.http.get("/assets/index-abc123.js")
        missing_asset = await app.http.get("/assets/index-gone.js")
        missing_file = await app.http.get("/robots.txt")
        posted = await app.http.post("/no-such-page", json={})
        under_server = await app.http.get("/graphql/no-such-page", headers=HTML)

    # then: the asset is cacheable for long (its name changes with its content) ...
    assert asset.status_code == 200
    assert "immutable" in asset.headers["cache-control"]
    # ... and missing files are 404, not the client's index.html
    assert missing_asset.status_code == 404
    assert missing_file.status_code == 404
    assert "MoBio client" not in missing_file.text
    # ... and so are writes to unknown paths and unknown paths under a server route
    assert posted.status_code == 404
    assert under_server.status_code == 404


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        pytest.param("/healthz", "ok", id="probe"),
        pytest.param("/activate?token=t", "<form", id="activation page"),
        pytest.param("/reset-password?token=t", "<form", id="reset page"),
        pytest.param("/shared", "<html", id="stakeholder page"),
    ],
)
async def test_client_does_not_shadow_server_routes(
    client_dist: Path, path: str, expected: str
) -> None:
    async with app_client() as app:
        # when: a server route is opened while the client is served at /
        response = await app.http.get(path, headers=HTML)
        graphql = await app.http.post("/graphql", json={"query": "{ __typename }"})
        document = await app.http.get(f"/documents/{uuid4()}")

    # then: the server answers, not the client
    assert response.status_code == 200
    assert expected in response.text
    assert "MoBio client" not in response.text
    assert graphql.json() == {"data": {"__typename": "Query"}}
    assert "MoBio client" not in document.text
