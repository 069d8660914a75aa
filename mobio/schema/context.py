"""The per-request GraphQL context: who calls, in which language, with which grants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from strawberry.litestar import BaseContext

from mobio.auth.access import AccessResolver
from mobio.auth.principal import ANONYMOUS, Principal
from mobio.i18n import FALLBACK_LANGUAGE
from mobio.releases.tokens import LinkState
from mobio.schema.loaders import Loaders

if TYPE_CHECKING:
    from strawberry.types import Info as StrawberryInfo


class Context(BaseContext, kw_only=True):
    """Built once per request by :func:`mobio.web.auth.build_context`."""

    principal: Principal = ANONYMOUS
    language: str = FALLBACK_LANGUAGE
    access: AccessResolver
    loaders: Loaders
    session_token: str | None = None
    client_address: str = "unknown"
    link_state: LinkState | None = None
    """State of the release link presented with the request, if any."""


if TYPE_CHECKING:
    Info = StrawberryInfo[Context, None]
else:
    from strawberry.types import Info as _Info

    Info = _Info
