"""What the login record keeps of a client: browser family and a shortened network."""

from __future__ import annotations

import pytest

from mobio.accounts.clients import browser_family, shorten_address


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("2001:db8:abcd:12:1::9", "2001:db8:abcd::/48"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
        ("testclient", ""),
        (None, ""),
    ],
)
def test_addresses_are_cut_to_their_network(address: str | None, network: str) -> None:
    assert shorten_address(address) == network


@pytest.mark.parametrize(
    ("user_agent", "family"),
    [
        (
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Firefox, Linux",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Mobile Safari/537.36",
            "Chrome Mobile, Android",
        ),
        ("python-httpx/0.28.1", ""),  # not a browser: nothing recognised
        ("", ""),
        (None, ""),
    ],
)
def test_only_the_browser_and_system_family_are_kept(user_agent: str | None, family: str) -> None:
    # no version number survives: families only
    assert browser_family(user_agent) == family
