"""The evaluation part of the schema cannot lead to a person (issue 11, part 1).

Walks every type reachable from a field whose directive is marked analytic, and refuses
ids, persons, names, free text and exact dates anywhere on the way.
"""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter

from mobio.auth.directives import Access
from mobio.auth.grants import Grant
from mobio.schema import get_schema

ALLOWED_STRINGS = {"code", "label", "measureLabel"}
"""String fields that hold a code or a label from the catalogues, never typed text."""
ALLOWED_SCALARS = {"Int", "Boolean", "String"}
FORBIDDEN_WORDS = (
    "person",
    "name",
    "email",
    "birth",
    "address",
    "document",
    "casenote",
    "answerlog",
    "accesslog",
)


def _access(field: object) -> Access | None:
    definition = (getattr(field, "extensions", None) or {}).get(
        GraphQLCoreConverter.DEFINITION_BACKREF
    )
    for directive in getattr(definition, "directives", ()) or ():
        if isinstance(directive, Access):
            return directive
    return None


def _analytic_roots() -> dict[str, object]:
    query = get_schema()._schema.query_type
    assert query is not None
    return {
        name: field
        for name, field in query.fields.items()
        if (access := _access(field)) is not None and access.analytic
    }


def test_the_evaluation_fields_are_marked_analytic_and_read_by_analysts_alone() -> None:
    roots = _analytic_roots()
    assert {"evaluationTable", "evaluationPeriods", "evaluationCatalogue"} <= set(roots)
    for field in roots.values():
        access = _access(field)
        assert access is not None and [Grant(g) for g in access.read or ()] == [Grant.ANALYST]


def test_nothing_reachable_from_them_exposes_a_person_name_id_text_or_date() -> None:
    problems: list[str] = []
    seen: set[str] = set()
    pending = list(_analytic_roots().items())
    while pending:
        path, field = pending.pop()
        for arg_name, argument in getattr(field, "args", {}).items():
            pending.append((f"{path}({arg_name})", argument))
        named = get_named_type(field.type)  # type: ignore[attr-defined]
        lowered = path.rsplit(".", 1)[-1].lower()
        if any(word in lowered or word in named.name.lower() for word in FORBIDDEN_WORDS):
            problems.append(f"{path}: {named.name}")
        if isinstance(named, GraphQLScalarType):
            if named.name not in ALLOWED_SCALARS:
                problems.append(f"{path}: scalar {named.name}")  # ID, Date, DateTime, JSON
            elif (
                named.name == "String"
                and path.rsplit(".", 1)[-1] not in ALLOWED_STRINGS
                and "(" not in path  # arguments and inputs: the period code, category filters
            ):
                problems.append(f"{path}: free text")
        elif isinstance(named, GraphQLEnumType):
            continue
        elif isinstance(named, GraphQLObjectType | GraphQLInputObjectType):
            if named.name in seen:
                continue
            seen.add(named.name)
            # Input fields are what the analyst sends (codes), never what MoBio answers.
            shown = "(input)" if isinstance(named, GraphQLInputObjectType) else ""
            for name, inner in named.fields.items():
                pending.append((f"{named.name}{shown}.{name}", inner))
        else:
            problems.append(f"{path}: {named.name} (interface or union)")
    assert not problems, problems
    assert {"EvaluationTable", "EvaluationCell", "EvaluationCategory"} <= seen


def test_the_analyst_grant_opens_nothing_but_evaluation_and_research() -> None:
    for rule in get_schema().rules:
        if Grant.ANALYST in rule.grants:
            place = f"{rule.type_name}.{rule.field}"
            assert "valuation" in place or "xtract" in place or "esearch" in place, place
