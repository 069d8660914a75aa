"""Filling biographies for tests: a valid value for every question, derived from the catalogue.

Values follow the question's kind: the first option code, a short text naming the question, a
past date, the minimum number, ``True``, one entry with every field. A question other questions
depend on (``shown_if``) gets the code that asks most of them, so one save of a section in
catalogue order answers every question it can. Where the catalogue asks two questions on
opposite answers (a driving licence: its classes if yes, the wish for one if no), no single
page answers both; :func:`page_plans` gives the preferences that together answer every question.
Everything is saved through :func:`mobio.biography.saving.save_section`, so each answer has
its log entry, as if the owner (or a caseworker) had typed it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from graphql import GraphQLObjectType, get_named_type, is_leaf_type

from mobio.auth.grants import Grant
from mobio.biography import members
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.common import FALSE, TRUE
from mobio.biography.catalogue.model import Kind, Question, Section, Subject
from mobio.biography.pages import PERSONAL_COLUMNS
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF, MemberKind
from mobio.persons.tables import Person
from mobio.schema import get_schema

PAST_DATE = datetime.date(2001, 2, 3)
"""A date every date question accepts (dates of birth and arrival must be in the past)."""

Preferences = Mapping[str, str]
"""Question code -> the code (``"true"``/``"false"`` for yes/no) to answer it with."""


def owner(account_id: UUID) -> Actor:
    """The newcomer saving their own biography."""
    return Actor(account_id, frozenset({Grant.OWNER}))


def caseworker(account_id: UUID, grant: Grant, team_id: UUID) -> Actor:
    """A caseworker saving for their team, which holds ``grant`` on the person."""
    return Actor(account_id, frozenset({grant}), team_id)


def text_for(question: Question, parent: Question | None = None, tag: str = "Answer") -> str:
    """The text answer of ``question`` (a field of ``parent``'s entries) on a page tagged
    ``tag``: unique per question and page, so a test can look for it in any response."""
    name = question.code if parent is None else f"{parent.code}.{question.code}"
    return f"{tag}: {name}"


def _codes(question: Question) -> tuple[str, ...]:
    """The codes a question can be answered with, in the order offered (yes before no)."""
    if question.kind is Kind.BOOLEAN:
        return (TRUE, FALSE)
    return question.options.codes if question.options else ()


def _as_value(question: Question, code: str) -> Any:
    if question.kind is Kind.BOOLEAN:
        return code == TRUE
    if question.kind is Kind.MULTI_CHOICE:
        return [code]
    return code


def value_for(question: Question, parent: Question | None = None, tag: str = "Answer") -> Any:
    """A valid answer to a question that no other question depends on."""
    kind = question.kind
    if kind in (Kind.CHOICE, Kind.MULTI_CHOICE, Kind.BOOLEAN):
        return _as_value(question, _codes(question)[0])
    if kind is Kind.TEXT:
        return text_for(question, parent, tag)
    if kind is Kind.DATE:
        return PAST_DATE.isoformat()
    if kind is Kind.NUMBER:
        return question.minimum
    return [{f.code: value_for(f, question, tag) for f in question.fields}]


def _dependents(question: Question, page: tuple[Question, ...]) -> list[frozenset[str]]:
    return [
        q.shown_if.codes
        for q in page
        if q.shown_if is not None and q.shown_if.question == question.code
    ]


def _chosen_code(question: Question, page: tuple[Question, ...], prefer: Preferences) -> str:
    """The code that asks most of the questions depending on ``question`` (the first on a tie)."""
    if question.code in prefer:
        return prefer[question.code]
    wanted = _dependents(question, page)
    return max(_codes(question), key=lambda code: sum(code in codes for codes in wanted))


def _asked(question: Question, answers: Mapping[str, Any]) -> bool:
    condition = question.shown_if
    if condition is None:
        return True
    value = answers.get(condition.question)
    code = str(value).lower() if isinstance(value, bool) else value
    return code in condition.codes


def section_answers(
    section: Section, kind: Subject, prefer: Preferences | None = None, tag: str = "Answer"
) -> dict[str, Any]:
    """Answers to every question of one section of one kind of page that is asked, given the
    answers before it, in catalogue order (question code -> value as saved and stored)."""
    prefer = prefer or {}
    page = questions_for(section, kind)
    answers: dict[str, Any] = {}
    for question in page:
        if not _asked(question, answers):
            continue
        if _dependents(question, page) or question.code in prefer:
            answers[question.code] = _as_value(question, _chosen_code(question, page, prefer))
        else:
            answers[question.code] = value_for(question, tag=tag)
    return answers


def page_answers(
    kind: Subject, prefer: Preferences | None = None, tag: str = "Answer"
) -> dict[Section, dict[str, Any]]:
    """:func:`section_answers` for every section asked on this kind of page."""
    return {
        section: section_answers(section, kind, prefer, tag)
        for section in Section
        if questions_for(section, kind)
    }


def _all_questions(kind: Subject) -> list[Question]:
    return [q for section in Section for q in questions_for(section, kind)]


def _answered(plan: Mapping[Section, Mapping[str, Any]]) -> set[str]:
    return {code for answers in plan.values() for code in answers}


def page_plans(kind: Subject) -> list[dict[str, str]]:
    """Preferences whose pages together answer every question of this kind of page; the
    first is the empty preference (most questions answered)."""
    questions = {q.code: q for q in _all_questions(kind)}
    plans: list[dict[str, str]] = [{}]
    missing = set(questions) - _answered(page_answers(kind))
    while missing:
        target = questions[min(missing, key=list(questions).index)]
        prefer: dict[str, str] = {}
        while target.shown_if is not None:  # the chain of conditions that asks it
            condition = target.shown_if
            target = questions[condition.question]
            prefer[target.code] = next(c for c in _codes(target) if c in condition.codes)
        still = missing - _answered(page_answers(kind, prefer))
        if still == missing:
            raise AssertionError(f"no answers ask {sorted(missing)} on a {kind} page")
        plans.append(prefer)
        missing = still
    return plans


@dataclass
class FilledPage:
    """What was saved on one page: the answers per section and the versions they reached."""

    person_id: UUID
    subject: str
    """SELF or the family member's id."""
    kind: Subject
    tag: str
    answers: dict[Section, dict[str, Any]] = field(default_factory=dict)

    @property
    def by_code(self) -> dict[str, Any]:
        return {code: v for answers in self.answers.values() for code, v in answers.items()}

    def section_of(self, code: str) -> Section:
        return next(s for s, answers in self.answers.items() if code in answers)


async def fill_page(
    actor: Actor,
    person_id: UUID,
    subject: str,
    kind: Subject,
    prefer: Preferences | None = None,
    sections: tuple[Section, ...] | None = None,
    tag: str = "Answer",
) -> FilledPage:
    """Save an answer to every question asked on the page (one save per section, from version
    0). The write-once personal page must still be empty for an owner actor. Texts name
    ``tag`` (see :func:`text_for`)."""
    filled = FilledPage(person_id, subject, kind, tag)
    for section, answers in page_answers(kind, prefer, tag).items():
        if sections is not None and section not in sections:
            continue
        await save_section(actor, person_id, subject, section, 0, answers)
        filled.answers[section] = answers
    return filled


async def clear_personal_page(person_id: UUID) -> None:
    """Empty the newcomer's write-once personal page (test factories fill it), so the owner
    can enter it through the service like a newly registered newcomer."""
    columns: dict[Any, Any] = {getattr(Person, name): None for name in PERSONAL_COLUMNS}
    columns[Person.personal_page_set_at] = None
    await Person.update(columns).where(Person.id == person_id)


async def add_member(actor: Actor, person_id: UUID, kind: Subject) -> str:
    """A new, empty partner or child page; returns its subject (the member's id)."""
    member_kind = MemberKind.PARTNER if kind is Subject.PARTNER else MemberKind.CHILD
    return str(await members.add_member(actor, person_id, member_kind))


@dataclass
class FilledBiography:
    own: FilledPage
    partners: list[FilledPage]
    children: list[FilledPage]

    @property
    def pages(self) -> list[FilledPage]:
        return [self.own, *self.partners, *self.children]


async def fill_biography(
    account_id: UUID,
    person_id: UUID,
    *,
    plan: int = 0,
    partners: int = 1,
    children: int = 1,
    tag: str = "Answer",
) -> FilledBiography:
    """As the owner: clear and refill the own page, add partners and children and answer every
    question of theirs, with the ``plan``-th preferences of :func:`page_plans` for each kind
    (the last one where a kind has fewer)."""
    async with Person._meta.db.transaction():  # one commit: much faster on SQLite
        return await _fill_biography(owner(account_id), person_id, plan, partners, children, tag)


async def _fill_biography(
    actor: Actor, person_id: UUID, plan: int, partners: int, children: int, tag: str
) -> FilledBiography:
    def prefer(kind: Subject) -> dict[str, str]:
        plans = page_plans(kind)
        return plans[min(plan, len(plans) - 1)]

    await clear_personal_page(person_id)
    own = await fill_page(
        actor, person_id, SELF, Subject.NEWCOMER, prefer(Subject.NEWCOMER), tag=f"{tag} own"
    )
    filled = FilledBiography(own, [], [])
    for kind, count, pages in (
        (Subject.PARTNER, partners, filled.partners),
        (Subject.CHILD, children, filled.children),
    ):
        for number in range(1, count + 1):
            subject = await add_member(actor, person_id, kind)
            page_tag = f"{tag} {kind.value} {number}"
            pages.append(
                await fill_page(actor, person_id, subject, kind, prefer(kind), tag=page_tag)
            )
    return filled


# --- reading back through GraphQL --------------------------------------------------------


def camel(code: str) -> str:
    """The GraphQL name of a question code (``school_years_abroad`` -> ``schoolYearsAbroad``)."""
    head, *rest = code.split("_")
    return head + "".join(part.capitalize() for part in rest)


def object_type(type_name: str) -> GraphQLObjectType:
    gql_type = get_schema()._schema.type_map[type_name]
    assert isinstance(gql_type, GraphQLObjectType), type_name
    return gql_type


def full_selection(type_name: str) -> str:
    """Every field under the GraphQL object type ``type_name``, with a full selection on each
    object field (fields taking arguments are refused: they need a choice)."""
    parts = []
    for name, gql_field in object_type(type_name).fields.items():
        assert not gql_field.args, f"{type_name}.{name} takes arguments"
        named = get_named_type(gql_field.type)
        parts.append(name if is_leaf_type(named) else f"{name} {{ {full_selection(named.name)} }}")
    return " ".join(parts)


def stored_value(question: Question, shown: Any) -> Any:
    """The stored form of an answer as GraphQL shows it: codes, text, ISO dates, entries as
    field code -> value (fields without a value left out)."""
    if shown is None:
        return None
    if question.kind is Kind.CHOICE:
        return shown["code"]
    if question.kind is Kind.MULTI_CHOICE:
        return [choice["code"] for choice in shown]
    if question.kind is Kind.TEXT:
        return shown["text"]
    if question.kind is Kind.ENTRIES:
        return [
            {
                f.code: stored_value(f, entry[camel(f.code)])
                for f in question.fields
                if entry[camel(f.code)] is not None
            }
            for entry in shown
        ]
    return shown
