"""Uploading through the GraphQL multipart request, downloading, deleting, over real HTTP.

Each test runs on both document stores, the local folder and S3 (``store_backend`` in this
folder's conftest), and checks the storage itself through ``store_backend.objects()``.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from PIL import Image

from mobio.db.values import as_uuid
from mobio.documents.tables import Document
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.settings import get_settings
from mobio.web.cookies import CSRF_COOKIE, CSRF_HEADER
from tests.schema.documents.conftest import StoreBackend
from tests.support import factories
from tests.support.files import (
    FAKE_PDF,
    HTML,
    SVG,
    damaged_heic,
    heic_bytes,
    image_bytes,
    pdf_bytes,
)
from tests.support.graphql import GraphQLClient

UPLOAD = """
mutation($p: ID!, $c: DocumentCategory!, $f: Upload!) {
  uploadDocument(personId: $p, category: $c, file: $f) { id category fileName contentType size }
}"""
LIST = "query($p: ID!) { person(personId: $p) { documents { id category fileName } } }"
DELETE = "mutation($p: ID!, $d: ID!) { deleteDocument(personId: $p, documentId: $d) }"


async def upload(
    client: GraphQLClient, person_id: Any, category: str, name: str, data: bytes, kind: str
) -> dict[str, Any]:
    """A GraphQL multipart request (operations, map, file part), as upload clients send it."""
    operations = {"query": UPLOAD, "variables": {"p": str(person_id), "c": category, "f": None}}
    headers = {CSRF_HEADER: client.http.cookies.get(CSRF_COOKIE) or ""}
    response = await client.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": (name, data, kind)},
        headers=headers,
    )
    body: dict[str, Any] = response.json()
    return body


async def as_newcomer(client: GraphQLClient) -> factories.Newcomer:
    person = await factories.newcomer()
    await client.login(person.email, factories.PASSWORD)
    return person


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (pdf_bytes(), "application/pdf"),
        (image_bytes("PNG"), "image/png"),
        (image_bytes("JPEG"), "image/jpeg"),
    ],
)
async def test_newcomer_uploads_and_downloads_the_same_bytes(
    client: GraphQLClient, store_backend: StoreBackend, data: bytes, kind: str
) -> None:
    # given a logged-in newcomer
    person = await as_newcomer(client)
    # when they upload a document with a name in another script
    body = await upload(client, person.person_id, "CV", "Lebenslauf ü 履歴.bin", data, "text/html")
    # then it is stored with the type of its content and downloads as an attachment
    assert not body.get("errors"), body
    document = body["data"]["uploadDocument"]
    assert document["contentType"] == kind
    response = await client.http.get(f"/documents/{document['id']}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''Lebenslauf%20%C3%BC%20%E5%B1%A5%E6%AD%B4.bin" in disposition
    if kind == "application/pdf":
        assert response.content == data
    else:
        assert response.content[:4] == data[:4]  # re-encoded: same type, fresh bytes
    assert len(response.content) == document["size"]
    # and exactly one object is in the store
    assert len(await store_backend.objects()) == 1


async def test_an_iphone_photo_downloads_as_jpeg(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given a logged-in newcomer
    person = await as_newcomer(client)
    # when they upload a HEIC photo from their phone
    body = await upload(client, person.person_id, "CV", "IMG_0001.HEIC", heic_bytes(), "image/heic")
    # then it is stored as a JPEG named .jpg, which downloads and opens in any browser
    assert not body.get("errors"), body
    document = body["data"]["uploadDocument"]
    assert (document["contentType"], document["fileName"]) == ("image/jpeg", "IMG_0001.jpg")
    response = await client.http.get(f"/documents/{document['id']}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/jpeg")
    assert 'filename="IMG_0001.jpg"' in response.headers["content-disposition"]
    with Image.open(io.BytesIO(response.content)) as image:
        assert (image.format, image.size) == ("JPEG", (8, 6))
    assert len(await store_backend.objects()) == 1


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("drawing.svg", SVG, "DOCUMENT_TYPE_REFUSED"),
        ("page.pdf", HTML, "DOCUMENT_TYPE_REFUSED"),
        ("tool.pdf", b"MZ\x90\x00program", "DOCUMENT_TYPE_REFUSED"),
        ("broken.pdf", FAKE_PDF, "DOCUMENT_DAMAGED"),
        ("IMG_0002.heic", damaged_heic(), "DOCUMENT_DAMAGED"),
    ],
)
async def test_refused_uploads_leave_nothing(
    client: GraphQLClient, store_backend: StoreBackend, name: str, data: bytes, code: str
) -> None:
    # given a logged-in newcomer
    person = await as_newcomer(client)
    # when they upload a file that is not an accepted document, sent as application/pdf
    body = await upload(client, person.person_id, "CV", name, data, "application/pdf")
    # then it is refused with a translated message, and nothing is stored
    assert body["errors"][0]["extensions"]["code"] == code
    assert body["errors"][0]["message"]
    assert await Document.count() == 0
    assert await store_backend.objects() == []


async def test_an_oversize_upload_is_refused(
    client: GraphQLClient, store_backend: StoreBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a limit of 1 MiB
    monkeypatch.setenv("MOBIO_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    try:
        person = await as_newcomer(client)
        # when 1.5 MiB arrive
        data = pdf_bytes() + b"\x00" * (3 * 512 * 1024)
        body = await upload(client, person.person_id, "CV", "big.pdf", data, "application/pdf")
    finally:
        monkeypatch.delenv("MOBIO_MAX_UPLOAD_MB")
        get_settings.cache_clear()
    # then it is refused and nothing is stored
    assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TOO_LARGE"
    assert await Document.count() == 0
    assert await store_backend.objects() == []


async def test_upload_without_csrf_header_is_refused(client: GraphQLClient) -> None:
    # given a logged-in newcomer
    person = await as_newcomer(client)
    # when a multipart upload arrives with the cookie but without the CSRF header
    operations = {"query": UPLOAD, "variables": {"p": str(person.person_id), "c": "CV", "f": None}}
    response = await client.http.post(
        "/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.f"]})},
        files={"0": ("cv.pdf", pdf_bytes(), "application/pdf")},
    )
    # then it is refused before anything is read
    assert response.status_code == 403
    assert await Document.count() == 0


async def test_delete_removes_the_file(client: GraphQLClient, store_backend: StoreBackend) -> None:
    # given an uploaded document
    person = await as_newcomer(client)
    body = await upload(client, person.person_id, "CV", "cv.pdf", pdf_bytes(), "application/pdf")
    document_id = body["data"]["uploadDocument"]["id"]
    assert len(await store_backend.objects()) == 1
    # when the owner deletes it
    deleted = await client.data(DELETE, {"p": str(person.person_id), "d": document_id})
    # then the row and the file are gone, and the download answers 404
    assert deleted == {"deleteDocument": True}
    assert await Document.count() == 0
    assert await store_backend.objects() == []
    assert (await client.http.get(f"/documents/{document_id}")).status_code == 404


async def test_caseworker_never_sees_miscellaneous(client: GraphQLClient) -> None:
    # given a private document and a certificate of a newcomer who released to a team
    person = await as_newcomer(client)
    private = await upload(client, person.person_id, "MISCELLANEOUS", "p.pdf", pdf_bytes(), "x/y")
    shared = await upload(
        client, person.person_id, "SCHOOL_CERTIFICATE", "s.pdf", pdf_bytes(), "x/y"
    )
    private_id = private["data"]["uploadDocument"]["id"]
    shared_id = shared["data"]["uploadDocument"]["id"]
    counsellor = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, person.person_id)
    client.forget_cookies()
    await client.login(counsellor.email, factories.PASSWORD)
    # when the counsellor lists, downloads and uploads
    listed = await client.data(LIST, {"p": str(person.person_id)})
    private_download = await client.http.get(f"/documents/{private_id}")
    shared_download = await client.http.get(f"/documents/{shared_id}")
    refused = await upload(client, person.person_id, "MISCELLANEOUS", "m.pdf", pdf_bytes(), "x/y")
    allowed = await upload(client, person.person_id, "CV", "cv.pdf", pdf_bytes(), "x/y")
    # then miscellaneous is invisible and closed to them, the rest open
    assert [d["id"] for d in listed["person"]["documents"]] == [shared_id]
    assert private_download.status_code == 404
    assert shared_download.status_code == 200
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert not allowed.get("errors"), allowed
    row = await Document.select().where(Document.category == "cv").first()
    assert row is not None
    assert as_uuid(row["uploaded_by"]) == counsellor.account_id
    assert row["uploaded_grant"] == "social_counselling"


async def test_stakeholder_downloads_only_its_package(client: GraphQLClient) -> None:
    # given a language certificate, a CV, and a language-school link
    person = await as_newcomer(client)
    ids = {}
    for category in ("LANGUAGE_CERTIFICATE", "CV"):
        body = await upload(client, person.person_id, category, "f.pdf", pdf_bytes(), "x/y")
        ids[category] = body["data"]["uploadDocument"]["id"]
    token = await factories.stakeholder_release(person.person_id, Package.LANGUAGE_SCHOOL)
    other = await factories.newcomer()
    other_token = await factories.stakeholder_release(other.person_id, Package.LANGUAGE_SCHOOL)
    client.forget_cookies()

    async def fetch(document_id: str, key: str = token) -> Any:
        return await client.http.post(
            f"/shared/documents/{document_id}", headers={"x-release-token": key}
        )

    # when the link fetches each document, a guessed id, and another person's link tries
    certificate = await fetch(ids["LANGUAGE_CERTIFICATE"])
    cv = await fetch(ids["CV"])
    guessed = await fetch("00000000-0000-4000-8000-000000000000")
    foreign = await fetch(ids["LANGUAGE_CERTIFICATE"], other_token)
    without = await client.http.post(f"/shared/documents/{ids['LANGUAGE_CERTIFICATE']}")
    # then only its package's category is served, everything else is the same 404
    assert certificate.status_code == 200
    assert certificate.content.startswith(b"%PDF-")
    assert certificate.headers["content-disposition"].startswith("attachment;")
    assert (cv.status_code, guessed.status_code, foreign.status_code) == (404, 404, 404)
    assert without.status_code == 404


TWO_UPLOADS = """
mutation($p: ID!, $good: Upload!, $bad: Upload!) {
  kept: uploadDocument(personId: $p, category: CV, file: $good) { id }
  refused: uploadDocument(personId: $p, category: CV, file: $bad) { id }
}"""
DELETE_THEN_UPLOAD = """
mutation($p: ID!, $d: ID!, $bad: Upload!) {
  deleteDocument(personId: $p, documentId: $d)
  uploadDocument(personId: $p, category: CV, file: $bad) { id }
}"""


async def multipart(
    client: GraphQLClient, query: str, variables: dict[str, Any], files: dict[str, bytes]
) -> dict[str, Any]:
    """One multipart request with a file part for each named variable."""
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


async def test_a_rolled_back_upload_leaves_no_object(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given a logged-in newcomer
    person = await as_newcomer(client)
    # when one mutation stores a good file, then fails on a bad one
    body = await multipart(
        client, TWO_UPLOADS, {"p": str(person.person_id)}, {"good": pdf_bytes(), "bad": HTML}
    )
    # then the whole mutation is undone: no row, and the good file's object is gone too
    assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TYPE_REFUSED"
    assert await Document.count() == 0
    assert await store_backend.objects() == []


async def test_a_rolled_back_delete_keeps_the_object(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given an uploaded document
    person = await as_newcomer(client)
    body = await upload(client, person.person_id, "CV", "cv.pdf", pdf_bytes(), "application/pdf")
    document_id = body["data"]["uploadDocument"]["id"]
    # when one mutation deletes it, then fails on a bad upload
    body = await multipart(
        client, DELETE_THEN_UPLOAD, {"p": str(person.person_id), "d": document_id}, {"bad": HTML}
    )
    # then the deletion is undone: the row and its object are both still there
    assert body["errors"][0]["extensions"]["code"] == "DOCUMENT_TYPE_REFUSED"
    assert await Document.count() == 1
    assert len(await store_backend.objects()) == 1
    assert (await client.http.get(f"/documents/{document_id}")).status_code == 200
