"""The web client (``web-client/dist``): its files, and index.html for every client route.

Litestar's ``html_mode`` serves index.html only at ``/`` (and 404.html for anything unknown),
so a deep link such as ``/login`` or a reload on ``/biography/family`` would answer 404. The
client router decides those paths, so any unknown path without a file extension gets
index.html; a missing file (``/assets/x.js``) stays 404. Server routes (``/graphql``,
``/activate``, ``/shared``, ``/documents/…``, ``/forms/…``, ``/healthz``) are more specific
than the catch-all and keep winning; unknown paths under their prefixes stay 404.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from litestar import Request, Response, route
from litestar.datastructures import CacheControlHeader
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import File
from litestar.static_files import create_static_files_router

# Vite names every file under assets/ by its content hash: a year in the cache is safe and
# spares slow mobile connections. index.html keeps the app-wide no-store.
IMMUTABLE = CacheControlHeader(public=True, max_age=365 * 24 * 3600, immutable=True)
# First path segments that belong to the server: never answered with the client.
SERVER_PREFIXES = frozenset(
    {
        "graphql",
        "activate",
        "reset-password",
        "shared",
        "documents",
        "exports",
        "forms",
        "healthz",
        "assets",
        "evaluation",
        "research",
    }
)


@route("/{file_path:path}", http_method=["POST", "PUT", "PATCH", "DELETE"], name="client-write")
async def _no_writes(file_path: FromPath[str]) -> None:
    """Only GET and HEAD reach the client's files; anything else at an unknown path is 404."""
    raise NotFoundException()


def client_routes(dist: Path) -> list[Any]:
    """Routers serving the built client from ``dist``, with index.html for client routes."""
    index = dist / "index.html"

    def fallback(request: Request[Any, Any, Any], exc: NotFoundException) -> Response[Any]:
        segments = request.url.path.strip("/").split("/")
        if "." in segments[-1] or segments[0] in SERVER_PREFIXES or not index.is_file():
            return Response({"detail": "Not Found"}, status_code=404)
        return File(index, content_disposition_type="inline", media_type="text/html")

    routers: list[Any] = []
    if (dist / "assets").is_dir():
        routers.append(
            create_static_files_router(
                path="/assets", directories=[dist / "assets"], cache_control=IMMUTABLE
            )
        )
    routers.append(
        create_static_files_router(
            path="/",
            directories=[dist],
            html_mode=True,
            exception_handlers={NotFoundException: fallback},
        )
    )
    routers.append(_no_writes)
    return routers
