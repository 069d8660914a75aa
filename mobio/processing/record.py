"""The record as data in one language; Markdown and JSON are both rendered from it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from graphql import GraphQLSchema

from mobio.auth import documents
from mobio.auth.enforce import Rule
from mobio.auth.grants import PACKAGE_GRANT, TEAM_KIND_GRANT, Grant
from mobio.biography.catalogue import QUESTIONS
from mobio.biography.catalogue.labels import question_label, section_label
from mobio.biography.catalogue.model import Question
from mobio.documents.tables import DocumentCategory
from mobio.i18n import translate
from mobio.packages import PACKAGES, Package
from mobio.processing import prose
from mobio.processing.categories import CATEGORIES, SUBJECTS, DataCategory
from mobio.processing.mapping import Carrier, Coverage, check, cover
from mobio.processing.purposes import PURPOSES
from mobio.processing.retention import periods, spoken
from mobio.processing.text import Language
from mobio.settings import Settings

FORMAT = "mobio-processing-record"
VERSION = 1
"""Raised when the shape of the JSON changes (mobio.processing.jsonschema describes it)."""


class RecordIncompleteError(RuntimeError):
    """A protected field has no category or a grant no purpose; the record would lie."""


def _grants(grants: Iterable[Grant]) -> list[str]:
    held = set(grants)
    return [grant.value for grant in Grant if grant in held]


def build(
    schema: GraphQLSchema, rules: Sequence[Rule], settings: Settings, language: Language
) -> dict[str, Any]:
    """The whole record in ``language``; refuses while the record has a gap."""
    coverage = cover(schema, rules)
    problems = check(coverage)
    if problems:
        raise RecordIncompleteError("; ".join(problems))
    return {
        "format": FORMAT,
        "version": VERSION,
        "language": language.value,
        "title": prose.TITLE.in_(language),
        "review": prose.REVIEW.in_(language),
        "sources": prose.SOURCES.in_(language),
        "controller": prose.CONTROLLER.in_(language),
        "purposes": _purposes(coverage, language),
        "subjects": [
            {"id": subject.value, "name": text.in_(language)} for subject, text in SUBJECTS.items()
        ],
        "categories": _categories(coverage, language),
        "carriers": {
            "note": prose.CARRIERS.in_(language),
            "fields": [
                _field(placed.rule) | {"kind": str(placed.placement)}
                for placed in coverage.placed
                if isinstance(placed.placement, Carrier)
            ],
        },
        "recipients": {
            "teams": _teams(coverage, language),
            "packages": _packages(coverage, language),
        },
        "transfers": prose.TRANSFERS.in_(language),
        "retention": [
            {
                "key": period.key,
                "what": period.what.in_(language),
                "period": spoken(period.length, language),
                "seconds": None if period.length is None else int(period.length.total_seconds()),
                "source": period.source,
            }
            for period in periods(settings)
        ],
        "storage": [
            {
                "component": store.component.in_(language),
                "embedded": store.embedded.in_(language),
                "production": store.production.in_(language),
                "holds": store.holds.in_(language),
            }
            for store in prose.STORAGE
        ],
        "measures": [measure.in_(language) for measure in prose.MEASURES],
    }


def _field(rule: Rule) -> dict[str, Any]:
    return {
        "field": f"{rule.type_name}.{rule.field}",
        "mode": rule.mode,
        "grants": _grants(rule.grants),
    }


def _readable(coverage: Coverage, grant: Grant, mode: str = "read") -> list[str]:
    found = {
        placed.placement
        for placed in coverage.placed
        if isinstance(placed.placement, DataCategory)
        and placed.rule.mode == mode
        and grant in placed.rule.grants
    }
    return [category.value for category in DataCategory if category in found]


def _purposes(coverage: Coverage, language: Language) -> list[dict[str, Any]]:
    return [
        {
            "grant": grant.value,
            "holder": purpose.holder.in_(language),
            "purpose": purpose.purpose.in_(language),
            "legal_basis": purpose.legal_basis.in_(language),
            "reads": _readable(coverage, grant),
            "writes": _readable(coverage, grant, "write"),
        }
        for grant, purpose in ((grant, PURPOSES[grant]) for grant in Grant)
    ]


def _categories(coverage: Coverage, language: Language) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for category in DataCategory:
        declaration = CATEGORIES[category]
        rules = [placed.rule for placed in coverage.in_category(category)]
        result.append(
            {
                "id": category.value,
                "name": declaration.name.in_(language),
                "description": declaration.description.in_(language),
                "special": declaration.special,
                "subjects": [subject.value for subject in declaration.subjects],
                "read_by": _grants(g for r in rules if r.mode == "read" for g in r.grants),
                "written_by": _grants(g for r in rules if r.mode == "write" for g in r.grants),
                "fields": [_field(rule) for rule in rules],
            }
        )
    return result


def _teams(coverage: Coverage, language: Language) -> list[dict[str, Any]]:
    return [
        {
            "team_kind": kind.value,
            "grant": grant.value,
            "name": PURPOSES[grant].holder.in_(language),
            "categories": _readable(coverage, grant),
        }
        for kind, grant in TEAM_KIND_GRANT.items()
    ]


def _questions(questions: Iterable[Question], language: Language) -> list[dict[str, str]]:
    return [
        {
            "section": question.section.value,
            "section_label": section_label(question.section, language),
            "code": question.code,
            "label": question_label(question, language),
        }
        for question in questions
    ]


def _packages(coverage: Coverage, language: Language) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for package in Package:
        grant = PACKAGE_GRANT[package]
        readable = documents.READ.get(grant, frozenset())
        categories = [category for category in DocumentCategory if category in readable]
        result.append(
            {
                "package": package.value,
                "grant": grant.value,
                "name": translate(language, f"package.{package.value}"),
                "recipients": [translate(language, r) for r in PACKAGES[package].recipients],
                "categories": _readable(coverage, grant),
                "questions": _questions((q for q in QUESTIONS if package in q.packages), language),
                "child_questions": _questions(
                    (q for q in QUESTIONS if package in q.child_packages), language
                ),
                "documents": [
                    {
                        "category": category.value,
                        "label": translate(language, f"document.category.{category.value}"),
                    }
                    for category in categories
                ],
            }
        )
    return result
