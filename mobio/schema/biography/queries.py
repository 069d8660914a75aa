"""The questionnaire itself: sections, questions, labels, options (no personal data)."""

from __future__ import annotations

from functools import lru_cache

import strawberry

from mobio.auth.directives import PUBLIC
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.labels import option_label, question_label
from mobio.biography.catalogue.model import Question, Section, Subject
from mobio.i18n import translate
from mobio.schema.biography.types import (
    ConditionInfo,
    OptionInfo,
    QuestionInfo,
    SectionEnum,
    SectionInfo,
)
from mobio.schema.context import Info


def _info(question: Question, language: str, parent: Question | None = None) -> QuestionInfo:
    options = question.options
    return QuestionInfo(
        code=question.code,
        kind=question.kind,
        label=question_label(question, language, parent),
        label_de=question_label(question, "de", parent),
        subjects=sorted(subject.value for subject in question.subjects),
        write_once=question.write_once,
        options=[
            OptionInfo(code=c, label=option_label(options, c, language)) for c in options.codes
        ]
        if options
        else [],
        shown_if=ConditionInfo(
            question=question.shown_if.question, codes=sorted(question.shown_if.codes)
        )
        if question.shown_if
        else None,
        max_length=question.max_length,
        minimum=question.minimum,
        maximum=question.maximum,
        fields=[_info(field, language, question) for field in question.fields],
    )


@lru_cache(maxsize=64)
def _questionnaire(language: str, subject: Subject) -> tuple[SectionInfo, ...]:
    """Built once per language and kind of page: the catalogue does not change at run time,
    and nothing in it is personal (nor mutated once built)."""
    return tuple(
        SectionInfo(
            section=section,
            label=translate(language, f"section.{section.value}"),
            questions=[_info(q, language) for q in questions_for(section, subject)],
        )
        for section in Section
        if questions_for(section, subject)
    )


@strawberry.type
class BiographyQueries:
    @strawberry.field(
        directives=PUBLIC,
        description=(
            "The questionnaire of one kind of page, in the caller's language; with `section`, "
            "only that section (a section screen needs its own questions, not all of them)."
        ),
    )
    def questionnaire(
        self,
        info: Info,
        page: str = Subject.NEWCOMER.value,
        section: SectionEnum | None = None,  # type: ignore[valid-type]
    ) -> list[SectionInfo]:
        subject = Subject(page) if page in {s.value for s in Subject} else Subject.NEWCOMER
        sections = _questionnaire(info.context.language, subject)
        return [s for s in sections if section is None or s.section == section]
