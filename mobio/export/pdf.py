"""A readable PDF of data.json, in the owner's language (reportlab).

Fonts, shaping and right-to-left setting are the claim letter's (``mobio.claims.letter``):
DejaVu Sans for Arabic script, shaped and put in visual order line by line. A line with
Arabic script in a left-to-right export (a free-text answer typed in Persian) is set as
right-to-left text on its own.
"""

from __future__ import annotations

import io
import re
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mobio.i18n import RTL_LANGUAGES, translate
from mobio.pdf_text import MARGIN, TextWriter, register_fonts

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_PAGE_TITLES = {
    "newcomer": "export.pdf.own_page",
    "partner": "export.pdf.partner_page",
    "child": "export.pdf.child_page",
}


def render(data: dict[str, Any]) -> bytes:
    """data.json as a PDF; every free text escaped by construction (drawn as plain text)."""
    language = str(data["language"])
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle("MoBio")
    width, height = A4
    doc = _Document(TextWriter(canvas, regular, bold, width, height - MARGIN), language)
    doc.heading(doc.text("export.pdf.title"), size=18)
    doc.line(doc.text("export.pdf.intro", date=str(data["exportedAt"])[:10]))
    _biography(doc, data["pages"])
    _lists(doc, data)
    canvas.save()
    return buffer.getvalue()


class _Document:
    def __init__(self, writer: TextWriter, language: str) -> None:
        self.writer = writer
        self.language = language

    def text(self, message_id: str, **params: object) -> str:
        return translate(self.language, message_id, **params)

    def heading(self, text: str, *, size: float = 13) -> None:
        self.writer.space(6)
        self.writer.heading(text, self._direction(text), size=size)

    def line(self, text: str, *, bold: bool = False) -> None:
        self.writer.paragraph(text, self._direction(text), bold=bold)

    def _direction(self, text: str) -> str:
        if self.language in RTL_LANGUAGES or not _ARABIC_SCRIPT.search(text):
            return self.language
        return "ar"  # shaped and set right to left, like an Arabic export

    def shown(self, value: Any) -> str:
        """One answer value as text: labels of choices, entries field by field."""
        if isinstance(value, bool):
            return self.text("export.pdf.yes" if value else "export.pdf.no")
        if isinstance(value, dict) and "label" in value:
            return str(value["label"])
        if isinstance(value, list):
            if value and isinstance(value[0], list):
                return " | ".join(
                    "; ".join(f"{a['label']}: {self.shown(a['value'])}" for a in entry)
                    for entry in value
                )
            return ", ".join(self.shown(item) for item in value)
        return "" if value is None else str(value)


def _biography(doc: _Document, pages: list[dict[str, Any]]) -> None:
    for page in pages:
        doc.heading(doc.text(_PAGE_TITLES[page["kind"]]), size=15)
        for section in page["sections"]:
            doc.heading(section["label"])
            for answer in section["answers"]:
                doc.line(f"{answer['label']}: {doc.shown(answer['value'])}")
        for other in page["otherAnswers"]:
            doc.line(f"{other['question']}: {doc.shown(other['value'])}")


def _lists(doc: _Document, data: dict[str, Any]) -> None:
    sections: list[tuple[str, list[str]]] = [
        (
            "export.pdf.private_notes",
            [f"{n['sectionLabel']}: {n['body']}" for n in data["privateNotes"]],
        ),
        (
            "export.pdf.documents",
            [f"{d['categoryLabel']}: {d['fileName']} ({d['path']})" for d in data["documents"]],
        ),
        (
            "export.pdf.goals",
            [
                f"{g['area']['label']}: {g['goal']} ({g['status']['label']}, {g['team']})"
                + "".join(f"\n- {s['description']} ({s['dueOn']})" for s in g["steps"])
                for g in data["goalAgreements"]
            ],
        ),
        (
            "export.pdf.case_notes",
            [f"{n['createdAt'][:10]} {n['team']}: {n['body']}" for n in data["caseNotes"]],
        ),
        (
            "export.pdf.hand_overs",
            [
                f"{h['fromTeam']} → {h['toTeam']}, {h['effectiveOn']} ({h['state']})"
                for h in data["handOvers"]
            ],
        ),
        (
            "export.pdf.corrections",
            [
                f"{c['question']}: {doc.shown(c['proposedValue'])} ({c['state']}) {c['reason']}"
                for c in data["correctionRequests"]
            ],
        ),
        (
            "export.pdf.team_releases",
            [
                f"{r['team']} ({r['municipality'] or ''}) {r['grantedAt'][:10]}"
                + (f" – {r['revokedAt'][:10]}" if r["revokedAt"] else "")
                for r in data["teamReleases"]
            ],
        ),
        (
            "export.pdf.stakeholder_releases",
            [
                f"{r['packageLabel']}: {r['recipientEmail'] or ''} {r['createdAt'][:10]}"
                for r in data["stakeholderReleases"]
            ],
        ),
        (
            "export.pdf.consents",
            [
                f"{c['acceptedAt'][:10]} {c['document']['title']} "
                f"(v{c['document']['version']}, {c['document']['language']})\n"
                f"{c['document']['text']}"
                for c in data["consentRecords"]
            ],
        ),
        (
            "export.pdf.answer_log",
            [
                f"{e['changedAt'][:16]} {e['question']}: {doc.shown(e['value'])}"
                f" ({e['actor'] or e['actorGrant']})"
                for e in data["answerLog"]
            ],
        ),
        (
            "export.pdf.access_log",
            [
                f"{e['accessedAt'][:16]} {e['team'] or e['package'] or ''} {e['reader'] or ''}"
                for e in data["accessLog"]
            ],
        ),
        (
            "export.pdf.login_record",
            [
                f"{e['at'][:16]} "
                + doc.text("export.pdf.login_ok" if e["succeeded"] else "export.pdf.login_failed")
                + f" {e['browser']} {e['network']}"
                for e in data["loginRecord"]
            ],
        ),
    ]
    for title_id, lines in sections:
        doc.heading(doc.text(title_id))
        for text in lines or [doc.text("export.pdf.none")]:
            doc.line(text)
