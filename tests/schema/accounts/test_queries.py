"""Account queries through HTTP: who am I, which languages, which declarations to consent to."""

from __future__ import annotations

from mobio.accounts.tables import AccountKind
from mobio.consent import service as consent
from mobio.consent.tables import ConsentKind
from tests.support import factories
from tests.support.graphql import GraphQLClient

ME = "{ me { id email kind language person { id familyName } } }"


async def test_me_is_null_for_an_anonymous_caller(client: GraphQLClient) -> None:
    # given an account exists, but nobody is logged in
    await factories.newcomer()

    # when the caller asks who they are
    data = await client.data(ME)

    # then the answer is nobody
    assert data == {"me": None}


async def test_me_shows_a_newcomer_their_account_and_own_profile(client: GraphQLClient) -> None:
    # given a logged-in newcomer (and another newcomer)
    newcomer = await factories.newcomer(language="fr", family_name="Haddad")
    await factories.newcomer(family_name="Other")
    await client.login(newcomer.email, factories.PASSWORD)

    # when they ask who they are
    me = (await client.data(ME))["me"]

    # then they see their own account and their own profile
    assert me == {
        "id": str(newcomer.account_id),
        "email": newcomer.email,
        "kind": "NEWCOMER",
        "language": "fr",
        "person": {"id": str(newcomer.person_id), "familyName": "Haddad"},
    }


async def test_me_shows_a_caseworker_no_profile(client: GraphQLClient) -> None:
    # given a logged-in caseworker
    email, _ = await factories.staff(AccountKind.CASEWORKER)
    await client.login(email, factories.PASSWORD)

    # when they ask who they are
    me = (await client.data(ME))["me"]

    # then they see their account, without a person profile
    assert me["email"] == email
    assert me["kind"] == "CASEWORKER"
    assert me["person"] is None


async def test_consent_documents_list_the_current_usage_declaration_in_each_language(
    client: GraphQLClient,
) -> None:
    # given usage declarations in two languages, English in a second version, and a release text
    await consent.publish(ConsentKind.USAGE, "en", "Usage v1", "Old.", None)
    english = await consent.publish(ConsentKind.USAGE, "en", "Usage v2", "New.", None)
    arabic = await consent.publish(ConsentKind.USAGE, "ar", "الاستخدام", "نص.", None)
    await consent.publish(ConsentKind.TEAM_RELEASE, "en", "Release", "Text.", None)

    # when the registration screen lists the usage declarations
    data = await client.data(
        "{ consentDocuments(kind: USAGE) { id kind language version title rightToLeft } }"
    )

    # then each language appears once, in its newest version, and no other kind
    assert sorted(data["consentDocuments"], key=lambda d: d["language"]) == [
        {
            "id": str(arabic),
            "kind": "USAGE",
            "language": "ar",
            "version": 1,
            "title": "الاستخدام",
            "rightToLeft": True,
        },
        {
            "id": str(english),
            "kind": "USAGE",
            "language": "en",
            "version": 2,
            "title": "Usage v2",
            "rightToLeft": False,
        },
    ]


async def test_interface_languages_are_german_english_french_arabic_farsi(
    client: GraphQLClient,
) -> None:
    # given the interface's languages

    # when the client lists them
    data = await client.data("{ interfaceLanguages { code rightToLeft } }")

    # then the five languages appear, Arabic and Farsi written right to left
    assert {(lang["code"], lang["rightToLeft"]) for lang in data["interfaceLanguages"]} == {
        ("de", False),
        ("en", False),
        ("fr", False),
        ("ar", True),
        ("fa", True),
    }
