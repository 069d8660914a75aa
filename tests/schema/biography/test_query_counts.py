"""The biography's screens: a fixed number of SQL statements however large the family, and
labels in the reader's language.

The language screen asks, in one GraphQL document, for the whole language section of the
newcomer's own page (answers with their labels, log markers, version, notes count), the
overview of partners and children, and the questionnaire's texts. Its statement count is
pinned, and it is the same for a newcomer with one child and one course as for one with six
children and three courses (DataLoaders: one query per relation and request, not per row).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

import pytest

from mobio.auth.grants import Grant
from mobio.biography import notes
from mobio.biography.catalogue import BY_CODE, questions_for
from mobio.biography.catalogue.labels import option_label, question_label, section_label
from mobio.biography.catalogue.model import Section, Subject
from mobio.biography.saving import save_section
from mobio.biography.tables import SELF
from mobio.i18n import INTERFACE_LANGUAGES
from mobio.organisations.tables import TeamKind
from tests.support import factories
from tests.support.biography import (
    add_member,
    camel,
    fill_page,
    full_selection,
    owner,
    section_answers,
)
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

MEMBER_OVERVIEW = (
    "memberId personal { familyName { text } givenName { text } sex { code label } dateOfBirth "
    "version loggedQuestions }"
)
LANGUAGE_SCREEN = (
    "query LanguageScreen($p: ID!) { person(personId: $p) { id givenName biography { "
    f"own {{ language {{ {full_selection('NewcomerLanguageSection')} }} }} "
    f"partners {{ {MEMBER_OVERVIEW} }} "
    f"children {{ {MEMBER_OVERVIEW} family {{ childcareStatus {{ code label }} }} }} }} }} "
    'sections: questionnaire(page: "newcomer") { section label } '
    'questionnaire(page: "newcomer", section: LANGUAGE) { section label questions { code label '
    "labelDe options { code label } } } }"
)

# Statements of the language screen. The owner: session, own person id, the person, then the
# biography (persons, family members, answers, section versions, log markers) and the notes
# counts. A caseworker: session, team ids, the person, the team's releases (grants), the same
# five for the biography, no notes counts, and the access log entry.
OWNER_LANGUAGE_SCREEN_STATEMENTS = 9
CASEWORKER_LANGUAGE_SCREEN_STATEMENTS = 10


@dataclass(frozen=True)
class Family:
    children: int
    courses: int


SMALL = Family(children=1, courses=1)
LARGE = Family(children=6, courses=3)


async def newcomer_with(family: Family) -> factories.Newcomer:
    """A newcomer with a language section answered, ``family.courses`` courses, a partner,
    ``family.children`` children with their personal page and childcare, and a note."""
    newcomer = await factories.newcomer()
    actor = owner(newcomer.account_id)
    answers = section_answers(Section.LANGUAGE, Subject.NEWCOMER)
    course = answers["language_courses"][0]
    answers["language_courses"] = [{**course, "year": 2019 + n} for n in range(family.courses)]
    await save_section(actor, newcomer.person_id, SELF, Section.LANGUAGE, 0, answers)
    await notes.create(frozenset({Grant.OWNER}), newcomer.person_id, Section.LANGUAGE, "Ask Sara")
    members = [(Subject.PARTNER, "Partner")] + [
        (Subject.CHILD, f"Child {n}") for n in range(1, family.children + 1)
    ]
    for kind, tag in members:
        subject = await add_member(actor, newcomer.person_id, kind)
        await fill_page(
            actor,
            newcomer.person_id,
            subject,
            kind,
            sections=(Section.PERSONAL, Section.FAMILY),
            tag=tag,
        )
    return newcomer


def check_screen(data: dict[str, Any], family: Family, grant: Grant) -> None:
    """The screen shows what was saved, so the count is of a real, whole screen."""
    biography = data["person"]["biography"]
    language = biography["own"]["language"]
    assert len(language["languageCourses"]) == family.courses
    assert [c["year"] for c in language["languageCourses"]] == [
        2019 + n for n in range(family.courses)
    ]
    assert language["literacy"]["label"] and language["literacy"]["labelDe"]
    assert "language_courses" in language["loggedQuestions"]
    assert language["version"] == 1
    assert language["notesCount"] == (1 if grant is Grant.OWNER else None)
    assert len(biography["partners"]) == 1
    children = biography["children"]
    assert [c["personal"]["givenName"]["text"] for c in children] == [
        f"Child {n}: given_name" for n in range(1, family.children + 1)
    ]
    assert all(c["family"]["childcareStatus"]["code"] for c in children)
    assert len(data["sections"]) == len(Section)
    assert [s["section"] for s in data["questionnaire"]] == ["LANGUAGE"]


@pytest.mark.parametrize("family", [SMALL, LARGE], ids=["1-child", "6-children"])
async def test_the_owners_language_screen_takes_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, family: Family
) -> None:
    # given a newcomer with a family of some size, logged in
    newcomer = await newcomer_with(family)
    await client.login(newcomer.email, factories.PASSWORD)
    # when they open the language screen
    with count_queries(monkeypatch) as queries:
        data = await client.data(LANGUAGE_SCREEN, {"p": str(newcomer.person_id)})
    # then it is whole, for the pinned number of statements whatever the family's size
    check_screen(data, family, Grant.OWNER)
    assert queries.count == OWNER_LANGUAGE_SCREEN_STATEMENTS, queries.statements


@pytest.mark.parametrize("family", [SMALL, LARGE], ids=["1-child", "6-children"])
async def test_a_caseworkers_language_screen_takes_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, family: Family
) -> None:
    # given a newcomer with a family of some size, released to a caseworker's team
    newcomer = await newcomer_with(family)
    worker = await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)
    await factories.team_release(newcomer.person_id, worker.team_id)
    await client.login(worker.email, factories.PASSWORD)
    # when the caseworker opens the same screen
    with count_queries(monkeypatch) as queries:
        data = await client.data(LANGUAGE_SCREEN, {"p": str(newcomer.person_id)})
    # then it is whole, for the pinned number of statements whatever the family's size
    check_screen(data, family, Grant.INTEGRATION_MANAGEMENT)
    assert queries.count == CASEWORKER_LANGUAGE_SCREEN_STATEMENTS, queries.statements


# --- the questionnaire in the reader's language ----------------------------------------------

QUESTIONNAIRE = (
    'query { questionnaire(page: "newcomer") { section label questions { code label labelDe '
    "options { code label } fields { code label labelDe } } } }"
)
FARSI_LETTERS = set("پچژگکی")
"""Letters Persian writes and Arabic does not (Arabic has ك and ي for the last two)."""


def script_letters(text: str) -> tuple[int, int]:
    """(Arabic-script letters, Latin letters) in ``text``."""
    arabic = latin = 0
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            arabic += 1
        elif name.startswith("LATIN"):
            latin += 1
    return arabic, latin


def check_questionnaire(sections: list[dict[str, Any]], language: str) -> None:
    """Every text in ``language`` as the catalogues have it, the German beside it in German."""
    assert [s["section"] for s in sections] == [s.name for s in Section]
    for got in sections:
        section = Section[got["section"]]
        assert got["label"] == section_label(section, language)
        questions = questions_for(section, Subject.NEWCOMER)
        assert [q["code"] for q in got["questions"]] == [q.code for q in questions]
        for question, shown in zip(questions, got["questions"], strict=True):
            assert shown["label"] == question_label(question, language), question.code
            assert shown["labelDe"] == question_label(question, "de"), question.code
            options = question.options
            assert shown["options"] == (
                [{"code": c, "label": option_label(options, c, language)} for c in options.codes]
                if options
                else []
            )
            for entry_field, shown_field in zip(question.fields, shown["fields"], strict=True):
                assert shown_field["label"] == question_label(entry_field, language, question)
                assert shown_field["labelDe"] == question_label(entry_field, "de", question)


def labels(sections: list[dict[str, Any]]) -> list[str]:
    return [s["label"] for s in sections] + [q["label"] for s in sections for q in s["questions"]]


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
@pytest.mark.parametrize("header", ["X-Mobio-Language", "Accept-Language"])
async def test_the_questionnaire_speaks_the_callers_language(
    client: GraphQLClient, language: str, header: str
) -> None:
    # given an anonymous caller asking in one language
    value = language if header == "X-Mobio-Language" else f"{language}-XX,{language};q=0.9,de;q=0.1"
    # when reading the questionnaire
    data = await client.data(QUESTIONNAIRE, headers={header: value})
    sections = data["questionnaire"]
    # then every text is in that language, and the German one always German
    check_questionnaire(sections, language)
    german = [q["labelDe"] for s in sections for q in s["questions"]]
    if language == "de":
        assert [q["label"] for s in sections for q in s["questions"]] == german
    else:
        differ = sum(q["label"] != q["labelDe"] for s in sections for q in s["questions"])
        assert differ > 0.9 * len(german), f"{language} labels look German"
    if language in ("ar", "fa"):
        # in their own script: every label written in it (a German term may stand beside, as
        # in "(Schwerbehindertenausweis)"), and nearly all letters are of it
        counts = [script_letters(text) for text in labels(sections)]
        for text, (arabic, _) in zip(labels(sections), counts, strict=True):
            assert arabic > 0, f"{language}: {text!r}"
        arabic_letters = sum(arabic for arabic, _ in counts)
        assert arabic_letters > 0.95 * sum(arabic + latin for arabic, latin in counts)
    if language == "fa":
        # Persian, not Arabic
        assert FARSI_LETTERS & set("".join(labels(sections)))


async def test_the_questionnaires_in_arabic_and_farsi_are_different_texts(
    client: GraphQLClient,
) -> None:
    arabic = await client.data(QUESTIONNAIRE, headers={"X-Mobio-Language": "ar"})
    farsi = await client.data(QUESTIONNAIRE, headers={"X-Mobio-Language": "fa"})
    pairs = list(zip(labels(arabic["questionnaire"]), labels(farsi["questionnaire"]), strict=True))
    assert sum(a != f for a, f in pairs) > 0.9 * len(pairs)


@pytest.mark.parametrize("section", [Section.PERSONAL, Section.LANGUAGE, Section.OCCUPATION])
async def test_a_section_screen_gets_its_own_section_of_the_questionnaire(
    client: GraphQLClient, section: Section
) -> None:
    # given the whole questionnaire in Arabic
    whole = await client.data(QUESTIONNAIRE, headers={"X-Mobio-Language": "ar"})
    # when asking for one section only
    query = QUESTIONNAIRE.replace(
        '(page: "newcomer")', f'(page: "newcomer", section: {section.name})'
    )
    one = await client.data(query, headers={"X-Mobio-Language": "ar"})
    # then it is that section, exactly as in the whole
    assert one["questionnaire"] == [
        s for s in whole["questionnaire"] if s["section"] == section.name
    ]


async def test_the_language_header_wins_over_the_accounts_and_the_browsers(
    client: GraphQLClient,
) -> None:
    # given a newcomer whose account speaks Arabic
    newcomer = await factories.newcomer(language="ar")
    await client.login(newcomer.email, factories.PASSWORD)
    # when reading the questionnaire without a choice, with a browser's, and with MoBio's header
    plain = await client.data(QUESTIONNAIRE)
    browser = await client.data(QUESTIONNAIRE, headers={"Accept-Language": "fr"})
    chosen = await client.data(
        QUESTIONNAIRE, headers={"Accept-Language": "fr", "X-Mobio-Language": "fa"}
    )
    # then the account's language holds over the browser's, and MoBio's header over both
    check_questionnaire(plain["questionnaire"], "ar")
    check_questionnaire(browser["questionnaire"], "ar")
    check_questionnaire(chosen["questionnaire"], "fa")


async def test_answers_are_labelled_in_the_readers_language_with_german_beside(
    client: GraphQLClient,
) -> None:
    # given a newcomer's language section, read by a caseworker
    newcomer = await newcomer_with(SMALL)
    worker = await factories.caseworker(TeamKind.SOCIAL_COUNSELLING)
    await factories.team_release(newcomer.person_id, worker.team_id)
    await client.login(worker.email, factories.PASSWORD)
    saved = section_answers(Section.LANGUAGE, Subject.NEWCOMER)
    query = (
        "query($p: ID!) { person(personId: $p) { biography { own { language { "
        "literacy { code label labelDe } motherTongues { code label labelDe } } } } } }"
    )
    for language in INTERFACE_LANGUAGES:
        # when reading it in each language
        data = await client.data(
            query, {"p": str(newcomer.person_id)}, headers={"X-Mobio-Language": language}
        )
        got = data["person"]["biography"]["own"]["language"]
        # then each preset answer is labelled in that language, with the German label beside
        for code in ("literacy", "mother_tongues"):
            options = BY_CODE[code].options
            assert options is not None
            stored = saved[code] if isinstance(saved[code], list) else [saved[code]]
            shown = got[camel(code)]
            assert (shown if isinstance(shown, list) else [shown]) == [
                {
                    "code": c,
                    "label": option_label(options, c, language),
                    "labelDe": option_label(options, c, "de"),
                }
                for c in stored
            ]
