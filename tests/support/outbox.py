"""Reading the mails MoBio sent (the embedded outbox) and the one-time links in them."""

from __future__ import annotations

import re
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

from mobio.jobs import queue
from mobio.mail.sender import read_outbox
from mobio.settings import get_settings

_LINK = re.compile(r"https?://\S+")


async def sent_mails() -> list[EmailMessage]:
    """Every mail sent so far, oldest first, after the queued mail jobs have run."""
    await queue.drain()
    return read_outbox(get_settings())


def body(message: EmailMessage) -> str:
    """The plain-text body of a mail."""
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, "mail without a text body"
    return str(part.get_content())


def links(message: EmailMessage) -> list[str]:
    """Every http(s) link in the body of a mail."""
    return _LINK.findall(body(message))


def token_from(message: EmailMessage, path: str) -> str:
    """The ``token`` query value of the one link to ``path`` (e.g. "/activate") in a mail."""
    found = [url for url in links(message) if urlsplit(url).path == path]
    assert len(found) == 1, f"expected one link to {path}, got {links(message)}"
    tokens = parse_qs(urlsplit(found[0]).query).get("token", [])
    assert len(tokens) == 1, f"link without one token: {found[0]}"
    return tokens[0]


async def only_mail_to(address: str) -> EmailMessage:
    """The single mail sent so far, which must be addressed to ``address``."""
    mails = await sent_mails()
    assert len(mails) == 1, f"expected one mail, got {[(m['To'], m['Subject']) for m in mails]}"
    assert mails[0]["To"] == address
    return mails[0]
