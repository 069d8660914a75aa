"""Blank forms over real HTTP: administrators publish and withdraw, every account downloads."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mobio.accounts.tables import AccountKind
from mobio.forms.blank import DEMO_FORMS, blank_pdf
from mobio.forms.tables import Form
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.settings import get_settings
from mobio.web.cookies import CSRF_COOKIE, CSRF_HEADER
from tests.support import factories
from tests.support.files import HTML, image_bytes, pdf_bytes
from tests.support.graphql import GraphQLClient

PUBLISH = """
mutation($t: String!, $l: String!, $d: String, $f: Upload!) {
  publishForm(title: $t, language: $l, description: $d, file: $f) {
    id title language description fileName contentType size downloadPath rightToLeft
  }
}"""
TWO_PUBLISHES = """
mutation($good: Upload!, $bad: Upload!) {
  kept: publishForm(title: "Zeugnis", language: "de", file: $good) { id }
  refused: publishForm(title: "Foto", language: "de", file: $bad) { id }
}"""
LIST = "query($l: String) { forms(language: $l) { id title language fileName size } }"
WITHDRAW = "mutation($id: ID!) { withdrawForm(formId: $id) }"


def stored_objects() -> list[Path]:
    root = get_settings().data_dir / "documents"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture(autouse=True)
def empty_store() -> Iterator[None]:
    """The data folder's store is shared by the session: leave it as empty as it was found."""
    yield
    for path in stored_objects():
        path.unlink()


async def multipart(
    client: GraphQLClient, query: str, variables: dict[str, Any], files: dict[str, bytes]
) -> dict[str, Any]:
    """A GraphQL multipart request with one file part per named variable, and the CSRF header."""
    operations = {"query": query, "variables": {**variables, **dict.fromkeys(files)}}
    mapping = {str(i): [f"variables.{name}"] for i, name in enumerate(files)}
    parts = {
        str(i): (f"{name}.pdf", data, "application/pdf")
        for i, (name, data) in enumerate(files.items())
    }
    response = await client.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps(mapping)},
        files=parts,
        headers={CSRF_HEADER: client.http.cookies.get(CSRF_COOKIE) or ""},
    )
    body: dict[str, Any] = response.json()
    return body


async def publish(
    client: GraphQLClient,
    data: bytes,
    *,
    title: str = "Praktikumsbescheinigung",
    language: str = "de",
    description: str | None = None,
) -> dict[str, Any]:
    variables = {"t": title, "l": language, "d": description}
    return await multipart(client, PUBLISH, variables, {"f": data})


async def as_admin(client: GraphQLClient) -> None:
    client.forget_cookies()
    email, _ = await factories.staff(AccountKind.ADMINISTRATOR)
    await client.login(email, factories.PASSWORD)


async def as_reader(client: GraphQLClient, who: str) -> None:
    """Log the client in as a newcomer, a caseworker, an administrator or an analyst."""
    client.forget_cookies()
    if who == "newcomer":
        email = (await factories.newcomer()).email
    elif who == "caseworker":
        email = (await factories.caseworker(TeamKind.INTEGRATION_MANAGEMENT)).email
    else:
        kind = AccountKind.ADMINISTRATOR if who == "admin" else AccountKind.ANALYST
        email, _ = await factories.staff(kind)
    await client.login(email, factories.PASSWORD)


async def published(client: GraphQLClient, data: bytes, **kw: Any) -> dict[str, Any]:
    body = await publish(client, data, **kw)
    assert not body.get("errors"), body
    form: dict[str, Any] = body["data"]["publishForm"]
    return form


@pytest.mark.parametrize("reader", ["newcomer", "caseworker", "admin", "analyst"])
async def test_admin_publishes_and_every_account_lists_and_downloads(
    client: GraphQLClient, reader: str
) -> None:
    # given an administrator who publishes a German and an Arabic form
    await as_admin(client)
    german_pdf, arabic_pdf = blank_pdf(DEMO_FORMS[0].page), blank_pdf(DEMO_FORMS[2].page)
    german = await published(
        client, german_pdf, title="Bescheinigung Sprachkurs", description="Vom Kursträger."
    )
    arabic = await published(client, arabic_pdf, title="شهادة عمل", language="ar")
    assert german["contentType"] == "application/pdf"
    assert german["description"] == "Vom Kursträger."
    assert (german["rightToLeft"], arabic["rightToLeft"]) == (False, True)
    assert german["downloadPath"] == f"/forms/{german['id']}"
    assert len(stored_objects()) == 2
    # when another logged-in account lists the forms in Arabic, then all of them
    await as_reader(client, reader)
    in_arabic = (await client.data(LIST, {"l": "ar"}))["forms"]
    everything = (await client.data(LIST))["forms"]
    # then they see the Arabic one, or all by language
    assert [f["id"] for f in in_arabic] == [arabic["id"]]
    assert [f["id"] for f in everything] == [arabic["id"], german["id"]]
    # and they download the very bytes that were published, as a safe attachment
    response = await client.http.get(german["downloadPath"])
    assert response.status_code == 200
    assert response.content == german_pdf
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.headers["content-length"] == str(len(german_pdf))
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["content-disposition"] == (
        "attachment; filename=\"f.pdf\"; filename*=UTF-8''f.pdf"
    )
    assert (await client.http.get(f"/forms/{arabic['id']}")).content == arabic_pdf


async def test_a_language_without_forms_falls_back_to_all(client: GraphQLClient) -> None:
    # given a German form only
    await as_admin(client)
    german = await published(client, pdf_bytes())
    # when a newcomer asks for forms in Farsi
    await as_reader(client, "newcomer")
    forms = (await client.data(LIST, {"l": "fa"}))["forms"]
    # then they see the German form rather than nothing
    assert [(f["id"], f["language"]) for f in forms] == [(german["id"], "de")]


@pytest.mark.parametrize("who", ["newcomer", "caseworker", "analyst"])
async def test_only_administrators_publish_and_withdraw(client: GraphQLClient, who: str) -> None:
    # given a published form, and someone who is not an administrator
    await as_admin(client)
    form = await published(client, pdf_bytes())
    await as_reader(client, who)
    # when they publish a form and withdraw the published one
    body = await publish(client, pdf_bytes())
    withdrawal = await client.execute(WITHDRAW, {"id": form["id"]})
    # then both are refused, and nothing more is stored or withdrawn
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert withdrawal["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert await Form.count() == 1
    assert len(stored_objects()) == 1
    assert (await client.http.get(f"/forms/{form['id']}")).status_code == 200


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (image_bytes("PNG"), "DOCUMENT_TYPE_REFUSED"),
        (image_bytes("JPEG"), "DOCUMENT_TYPE_REFUSED"),
        (HTML, "DOCUMENT_TYPE_REFUSED"),
        (b"%PDF-1.7\n" + b"garbage " * 200, "DOCUMENT_DAMAGED"),
    ],
    ids=["png", "jpeg", "html", "broken-pdf"],
)
async def test_images_and_other_files_are_refused_and_nothing_stored(
    client: GraphQLClient, data: bytes, code: str
) -> None:
    # given an administrator
    await as_admin(client)
    # when they publish a file that is not a PDF (sent as application/pdf, named .pdf)
    body = await publish(client, data)
    # then it is refused with a translated message, and neither a row nor an object is kept
    error = body["errors"][0]
    assert error["extensions"]["code"] == code
    assert error["message"] and not error["message"].startswith("error.")
    assert await Form.count() == 0
    assert stored_objects() == []


async def test_a_refused_image_says_forms_are_pdf_only(client: GraphQLClient) -> None:
    # given an administrator whose interface is German
    await as_admin(client)
    # when they publish a photo
    body = await publish(client, image_bytes("JPEG"))
    # then the message asks for a PDF only (not for an image type documents accept)
    assert body["errors"][0]["message"] == "Formulare werden nur als PDF-Datei angenommen."


@pytest.mark.parametrize(
    ("title", "language"),
    [("  ", "de"), ("x" * 201, "de"), ("Zeugnis", "x"), ("Zeugnis", "de_DE"), ("Z", "123")],
)
async def test_bad_title_or_language_is_refused(
    client: GraphQLClient, title: str, language: str
) -> None:
    await as_admin(client)
    body = await publish(client, pdf_bytes(), title=title, language=language)
    assert body["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    assert not body["errors"][0]["message"].startswith("error.")
    assert await Form.count() == 0
    assert stored_objects() == []


async def test_withdraw_removes_the_object_and_the_download(client: GraphQLClient) -> None:
    # given a published form, downloadable by a newcomer
    await as_admin(client)
    form = await published(client, pdf_bytes())
    # when the administrator withdraws it
    withdrawn = await client.data(WITHDRAW, {"id": form["id"]})
    # then it is no longer listed, its object is gone, and the download answers 404
    assert withdrawn == {"withdrawForm": True}
    assert stored_objects() == []
    await as_reader(client, "newcomer")
    assert (await client.data(LIST))["forms"] == []
    assert (await client.http.get(f"/forms/{form['id']}")).status_code == 404
    # and withdrawing it again, or an unknown id, is refused
    await as_admin(client)
    again = await client.execute(WITHDRAW, {"id": form["id"]})
    assert again["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    unknown = await client.execute(WITHDRAW, {"id": "not-an-id"})
    assert unknown["errors"][0]["extensions"]["code"] == "BAD_INPUT"


async def test_anonymous_callers_and_release_links_get_nothing(client: GraphQLClient) -> None:
    # given a published form, and a newcomer's release link for an employer
    await as_admin(client)
    form = await published(client, pdf_bytes())
    owner = await factories.newcomer()
    token = await factories.stakeholder_release(owner.person_id, Package.EMPLOYER)
    client.forget_cookies()
    # when an anonymous caller and the link's holder list and download forms
    anonymous = await client.execute(LIST)
    anonymous_download = await client.http.get(f"/forms/{form['id']}")
    linked = await client.execute(LIST, headers={"x-release-token": token})
    linked_download = await client.http.get(
        f"/forms/{form['id']}", headers={"x-release-token": token}
    )
    publish_anonymously = await publish(client, pdf_bytes())
    # then they are refused, and the download is the same 404 as for an unknown form
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert linked["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert anonymous_download.status_code == 404
    assert linked_download.status_code == 404
    assert form["title"] not in anonymous_download.text
    assert publish_anonymously["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert await Form.count() == 1
    await as_reader(client, "newcomer")
    unknown = await client.http.get("/forms/00000000-0000-4000-8000-000000000000")
    assert unknown.status_code == 404


async def test_a_rolled_back_publish_leaves_no_object(client: GraphQLClient) -> None:
    # given an administrator
    await as_admin(client)
    # when one mutation publishes a good PDF, then fails on an image
    body = await multipart(
        client, TWO_PUBLISHES, {}, {"good": pdf_bytes(), "bad": image_bytes("PNG")}
    )
    # then the whole mutation is undone: no row, and the good PDF's object is gone too
    assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TYPE_REFUSED"
    assert await Form.count() == 0
    assert stored_objects() == []


async def test_a_rolled_back_withdrawal_keeps_the_object(client: GraphQLClient) -> None:
    # given a published form
    await as_admin(client)
    form = await published(client, pdf_bytes())
    # when one mutation withdraws it, then fails on a bad publish
    body = await multipart(
        client,
        "mutation($id: ID!, $bad: Upload!) { withdrawForm(formId: $id) "
        'publishForm(title: "x", language: "de", file: $bad) { id } }',
        {"id": form["id"]},
        {"bad": HTML},
    )
    # then the withdrawal is undone: still listed, still downloadable
    assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TYPE_REFUSED"
    assert len(stored_objects()) == 1
    assert [f["id"] for f in (await client.data(LIST))["forms"]] == [form["id"]]
    assert (await client.http.get(f"/forms/{form['id']}")).status_code == 200
