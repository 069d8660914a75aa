"""GraphQL types and inputs generated from the question catalogue.

For every page kind (newcomer, partner, child) and section there is one object type and one
input type, with one field per question. Each field carries the directive derived from the
question's declaration (mobio.auth.biography), so the catalogue is the single definition of
what is asked, stored, validated, labelled and who may read or write it.
"""

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Any

import strawberry
from strawberry import UNSET

from mobio.auth.biography import CASEWORK_GRANTS, read_grants, write_grants
from mobio.auth.directives import read, write
from mobio.auth.grants import Grant
from mobio.auth.guarded import Guarded
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.model import Kind, Question, Section, Subject
from mobio.schema.biography.values import ChoiceAnswer, TextAnswer

EDITORS = (*CASEWORK_GRANTS, Grant.INTEGRATION_OFFICE)
"""May read a page's version and log markers (they save and look at logs)."""

_SCALARS: dict[Kind, Any] = {
    Kind.CHOICE: ChoiceAnswer,
    Kind.MULTI_CHOICE: list[ChoiceAnswer],
    Kind.TEXT: TextAnswer,
    Kind.DATE: datetime.date,
    Kind.NUMBER: int,
    Kind.BOOLEAN: bool,
}
_INPUTS: dict[Kind, Any] = {
    Kind.CHOICE: str,
    Kind.MULTI_CHOICE: list[str],
    Kind.TEXT: str,
    Kind.DATE: datetime.date,
    Kind.NUMBER: int,
    Kind.BOOLEAN: bool,
}


def _list_of(item: Any) -> Any:
    """``list[item]`` for a type made at run time (mypy cannot follow those)."""
    return list[item]


def pascal(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("_"))


def _union(questions: tuple[Question, ...], grants_of: Any) -> tuple[Grant, ...]:
    found: set[Grant] = set()
    for question in questions:
        found |= grants_of(question)
    return tuple(found)


def _readers(subject: Subject) -> Any:
    return lambda question: read_grants(question, subject)


def _object(name: str, description: str, fields: dict[str, tuple[Any, list[object]]]) -> Any:
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": __name__}
    for attr, (annotation, directives) in fields.items():
        namespace["__annotations__"][attr] = annotation | None
        namespace[attr] = strawberry.field(default=None, directives=directives)
    return strawberry.type(type(name, (Guarded,), namespace), name=name, description=description)


def _input(
    name: str, description: str, fields: dict[str, tuple[Any, list[object]]], one_of: bool = False
) -> Any:
    namespace: dict[str, Any] = {"__annotations__": {}, "__module__": __name__}
    for attr, (annotation, directives) in fields.items():
        namespace["__annotations__"][attr] = annotation | None
        namespace[attr] = strawberry.field(default=UNSET, directives=directives)
    cls = type(name, (), namespace)
    return strawberry.input(cls, name=name, description=description, one_of=one_of)


def _entry_type(question: Question, subject: Subject) -> Any:
    directives = read(*read_grants(question, subject))
    fields = {f.code: (_SCALARS[f.kind], directives) for f in question.fields}
    prefix = "" if subject is Subject.NEWCOMER else pascal(subject)
    name = f"{prefix}{pascal(question.code)}Entry"
    return _object(name, f"One entry of {question.code}.", fields)


@cache
def _entry_input(question: Question) -> Any:
    directives = write(*write_grants(question))
    fields = {f.code: (_INPUTS[f.kind], directives) for f in question.fields}
    return _input(f"{pascal(question.code)}EntryInput", f"One entry of {question.code}.", fields)


@dataclass(frozen=True)
class SectionShape:
    """The generated types of one section of one page kind."""

    subject: Subject
    section: Section
    questions: tuple[Question, ...]
    output: Any
    input: Any
    entry_types: dict[str, Any]


def _section_shape(subject: Subject, section: Section) -> SectionShape | None:
    questions = questions_for(section, subject)
    if not questions:
        return None
    name = f"{pascal(subject)}{pascal(section)}"
    entry_types = {q.code: _entry_type(q, subject) for q in questions if q.kind is Kind.ENTRIES}
    outputs: dict[str, tuple[Any, list[object]]] = {}
    inputs: dict[str, tuple[Any, list[object]]] = {}
    for question in questions:
        if question.kind is Kind.ENTRIES:
            readers = read(*read_grants(question, subject))
            outputs[question.code] = (_list_of(entry_types[question.code]), readers)
            writers = write(*write_grants(question))
            inputs[question.code] = (_list_of(_entry_input(question)), writers)
        else:
            outputs[question.code] = (
                _SCALARS[question.kind],
                read(*read_grants(question, subject)),
            )
            inputs[question.code] = (_INPUTS[question.kind], write(*write_grants(question)))
    outputs["version"] = (int, read(*EDITORS))
    outputs["logged_questions"] = (list[str], read(*EDITORS))
    # The client offers exactly these answers for editing (an integration office, say, may
    # change the personal data only); the save checks the same rule again.
    outputs["writable_questions"] = (list[str], read(*EDITORS))
    if subject is Subject.NEWCOMER:
        outputs["notes_count"] = (int, read(Grant.OWNER))
    if section is Section.PERSONAL:
        # The client shows these answers as locked for the owner.
        outputs["locked_for_owner"] = (list[str], read(*EDITORS))
    output = _object(f"{name}Section", f"The {section} section of a {subject}'s page.", outputs)
    input_type = _input(
        f"{name}Input", f"Answers of the {section} section; omitted stay, null deletes.", inputs
    )
    return SectionShape(subject, section, questions, output, input_type, entry_types)


SHAPES: dict[tuple[Subject, Section], SectionShape] = {
    (subject, section): shape
    for subject in Subject
    for section in Section
    if (shape := _section_shape(subject, section)) is not None
}


def _page_types() -> tuple[dict[Subject, Any], dict[Subject, Any]]:
    pages: dict[Subject, Any] = {}
    section_inputs: dict[Subject, Any] = {}
    for subject in Subject:
        shapes = [shape for (s, _), shape in SHAPES.items() if s is subject]
        fields = {
            shape.section.value: (shape.output, read(*_union(shape.questions, _readers(subject))))
            for shape in shapes
        }
        if subject is not Subject.NEWCOMER:
            every = tuple(q for shape in shapes for q in shape.questions)
            fields["member_id"] = (strawberry.ID, read(*_union(every, _readers(subject))))
        pages[subject] = _object(
            f"{pascal(subject)}Page", f"A {subject}'s page of the biography.", fields
        )
        section_inputs[subject] = _input(
            f"{pascal(subject)}SectionInput",
            "Exactly one section to save.",
            {
                shape.section.value: (shape.input, write(*_union(shape.questions, write_grants)))
                for shape in shapes
            },
            one_of=True,
        )
    return pages, section_inputs


PAGE_TYPES, SECTION_INPUTS = _page_types()


def _page_readers(subject: Subject) -> list[object]:
    questions = tuple(
        q for (s, _), shape in SHAPES.items() if s is subject for q in shape.questions
    )
    return read(*_union(questions, _readers(subject)))


BIOGRAPHY = _object(
    "Biography",
    "A newcomer's biography: their own page, partners and children.",
    {
        "own": (PAGE_TYPES[Subject.NEWCOMER], _page_readers(Subject.NEWCOMER)),
        "partners": (
            list[PAGE_TYPES[Subject.PARTNER]],  # type: ignore[valid-type]
            _page_readers(Subject.PARTNER),
        ),
        "children": (
            list[PAGE_TYPES[Subject.CHILD]],  # type: ignore[valid-type]
            _page_readers(Subject.CHILD),
        ),
    },
)
