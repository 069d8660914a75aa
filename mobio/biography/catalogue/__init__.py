"""The questionnaire, defined once: every question of every section, checked at import.

Storage, validation, labels, the GraphQL fields and their permission directives all derive
from ``QUESTIONS``; a mistake in the definitions fails the import, not a request.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mobio.biography.catalogue import education, family, language, living, occupation, personal
from mobio.biography.catalogue.common import BOOLEAN_CODES
from mobio.biography.catalogue.model import (
    Condition,
    Kind,
    OptionList,
    Question,
    Section,
    Subject,
    Visibility,
)

__all__ = [
    "BY_CODE",
    "MAX_CODE_LENGTH",
    "QUESTIONS",
    "check_catalogue",
    "questions_for",
]

QUESTIONS: tuple[Question, ...] = (
    *personal.QUESTIONS,
    *family.QUESTIONS,
    *language.QUESTIONS,
    *education.QUESTIONS,
    *occupation.QUESTIONS,
    *living.QUESTIONS,
)
"""All top-level questions, in section order and, within a section, in the order shown."""

MAX_CODE_LENGTH = 40
_SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_WITH_OPTIONS = frozenset({Kind.CHOICE, Kind.MULTI_CHOICE})
_CONDITION_KINDS = frozenset({Kind.CHOICE, Kind.BOOLEAN})
_SECTION_ORDER = {section: index for index, section in enumerate(Section)}


def check_catalogue(questions: Sequence[Question] | None = None) -> None:
    """Raise ValueError listing every mistake in ``questions`` (default: the catalogue)."""
    problems = _problems(QUESTIONS if questions is None else questions)
    if problems:
        raise ValueError("questionnaire catalogue: " + "; ".join(problems))


def _problems(questions: Sequence[Question]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, Question] = {}
    later = {question.code: question for question in questions}
    lists: dict[str, OptionList] = {}
    previous_section = 0
    for question in questions:
        code = question.code
        problems += _shape_problems(question, code, lists)
        if code in seen:
            problems.append(f"{code}: duplicate code")
        if _SECTION_ORDER[question.section] < previous_section:
            problems.append(f"{code}: out of section order")
        previous_section = _SECTION_ORDER[question.section]
        if question.visibility is Visibility.PRIVATE_HEALTH and (
            question.packages or question.child_packages
        ):
            problems.append(f"{code}: health data in a package")
        if question.packages and Subject.NEWCOMER not in question.subjects:
            problems.append(f"{code}: packages on a question not asked of the newcomer")
        if question.child_packages and Subject.CHILD not in question.subjects:
            problems.append(f"{code}: child_packages on a question not asked of children")
        if question.write_once and question.section is not Section.PERSONAL:
            problems.append(f"{code}: write_once outside the personal section")
        if question.shown_if is not None:
            problems += _condition_problems(question, code, question.shown_if, seen, later)
        if question.kind is Kind.ENTRIES:
            problems += _entry_problems(question, lists)
        seen.setdefault(code, question)
    return problems


def _shape_problems(question: Question, name: str, lists: dict[str, OptionList]) -> list[str]:
    """Mistakes a question can make on its own: code, subjects, options, bounds, fields."""
    problems: list[str] = []
    if not _SNAKE_CASE.fullmatch(question.code) or len(question.code) > MAX_CODE_LENGTH:
        problems.append(f"{name}: code must be snake_case of at most {MAX_CODE_LENGTH} chars")
    if not question.subjects:
        problems.append(f"{name}: no subjects")
    if question.kind in _WITH_OPTIONS:
        if question.options is None or not question.options.codes:
            problems.append(f"{name}: {question.kind} without options")
        else:
            problems += _option_list_problems(question.options, name, lists)
    elif question.options is not None:
        problems.append(f"{name}: options on a {question.kind} question")
    if question.kind is Kind.NUMBER and question.minimum > question.maximum:
        problems.append(f"{name}: minimum above maximum")
    if question.kind is Kind.TEXT and question.max_length < 1:
        problems.append(f"{name}: max_length below 1")
    if question.kind is not Kind.ENTRIES and question.fields:
        problems.append(f"{name}: fields on a {question.kind} question")
    return problems


def _option_list_problems(
    options: OptionList, name: str, lists: dict[str, OptionList]
) -> list[str]:
    problems: list[str] = []
    if not _SNAKE_CASE.fullmatch(options.name):
        problems.append(f"{name}: option list name {options.name!r} is not snake_case")
    if len(set(options.codes)) != len(options.codes):
        problems.append(f"{name}: option list {options.name!r} repeats a code")
    known = lists.setdefault(options.name, options)
    if known != options:
        problems.append(f"{name}: two different option lists named {options.name!r}")
    return problems


def _entry_problems(question: Question, lists: dict[str, OptionList]) -> list[str]:
    code = question.code
    if not question.fields:
        return [f"{code}: entries without fields"]
    problems: list[str] = []
    seen: dict[str, Question] = {}
    later = {entry_field.code: entry_field for entry_field in question.fields}
    for entry_field in question.fields:
        name = f"{code}.{entry_field.code}"
        problems += _shape_problems(entry_field, name, lists)
        if entry_field.kind is Kind.ENTRIES:
            problems.append(f"{name}: entries nested in entries")
        if entry_field.code in seen:
            problems.append(f"{name}: duplicate field code")
        if entry_field.section is not question.section:
            problems.append(f"{name}: field in another section than its entry")
        if (
            entry_field.packages
            or entry_field.visibility is not Visibility.CASEWORK
            or entry_field.write_once
        ):
            problems.append(f"{name}: a field inherits visibility, packages and write_once")
        if entry_field.shown_if is not None:
            problems += _condition_problems(entry_field, name, entry_field.shown_if, seen, later)
        seen.setdefault(entry_field.code, entry_field)
    return problems


def _condition_problems(
    question: Question,
    name: str,
    condition: Condition,
    earlier: dict[str, Question],
    anywhere: dict[str, Question],
) -> list[str]:
    """A condition names an earlier question of the same section, on every page the
    dependent question is on, of a kind with codes, and only codes that question has."""
    target = earlier.get(condition.question)
    if target is None:
        where = "a later" if condition.question in anywhere else "an unknown"
        return [f"{name}: condition on {where} question {condition.question!r}"]
    problems: list[str] = []
    if target.section is not question.section:
        problems.append(f"{name}: condition on {target.code!r} of another section")
    if not question.subjects <= target.subjects:
        problems.append(f"{name}: condition on {target.code!r}, not asked on the same pages")
    if target.kind not in _CONDITION_KINDS:
        problems.append(f"{name}: condition on {target.code!r}, a {target.kind} question")
        return problems
    allowed = _codes(target)
    if not condition.codes or not condition.codes <= allowed:
        unknown = sorted(condition.codes - allowed) or ["(none)"]
        problems.append(f"{name}: condition on unknown code(s) {', '.join(unknown)}")
    return problems


def _codes(question: Question) -> frozenset[str]:
    if question.kind is Kind.BOOLEAN:
        return BOOLEAN_CODES
    return frozenset(question.options.codes if question.options else ())


check_catalogue()

BY_CODE: dict[str, Question] = {question.code: question for question in QUESTIONS}
"""Top-level questions by code."""


@cache
def questions_for(section: Section, subject: Subject) -> tuple[Question, ...]:
    """The questions of one section on one kind of page, in the order shown."""
    return tuple(q for q in QUESTIONS if q.section is section and subject in q.subjects)
