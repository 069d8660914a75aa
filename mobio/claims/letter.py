"""The claim letter: a one-page PDF in the person's language and in German (reportlab).

It says what MoBio is, how to claim the profile at <public url>/claim, and carries the code in
print and as a QR code (segno) of the claim address with the code in its fragment, which
browsers never send to a server. Arabic and Persian are shaped (arabic-reshaper) and put in
visual order (python-bidi) line by line, then set right-aligned: reportlab has no shaping of
its own. That needs a font with Arabic glyphs: DejaVu Sans where the system has it (Debian's
fonts-dejavu-core), else reportlab's bundled Vera, which has none (the text shows as boxes).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import arabic_reshaper
import reportlab
import segno
from bidi import get_display
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from mobio.i18n import RTL_LANGUAGES, translate

GERMAN = "de"
MARGIN = 56.0
TEXT_SIZE = 10.5
LEADING = 14.5
QR_SIZE = 120.0
_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
)
_BOLD_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
)


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


@cache
def _fonts() -> tuple[str, str]:
    """Register the regular and bold fonts once; their names for the canvas."""
    names = []
    for name, candidates in (("Letter", _FONT_CANDIDATES), ("Letter-Bold", _BOLD_CANDIDATES)):
        path = next(path for path in candidates if path.exists())
        pdfmetrics.registerFont(TTFont(name, str(path)))
        names.append(name)
    return names[0], names[1]


def render(content: LetterContent) -> bytes:
    """The letter as PDF bytes."""
    regular, bold = _fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle("MoBio")
    width, height = A4
    writer = _Writer(canvas, regular, bold, width, height - MARGIN)
    writer.heading("MoBio", GERMAN, size=20)
    _code_block(writer, content)
    languages = [content.language] if content.language == GERMAN else [content.language, GERMAN]
    for language in languages:
        writer.space(10)
        _texts(writer, content, language)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _code_block(writer: _Writer, content: LetterContent) -> None:
    """The code in print beside its QR code (the same for both languages)."""
    top = writer.y
    _draw_qr(writer.canvas, content.code_url, writer.width - MARGIN - QR_SIZE, top - QR_SIZE)
    writer.canvas.setFont("Courier-Bold", 22)
    writer.canvas.drawString(MARGIN, top - 40, content.code)
    writer.canvas.setFont(writer.regular, TEXT_SIZE)
    writer.canvas.drawString(MARGIN, top - 62, content.claim_url)
    writer.y = top - QR_SIZE - 8


def _texts(writer: _Writer, content: LetterContent, language: str) -> None:
    def text(message_id: str, **params: object) -> str:
        return translate(language, message_id, **params)

    writer.heading(text("page.claim_letter.title"), language, size=14)
    writer.paragraph(text("page.claim_letter.greeting", name=content.name), language)
    writer.paragraph(text("page.claim_letter.intro"), language)
    writer.paragraph(text("page.claim_letter.how", url=content.claim_url), language)
    writer.paragraph(f"{text('page.claim_letter.code')}: {content.code}", language, bold=True)
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


class _Writer:
    """Sets text top-down, wrapping by measured width; right-to-left languages aligned right."""

    def __init__(self, canvas: Canvas, regular: str, bold: str, width: float, top: float) -> None:
        self.canvas = canvas
        self.regular = regular
        self.bold = bold
        self.width = width
        self.y = top

    def space(self, points: float) -> None:
        self.y -= points

    def heading(self, text: str, language: str, *, size: float) -> None:
        self._lines([text], language, self.bold, size)
        self.y -= 4

    def paragraph(self, text: str, language: str, *, bold: bool = False) -> None:
        font = self.bold if bold else self.regular
        for part in text.split("\n"):
            self._lines(self._wrap(part, language, font, TEXT_SIZE), language, font, TEXT_SIZE)
        self.y -= LEADING / 2

    def _wrap(self, text: str, language: str, font: str, size: float) -> list[str]:
        """Lines in logical order (each shaped only when measured and drawn)."""
        available = self.width - 2 * MARGIN
        lines: list[str] = []
        line = ""
        for word in text.split():
            candidate = f"{line} {word}" if line else word
            if line and self._measure(candidate, language, font, size) > available:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
        return lines

    def _measure(self, text: str, language: str, font: str, size: float) -> float:
        return float(pdfmetrics.stringWidth(_visual(text, language), font, size))

    def _lines(self, lines: list[str], language: str, font: str, size: float) -> None:
        self.canvas.setFont(font, size)
        for line in lines:
            if self.y < MARGIN:
                self.canvas.showPage()
                self.canvas.setFont(font, size)
                self.y = A4[1] - MARGIN
            self.y -= max(LEADING, size * 1.3)
            if language in RTL_LANGUAGES:
                self.canvas.drawRightString(self.width - MARGIN, self.y, _visual(line, language))
            else:
                self.canvas.drawString(MARGIN, self.y, line)


def _visual(text: str, language: str) -> str:
    """Arabic script joined into its presentation forms and set in visual order."""
    if language not in RTL_LANGUAGES:
        return text
    return str(get_display(arabic_reshaper.reshape(text)))
