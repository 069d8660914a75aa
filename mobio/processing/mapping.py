"""Which data category each protected field of the schema belongs to.

Derived wherever the schema says it: a question's field takes its section's category (health
questions the special category), a field that returns an object takes that object's
category, and a type takes the category of the domain it is defined in
(``mobio.schema.<domain>``). What cannot be derived is declared below. A protected field
that none of this places is a gap in the record: ``check`` reports it, and the record is
not produced until it is declared here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter

from mobio.auth.enforce import Rule
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Question, Section, Subject, Visibility
from mobio.processing.categories import CATEGORIES, DataCategory
from mobio.processing.purposes import PURPOSES
from mobio.schema.biography.generated import BIOGRAPHY, PAGE_TYPES, SECTION_INPUTS, SHAPES
from mobio.schema.biography.values import ChoiceAnswer, TextAnswer

D = DataCategory


def _name(strawberry_type: Any) -> str:
    """The GraphQL name of a Strawberry type."""
    return str(strawberry_type.__strawberry_definition__.name)


class Carrier(StrEnum):
    """A protected field that holds no data of its own category."""

    CONTAINER = "container"
    """Leads to other fields (a person, a page, a section to save); each is categorised itself."""
    VALUE = "value"
    """Part of an answer's value (code, label, text): the category of the question holding it."""


Placement = DataCategory | Carrier

SECTION_CATEGORIES: dict[Section, DataCategory] = {
    Section.PERSONAL: D.IDENTITY,
    Section.FAMILY: D.FAMILY,
    Section.LANGUAGE: D.LANGUAGE,
    Section.EDUCATION: D.EDUCATION,
    Section.OCCUPATION: D.OCCUPATION,
    Section.LIVING: D.LIVING,
}

MODULE_CATEGORIES: dict[str, DataCategory] = {
    "persons": D.IDENTITY,
    "accounts": D.ACCOUNT,
    "documents": D.DOCUMENTS,
    "releases": D.RELEASES,
    "consent": D.RELEASES,
    "goals": D.GOALS,
    "casenotes": D.CASE_NOTES,
    "handover": D.HAND_OVER,
    "corrections": D.CORRECTIONS,
    "caseload": D.CASELOAD,
    "evaluation": D.EVALUATION,
    "research": D.RESEARCH,
    "claims": D.ACCOUNT,
    "export": D.ACCOUNT,  # when the owner asked for their data, and until when it is there
    "erasure": D.ACCOUNT,  # the owner's pending deletion request
    "organisations": D.ORGANISATION,
    "forms": D.ORGANISATION,
}
"""Domain (``mobio.schema.<domain>``) -> the category of every type and root field defined
there. ``biography`` is absent on purpose: it mixes sections, logs and notes."""

TYPE_CATEGORIES: dict[str, DataCategory] = {
    "AnswerLogEntry": D.ANSWER_LOG,
    "PrivateNote": D.PRIVATE_NOTES,
    "AccessInfo": D.ACCESS_LOG,  # defined with the releases, but it is the access log
    "StaffAccount": D.STAFF,
    "ErasureNotice": D.RELEASES,  # who received the data and was told of its end
}
"""Types whose category differs from their domain's, or whose domain has none."""

FIELD_CATEGORIES: dict[str, Placement] = {
    "Mutation.addFamilyMember": D.FAMILY,
    "Mutation.removeFamilyMember": D.FAMILY,
    "Mutation.createPrivateNote": D.PRIVATE_NOTES,
    "Mutation.updatePrivateNote": D.PRIVATE_NOTES,
    "Mutation.deletePrivateNote": D.PRIVATE_NOTES,
    # One section of any kind per call; the input's fields carry the categories.
    "Mutation.saveNewcomerSection": Carrier.CONTAINER,
    "Mutation.savePartnerSection": Carrier.CONTAINER,
    "Mutation.saveChildSection": Carrier.CONTAINER,
    # Staff accounts and who belongs to which team are the staff's own data.
    "Mutation.createStaffAccount": D.STAFF,
    "Mutation.addTeamMember": D.STAFF,
    "Mutation.removeTeamMember": D.STAFF,
    "Mutation.deleteStaffAccount": D.STAFF,
    "Mutation.deleteTeam": D.ORGANISATION,
    "Mutation.deleteMunicipality": D.ORGANISATION,
    # Publishing texts for everyone, not about a person.
    "Mutation.publishConsentDocument": D.ORGANISATION,
    # The section notes are counted in: how many private notes the owner keeps.
    "NewcomerPersonalSection.notesCount": D.PRIVATE_NOTES,
    "NewcomerFamilySection.notesCount": D.PRIVATE_NOTES,
    "NewcomerLanguageSection.notesCount": D.PRIVATE_NOTES,
    "NewcomerEducationSection.notesCount": D.PRIVATE_NOTES,
    "NewcomerOccupationSection.notesCount": D.PRIVATE_NOTES,
    "NewcomerLivingSection.notesCount": D.PRIVATE_NOTES,
}
"""Single fields that derivation would place wrongly or not at all."""

CONTAINER_TYPES: frozenset[str] = frozenset({"Person"})
"""A field returning one of these only leads to categorised fields (the generated biography
objects are added below)."""

VALUE_TYPES: frozenset[str] = frozenset({_name(ChoiceAnswer), _name(TextAnswer)})
"""Types of answer values, shared by every question."""

ROOT_TYPES = frozenset({"Query", "Mutation"})


@dataclass(frozen=True, slots=True)
class Generated:
    """A type generated from the questionnaire: its category and that of each question."""

    category: DataCategory
    questions: Mapping[str, DataCategory]
    """Python field name (the question's code) -> the question's category."""


def question_category(question: Question, section: Section) -> DataCategory:
    """The category of one question: health is special, the rest follows the section."""
    if question.visibility is Visibility.PRIVATE_HEALTH:
        return D.HEALTH
    return SECTION_CATEGORIES[section]


def generated_types(schema: GraphQLSchema) -> dict[str, Generated]:
    """Every type generated from the questionnaire, by GraphQL name."""
    found: dict[str, Generated] = {}
    for shape in SHAPES.values():
        if _name(shape.input) not in schema.type_map:
            continue  # a schema built without the biography (tests of the checker)
        section = shape.section
        questions = {q.code: question_category(q, section) for q in shape.questions}
        for section_type in (shape.output, shape.input):
            found[_name(section_type)] = Generated(SECTION_CATEGORIES[section], questions)
        for question in shape.questions:
            if question.fields:
                # The fields of an entry are read and written with it: its category is theirs.
                category = question_category(question, section)
                entry = Generated(category, {f.code: category for f in question.fields})
                found[_name(shape.entry_types[question.code])] = entry
                found[_entry_input_name(schema, _name(shape.input), question.code)] = entry
    for subject, page in PAGE_TYPES.items():
        category = D.IDENTITY if subject is Subject.NEWCOMER else D.FAMILY
        found[_name(page)] = Generated(category, {})
        found[_name(SECTION_INPUTS[subject])] = Generated(category, {})
    found[_name(BIOGRAPHY)] = Generated(D.IDENTITY, {})
    return found


def _entry_input_name(schema: GraphQLSchema, input_name: str, code: str) -> str:
    section_input = schema.type_map[input_name]
    if not isinstance(section_input, GraphQLInputObjectType):
        raise TypeError(f"{input_name} is not an input type")
    for name, input_field in section_input.fields.items():
        if getattr(_definition(input_field.extensions), "python_name", name) == code:
            return str(get_named_type(input_field.type).name)
    raise LookupError(f"{input_name} has no field {code}")


def _definition(extensions: Mapping[str, Any] | None) -> Any:
    return (extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)


def _domain(module: str | None) -> str | None:
    parts = (module or "").split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["mobio", "schema"] else None


class Placer:
    """Places the fields of one built schema."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self.generated = generated_types(schema)
        self.containers = CONTAINER_TYPES | {
            _name(t) for t in (*PAGE_TYPES.values(), *SECTION_INPUTS.values(), BIOGRAPHY)
        }

    def type_category(self, type_name: str) -> DataCategory | None:
        """The category of a type's own fields, if the type has one."""
        if type_name in TYPE_CATEGORIES:
            return TYPE_CATEGORIES[type_name]
        if type_name in self.generated:
            return self.generated[type_name].category
        if type_name in VALUE_TYPES or type_name in ROOT_TYPES:
            return None
        gql_type = self.schema.type_map.get(type_name)
        origin = getattr(_definition(getattr(gql_type, "extensions", None)), "origin", None)
        domain = _domain(getattr(origin, "__module__", None))
        return MODULE_CATEGORIES.get(domain) if domain else None

    def place(self, type_name: str, field_name: str) -> Placement | None:
        """The category of ``type_name.field_name``, or None when nothing places it."""
        explicit = FIELD_CATEGORIES.get(f"{type_name}.{field_name}")
        if explicit is not None:
            return explicit
        if type_name in VALUE_TYPES:
            return Carrier.VALUE
        field = self._field(type_name, field_name)
        definition = _definition(field.extensions)
        generated = self.generated.get(type_name)
        python_name = getattr(definition, "python_name", field_name)
        if generated is not None and python_name in generated.questions:
            return generated.questions[python_name]
        returned = get_named_type(field.type).name
        if returned in self.containers:
            return Carrier.CONTAINER
        if isinstance(self.schema.type_map[returned], GraphQLObjectType | GraphQLInputObjectType):
            by_return = self.type_category(returned)
            if by_return is not None:
                return by_return
        if type_name in ROOT_TYPES:
            resolver = getattr(definition, "base_resolver", None)
            module = getattr(getattr(resolver, "wrapped_func", None), "__module__", None)
            domain = _domain(module)
            return MODULE_CATEGORIES.get(domain) if domain else None
        return self.type_category(type_name)

    def _field(self, type_name: str, field_name: str) -> GraphQLField | GraphQLInputField:
        gql_type = self.schema.type_map[type_name]
        if not isinstance(gql_type, GraphQLObjectType | GraphQLInputObjectType):
            raise TypeError(f"{type_name} has no fields")
        field: GraphQLField | GraphQLInputField = gql_type.fields[field_name]
        return field


@dataclass(frozen=True, slots=True)
class PlacedRule:
    """A declared permission and where the record files it."""

    rule: Rule
    placement: Placement


@dataclass(frozen=True, slots=True)
class Coverage:
    """Every protected field of a schema, placed, and what could not be."""

    placed: tuple[PlacedRule, ...]
    unplaced: tuple[Rule, ...]

    def in_category(self, category: DataCategory) -> Iterator[PlacedRule]:
        return (p for p in self.placed if p.placement is category)


def cover(schema: GraphQLSchema, rules: Sequence[Rule]) -> Coverage:
    """Place every rule of ``schema``."""
    placer = Placer(schema)
    placed: list[PlacedRule] = []
    unplaced: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.type_name, r.field, r.mode)):
        placement = placer.place(rule.type_name, rule.field)
        if placement is None:
            unplaced.append(rule)
        else:
            placed.append(PlacedRule(rule, placement))
    return Coverage(tuple(placed), tuple(unplaced))


def check(
    coverage: Coverage,
    purposes: Mapping[Grant, object] = PURPOSES,
    categories: Mapping[DataCategory, object] = CATEGORIES,
) -> list[str]:
    """Every gap in the record: a field without a category, a grant without a purpose."""
    problems = [
        f"{rule.type_name}.{rule.field} has no data category "
        "(declare it in mobio/processing/mapping.py)"
        for rule in coverage.unplaced
    ]
    problems += [
        f"grant {grant.value} has no purpose (declare it in mobio/processing/purposes.py)"
        for grant in Grant
        if grant not in purposes
    ]
    problems += [
        f"category {category.value} is not described (mobio/processing/categories.py)"
        for category in DataCategory
        if category not in categories
    ]
    return problems
