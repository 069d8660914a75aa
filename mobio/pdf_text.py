"""Setting text in a reportlab PDF in any interface language: the fonts and a writer.

Arabic and Persian are shaped (arabic-reshaper) and put in visual order (python-bidi) line by
line, then set right-aligned: reportlab has no shaping of its own. That needs a font with
Arabic glyphs: DejaVu Sans where the system has it (Debian's fonts-dejavu-core, installed by
scripts/ensure-chromium.sh), else reportlab's bundled Vera, which has none (boxes). Used by the
claim letter and the data export's PDF.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import arabic_reshaper
import reportlab
from bidi import get_display
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from mobio.i18n import RTL_LANGUAGES

MARGIN = 56.0
TEXT_SIZE = 10.5
LEADING = 14.5
_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
)
_BOLD_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
)


@cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold fonts once; their names for the canvas."""
    names = []
    for name, candidates in (("Letter", _FONT_CANDIDATES), ("Letter-Bold", _BOLD_CANDIDATES)):
        path = next(path for path in candidates if path.exists())
        pdfmetrics.registerFont(TTFont(name, str(path)))
        names.append(name)
    return names[0], names[1]


class TextWriter:
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
        return float(pdfmetrics.stringWidth(visual(text, language), font, size))

    def _lines(self, lines: list[str], language: str, font: str, size: float) -> None:
        self.canvas.setFont(font, size)
        for line in lines:
            if self.y < MARGIN:
                self.canvas.showPage()
                self.canvas.setFont(font, size)
                self.y = A4[1] - MARGIN
            self.y -= max(LEADING, size * 1.3)
            if language in RTL_LANGUAGES:
                self.canvas.drawRightString(self.width - MARGIN, self.y, visual(line, language))
            else:
                self.canvas.drawString(MARGIN, self.y, visual(line, language))


_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"))


def left_to_right(text: str) -> str:
    """``text`` kept in its own left-to-right order inside right-to-left lines: without this,
    a code such as 8495-E5EQ-T2SF came out as E5EQ-T2SF-8495 in an Arabic letter."""
    return f"\u2066{text}\u2069"


def visual(text: str, language: str) -> str:
    """Arabic script joined into its presentation forms and set in visual order."""
    if language not in RTL_LANGUAGES:
        return text.translate(_BIDI_CONTROLS)
    # The isolating marks did their work in the reordering; fonts have no glyphs for them.
    return str(get_display(arabic_reshaper.reshape(text))).translate(_BIDI_CONTROLS)
