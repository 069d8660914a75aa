"""The small pages behind links in mails: a GET changes nothing, the POST acts."""

from __future__ import annotations

from mobio.accounts import service
from tests.support import factories, outbox
from tests.support.graphql import GraphQLClient

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) }"


async def test_reset_page_shows_a_form_and_the_post_sets_the_password(
    client: GraphQLClient,
) -> None:
    # given a reset link mailed to a newcomer
    newcomer = await factories.newcomer()
    await service.request_password_reset(newcomer.email)
    token = outbox.token_from(await outbox.only_mail_to(newcomer.email), "/reset-password")
    # when a mail scanner opens it, nothing is used up
    page = await client.http.get(f"/reset-password?token={token}")
    assert page.status_code == 200 and 'type="password"' in page.text
    # and when the person sends the form
    done = await client.http.post(
        "/reset-password", data={"token": token, "password": "a-brand-new-password"}
    )
    # then the new password logs in and the old one does not
    assert done.status_code == 200
    assert await client.error_code(LOGIN, {"e": newcomer.email, "p": factories.PASSWORD}) == (
        "INVALID_CREDENTIALS"
    )
    await client.data(LOGIN, {"e": newcomer.email, "p": "a-brand-new-password"})


async def test_reset_page_with_a_short_password_explains_and_keeps_the_link(
    client: GraphQLClient,
) -> None:
    # given a reset link
    newcomer = await factories.newcomer()
    await service.request_password_reset(newcomer.email)
    token = outbox.token_from(await outbox.only_mail_to(newcomer.email), "/reset-password")
    # when sending a too short password, in English
    answer = await client.http.post(
        "/reset-password",
        data={"token": token, "password": "short"},
        headers={"accept-language": "en"},
    )
    # then the page says why, and the link still works afterwards
    assert "at least" in answer.text
    await service.reset_password(token, "a-brand-new-password")


async def test_logging_in_again_ends_the_previous_session(client: GraphQLClient) -> None:
    # given a logged-in newcomer whose session cookie someone else also holds
    newcomer = await factories.newcomer()
    await client.login(newcomer.email, factories.PASSWORD)
    old_cookies = dict(client.http.cookies)
    # when logging in again in the same browser
    await client.login(newcomer.email, factories.PASSWORD)
    # then the old session no longer authenticates
    client.forget_cookies()
    for name, value in old_cookies.items():
        client.http.cookies.set(name, value)
    assert (await client.data("{ me { email } }"))["me"] is None
