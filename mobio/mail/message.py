"""Building one outgoing mail."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from mobio import timeutil
from mobio.settings import Settings


def compose(
    *, to: str, subject: str, body: str, settings: Settings, language: str = "de"
) -> EmailMessage:
    """A UTF-8 text/plain mail from ``settings.mail_from`` to ``to``.

    Raises ValueError when a header value contains CR or LF: such a value could add headers
    (Bcc, a second body) that the caller never meant to send.
    """
    for name, value in (("to", to), ("subject", subject), ("language", language)):
        if "\r" in value or "\n" in value:
            raise ValueError(f"mail {name} must not contain line breaks")
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(timeutil.now())
    # Without a domain make_msgid asks the resolver for this host's name: slow, and it
    # would reveal the server's internal host name to every recipient.
    message["Message-ID"] = make_msgid(domain=_sender_domain(settings))
    # 8bit, not quoted-printable: links stay whole and readable in outbox files; every
    # current SMTP server accepts 8BITMIME, and our lines stay far below its 998 limit.
    message.set_content(body, subtype="plain", charset="utf-8", cte="8bit")
    # After set_content: it drops every Content-* header set before it.
    message["Content-Language"] = language
    return message


def _sender_domain(settings: Settings) -> str:
    _, address = parseaddr(settings.mail_from)
    return address.rpartition("@")[2] or "mobio.invalid"
