"""The record as Markdown, rendered from the same data as the JSON."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mobio.processing.prose import Headings as H
from mobio.processing.text import Language


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> list[str]:
    names = list(header)
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def _codes(values: Iterable[str]) -> str:
    return ", ".join(f"`{value}`" for value in values) or "–"


def render(record: dict[str, Any]) -> str:
    """The whole record as one Markdown document."""
    lang = Language(record["language"])
    names = {c["id"]: c["name"] for c in record["categories"]}
    subject_names = {s["id"]: s["name"] for s in record["subjects"]}

    def categories(ids: Iterable[str]) -> str:
        return ", ".join(names[i] for i in ids) or "–"

    out = [f"# {record['title']}", "", f"> {record['review']}", "", record["sources"], ""]
    out += [f"## {H.controller.in_(lang)}", "", record["controller"], ""]
    out += [f"## {H.purposes.in_(lang)}", ""]
    out += _table(
        [H.grant.in_(lang), H.holder.in_(lang), H.purpose.in_(lang), H.legal_basis.in_(lang)],
        (
            [f"`{p['grant']}`", p["holder"], p["purpose"], p["legal_basis"]]
            for p in record["purposes"]
        ),
    )
    out += [f"## {H.subjects.in_(lang)}", ""]
    out += [f"- {s['name']}" for s in record["subjects"]] + [""]
    out += [f"## {H.categories.in_(lang)}", ""]
    for category in record["categories"]:
        special = f" – {H.special.in_(lang)}" if category["special"] else ""
        out += [f"### {category['name']}{special}", "", category["description"], ""]
        out += [
            f"- {H.subjects_of.in_(lang)}: "
            + "; ".join(subject_names[s] for s in category["subjects"]),
            f"- {H.read_by.in_(lang)}: {_codes(category['read_by'])}",
            f"- {H.written_by.in_(lang)}: {_codes(category['written_by'])}",
            f"- {H.fields.in_(lang)}: {_codes(f['field'] for f in category['fields'])}",
            "",
        ]
    carriers = record["carriers"]
    out += [f"### {H.carriers.in_(lang)}", "", carriers["note"], ""]
    out += [f"- {H.fields.in_(lang)}: {_codes(f['field'] for f in carriers['fields'])}", ""]
    out += [f"## {H.recipients.in_(lang)}", "", f"### {H.team_kinds.in_(lang)}", ""]
    out += _table(
        [H.grant.in_(lang), H.holder.in_(lang), H.receives.in_(lang)],
        (
            [f"`{t['grant']}`", t["name"], categories(t["categories"])]
            for t in record["recipients"]["teams"]
        ),
    )
    out += [f"### {H.packages.in_(lang)}", ""]
    for package in record["recipients"]["packages"]:
        out += [f"#### {package['name']} (`{package['grant']}`)", ""]
        out += [
            f"- {H.recipient_kinds.in_(lang)}: " + ", ".join(package["recipients"]),
            f"- {H.receives.in_(lang)}: {categories(package['categories'])}",
            f"- {H.questions.in_(lang)}: " + _questions(package["questions"]),
            f"- {H.child_questions.in_(lang)}: " + _questions(package["child_questions"]),
            f"- {H.documents.in_(lang)}: "
            + (", ".join(d["label"] for d in package["documents"]) or "–"),
            "",
        ]
    out += [f"## {H.transfers.in_(lang)}", "", record["transfers"], ""]
    out += [f"## {H.retention.in_(lang)}", ""]
    out += _table(
        [H.what.in_(lang), H.period.in_(lang), H.source.in_(lang)],
        (
            [r["what"], r["period"], f"`{r['source']}`" if r["source"] else "–"]
            for r in record["retention"]
        ),
    )
    out += [f"## {H.storage.in_(lang)}", ""]
    out += _table(
        [
            H.component.in_(lang),
            H.embedded.in_(lang),
            H.production.in_(lang),
            H.holds.in_(lang),
        ],
        ([s["component"], s["embedded"], s["production"], s["holds"]] for s in record["storage"]),
    )
    out += [f"## {H.measures.in_(lang)}", ""]
    out += [f"- {measure}" for measure in record["measures"]]
    return "\n".join(out) + "\n"


def _questions(questions: list[dict[str, str]]) -> str:
    if not questions:
        return "–"
    by_section: dict[str, list[str]] = {}
    for question in questions:
        by_section.setdefault(question["section_label"], []).append(question["label"])
    return "; ".join(f"{section}: {', '.join(labels)}" for section, labels in by_section.items())
