"""Reading the biography, exhaustively: every answer of every page against every grant.

The expectations come from the catalogue and ``mobio.auth.biography.read_grants`` (what the
``@access`` directives are generated from), after a first test has checked that the schema's
rules say the same. The query asks for every field the schema has under ``Biography``, so a
new question brings its own cases. The grants are real: the owner's session, a team holding
a release, a release token, an administrator's and an analyst's session.

A few facts of DESIGN.md section 3 are asserted on their own as well, not derived, so a wrong
declaration in the catalogue cannot pass unnoticed: partners reach no package, a child's page
reaches the job centre with the date of birth only and course coordination with the date of
birth and childcare only, health reaches no package and no integration office, versions and
log markers only the owner and the teams, notes counts only the owner.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import pytest
from graphql import GraphQLObjectType, get_named_type

from mobio.accounts.tables import AccountKind
from mobio.audit.tables import AccessLogEntry
from mobio.auth.biography import log_grants, read_grants, write_grants
from mobio.auth.grants import CASEWORKER_GRANTS, PACKAGE_GRANT, PACKAGE_GRANTS, Grant
from mobio.biography import notes
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.labels import option_label
from mobio.biography.catalogue.model import (
    Kind,
    OptionList,
    Question,
    Section,
    Subject,
    Visibility,
)
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.releases.tables import StakeholderRelease
from mobio.schema import get_schema
from mobio.timeutil import now
from tests.support import factories
from tests.support.biography import (
    FilledBiography,
    FilledPage,
    camel,
    fill_biography,
    full_selection,
    page_answers,
    page_plans,
)
from tests.support.graphql import GraphQLClient

SCHEMA = get_schema()._schema
READ_RULES = {(r.type_name, r.field): r.grants for r in get_schema().rules if r.mode == "read"}
GRANTS = list(Grant)
LANGUAGE = "en"
HEADERS = {"X-Mobio-Language": LANGUAGE}

PAGES = {"own": Subject.NEWCOMER, "partners": Subject.PARTNER, "children": Subject.CHILD}
"""The fields of ``Biography`` and the kind of page each holds."""
TEAMS = frozenset(CASEWORKER_GRANTS)
OWNER_AND_TEAMS = frozenset({Grant.OWNER, *TEAMS})
COUNSELLING = frozenset({Grant.OWNER, Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT})
"""Who reads health answers: the owner and the counselling teams, nobody else."""
TEAM_KIND_OF = {
    Grant.SOCIAL_COUNSELLING: TeamKind.SOCIAL_COUNSELLING,
    Grant.INTEGRATION_MANAGEMENT: TeamKind.INTEGRATION_MANAGEMENT,
    Grant.INTEGRATION_OFFICE: TeamKind.INTEGRATION_OFFICE,
}
PACKAGE_OF = {grant: package for package, grant in PACKAGE_GRANT.items()}
CHILD_PAGE_OF_PACKAGE = {
    Grant.EMPLOYMENT: {"personal.dateOfBirth"},
    Grant.LANGUAGE_COURSE_COORDINATION: {"personal.dateOfBirth", "family.childcareStatus"},
}
"""What a package reads on a child's page (DESIGN.md: number and age of children; children
for childcare); the other packages read no child's page."""
NOTES_IN = {Section.LANGUAGE: 2, Section.LIVING: 1}
"""Private notes the owner keeps, per section."""
MAX_ALIASES = 25
"""Log queries per request (the schema allows 30 aliases)."""


def object_type(gql_type: Any) -> GraphQLObjectType:
    named = get_named_type(gql_type)
    assert isinstance(named, GraphQLObjectType), named
    return named


BIOGRAPHY_TYPE = object_type(SCHEMA.type_map["Biography"])
BIOGRAPHY_QUERY = (
    "query($id: ID!) { person(personId: $id) { biography { "
    f"{full_selection('Biography')} }} }} }}"
)


def page_type(field_name: str) -> GraphQLObjectType:
    return object_type(BIOGRAPHY_TYPE.fields[field_name].type)


def section_type(field_name: str, section: Section) -> GraphQLObjectType:
    return object_type(page_type(field_name).fields[section.value].type)


def sections_of(kind: Subject) -> list[Section]:
    return [section for section in Section if questions_for(section, kind)]


def readers(questions: tuple[Question, ...] | list[Question], kind: Subject) -> frozenset[Grant]:
    found: set[Grant] = set()
    for question in questions:
        found |= read_grants(question, kind)
    return frozenset(found)


def page_readers(kind: Subject) -> frozenset[Grant]:
    return readers([q for section in Section for q in questions_for(section, kind)], kind)


# --- the schema says what the catalogue says ------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_the_directives_of_every_page_are_those_of_the_catalogue(page: str) -> None:
    kind = PAGES[page]
    page_gql = page_type(page)
    # every section of the page, and nothing else but a family member's id
    expected_fields = {section.value for section in sections_of(kind)}
    if kind is not Subject.NEWCOMER:
        expected_fields.add("memberId")
        assert READ_RULES[(page_gql.name, "memberId")] == page_readers(kind)
    assert set(page_gql.fields) == expected_fields
    assert READ_RULES[("Biography", page)] == page_readers(kind)
    for section in sections_of(kind):
        questions = questions_for(section, kind)
        section_gql = section_type(page, section)
        assert READ_RULES[(page_gql.name, section.value)] == readers(questions, kind)
        # one field per question, with the question's readers, plus the section's state
        extras = {"version", "loggedQuestions", "writableQuestions"} | (
            {"notesCount"} if kind is Subject.NEWCOMER else set()
        )
        if section is Section.PERSONAL:
            extras.add("lockedForOwner")
            assert READ_RULES[(section_gql.name, "lockedForOwner")] == OWNER_AND_TEAMS
        assert set(section_gql.fields) == {camel(q.code) for q in questions} | extras
        assert READ_RULES[(section_gql.name, "version")] == OWNER_AND_TEAMS
        assert READ_RULES[(section_gql.name, "loggedQuestions")] == OWNER_AND_TEAMS
        assert READ_RULES[(section_gql.name, "writableQuestions")] == OWNER_AND_TEAMS
        if kind is Subject.NEWCOMER:
            assert READ_RULES[(section_gql.name, "notesCount")] == {Grant.OWNER}
        for question in questions:
            name = camel(question.code)
            assert READ_RULES[(section_gql.name, name)] == read_grants(question, kind), name
            if question.kind is Kind.ENTRIES:
                entry = object_type(section_gql.fields[name].type)
                assert set(entry.fields) == {camel(f.code) for f in question.fields}
                for entry_field in entry.fields:
                    assert READ_RULES[(entry.name, entry_field)] == read_grants(question, kind)


def test_the_rules_the_tests_rely_on_hold_in_the_catalogue() -> None:
    # health: the owner and the counselling teams, nobody else, on any page
    health = [q for s in Section for k in Subject for q in questions_for(s, k)]
    health = [q for q in health if q.visibility is Visibility.PRIVATE_HEALTH]
    assert health, "the catalogue asks about health"
    for question in health:
        for kind in question.subjects:
            assert read_grants(question, kind) == COUNSELLING, question.code
    # partners' pages reach no package
    assert page_readers(Subject.PARTNER).isdisjoint(PACKAGE_GRANTS)
    # logs and notes: never a stakeholder, notes only the owner
    assert READ_RULES[("Person", "answerLog")] == OWNER_AND_TEAMS
    assert READ_RULES[("Person", "privateNotes")] == {Grant.OWNER}
    for section in Section:
        for question in questions_for(section, Subject.NEWCOMER):
            assert log_grants(question).isdisjoint(PACKAGE_GRANTS), question.code


# --- a family, answered in full, read under every grant ------------------------------------


@dataclass
class Household:
    """A newcomer whose pages answer every question one of the catalogue's plans asks."""

    newcomer: factories.Newcomer
    biography: FilledBiography


async def households() -> list[Household]:
    """One newcomer per plan (together they answer every question), each with a partner and
    a child answered in full, and private notes."""
    found = []
    for plan in range(len(page_plans(Subject.NEWCOMER))):
        newcomer = await factories.newcomer()
        biography = await fill_biography(
            newcomer.account_id, newcomer.person_id, plan=plan, tag=f"Household {plan}"
        )
        for section, count in NOTES_IN.items():
            for number in range(count):
                await notes.create(
                    frozenset({Grant.OWNER}),
                    newcomer.person_id,
                    section,
                    f"Household {plan} note {number} on {section}",
                )
        found.append(Household(newcomer, biography))
    return found


def test_the_plans_together_answer_every_question() -> None:
    # a page of one plan cannot answer everything (a driving licence: classes or the wish for
    # one), so the households together must
    for kind in Subject:
        answered: set[str] = set()
        for prefer in page_plans(kind):
            answered |= {c for answers in page_answers(kind, prefer).values() for c in answers}
        asked = {q.code for section in Section for q in questions_for(section, kind)}
        assert answered == asked, kind


async def callers(
    client: GraphQLClient, grant: Grant, people: list[Household]
) -> AsyncIterator[tuple[Household, dict[str, str]]]:
    """Make the client a caller holding ``grant`` on each household in turn; yields the
    household and the headers to send."""
    if grant is Grant.OWNER:
        for household in people:
            client.forget_cookies()
            await client.login(household.newcomer.email, factories.PASSWORD)
            yield household, HEADERS
    elif grant in TEAMS:
        worker = await factories.caseworker(TEAM_KIND_OF[grant])
        for household in people:
            await factories.team_release(household.newcomer.person_id, worker.team_id)
        await client.login(worker.email, factories.PASSWORD)
        for household in people:
            yield household, HEADERS
    elif grant in PACKAGE_OF:
        for household in people:
            token = await factories.stakeholder_release(
                household.newcomer.person_id, PACKAGE_OF[grant]
            )
            yield household, {**HEADERS, "x-release-token": token}
    else:
        kind = AccountKind.ADMINISTRATOR if grant is Grant.ADMINISTRATOR else AccountKind.ANALYST
        email, _ = await factories.staff(kind)
        await client.login(email, factories.PASSWORD)
        for household in people:
            yield household, HEADERS


def choice(options: OptionList | None, code: str) -> dict[str, str]:
    assert options is not None
    return {
        "code": code,
        "label": option_label(options, code, LANGUAGE),
        "labelDe": option_label(options, code, "de"),
    }


def shown(question: Question, stored: Any) -> Any:
    """The JSON the full selection of an answer returns, in LANGUAGE, German beside it."""
    if question.kind is Kind.CHOICE:
        return choice(question.options, stored)
    if question.kind is Kind.MULTI_CHOICE:
        return [choice(question.options, code) for code in stored]
    if question.kind is Kind.TEXT:
        return {"text": stored, "untranslated": True}
    if question.kind is Kind.ENTRIES:
        return [
            {camel(f.code): shown(f, entry.get(f.code)) for f in question.fields}
            for entry in stored
        ]
    return stored  # dates as ISO text, numbers, booleans


def texts(question: Question, stored: Any) -> list[str]:
    """The free texts in an answer."""
    if question.kind is Kind.TEXT:
        return [stored]
    if question.kind is Kind.ENTRIES:
        return [entry[f.code] for entry in stored for f in question.fields if f.kind is Kind.TEXT]
    return []


def check_page(page: dict[str, Any], filled: FilledPage, grant: Grant) -> set[str]:
    """Assert every field of one page; returns the paths of the answers that came back."""
    kind = filled.kind
    answered = filled.by_code
    came: set[str] = set()
    if kind is not Subject.NEWCOMER:
        assert page["memberId"] == filled.subject
    for section in sections_of(kind):
        questions = questions_for(section, kind)
        got = page[section.value]
        if grant not in readers(questions, kind):
            assert got is None, f"{kind} {section} reached {grant}"
            continue
        assert got is not None, f"{kind} {section} should reach {grant}"
        for question in questions:
            name = camel(question.code)
            allowed = grant in read_grants(question, kind) and question.code in answered
            expected = shown(question, answered[question.code]) if allowed else None
            assert got[name] == expected, f"{kind} {section}.{name} for {grant}"
            if expected is not None:
                came.add(f"{section.value}.{name}")
        # the section's state: editors only; notes counts: the owner only
        if grant in OWNER_AND_TEAMS:
            saved = section in filled.answers
            assert got["version"] == (1 if saved else 0)
            assert got["loggedQuestions"] == sorted(
                q.code for q in questions if q.code in answered and grant in read_grants(q, kind)
            ), f"log markers of {kind} {section} for {grant}"
            assert got["writableQuestions"] == [
                q.code for q in questions if grant in write_grants(q)
            ], f"writable answers of {kind} {section} for {grant}"
        else:
            assert got["version"] is None
            assert got["loggedQuestions"] is None
            assert got["writableQuestions"] is None
        if kind is Subject.NEWCOMER:
            expected_notes = NOTES_IN.get(section, 0) if grant is Grant.OWNER else None
            assert got["notesCount"] == expected_notes
    return came


def check_biography(biography: dict[str, Any], household: Household, grant: Grant) -> None:
    filled = household.biography
    pages = {"own": [filled.own], "partners": filled.partners, "children": filled.children}
    reached: dict[str, list[set[str]]] = {}
    read: list[tuple[dict[str, Any], FilledPage]] = []
    for field_name, kind in PAGES.items():
        got = biography[field_name]
        if grant not in page_readers(kind):
            assert got is None, f"{field_name} reached {grant}"
            continue
        got_pages = [got] if kind is Subject.NEWCOMER else got
        assert len(got_pages) == len(pages[field_name])
        read += zip(got_pages, pages[field_name], strict=True)
        reached[field_name] = [
            check_page(page, want, grant)
            for page, want in zip(got_pages, pages[field_name], strict=True)
        ]
    # and, on their own: what stakeholders may never reach
    if grant in PACKAGE_GRANTS:
        assert biography["partners"] is None, "a partner's page is in no package"
        if grant in CHILD_PAGE_OF_PACKAGE:
            assert reached["children"] == [CHILD_PAGE_OF_PACKAGE[grant]]
        else:
            assert biography["children"] is None
    if grant not in COUNSELLING:
        for page, want in read:
            for section in sections_of(want.kind):
                got = page[section.value]
                for q in questions_for(section, want.kind):
                    if q.visibility is Visibility.PRIVATE_HEALTH and got is not None:
                        assert got[camel(q.code)] is None, f"{q.code} reached {grant}"
                        assert q.code not in (got["loggedQuestions"] or []), q.code
    if grant not in OWNER_AND_TEAMS:
        for page, want in read:
            for section in sections_of(want.kind):
                got = page[section.value] or {}
                assert got.get("version") is None and got.get("loggedQuestions") is None


def hidden_texts(household: Household, grant: Grant) -> list[str]:
    """Free texts of the household that ``grant`` may not read."""
    found = []
    for page in household.biography.pages:
        for code, stored in page.by_code.items():
            question = next(
                q for q in questions_for(page.section_of(code), page.kind) if q.code == code
            )
            if grant not in read_grants(question, page.kind):
                found += texts(question, stored)
    return found


async def access_log(person_id: UUID) -> list[dict[str, Any]]:
    return await AccessLogEntry.select(
        AccessLogEntry.grant, AccessLogEntry.actor, AccessLogEntry.stakeholder_release
    ).where(AccessLogEntry.person == person_id)


@pytest.mark.parametrize("grant", GRANTS, ids=[g.value for g in GRANTS])
async def test_every_answer_reaches_exactly_the_grants_it_admits(
    client: GraphQLClient, grant: Grant
) -> None:
    # given newcomers who answered every question on their page, their partner's and their
    # child's, and a caller holding one grant on them
    people = await households()
    async for household, headers in callers(client, grant, people):
        person_id = household.newcomer.person_id
        # when the caller reads the whole biography
        body = await client.execute(BIOGRAPHY_QUERY, {"id": str(person_id)}, headers=headers)
        person: Any = (body.get("data") or {}).get("person")
        # then every answer comes back exactly when its directive admits the grant
        if grant not in READ_RULES[("Person", "biography")]:
            assert person is None
            assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        else:
            assert not body.get("errors"), body.get("errors")
            check_biography(person["biography"], household, grant)
        # and no free text it may not read appears anywhere in the answer
        answer = json.dumps(body, ensure_ascii=False)
        for text in hidden_texts(household, grant):
            assert text not in answer, f"{text!r} reached {grant}"
        # and the read is in the access log unless the owner read
        logged = await access_log(person_id)
        if grant is Grant.OWNER or grant not in READ_RULES[("Person", "biography")]:
            assert logged == []
        else:
            assert {row["grant"] for row in logged} == {grant.value}
            if grant in TEAMS:
                assert all(row["actor"] is not None for row in logged)
            else:
                release = await StakeholderRelease.select(StakeholderRelease.id).where(
                    StakeholderRelease.person == person_id
                )
                assert {str(row["stakeholder_release"]) for row in logged} == {
                    str(row["id"]) for row in release
                }


# --- logs and private notes -----------------------------------------------------------------

LOG_SELECTION = "changedAt value actorGrant actorName teamName"


def log_queries(filled: FilledBiography) -> list[tuple[str, list[tuple[str, Question, Any]]]]:
    """Queries of the log of every answered question of every page, MAX_ALIASES at a time;
    each with (alias, question, stored value) per field."""
    wanted: list[tuple[str, Question, Any, str | None]] = []
    for page in filled.pages:
        member = None if page.kind is Subject.NEWCOMER else page.subject
        for code, stored in page.by_code.items():
            question = next(
                q for q in questions_for(page.section_of(code), page.kind) if q.code == code
            )
            wanted.append((f"log{len(wanted)}", question, stored, member))
    queries = []
    for start in range(0, len(wanted), MAX_ALIASES):
        chunk = wanted[start : start + MAX_ALIASES]
        fields = " ".join(
            f'{alias}: answerLog(question: "{q.code}"'
            + (f', memberId: "{member}"' if member else "")
            + f") {{ {LOG_SELECTION} }}"
            for alias, q, _, member in chunk
        )
        queries.append(
            (
                f"query($id: ID!) {{ person(personId: $id) {{ {fields} }} }}",
                [(alias, q, stored) for alias, q, stored, _ in chunk],
            )
        )
    return queries


@pytest.mark.parametrize("grant", GRANTS, ids=[g.value for g in GRANTS])
async def test_the_log_of_every_answer_reaches_the_owner_and_its_teams_only(
    client: GraphQLClient, grant: Grant
) -> None:
    # given a newcomer who answered everything, and a caller holding one grant on them
    household = (await households())[0]
    async for _, headers in callers(client, grant, [household]):
        for query, fields in log_queries(household.biography):
            # when the caller reads the log of every answer
            body = await client.execute(
                query, {"id": str(household.newcomer.person_id)}, headers=headers
            )
            person: Any = (body.get("data") or {}).get("person")
            if grant not in READ_RULES[("Person", "biography")]:
                assert person is None
                continue
            denied_paths = {
                tuple(error["path"])
                for error in body.get("errors") or ()
                if error["extensions"]["code"] == "FORBIDDEN"
            }
            for alias, question, stored in fields:
                entries = person[alias]
                # then the owner and the teams reading the answer see who set which value
                if grant in log_grants(question) and grant in READ_RULES[("Person", "answerLog")]:
                    assert entries is not None, f"log of {question.code} for {grant}"
                    assert len(entries) == 1
                    assert entries[0]["value"] == stored
                    assert entries[0]["actorGrant"] == Grant.OWNER.value
                    assert entries[0]["changedAt"] is not None
                    assert entries[0]["teamName"] is None
                else:
                    # and nobody else, a stakeholder never
                    assert entries is None, f"log of {question.code} reached {grant}"
                    if grant in TEAMS:
                        assert ("person", alias) in denied_paths
            if grant in PACKAGE_GRANTS:
                assert all(person[alias] is None for alias, _, _ in fields)
                for _, question, stored in fields:
                    for text in texts(question, stored):
                        assert text not in json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize("grant", GRANTS, ids=[g.value for g in GRANTS])
async def test_private_notes_reach_the_owner_alone(client: GraphQLClient, grant: Grant) -> None:
    # given a newcomer with private notes, and a caller holding one grant on them
    household = (await households())[0]
    person_id = household.newcomer.person_id
    async for _, headers in callers(client, grant, [household]):
        # when the caller asks for the notes, all of them and of one section
        body = await client.execute(
            "query($id: ID!) { person(personId: $id) { "
            "all: privateNotes { id section body createdAt updatedAt } "
            "language: privateNotes(section: LANGUAGE) { body } "
            "biography { own { language { notesCount } living { notesCount } } } } }",
            {"id": str(person_id)},
            headers=headers,
        )
        person: Any = (body.get("data") or {}).get("person")
        if grant is Grant.OWNER:
            # then the owner reads them
            assert not body.get("errors"), body["errors"]
            bodies = sorted(note["body"] for note in person["all"])
            assert bodies == sorted(
                f"Household 0 note {n} on {section}"
                for section, count in NOTES_IN.items()
                for n in range(count)
            )
            assert all(all(note.values()) for note in person["all"])
            assert len(person["language"]) == NOTES_IN[Section.LANGUAGE]
            assert person["biography"]["own"]["language"]["notesCount"] == 2
        else:
            # and nobody else reads a note, nor how many there are
            assert "note" not in json.dumps(body).replace("notesCount", "")
            if person is not None:
                assert person["all"] is None and person["language"] is None
                own = (person["biography"] or {}).get("own") or {}
                for section in ("language", "living"):
                    assert (own.get(section) or {}).get("notesCount") is None


# --- callers without a grant ----------------------------------------------------------------

STRANGERS = ["other_team", "revoked_team_release", "revoked_link", "expired_link"]


@pytest.mark.parametrize("stranger", STRANGERS)
async def test_callers_without_a_grant_read_nothing_of_the_biography(
    client: GraphQLClient, stranger: str
) -> None:
    # given a newcomer who answered everything, and a caller whose grant is gone or elsewhere
    household = (await households())[0]
    person_id = household.newcomer.person_id
    headers = dict(HEADERS)
    if stranger in ("other_team", "revoked_team_release"):
        worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
        other = await factories.newcomer()
        await factories.team_release(other.person_id, worker.team_id)  # releases someone else
        if stranger == "revoked_team_release":
            await factories.revoked_team_release(person_id, worker.team_id)
        await client.login(worker.email, factories.PASSWORD)
    else:
        token = await factories.stakeholder_release(person_id, Package.EMPLOYMENT)
        if stranger == "revoked_link":
            await StakeholderRelease.update({StakeholderRelease.revoked_at: now()}).where(
                StakeholderRelease.person == person_id
            )
        else:
            await StakeholderRelease.update({StakeholderRelease.expires_at: now()}).where(
                StakeholderRelease.person == person_id
            )
        headers["x-release-token"] = token
    # when it reads the biography, the log of an answer and the notes
    queries = [
        (BIOGRAPHY_QUERY, {"id": str(person_id)}),
        (
            'query($id: ID!) { person(personId: $id) { answerLog(question: "family_name") '
            f"{{ {LOG_SELECTION} }} privateNotes {{ body }} }} }}",
            {"id": str(person_id)},
        ),
        ("{ sharedPerson { biography { own { personal { familyName { text } } } } } }", {}),
    ]
    for query, variables in queries:
        body = await client.execute(query, variables, headers=headers)
        # then nothing of the person comes back
        data = body.get("data") or {}
        assert data.get("person") is None and data.get("sharedPerson") is None
        answer = json.dumps(body, ensure_ascii=False)
        assert "Household 0" not in answer
        if "person" in data:
            # a dead link identifies nobody: the caller is anonymous
            refusal = "UNAUTHENTICATED" if stranger.endswith("link") else "FORBIDDEN"
            assert body["errors"][0]["extensions"]["code"] == refusal
    # and nothing was read, so nothing is logged
    assert await access_log(person_id) == []
