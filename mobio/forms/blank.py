"""Small but real blank forms, drawn with pypdf, for the demo data.

Each is one A4 page: a heading and labelled lines to fill in by hand, drawn in the page's
content with Helvetica (Latin script). Text in another script (Arabic, say) cannot be drawn
with a standard PDF font, so it is added as a FreeText annotation, which PDF viewers render
with a font of their own, and as the document's title.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdf
from pypdf.annotations import FreeText
from pypdf.generic import ContentStream, DictionaryObject, NameObject

A4 = (595, 842)
"""Width and height in points."""
MARGIN = 56
LINE_GAP = 44


@dataclass(frozen=True, slots=True)
class BlankForm:
    """What a blank form shows: its heading, the fields to fill in, text in other scripts."""

    title: str
    """Document title (metadata), in the form's language."""
    heading: str
    """Printed at the top, Latin script only (WinAnsi)."""
    fields: tuple[str, ...]
    """Labels of the lines to fill in, Latin script only."""
    annotation: str | None = None
    """Text in any script, shown under the heading by the viewer."""


def blank_pdf(form: BlankForm) -> bytes:
    """The form as a one-page PDF."""
    width, height = A4
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=width, height=height)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = ContentStream(None, writer)
    content.set_data(_drawing(form, width, height))
    page.replace_contents(content)
    if form.annotation:
        top = height - MARGIN - 30
        writer.add_annotation(
            page_number=0,
            annotation=FreeText(
                text=form.annotation,
                rect=(MARGIN, top - 28, width - MARGIN, top),
                font_size="14pt",
                border_color=None,
                background_color=None,
            ),
        )
    writer.add_metadata({"/Title": form.title, "/Producer": "MoBio"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _drawing(form: BlankForm, width: int, height: int) -> bytes:
    """Content stream: the heading, then one label and a rule per field."""
    ops = [f"BT /F1 18 Tf {MARGIN} {height - MARGIN} Td {_text(form.heading)} Tj ET"]
    y = height - MARGIN - 100
    for label in form.fields:
        ops.append(f"BT /F1 11 Tf {MARGIN} {y + 6} Td {_text(label)} Tj ET")
        ops.append(f"0.5 w {MARGIN + 170} {y} m {width - MARGIN} {y} l S")
        y -= LINE_GAP
    ops.append(f"BT /F1 9 Tf {MARGIN} {MARGIN} Td {_text('Datum, Unterschrift, Stempel')} Tj ET")
    ops.append(f"0.5 w {MARGIN + 170} {MARGIN} m {width - MARGIN} {MARGIN} l S")
    return "\n".join(ops).encode("cp1252")


def _text(value: str) -> str:
    """A PDF literal string (WinAnsi covers German); ``\\``, ``(`` and ``)`` escaped."""
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


@dataclass(frozen=True, slots=True)
class DemoForm:
    """A form the demo publishes: its language, file name and description, and its page."""

    language: str
    file_name: str
    description: str
    page: BlankForm


DEMO_FORMS: tuple[DemoForm, ...] = (
    DemoForm(
        language="de",
        file_name="Bescheinigung-Sprachkurs.pdf",
        description="Vom Kursträger auszufüllen: Kurs, Zeitraum, erreichtes Niveau.",
        page=BlankForm(
            title="Bescheinigung über die Teilnahme an einem Sprachkurs",
            heading="Bescheinigung über die Teilnahme an einem Sprachkurs",
            fields=(
                "Name, Vorname",
                "Geburtsdatum",
                "Kursträger",
                "Art des Kurses",
                "Zeitraum (von - bis)",
                "Unterrichtsstunden",
                "Erreichtes Niveau (GER)",
            ),
        ),
    ),
    DemoForm(
        language="de",
        file_name="Praktikumsbescheinigung.pdf",
        description="Vom Betrieb auszufüllen, nach einem Praktikum.",
        page=BlankForm(
            title="Praktikumsbescheinigung",
            heading="Praktikumsbescheinigung",
            fields=(
                "Name, Vorname",
                "Betrieb",
                "Zeitraum (von - bis)",
                "Stunden pro Woche",
                "Tätigkeiten",
                "Beurteilung",
            ),
        ),
    ),
    DemoForm(
        language="ar",
        file_name="shahadat-amal.pdf",
        description="نموذج شهادة عمل فارغ يملؤه صاحب العمل، مع نص ألماني للجهات الرسمية.",
        page=BlankForm(
            title="شهادة عمل – نموذج فارغ",
            heading="Arbeitsbescheinigung / Work certificate",
            fields=(
                "Name, Vorname",
                "Arbeitgeber",
                "Land, Ort",
                "Zeitraum (von - bis)",
                "Tätigkeit",
            ),
            annotation="شهادة عمل – يملؤها صاحب العمل",
        ),
    ),
)
"""Two German forms and one Arabic (with German labels, for the offices that read it)."""
