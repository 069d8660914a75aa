"""Only the selected pages and sections of a biography are built; whatever way a query selects
them (fragments, inline fragments, aliases), the answer is the same as the plain one."""

from __future__ import annotations

from typing import Any

import pytest

from mobio.schema.biography import builder
from tests.schema.biography.test_query_counts import SMALL, newcomer_with
from tests.support import factories
from tests.support.biography import full_selection
from tests.support.graphql import GraphQLClient

LANGUAGE = full_selection("NewcomerLanguageSection")
PERSONAL = "personal { givenName { text } familyName { text } version loggedQuestions }"

PLAIN = (
    "query($p: ID!) { person(personId: $p) { biography { "
    f"own {{ language {{ {LANGUAGE} }} }} children {{ memberId {PERSONAL} }} }} }} }}"
)
TWISTED = (
    "query($p: ID!) { person(personId: $p) { biography { ...Pages "
    "kids: children { memberId ... on ChildPage { "
    f"{PERSONAL} }} }} }} }} }} "
    "fragment Pages on Biography { own { lang: language { "
    f"{LANGUAGE} }} }} children {{ memberId {PERSONAL} }} }}"
)


async def test_fragments_and_aliases_get_what_they_select(client: GraphQLClient) -> None:
    # given a newcomer with a language section and a child, logged in
    newcomer = await newcomer_with(SMALL)
    await client.login(newcomer.email, factories.PASSWORD)
    variables = {"p": str(newcomer.person_id)}
    # when the same parts are asked for plainly and through fragments and aliases
    plain = (await client.data(PLAIN, variables))["person"]["biography"]
    twisted = (await client.data(TWISTED, variables))["person"]["biography"]
    # then every way gets the same, whole answers
    assert plain["own"]["language"]["languageCourses"]
    assert twisted["own"]["lang"] == plain["own"]["language"]
    assert twisted["kids"] == twisted["children"] == plain["children"]
    assert plain["children"][0]["personal"]["givenName"]["text"]


async def test_a_page_not_asked_for_is_not_built(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the same newcomer (a partner and a child), and a count of the pages built
    newcomer = await newcomer_with(SMALL)
    await client.login(newcomer.email, factories.PASSWORD)
    built: list[tuple[str, set[str] | None]] = []
    real = builder.build_page

    def counting(page: Any, *args: Any) -> Any:
        built.append((page.kind.value, args[3] if len(args) > 3 else None))
        return real(page, *args)

    monkeypatch.setattr(builder, "build_page", counting)
    query = "query($p: ID!) { person(personId: $p) { biography { %s } } }"
    variables = {"p": str(newcomer.person_id)}
    # when only the children's personal pages are asked for
    children = await client.data(query % f"children {{ {PERSONAL} }}", variables)
    # then only the child's page is built, with its personal section alone
    assert children["person"]["biography"]["children"][0]["personal"]["givenName"]["text"]
    assert built == [("child", {"personal"})]
    # and when only the own language section is asked for, only that
    built.clear()
    own = await client.data(query % "own { language { version } }", variables)
    assert own["person"]["biography"]["own"]["language"]["version"] == 1
    assert built == [("newcomer", {"language"})]
