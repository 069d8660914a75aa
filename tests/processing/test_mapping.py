"""Every protected field has a data category and every grant a purpose, or the record is refused."""

from __future__ import annotations

import pytest
import strawberry

from mobio.auth.directives import read
from mobio.auth.enforce import install
from mobio.auth.grants import PACKAGE_GRANTS, Grant
from mobio.biography.catalogue.model import Subject as PageKind
from mobio.processing import mapping
from mobio.processing.categories import CATEGORIES, DataCategory, Subject
from mobio.processing.mapping import SECTION_CATEGORIES, Carrier, check, cover
from mobio.processing.purposes import PURPOSES
from mobio.schema import get_schema
from mobio.schema.biography.generated import SHAPES


@strawberry.type(name="Secret")
class Secret:
    """A protected type in a module the record knows nothing about."""

    code: str | None = strawberry.field(directives=read(Grant.OWNER))


@strawberry.type(name="Query")
class TinyQuery:
    @strawberry.field(directives=read(Grant.OWNER))
    def secret(self) -> Secret | None:
        return None


def _tiny_coverage() -> mapping.Coverage:
    schema = strawberry.Schema(query=TinyQuery)
    rules = install(schema._schema)
    return cover(schema._schema, rules)


def test_the_schema_has_no_field_without_a_category_and_no_grant_without_a_purpose() -> None:
    # given: the built schema and its declared rules
    schema = get_schema()

    # when: every protected field is placed
    coverage = cover(schema._schema, schema.rules)

    # then: nothing is left over (declare new fields in mobio/processing/mapping.py)
    assert check(coverage) == []
    assert len(coverage.placed) == len(schema.rules)


def test_a_protected_field_without_a_category_is_reported() -> None:
    # given: a small schema whose protected type no declaration covers
    coverage = _tiny_coverage()

    # when: it is checked
    problems = check(coverage)

    # then: both protected fields are named as gaps
    assert (
        "Secret.code has no data category (declare it in mobio/processing/mapping.py)" in problems
    )
    assert any(p.startswith("Query.secret has no data category") for p in problems)
    assert len(problems) == 2


def test_declaring_the_category_closes_the_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    # given: the small schema's type declared as case notes
    monkeypatch.setitem(mapping.TYPE_CATEGORIES, "Secret", DataCategory.CASE_NOTES)

    # when: it is checked again
    coverage = _tiny_coverage()

    # then: no gap is left; the root field follows the type it returns
    assert check(coverage) == []
    assert {p.placement for p in coverage.placed} == {DataCategory.CASE_NOTES}


def test_a_grant_without_a_purpose_is_reported() -> None:
    # given: the purposes without the analyst's
    purposes = {grant: purpose for grant, purpose in PURPOSES.items() if grant is not Grant.ANALYST}
    schema = get_schema()

    # when: the real schema is checked against them
    problems = check(cover(schema._schema, schema.rules), purposes)

    # then: exactly that grant is named
    assert problems == ["grant analyst has no purpose (declare it in mobio/processing/purposes.py)"]


def test_every_grant_has_a_purpose_and_every_category_a_description() -> None:
    assert set(PURPOSES) == set(Grant)
    assert set(CATEGORIES) == set(DataCategory)


def _placements() -> dict[str, mapping.Placement]:
    schema = get_schema()
    coverage = cover(schema._schema, schema.rules)
    return {f"{p.rule.type_name}.{p.rule.field}": p.placement for p in coverage.placed}


def test_case_management_fields_land_in_their_own_categories() -> None:
    # when: the schema is placed
    placements = _placements()

    # then: the case-management domains are found by where they are defined
    assert placements["CaseNote.body"] is DataCategory.CASE_NOTES
    assert placements["Person.caseNotes"] is DataCategory.CASE_NOTES
    assert placements["GoalStep.description"] is DataCategory.GOALS
    assert placements["GoalAgreementInput.goal"] is DataCategory.GOALS
    assert placements["HandOver.movingOn"] is DataCategory.HAND_OVER
    assert placements["CorrectionRequest.proposedValue"] is DataCategory.CORRECTIONS
    assert placements["CaseloadEntry.completeness"] is DataCategory.CASELOAD
    assert placements["AccessInfo.actorName"] is DataCategory.ACCESS_LOG
    assert placements["Person.biography"] is Carrier.CONTAINER
    assert placements["ChoiceAnswer.label"] is Carrier.VALUE


def test_health_answers_are_special_and_in_no_package() -> None:
    # given: the fields placed in the health category
    schema = get_schema()
    coverage = cover(schema._schema, schema.rules)
    health = list(coverage.in_category(DataCategory.HEALTH))

    # then: there are some, the category is special, and no stakeholder package reads them
    assert health
    assert CATEGORIES[DataCategory.HEALTH].special
    assert all(placed.rule.grants.isdisjoint(PACKAGE_GRANTS) for placed in health)
    assert {p.rule.field for p in health} >= {"healthRestrictions", "healthRestrictionsDetails"}
    placements = _placements()
    assert placements["NewcomerLivingSection.housingSituation"] is DataCategory.LIVING


def test_section_categories_name_family_members_exactly_where_they_have_pages() -> None:
    for section, category in SECTION_CATEGORIES.items():
        # given: which page kinds ask this section
        kinds = {kind for (kind, asked) in SHAPES if asked is section}
        # then: the category names family members as data subjects exactly when they have pages
        has_members = bool(kinds & {PageKind.PARTNER, PageKind.CHILD})
        assert (Subject.FAMILY_MEMBER in CATEGORIES[category].subjects) is has_members, section
        assert Subject.NEWCOMER in CATEGORIES[category].subjects
