"""Composing and delivering mail, through the outbox folder and a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import logging
import stat
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest

from mobio.mail.message import compose
from mobio.mail.sender import outbox_dir, read_outbox, send
from mobio.settings import Settings

ARABIC_SUBJECT = "تفعيل حسابك"
ARABIC_BODY = "مرحبا! افتح الرابط: https://mobio.example/activate/SECRET-TOKEN-123\n"


async def test_outbox_keeps_a_parseable_utf8_mail(tmp_path: Path) -> None:
    # given: no SMTP server, so mail goes to the outbox
    settings = Settings(data_dir=tmp_path, smtp_host="")
    message = compose(
        to="Amal <amal@example.org>",
        subject=ARABIC_SUBJECT,
        body=ARABIC_BODY,
        settings=settings,
        language="ar",
    )

    # when
    await send(message, settings)

    # then: one complete .eml, private to its owner, with the headers and Arabic intact
    files = list(outbox_dir(settings).iterdir())
    assert [path.suffix for path in files] == [".eml"]
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    [received] = read_outbox(settings)
    assert received["From"] == "MoBio <no-reply@mobio.invalid>"
    assert received["To"] == "Amal <amal@example.org>"
    assert received["Subject"] == ARABIC_SUBJECT
    assert received["Content-Language"] == "ar"
    assert received["Message-ID"].endswith("@mobio.invalid>")
    assert parsedate_to_datetime(received["Date"]).tzinfo is not None
    assert received.get_content_type() == "text/plain"
    assert received.get_content_charset() == "utf-8"
    assert received.get_content() == ARABIC_BODY


async def test_outbox_lists_oldest_first(tmp_path: Path) -> None:
    # given
    settings = Settings(data_dir=tmp_path)

    # when: two mails are sent one after the other
    for subject in ("first", "second"):
        await send(
            compose(to="a@example.org", subject=subject, body="x", settings=settings), settings
        )

    # then
    assert [message["Subject"] for message in read_outbox(settings)] == ["first", "second"]


async def test_smtp_delivers_to_a_real_server(tmp_path: Path, smtp_server: tuple[int, Any]) -> None:
    # given: a local SMTP server without TLS or AUTH
    port, collector = smtp_server
    settings = Settings(
        data_dir=tmp_path, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False
    )
    message = compose(
        to="amal@example.org", subject=ARABIC_SUBJECT, body=ARABIC_BODY, settings=settings
    )

    # when
    await send(message, settings)

    # then: the server got it from the configured sender, and nothing went to the outbox
    [envelope] = collector.envelopes
    assert envelope.mail_from == "no-reply@mobio.invalid"
    assert envelope.rcpt_tos == ["amal@example.org"]
    received = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert received["Subject"] == ARABIC_SUBJECT
    assert received["Content-Language"] == "de"
    # SMTP carries lines with CRLF endings; the text itself must arrive unchanged.
    assert received.get_content().replace("\r\n", "\n") == ARABIC_BODY
    assert read_outbox(settings) == []


async def test_logs_show_neither_body_nor_full_address(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # given
    settings = Settings(data_dir=tmp_path)
    message = compose(to="amal@example.org", subject="s", body=ARABIC_BODY, settings=settings)

    # when
    with caplog.at_level(logging.DEBUG, logger="mobio"):
        await send(message, settings)

    # then: only the recipient's domain is logged
    assert "@example.org" in caplog.text
    assert "amal@" not in caplog.text
    assert "SECRET-TOKEN" not in caplog.text


@pytest.mark.parametrize(
    ("to", "subject"),
    [
        ("amal@example.org\r\nBcc: eve@example.org", "hello"),
        ("amal@example.org\nBcc: eve@example.org", "hello"),
        ("amal@example.org", "hello\r\nBcc: eve@example.org"),
        ("amal@example.org", "hello\rX-Injected: yes"),
    ],
)
async def test_header_injection_is_refused(tmp_path: Path, to: str, subject: str) -> None:
    # given
    settings = Settings(data_dir=tmp_path)

    # when / then: a line break in a header value is refused before anything is built
    with pytest.raises(ValueError, match="line breaks"):
        compose(to=to, subject=subject, body="x", settings=settings)


async def test_outbox_file_shows_links_whole_for_a_person_reading_it(tmp_path: Path) -> None:
    # given a mail with a long one-time link, in the embedded outbox
    settings = Settings(data_dir=tmp_path)
    link = "http://127.0.0.1:8000/activate?token=" + "A1b2-C3d4_" * 5
    await send(
        compose(to="a@example.org", subject="S", body=f"Open:\n\n{link}\n", settings=settings),
        settings,
    )
    # when reading the raw file
    [mail_file] = outbox_dir(settings).glob("*.eml")
    # then the link stands on one line, exactly as sent (no quoted-printable breaks)
    assert link in mail_file.read_text(encoding="utf-8").splitlines()
