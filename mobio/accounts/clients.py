"""What a login record and the session list may say about the client: coarse, never exact.

The raw User-Agent and the full address would identify a device or a household; the owner
only needs to recognise "Firefox on Windows, from roughly this network".
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import ua_parser

_IPV4_PREFIX = 24
_IPV6_PREFIX = 48
_UNKNOWN_FAMILY = "Other"


@dataclass(frozen=True, slots=True)
class ClientInfo:
    """The coarse description of the client of one request."""

    browser: str
    network: str


def describe(user_agent: str | None, address: str | None) -> ClientInfo:
    return ClientInfo(browser=browser_family(user_agent), network=shorten_address(address))


def browser_family(user_agent: str | None) -> str:
    """ "Firefox, Windows"; only the families, no versions; "" when nothing is recognised."""
    if not user_agent:
        return ""
    result = ua_parser.parse(user_agent[:512])  # a long header cannot make the parser slow
    parts = [
        family
        for family in (
            result.user_agent.family if result.user_agent else None,
            result.os.family if result.os else None,
        )
        if family and family != _UNKNOWN_FAMILY
    ]
    return ", ".join(parts)[:80]


def shorten_address(address: str | None) -> str:
    """The client's network: IPv4 cut to /24, IPv6 to /48; "" for what is no IP address."""
    if not address:
        return ""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return ""
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    prefix = _IPV4_PREFIX if parsed.version == 4 else _IPV6_PREFIX
    return str(ipaddress.ip_network(f"{parsed}/{prefix}", strict=False))
