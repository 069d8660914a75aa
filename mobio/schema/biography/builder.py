"""Builds the generated GraphQL objects from stored pages, in the reader's language."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

import strawberry

from mobio.auth.biography import read_grants, write_grants
from mobio.auth.grants import Grant
from mobio.biography.catalogue.labels import option_label
from mobio.biography.catalogue.model import Kind, Question, Section, Subject
from mobio.biography.pages import Biography, Page
from mobio.schema.biography.generated import BIOGRAPHY, PAGE_TYPES, SHAPES
from mobio.schema.biography.values import ChoiceAnswer, TextAnswer

GERMAN = "de"


def build_biography(
    biography: Biography,
    grants: frozenset[Grant],
    language: str,
    notes_counts: dict[Section, int],
    wanted: Mapping[str, set[str]] | None = None,
) -> Any:
    """The biography's GraphQL object; with ``wanted`` (page field -> selected field names),
    only those pages and sections are built, every other field stays None."""
    members = {Subject.PARTNER: [], Subject.CHILD: []}  # type: dict[Subject, list[Any]]
    lists = {Subject.PARTNER: "partners", Subject.CHILD: "children"}
    for page in biography.members:
        fields = None if wanted is None else wanted.get(lists[page.kind])
        if wanted is None or fields is not None:
            members[page.kind].append(build_page(page, grants, language, {}, fields))
    own = None if wanted is None else wanted.get("own")
    return BIOGRAPHY(
        grants=grants,
        own=build_page(biography.own, grants, language, notes_counts, own)
        if wanted is None or own is not None
        else None,
        partners=members[Subject.PARTNER],
        children=members[Subject.CHILD],
    )


def build_page(
    page: Page,
    grants: frozenset[Grant],
    language: str,
    notes_counts: dict[Section, int],
    fields: set[str] | None = None,
) -> Any:
    """One page; with ``fields``, only the sections named there."""
    sections: dict[str, Any] = {}
    for (subject, section), shape in SHAPES.items():
        if subject is not page.kind or (fields is not None and section.value not in fields):
            continue
        values = {
            q.code: _value(q, page.answers.get(q.code), grants, language, shape.entry_types)
            for q in shape.questions
        }
        # Only markers of answers the reader may read: that a health answer has a log tells
        # something about health.
        codes = {q.code for q in shape.questions if not grants.isdisjoint(read_grants(q, subject))}
        extra: dict[str, Any] = {
            "writable_questions": [
                q.code for q in shape.questions if not grants.isdisjoint(write_grants(q))
            ]
        }
        if subject is Subject.NEWCOMER:
            extra["notes_count"] = notes_counts.get(section, 0)
        if section is Section.PERSONAL:
            extra["locked_for_owner"] = sorted(page.set_by_owner)
        sections[section.value] = shape.output(
            grants=grants,
            version=page.versions.get(section, 0),
            logged_questions=sorted(page.logged & codes),
            **values,
            **extra,
        )
    if page.kind is not Subject.NEWCOMER:
        sections["member_id"] = strawberry.ID(page.subject)
    return PAGE_TYPES[page.kind](grants=grants, **sections)


def _value(
    question: Question,
    stored: Any,
    grants: frozenset[Grant],
    language: str,
    entry_types: dict[str, Any],
) -> Any:
    """The GraphQL value of a stored answer; entries use this page kind's own entry types."""
    if stored is None:
        return None
    kind = question.kind
    if kind is Kind.CHOICE:
        return _choice(question, stored, grants, language)
    if kind is Kind.MULTI_CHOICE:
        return [_choice(question, code, grants, language) for code in stored]
    if kind is Kind.TEXT:
        return TextAnswer(grants=grants, text=stored, untranslated=True)
    if kind is Kind.DATE:
        return datetime.date.fromisoformat(stored)
    if kind is Kind.ENTRIES:
        entry_type = entry_types[question.code]
        fields = question.fields
        return [
            entry_type(
                grants=grants,
                **{f.code: _value(f, entry.get(f.code), grants, language, {}) for f in fields},
            )
            for entry in stored
        ]
    return stored


def _choice(question: Question, code: str, grants: frozenset[Grant], language: str) -> ChoiceAnswer:
    options = question.options
    if options is None or code not in options.codes:
        # A code withdrawn from the catalogue since it was saved: show it as it is.
        return ChoiceAnswer(grants=grants, code=code, label=code, label_de=code)
    return ChoiceAnswer(
        grants=grants,
        code=code,
        label=option_label(options, code, language),
        label_de=option_label(options, code, GERMAN),
    )
