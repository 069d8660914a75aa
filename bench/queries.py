"""The GraphQL documents of the workloads, as the web client sends them."""

from __future__ import annotations

from graphql import GraphQLObjectType, get_named_type, is_leaf_type


def full_selection(type_name: str) -> str:
    """Every field under the GraphQL object type ``type_name`` (as the test suite's screen)."""
    from mobio.schema import get_schema

    gql_type = get_schema()._schema.type_map[type_name]
    assert isinstance(gql_type, GraphQLObjectType), type_name  # noqa: S101
    parts = []
    for name, gql_field in gql_type.fields.items():
        named = get_named_type(gql_field.type)
        parts.append(name if is_leaf_type(named) else f"{name} {{ {full_selection(named.name)} }}")
    return " ".join(parts)


MEMBER_OVERVIEW = (
    "memberId personal { familyName { text } givenName { text } sex { code label } dateOfBirth "
    "version loggedQuestions }"
)


def language_screen() -> str:
    """The newcomer's language screen (tests/schema/biography/test_query_counts.py)."""
    return (
        "query LanguageScreen($p: ID!) { person(personId: $p) { id givenName biography { "
        f"own {{ language {{ {full_selection('NewcomerLanguageSection')} }} }} "
        f"partners {{ {MEMBER_OVERVIEW} }} "
        f"children {{ {MEMBER_OVERVIEW} family {{ childcareStatus {{ code label }} }} }} }} }} "
        'sections: questionnaire(page: "newcomer") { section label } '
        'questionnaire(page: "newcomer", section: LANGUAGE) { section label questions { code '
        "label labelDe options { code label } } } }"
    )


CASELOAD = (
    "query Caseload { persons(first: 50) { items { id familyName givenName sex dateOfBirth "
    "nationality } nextCursor } }"
)
SHARED = (
    "query Shared { sharedPerson { familyName givenName biography { own { language { "
    "literacy { code labelDe } germanLevel { code labelDe } } } } } }"
)
SAVE = (
    "mutation Save($p: ID!, $v: Int!, $level: String!) { saveNewcomerSection(personId: $p, "
    "expectedVersion: $v, input: { language: { germanLevel: $level } }) }"
)
ME = "query Me { me { person { id biography { own { language { version } } } } } }"
LOGIN = "mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) }"
EVALUATION_TABLE = (
    "query EvaluationTable($period: String!) { evaluationTable(period: $period, "
    "measure: PERSONS, dimensions: [MUNICIPALITY, AGE_BAND]) { period { code year quarter } "
    "measure measureLabel dimensions { dimension label } minimumCell cells { categories { "
    "dimension code label } value suppressed } } }"
)
"""An analyst's table: persons by municipality and age band (a declared table's margin)."""
