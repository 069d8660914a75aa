"""Session and CSRF cookies.

The session token sits in an HttpOnly, SameSite=Lax cookie. The CSRF token is an HMAC of
the session token in a cookie the web client can read and must echo in ``X-CSRF-Token``
(double submit bound to the session), so another site cannot make a logged-in POST.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from mobio.secrets_util import equal, sign
from mobio.settings import get_settings

if TYPE_CHECKING:
    from mobio.schema.context import Context

SESSION_COOKIE = "mobio_session"
CSRF_COOKIE = "mobio_csrf"
CSRF_HEADER = "x-csrf-token"


@lru_cache(maxsize=1)
def _key() -> str:
    return get_settings().resolved_secret_key()


def csrf_token_for(session_token: str) -> str:
    return sign(_key(), "csrf:" + session_token)


def csrf_valid(session_token: str, header_value: str | None) -> bool:
    return header_value is not None and equal(csrf_token_for(session_token), header_value)


def _secure() -> bool:
    settings = get_settings()
    return settings.cookie_secure or settings.is_production


def set_session_cookies(context: Context, session_token: str) -> None:
    response = context.response
    assert response is not None  # noqa: S101 - Strawberry's Litestar view always sets it
    max_age = get_settings().session_max_hours * 3600
    response.set_cookie(
        SESSION_COOKIE,
        session_token,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=_secure(),
        path="/",
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf_token_for(session_token),
        max_age=max_age,
        httponly=False,  # the web client reads it to send the header
        samesite="strict",
        secure=_secure(),
        path="/",
    )


def clear_session_cookies(context: Context) -> None:
    response = context.response
    assert response is not None  # noqa: S101 - Strawberry's Litestar view always sets it
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
