"""Small server-rendered pages for links in mails, until the web client takes them over.

A mail scanner may open a link on arrival, so the first GET only shows a button; the token is
used up only by the POST that the person's click sends.
"""

from __future__ import annotations

from collections.abc import Awaitable
from html import escape
from typing import Annotated, Any

from litestar import MediaType, Request, get, post
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromQuery

from mobio.accounts import service
from mobio.errors import MobioError
from mobio.i18n import RTL_LANGUAGES, language_from_header, translate


def _page(language: str, title: str, content: str) -> str:
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title></head><body><main><h1>{escape(title)}</h1>"
        f"{content}</main></body></html>"
    )


def _language(request: Request[Any, Any, Any]) -> str:
    return language_from_header(request.headers.get("accept-language"))


@get("/activate", media_type=MediaType.HTML, sync_to_thread=False)
def activation_form(request: Request[Any, Any, Any], token: FromQuery[str] = "") -> str:
    """Shows the button that activates the account (the GET changes nothing)."""
    language = _language(request)
    title = translate(language, "page.activate.title")
    form = (
        f'<form method="post" action="/activate"><input type="hidden" name="token" '
        f'value="{escape(token)}"><button type="submit">'
        f"{escape(translate(language, 'page.activate.button'))}</button></form>"
    )
    return _page(language, title, form)


@post("/activate", media_type=MediaType.HTML, status_code=200)
async def activation_submit(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> str:
    """Activates the account and says so, or says why not."""
    return await _outcome(request, "page.activate", service.activate(data.get("token", "")))


@get("/reset-password", media_type=MediaType.HTML, sync_to_thread=False)
def reset_form(request: Request[Any, Any, Any], token: FromQuery[str] = "") -> str:
    """Asks for the new password (the GET changes nothing)."""
    language = _language(request)
    form = (
        f'<form method="post" action="/reset-password"><input type="hidden" name="token" '
        f'value="{escape(token)}"><label>{escape(translate(language, "page.reset.label"))} '
        f'<input type="password" name="password" autocomplete="new-password" required></label> '
        f'<button type="submit">{escape(translate(language, "page.reset.button"))}</button></form>'
    )
    return _page(language, translate(language, "page.reset.title"), form)


@post("/reset-password", media_type=MediaType.HTML, status_code=200)
async def reset_submit(
    request: Request[Any, Any, Any],
    data: Annotated[dict[str, str], Body(media_type=RequestEncodingType.URL_ENCODED)],
) -> str:
    """Sets the new password and says so, or says why not."""
    action = service.reset_password(data.get("token", ""), data.get("password", ""))
    return await _outcome(request, "page.reset", action)


async def _outcome(request: Request[Any, Any, Any], page: str, action: Awaitable[None]) -> str:
    """Runs the page's action; the page says it is done, or why not, in the reader's language."""
    language = _language(request)
    try:
        await action
        message = translate(language, f"{page}.done")
    except MobioError as error:
        message = error.render(language)
    to_login = f'<p><a href="/login">{escape(translate(language, "page.to_login"))}</a></p>'
    return _page(
        language, translate(language, f"{page}.title"), f"<p>{escape(message)}</p>{to_login}"
    )


def activation_pages() -> list[Any]:
    """The pages behind the links in account mails."""
    return [activation_form, activation_submit, reset_form, reset_submit]
