"""A real SMTP server (aiosmtpd) for every test that delivers mail: the `smtp_server` fixture."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Collector:
    """aiosmtpd handler that keeps every envelope it accepts."""

    def __init__(self) -> None:
        self.envelopes: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.envelopes.append(envelope)
        return "250 OK"


def _free_port() -> int:
    # aiosmtpd's Controller must know its port up front, so ask the OS for a free one.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Collector]]:
    """An SMTP server on 127.0.0.1 (no TLS, no AUTH): its port and what it received."""
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller.port, collector
    finally:
        controller.stop()
