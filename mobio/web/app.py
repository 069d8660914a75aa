"""The Litestar application: GraphQL at /graphql, small server pages, the web client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from litestar import Litestar, MediaType, Request, Response, get
from litestar.background_tasks import BackgroundTasks
from litestar.datastructures import MutableScopeHeaders
from litestar.di import Provide
from litestar.types import Message, Scope
from strawberry.litestar import make_graphql_controller

from mobio.db.engine import close_pool, start_pool
from mobio.db.tables import ALL_TABLES
from mobio.documents.errors import MIB
from mobio.errors import MobioError
from mobio.i18n import language_from_header
from mobio.jobs import periodic, queue
from mobio.schema import get_schema
from mobio.settings import Environment, get_settings
from mobio.web.client import client_routes
from mobio.web.context import build_context
from mobio.web.documents import document_routes
from mobio.web.exports import export_routes
from mobio.web.extracts import extract_routes
from mobio.web.forms import form_routes
from mobio.web.pages import activation_pages
from mobio.web.reports import report_routes
from mobio.web.shared import shared_pages

WEB_CLIENT_DIST = Path(__file__).resolve().parents[2] / "web-client" / "dist"

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    # Every answer carries personal data or a one-time link: keep it out of caches and indexes.
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}
# GraphiQL (development only) loads its scripts and styles from a CDN.
DEVELOPMENT_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'"
)


@get("/healthz", media_type=MediaType.TEXT, sync_to_thread=False)
def healthz() -> str:
    """Liveness probe for process supervisors."""
    return "ok"


# A refusal before the schema runs (building the request's context) still answers as GraphQL.
_EARLY_STATUS = {"CSRF_FAILED": 403, "TOO_MANY_ATTEMPTS": 429}


def _early_error(request: Request[Any, Any, Any], exc: MobioError) -> Response[Any]:
    language = language_from_header(
        request.headers.get("accept-language"), get_settings().default_language
    )
    error = {"message": exc.render(language), "extensions": {"code": str(exc.code)}}
    return Response(
        {"data": None, "errors": [error]}, status_code=_EARLY_STATUS.get(str(exc.code), 400)
    )


@asynccontextmanager
async def _lifespan(app: Litestar) -> AsyncIterator[None]:
    engine = ALL_TABLES[0]._meta.db
    await start_pool(engine)
    scheduler = None
    if not get_settings().redis_url and get_settings().environment is not Environment.TEST:
        # Embedded: no arq worker runs the schedule, so this process does.
        scheduler = asyncio.create_task(periodic.run_in_process(), name="mobio-periodic")
    try:
        yield
    finally:
        if scheduler is not None:
            scheduler.cancel()
        await queue.drain()
        await queue.close()
        await close_pool(engine)


def _empty_response() -> Response[Any]:
    """The response Strawberry fills in (headers, cookies, background tasks)."""
    return Response({}, background=BackgroundTasks([]))


def create_app() -> Litestar:
    """The application for the current settings (refuses insecure production settings)."""
    settings = get_settings()
    if settings.is_production:
        settings.check_production()
    development = settings.environment is Environment.DEVELOPMENT
    graphql = make_graphql_controller(
        get_schema(),
        path="/graphql",
        graphql_ide="graphiql" if development else None,
        allow_queries_via_get=False,
        context_getter=build_context,
        multipart_uploads_enabled=True,
    )
    # Strawberry makes its (empty) response object in a worker thread on every request; a
    # thread hop for a constructor is pure overhead under load.
    graphql.dependencies = {
        **graphql.dependencies,
        "response": Provide(_empty_response, sync_to_thread=False),
    }
    # Room for one document at the upload limit plus the multipart envelope around it.
    graphql.request_max_body_size = (settings.max_upload_mb + 1) * MIB
    route_handlers: list[Any] = [graphql, healthz, *activation_pages(), *shared_pages()]
    route_handlers += document_routes()
    route_handlers += export_routes()
    route_handlers += extract_routes()
    route_handlers += form_routes()
    route_handlers += report_routes()
    if WEB_CLIENT_DIST.exists():
        route_handlers += client_routes(WEB_CLIENT_DIST)
    return Litestar(
        route_handlers=route_handlers,
        lifespan=[_lifespan],
        exception_handlers={MobioError: _early_error},
        debug=settings.debug and not settings.is_production,
        before_send=[_security_headers(development)],
    )


def _security_headers(development: bool) -> Any:
    """A before-send hook: every response, errors and 404s included, gets the headers."""
    headers = dict(SECURITY_HEADERS)
    if development:
        headers["Content-Security-Policy"] = DEVELOPMENT_CSP

    async def add(message: Message, scope: Scope) -> None:
        if message["type"] == "http.response.start":
            sent = MutableScopeHeaders.from_message(message)
            for name, value in headers.items():
                if name not in sent:
                    sent[name] = value

    return add
