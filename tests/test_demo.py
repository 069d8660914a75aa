"""The demo data: loads, reads back through GraphQL as a living system, and loads only once.

The expectations come from the demo's own declarations (``mobio.demo.NEWCOMERS``): every
answer the demo saves, by the newcomer or a caseworker, must come back to its owner.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

from mobio.accounts.passwords import verify_password
from mobio.accounts.tables import Account
from mobio.biography.catalogue import BY_CODE, questions_for
from mobio.biography.catalogue.labels import option_label
from mobio.biography.catalogue.model import Section, Subject
from mobio.db.tables import ALL_TABLES
from mobio.demo import DEMO_DOMAIN, DEMO_PASSWORD, NEWCOMERS, DemoNewcomer, Page, seed
from mobio.forms.blank import DEMO_FORMS
from mobio.persons.tables import Person
from mobio.releases.tables import TeamRelease
from mobio.settings import get_settings
from tests.support.biography import camel, full_selection, stored_value
from tests.support.cli import run_mobio
from tests.support.graphql import GraphQLClient

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()

BIOGRAPHY = f"biography {{ {full_selection('Biography')} }}"
OWN_BIOGRAPHY = f"{{ me {{ language person {{ id {BIOGRAPHY} }} }} }}"
PERSON_BIOGRAPHY = f"query($p: ID!) {{ person(personId: $p) {{ {BIOGRAPHY} }} }}"
CASELOAD = "{ persons { items { id givenName } } }"


@pytest.fixture(autouse=True)
def empty_store() -> Iterator[None]:
    """The demo's forms are stored in the session's data folder: remove them after each test."""
    yield
    root = get_settings().data_dir / "documents"
    for path in root.rglob("*") if root.exists() else ():
        if path.is_file():
            path.unlink()


def login(name: str) -> str:
    return f"{name}@{DEMO_DOMAIN}"


def expected_answers(page: Page) -> dict[Section, dict[str, Any]]:
    """The answers a page holds after the demo's saves: the owner's, then the caseworkers'."""
    found: dict[Section, dict[str, Any]] = {s: dict(a) for s, a in page.answers.items()}
    for _, section, answers in page.by_caseworkers:
        found.setdefault(section, {}).update(answers)
    return found


def check_page(shown: dict[str, Any], page: Page, kind: Subject) -> None:
    """Every answer of the page reads back as saved; no other question has an answer."""
    expected = expected_answers(page)
    for section in Section:
        questions = questions_for(section, kind)
        if not questions:
            continue
        got = shown[section.value]
        answers = expected.get(section, {})
        for question in questions:
            value = stored_value(question, got[camel(question.code)])
            assert value == answers.get(question.code), f"{kind} {section} {question.code}"
        saves = (section in page.answers) + sum(s is section for _, s, _ in page.by_caseworkers)
        assert got["version"] == saves
        assert sorted(got["loggedQuestions"]) == sorted(answers)


async def seeded() -> None:
    assert await seed(only_if_empty=True)


def readme_accounts() -> list[str]:
    """The logins of the README's table of demo accounts."""
    table = README.split("### Demo accounts", 1)[1].split("Try it", 1)[0]
    return re.findall(r"^\| `([^`]+)`", table, re.M)


def test_the_readme_lists_every_demo_newcomer() -> None:
    assert {login(newcomer.login) for newcomer in NEWCOMERS} <= set(readme_accounts())
    assert f"`{DEMO_PASSWORD}`" in README


async def test_the_readmes_demo_accounts_exist_with_the_demo_password() -> None:
    # given the demo data
    await seeded()
    # then every account of the README's table exists, active, with the demo password
    listed = readme_accounts()
    assert len(listed) == await Account.count()
    for email in listed:
        account = await Account.objects().get(Account.email == email)
        assert account is not None, email
        assert account.is_active
        assert await verify_password(account.password_hash, DEMO_PASSWORD), email


@pytest.mark.parametrize("newcomer", NEWCOMERS, ids=[n.login for n in NEWCOMERS])
async def test_each_demo_newcomer_reads_back_the_biography_the_demo_declares(
    client: GraphQLClient, newcomer: DemoNewcomer
) -> None:
    # given the demo data, and the newcomer logged in
    await seeded()
    await client.login(login(newcomer.login), DEMO_PASSWORD)
    # when they read their whole biography
    me = (await client.data(OWN_BIOGRAPHY))["me"]
    biography = me["person"]["biography"]
    # then it is in their language, and every answer is there as saved
    assert me["language"] == newcomer.language
    check_page(biography["own"], newcomer.own, Subject.NEWCOMER)
    assert len(biography["partners"]) == len(newcomer.partners)
    for shown, page in zip(biography["partners"], newcomer.partners, strict=True):
        check_page(shown, page, Subject.PARTNER)
    assert len(biography["children"]) == len(newcomer.children)
    for shown, page in zip(biography["children"], newcomer.children, strict=True):
        check_page(shown, page, Subject.CHILD)
    # and the biography is partly completed: several sections answered, some still empty
    own = expected_answers(newcomer.own)
    answered = [s for s in Section if biography["own"][s.value]["loggedQuestions"]]
    assert len(answered) >= 4
    assert set(answered) == set(own)
    notes = {section: 0 for section in Section}
    for section, _ in newcomer.notes:
        notes[section] += 1
    for section in Section:
        assert biography["own"][section.value]["notesCount"] == notes[section]


async def test_aminas_screens_show_labels_in_arabic_and_the_caseworkers_changes(
    client: GraphQLClient,
) -> None:
    # given the demo data, and Amina logged in (Arabic interface)
    await seeded()
    await client.login(login("amina"), DEMO_PASSWORD)
    me = (await client.data(OWN_BIOGRAPHY))["me"]
    person_id = me["person"]["id"]
    language = me["person"]["biography"]["own"]["language"]
    # then preset answers are labelled in Arabic, with the German beside them
    options = BY_CODE["german_level"].options
    assert options is not None
    assert language["germanLevel"] == {
        "code": "a2",
        "label": option_label(options, "a2", "ar"),
        "labelDe": option_label(options, "a2", "de"),
    }
    assert [m["code"] for m in language["motherTongues"]] == ["ar", "ku"]
    # and the log shows her answer and the integration manager's change after the course
    log = (
        await client.data(
            'query($p: ID!) { person(personId: $p) { answerLog(question: "german_level") '
            "{ value actorGrant teamName changedAt } privateNotes { section body } } }",
            {"p": person_id},
        )
    )["person"]
    assert [(e["value"], e["actorGrant"], e["teamName"]) for e in log["answerLog"]] == [
        ("a1", "owner", None),
        ("a2", "integration_management", "Integrationsmanagement Weinheim"),
    ]
    # and her private notes are hers
    assert {note["section"] for note in log["privateNotes"]} == {"LANGUAGE", "OCCUPATION"}


async def test_the_caseworkers_see_their_caseload_and_not_the_private_notes(
    client: GraphQLClient,
) -> None:
    # given the demo data, and the social counsellor logged in
    await seeded()
    await client.login(login("counsellor"), DEMO_PASSWORD)
    # then the caseload is the newcomers released to the counselling team
    items = (await client.data(CASELOAD))["persons"]["items"]
    assert sorted(item["givenName"] for item in items) == ["Amina", "Mamadou"]
    by_name = {item["givenName"]: item["id"] for item in items}
    # and Amina's biography reads with the counsellor's own answers, but no notes counts
    own = (await client.data(PERSON_BIOGRAPHY, {"p": by_name["Amina"]}))["person"]["biography"]
    assert own["own"]["living"]["housingSituation"]["code"] == "follow_up_accommodation"
    assert own["own"]["language"]["notesCount"] is None
    assert [c["personal"]["givenName"]["text"] for c in own["children"]] == ["Lina", "Yusuf"]
    notes = await client.data(
        "query($p: ID!) { person(personId: $p) { privateNotes { body } } }", {"p": by_name["Amina"]}
    )
    assert notes["person"]["privateNotes"] is None
    # and the integration officer sees Mariam's basic facts only
    client.forget_cookies()
    await client.login(login("officer"), DEMO_PASSWORD)
    items = (await client.data(CASELOAD))["persons"]["items"]
    assert [item["givenName"] for item in items] == ["Mariam"]
    mariam = (await client.data(PERSON_BIOGRAPHY, {"p": items[0]["id"]}))["person"]["biography"]
    assert mariam["own"]["personal"]["familyName"]["text"] == "Ahmadi"
    assert mariam["own"]["language"]["germanLevel"]["code"] == "a1"
    assert mariam["own"]["language"]["languageCourses"] is None
    assert mariam["own"]["living"]["householdSize"] is None


async def test_the_counsellors_dashboard_shows_the_demo_case_work(client: GraphQLClient) -> None:
    # given the demo data, and the social counsellor logged in
    await seeded()
    await client.login(login("counsellor"), DEMO_PASSWORD)
    # then the dashboard counts Amina's goal step due in two days
    cards = await client.data("{ caseworkerDashboard { goalsDueSoon goalsOverdue } }")
    assert cards["caseworkerDashboard"] == {"goalsDueSoon": 1, "goalsOverdue": 0}
    # and her person view holds the confirmed goal and the team's case note
    amina = await client.data('{ caseload(search: "Amina") { edges { node { person { id } } } } }')
    person = amina["caseload"]["edges"][0]["node"]["person"]["id"]
    work = await client.data(
        "query($p: ID!) { person(personId: $p) { goalAgreements { area "
        "needsConfirmation } caseNotes { body } } }",
        {"p": person},
    )
    assert [g["area"] for g in work["person"]["goalAgreements"]] == ["LANGUAGE"]
    assert work["person"]["goalAgreements"][0]["needsConfirmation"] is False
    assert len(work["person"]["caseNotes"]) == 1


async def test_dawit_has_released_to_nobody() -> None:
    # given the demo data
    await seeded()
    # then no team reads Dawit (he has released nothing)
    dawit = await Person.select(Person.id).where(Person.given_name == "Dawit").first()
    assert dawit is not None
    assert not await TeamRelease.exists().where(TeamRelease.person == dawit["id"])


async def test_a_second_seed_if_empty_changes_nothing() -> None:
    # given the demo data
    await seeded()
    counts = {table._meta.tablename: await table.count() for table in ALL_TABLES}
    # when the demo is asked for again, as `make run` does at every start
    again = await run_mobio("seed-demo", "--if-empty", env=dict(os.environ))
    # then it is skipped, and not one row changed in number
    assert again.returncode == 0, again.output
    assert "database not empty; demo data skipped" in again.output
    assert {table._meta.tablename: await table.count() for table in ALL_TABLES} == counts
    assert not await seed(only_if_empty=True)


async def test_the_demo_forms_are_listed_and_download_as_real_pdfs(client: GraphQLClient) -> None:
    # given the demo data, and Amina logged in (Arabic interface)
    await seeded()
    await client.login(login("amina"), DEMO_PASSWORD)
    # when she lists the forms in Arabic, and all of them
    query = "query($l: String) { forms(language: $l) { title language downloadPath } }"
    in_arabic = (await client.data(query, {"l": "ar"}))["forms"]
    everything = (await client.data(query))["forms"]
    # then she finds the Arabic form, and the German ones among all
    assert [f["language"] for f in in_arabic] == ["ar"]
    assert sorted(f["language"] for f in everything) == sorted(f.language for f in DEMO_FORMS)
    assert {"ar", "de"} <= {f["language"] for f in everything}
    # and each downloads as a one-page PDF titled as listed
    for form in everything:
        response = await client.http.get(form["downloadPath"])
        assert response.status_code == 200
        reader = pypdf.PdfReader(io.BytesIO(response.content))
        assert len(reader.pages) == 1
        assert reader.metadata is not None
        assert reader.metadata.title == form["title"]
