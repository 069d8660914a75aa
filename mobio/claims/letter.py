"""The claim letter: a one-page PDF in the person's language and in German (reportlab).

It says what MoBio is, how to claim the profile at <public url>/claim, and carries the code in
print and as a QR code (segno) of the claim address with the code in its fragment, which
browsers never send to a server. The text is set by :mod:`mobio.pdf_text` (fonts, Arabic and
Persian shaping).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import segno
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mobio.i18n import translate
from mobio.pdf_text import MARGIN, TEXT_SIZE, TextWriter, left_to_right, register_fonts

GERMAN = "de"
QR_SIZE = 120.0


@dataclass(frozen=True, slots=True)
class LetterContent:
    """What goes on the letter besides the fixed texts."""

    name: str
    language: str
    code: str
    claim_url: str
    """The address of the claim page, without the code."""
    valid_until: date

    @property
    def code_url(self) -> str:
        return f"{self.claim_url}#{self.code}"


def render(content: LetterContent) -> bytes:
    """The letter as PDF bytes."""
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle("MoBio")
    width, height = A4
    writer = TextWriter(canvas, regular, bold, width, height - MARGIN)
    writer.heading("MoBio", GERMAN, size=20)
    _code_block(writer, content)
    languages = [content.language] if content.language == GERMAN else [content.language, GERMAN]
    for language in languages:
        writer.space(10)
        _texts(writer, content, language)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _code_block(writer: TextWriter, content: LetterContent) -> None:
    """The code in print beside its QR code (the same for both languages)."""
    top = writer.y
    _draw_qr(writer.canvas, content.code_url, writer.width - MARGIN - QR_SIZE, top - QR_SIZE)
    writer.canvas.setFont("Courier-Bold", 22)
    writer.canvas.drawString(MARGIN, top - 40, content.code)
    writer.canvas.setFont(writer.regular, TEXT_SIZE)
    writer.canvas.drawString(MARGIN, top - 62, content.claim_url)
    writer.y = top - QR_SIZE - 8


def _texts(writer: TextWriter, content: LetterContent, language: str) -> None:
    def text(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    writer.heading(text("page.claim_letter.title"), language, size=14)
    writer.paragraph(text("page.claim_letter.greeting", name=content.name), language)
    writer.paragraph(text("page.claim_letter.intro"), language)
    writer.paragraph(text("page.claim_letter.how", url=content.claim_url), language)
    code = left_to_right(content.code)
    writer.paragraph(f"{text('page.claim_letter.code')}: {code}", language, bold=True)
    until = content.valid_until.strftime("%d.%m.%Y")
    writer.paragraph(text("page.claim_letter.valid_until", date=until), language)
    writer.paragraph(text("page.claim_letter.keep_safe"), language)


def qr_code(data: str) -> segno.QRCode:
    """The QR code printed on the letter."""
    return segno.make(data, error="m", micro=False)


def _draw_qr(canvas: Canvas, data: str, x: float, y: float) -> None:
    """The QR code as vector squares (sharp at any print size), quiet zone included."""
    rows = list(qr_code(data).matrix_iter(scale=1, border=4))
    module = QR_SIZE / len(rows)
    canvas.setFillColorRGB(0, 0, 0)
    for row_index, row in enumerate(rows):
        for column, dark in enumerate(row):
            if dark:
                canvas.rect(
                    x + column * module,
                    y + QR_SIZE - (row_index + 1) * module,
                    module,
                    module,
                    stroke=0,
                    fill=1,
                )
