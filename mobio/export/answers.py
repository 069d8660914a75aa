"""Every answer of every page as code and label, in the owner's language and in German.

The labels come from the same catalogue functions the GraphQL biography uses
(``mobio.biography.catalogue.labels``), so the export says exactly what the owner reads.
"""

from __future__ import annotations

from typing import Any

from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.labels import option_label, question_label, section_label
from mobio.biography.catalogue.model import Kind, Question, Section
from mobio.biography.pages import Biography, Page
from mobio.biography.tables import SELF

GERMAN = "de"


def pages(biography: Biography, language: str) -> list[dict[str, Any]]:
    """The own page first, then partners and children in the order they were added."""
    return [page_of(page, language) for page in (biography.own, *biography.members)]


def page_of(page: Page, language: str) -> dict[str, Any]:
    listed: set[str] = set()
    sections = []
    for section in Section:
        questions = [q for q in questions_for(section, page.kind) if q.code in page.answers]
        if not questions:
            continue
        listed.update(q.code for q in questions)
        sections.append(
            {
                "section": section.value,
                "label": section_label(section, language),
                "labelDe": section_label(section, GERMAN),
                "answers": [
                    answer(q, page.answers[q.code], language)
                    for q in questions
                    if page.answers[q.code] is not None
                ],
            }
        )
    # Answers to questions since withdrawn from the catalogue are the owner's data too.
    others = [
        {"question": code, "value": value}
        for code, value in sorted(page.answers.items())
        if code not in listed and value is not None
    ]
    return {
        "kind": page.kind.value,
        "memberId": None if page.subject == SELF else page.subject,
        "sections": sections,
        "otherAnswers": others,
    }


def answer(
    question: Question, stored: Any, language: str, parent: Question | None = None
) -> dict[str, Any]:
    return {
        "question": question.code,
        "kind": question.kind.value,
        "label": question_label(question, language, parent),
        "labelDe": question_label(question, GERMAN, parent),
        "value": _value(question, stored, language),
    }


def _value(question: Question, stored: Any, language: str) -> Any:
    kind = question.kind
    if kind is Kind.CHOICE:
        return choice(question, stored, language)
    if kind is Kind.MULTI_CHOICE:
        return [choice(question, code, language) for code in stored]
    if kind is Kind.ENTRIES:
        return [
            [
                answer(field, entry[field.code], language, question)
                for field in question.fields
                if entry.get(field.code) is not None
            ]
            for entry in stored
        ]
    return stored  # text as typed, ISO date, number, boolean


def choice(question: Question, code: str, language: str) -> dict[str, str]:
    options = question.options
    if options is None or code not in options.codes:
        # Withdrawn from the catalogue since it was saved: shown as stored, like GraphQL does.
        return {"code": code, "label": code, "labelDe": code}
    return {
        "code": code,
        "label": option_label(options, code, language),
        "labelDe": option_label(options, code, GERMAN),
    }
