"""The stakeholder's page: nothing read on opening, the package in German on request, escaped.

The page's script is exercised here as far as that works without a browser: the page and its
texts, the GraphQL query the script sends (taken from shared.js) run as the stakeholder, and
the download it then makes. Clicking through it in a real browser is for the browser tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from mobio import timeutil
from mobio.audit.tables import AccessLogEntry
from mobio.auth.grants import Grant
from mobio.biography.catalogue.model import Section
from mobio.biography.saving import Actor, save_section
from mobio.biography.tables import SELF
from mobio.documents import service
from mobio.documents.service import DocumentRecord, Uploader
from mobio.documents.tables import DocumentCategory
from mobio.packages import Package
from mobio.settings import get_settings
from mobio.web.shared import STATIC
from tests.support import factories
from tests.support.files import pdf_bytes
from tests.support.graphql import GraphQLClient


async def _released(package: Package) -> tuple[factories.Newcomer, str]:
    newcomer = await factories.newcomer(family_name="<script>alert(1)</script>")
    owner = Actor(newcomer.account_id, frozenset({Grant.OWNER}))
    await save_section(owner, newcomer.person_id, SELF, Section.LANGUAGE, 0, {"german_level": "b1"})
    await save_section(
        owner, newcomer.person_id, SELF, Section.LIVING, 0, {"health_restrictions": True}
    )
    return newcomer, await factories.stakeholder_release(newcomer.person_id, package)


async def test_opening_the_page_reads_nothing(client: GraphQLClient) -> None:
    # given a released package
    await _released(Package.EMPLOYER)
    # when a mail scanner opens the link (the key stays in the fragment)
    page = await client.http.get("/shared")
    script = await client.http.get("/shared.js")
    # then it gets the page and its script, and nothing was read
    assert page.status_code == 200 and "/shared.js" in page.text
    assert "X-Release-Token" in script.text
    assert await AccessLogEntry.count() == 0


async def test_the_package_shows_in_german_escaped_and_only_its_fields(
    client: GraphQLClient,
) -> None:
    # given an employer link to a person whose name holds markup and who answered health
    _, token = await _released(Package.EMPLOYER)
    # when the employer presses "show"
    view = await client.http.post("/shared/view", headers={"x-release-token": token})
    # then the package's answers show with German labels, markup escaped, health absent
    assert view.status_code == 200
    assert "B1" in view.text and "Deutsch" in view.text
    assert "<script>" not in view.text and "&lt;script&gt;" in view.text
    assert "Gesundheit" not in view.text
    # and the read is in the owner's access log
    assert await AccessLogEntry.count() == 1


async def test_an_expired_link_says_so_and_shows_nothing(client: GraphQLClient) -> None:
    _, token = await _released(Package.LANGUAGE_SCHOOL)
    timeutil.travel(timedelta(days=15))
    view = await client.http.post("/shared/view", headers={"x-release-token": token})
    assert view.status_code == 410
    assert "abgelaufen" in view.text and "script" not in view.text
    assert await AccessLogEntry.count() == 0


# -- documents ---------------------------------------------------------------------------------


def _script_query() -> str:
    """The GraphQL query shared.js sends for the document list, exactly as written there."""
    found = re.search(r'const DOCUMENTS_QUERY = "([^"]+)";', (STATIC / "shared.js").read_text())
    assert found, "shared.js no longer declares DOCUMENTS_QUERY"
    return found.group(1)


class _Page(HTMLParser):
    """The parts of the page the script relies on."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, dict[str, str | None]] = {}
        self.scripts: list[dict[str, str | None]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids[str(attributes["id"])] = attributes
        if tag == "script":
            self.scripts.append(attributes)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def _documents_root() -> Path:
    return get_settings().data_dir / "documents"


@pytest.fixture
def empty_store() -> Iterator[None]:
    """Uploads here go to the application's own store (the local folder); emptied after."""
    yield
    if _documents_root().exists():
        for path in _documents_root().rglob("*"):
            if path.is_file():
                path.unlink()


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def _upload(
    newcomer: factories.Newcomer, category: DocumentCategory, name: str
) -> DocumentRecord:
    owner = Uploader(newcomer.account_id, frozenset({Grant.OWNER}))
    return await service.upload(owner, newcomer.person_id, category, name, _chunks(pdf_bytes()))


async def test_the_page_brings_the_document_list_and_its_german_texts(
    client: GraphQLClient,
) -> None:
    # when the page is opened
    page = await client.http.get("/shared")
    parsed = _Page()
    parsed.feed(page.text)
    # then it has a hidden list for the documents, headed in German, and no inline script
    section = parsed.ids["documents"]
    assert "hidden" in section
    assert {"document-rows", "documents-notice"} <= set(parsed.ids)
    assert {"Dokumente", "Datei", "Art", "Größe", "Hochgeladen am"} <= set(parsed.texts)
    assert parsed.scripts == [{"src": "/shared.js", "defer": None}]
    # and the script's texts: a German label for each category a package includes, none private
    texts = json.loads(str(section["data-texts"]))
    assert texts["download"] == "Herunterladen"
    assert texts["categories"]["CV"] == "Lebenslauf"
    assert texts["categories"]["LANGUAGE_CERTIFICATE"] == "Sprachzertifikat"
    assert "MISCELLANEOUS" not in texts["categories"]
    assert all(texts[name] for name in ("none", "failed", "downloadFailed"))


async def test_the_script_asks_for_the_documents_and_downloads_with_the_key(
    client: GraphQLClient,
) -> None:
    # when the script is fetched
    script = (await client.http.get("/shared.js")).text
    # then it sends the list query and the downloads with the key in the header, cookies never
    assert _script_query() in script
    assert "sharedPerson { documents { id category fileName size uploadedAt } }" in script
    assert "`/shared/documents/${encodeURIComponent(item.id)}`" in script
    assert script.count('"X-Release-Token": key') == 3
    assert script.count('credentials: "omit"') == 3
    assert "Content-Disposition" in script and "link.download = name" in script
    assert "innerHTML" not in script.split("async function showDocuments")[1]


async def test_the_script_query_lists_only_the_package_documents(
    client: GraphQLClient, empty_store: None
) -> None:
    # given a document in every category, another person's CV, and an employer link
    newcomer, token = await _released(Package.EMPLOYER)
    uploaded = {
        category: await _upload(newcomer, category, f"{category.value}.pdf")
        for category in DocumentCategory
    }
    other = await factories.newcomer()
    await _upload(other, DocumentCategory.CV, "other-cv.pdf")
    # when the page's script sends its query with the link's key
    body = await client.execute(_script_query(), headers={"x-release-token": token})
    # then it gets the employer's categories (CV, work reference) of this person only
    assert not body.get("errors"), body
    listed = body["data"]["sharedPerson"]["documents"]
    assert sorted(d["category"] for d in listed) == ["CV", "WORK_REFERENCE"]
    assert {d["id"] for d in listed} == {
        str(uploaded[DocumentCategory.CV].id),
        str(uploaded[DocumentCategory.WORK_REFERENCE].id),
    }
    cv = next(d for d in listed if d["category"] == "CV")
    assert cv["fileName"] == "cv.pdf"
    assert cv["size"] == uploaded[DocumentCategory.CV].size
    assert cv["uploadedAt"]


async def test_the_script_query_without_a_valid_key_lists_nothing(
    client: GraphQLClient, empty_store: None
) -> None:
    # given a CV behind an employer link that has expired
    newcomer, token = await _released(Package.EMPLOYER)
    await _upload(newcomer, DocumentCategory.CV, "cv.pdf")
    timeutil.travel(timedelta(days=15))
    # when the script's query is sent with the dead key, and with none
    expired = await client.execute(_script_query(), headers={"x-release-token": token})
    without = await client.execute(_script_query())
    # then there is no person and no document
    assert expired["data"] == {"sharedPerson": None}
    assert without["data"] == {"sharedPerson": None}


async def test_a_listed_document_downloads_under_its_name(
    client: GraphQLClient, empty_store: None
) -> None:
    # given a language certificate with a name in another script, a private file, a school link
    newcomer, token = await _released(Package.LANGUAGE_SCHOOL)
    certificate = await _upload(newcomer, DocumentCategory.LANGUAGE_CERTIFICATE, "Zertifikat ü.pdf")
    private = await _upload(newcomer, DocumentCategory.MISCELLANEOUS, "privat.pdf")
    listed = await client.execute(_script_query(), headers={"x-release-token": token})
    [document] = listed["data"]["sharedPerson"]["documents"]
    # when the script downloads the listed one, and someone tries the private one's id
    response = await client.http.post(
        f"/shared/documents/{document['id']}", headers={"x-release-token": token}
    )
    refused = await client.http.post(
        f"/shared/documents/{private.id}", headers={"x-release-token": token}
    )
    # then the listed one comes as an attachment whose UTF-8 name the script can read back
    assert document["id"] == str(certificate.id)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-type"].startswith("application/pdf")
    encoded = re.search(r"filename\*=UTF-8''([^;]+)", response.headers["content-disposition"])
    assert encoded and unquote(encoded.group(1)) == "Zertifikat ü.pdf"
    # and the private one is not there for the link
    assert refused.status_code == 404
