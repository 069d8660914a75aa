"""Builds the GraphQL context for each request: the caller from the cookie or the token."""

from __future__ import annotations

from typing import Any

from litestar import Request

from mobio.accounts.sessions import resolve_session
from mobio.accounts.tables import AccountKind
from mobio.auth.access import AccessResolver
from mobio.auth.principal import ANONYMOUS, Principal
from mobio.db.values import as_uuid
from mobio.errors import ErrorCode, MobioError
from mobio.i18n import language_from_header, normalise_language
from mobio.organisations.service import team_ids_of
from mobio.persons.tables import Person
from mobio.releases.tokens import LinkState, check_token
from mobio.schema.context import Context
from mobio.schema.loaders import Loaders
from mobio.settings import get_settings
from mobio.web.cookies import CSRF_HEADER, SESSION_COOKIE, csrf_valid

RELEASE_TOKEN_HEADER = "x-release-token"


class CsrfError(MobioError):
    def __init__(self) -> None:
        super().__init__(ErrorCode.CSRF_FAILED, "error.csrf_failed")


async def build_context(request: Request[Any, Any, Any]) -> Context:
    """The caller of this request; a session cookie without a matching CSRF header is refused."""
    language = language_from_header(
        request.headers.get("accept-language"), get_settings().default_language
    )
    principal = ANONYMOUS
    link_state: LinkState | None = None
    client = request.client.host if request.client else "unknown"
    session_token = request.cookies.get(SESSION_COOKIE)
    if session_token:
        if request.method != "GET" and not csrf_valid(
            session_token, request.headers.get(CSRF_HEADER)
        ):
            raise CsrfError()
        principal, account_language = await _from_session(session_token)
        language = account_language or language
    else:
        release_token = request.headers.get(RELEASE_TOKEN_HEADER)
        if release_token:
            link = await check_token(release_token, client)
            link_state = link.state
            if link.access is not None:
                principal = Principal(stakeholder=link.access)
    return Context(
        principal=principal,
        language=normalise_language(request.headers.get("x-mobio-language") or language),
        access=AccessResolver(principal),
        loaders=Loaders(),
        session_token=session_token,
        client_address=client,
        link_state=link_state,
    )


async def _from_session(token: str) -> tuple[Principal, str | None]:
    session = await resolve_session(token)
    if session is None:
        return ANONYMOUS, None
    person_id = None
    team_ids: frozenset[Any] = frozenset()
    if session.kind is AccountKind.NEWCOMER:
        row = await Person.select(Person.id).where(Person.account == session.account_id).first()
        person_id = as_uuid(row["id"]) if row else None
    elif session.kind is AccountKind.CASEWORKER:
        team_ids = await team_ids_of(session.account_id)
    principal = Principal(
        account_id=session.account_id,
        account_kind=session.kind,
        person_id=person_id,
        team_ids=team_ids,
        session_id=session.session_id,
    )
    return principal, session.language
