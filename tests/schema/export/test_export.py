"""The "my data" export over real HTTP, on both document stores and both engines.

A fully used profile is exported by its owner; the ZIP opens, data.json validates against the
published schema and says what the owner's own queries say, the attachments are the stored
bytes, the mail carries no data. Nobody else can ask for it or fetch it, and after seven
days neither can the owner: the object is gone from the store.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import jsonschema
import pypdf
import pytest

from mobio import timeutil
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.model import Kind, Question, Section, Subject
from mobio.export.archive import SCHEMA_PATH
from mobio.export.jobs import remove_expired_exports
from mobio.export.tables import DataExport
from mobio.i18n import translate
from mobio.jobs import queue
from mobio.organisations.tables import TeamKind
from mobio.packages import Package
from mobio.web.context import RELEASE_TOKEN_HEADER
from tests.schema.export.conftest import StoreBackend
from tests.schema.export.profile import (
    CASE_NOTE,
    GOAL,
    OTHER_TEAM_NOTE,
    PRIVATE_NOTE,
    UsedProfile,
    all_text,
    used_profile,
)
from tests.support import factories, outbox
from tests.support.biography import camel, full_selection
from tests.support.graphql import GraphQLClient
from tests.support.querycount import count_queries

REQUEST = """
mutation($p: ID!) { requestDataExport(personId: $p) { id state requestedAt downloadUrl } }"""
EXPORTS = """
query($p: ID!) { dataExports(personId: $p) { id state expiresAt size downloadUrl downloadedAt } }"""
OWN_VIEW = f"""
query($p: ID!) {{ person(personId: $p) {{
  biography {{ {full_selection("Biography")} }}
  privateNotes {{ body }}
  documents {{ id fileName }}
  goalAgreements {{ id goal }}
  caseNotes {{ id body }}
  correctionRequests {{ id reason }}
  teamReleases {{ id teamName }}
  stakeholderReleases {{ id package }}
}} }}"""
SCHEMA = json.loads(SCHEMA_PATH.read_text())
LIST_STATEMENTS = 3  # session, the caller's teams, the exports


async def _exported(client: GraphQLClient, profile: UsedProfile) -> dict[str, Any]:
    pid = str(profile.newcomer.person_id)
    requested = (await client.data(REQUEST, {"p": pid}))["requestDataExport"]
    assert requested["state"] == "QUEUED" and requested["downloadUrl"] is None
    await queue.drain()
    (export,) = (await client.data(EXPORTS, {"p": pid}))["dataExports"]
    assert export["id"] == requested["id"] and export["state"] == "READY", export
    return dict(export)


async def _zip(client: GraphQLClient, url: str) -> zipfile.ZipFile:
    response = await client.http.get(url)
    assert response.status_code == 200, response.status_code
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    return zipfile.ZipFile(io.BytesIO(response.content))


async def test_owner_exports_a_fully_used_profile(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given a fully used profile of a newcomer reading MoBio in Arabic
    profile = await used_profile(client, language="ar")
    # when they ask for their data and the job has run
    export = await _exported(client, profile)
    archive = await _zip(client, export["downloadUrl"])
    # then the ZIP holds data.json, valid under the published schema, a PDF and the schema
    assert {"data.json", "data.pdf", "data.schema.json"} <= set(archive.namelist())
    data = json.loads(archive.read("data.json"))
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert json.loads(archive.read("data.schema.json")) == SCHEMA
    assert len(pypdf.PdfReader(io.BytesIO(archive.read("data.pdf"))).pages) >= 2
    # and every attachment, byte for byte as stored, under attachments/
    by_id = {d["id"]: d for d in data["documents"]}
    assert set(by_id) == set(profile.documents)
    for document_id, stored in profile.documents.items():
        assert archive.read(by_id[document_id]["path"]) == stored
        assert by_id[document_id]["included"] is True
    # and it says what the owner's own queries say
    own = (await client.data(OWN_VIEW, {"p": str(profile.newcomer.person_id)}))["person"]
    _same_biography(data, own["biography"])
    assert [n["body"] for n in data["privateNotes"]] == [n["body"] for n in own["privateNotes"]]
    assert PRIVATE_NOTE in all_text(data["privateNotes"])
    assert {g["id"] for g in data["goalAgreements"]} == {g["id"] for g in own["goalAgreements"]}
    assert data["goalAgreements"][0]["goal"] == GOAL
    assert {n["id"] for n in data["caseNotes"]} == {n["id"] for n in own["caseNotes"]}
    assert {n["body"] for n in data["caseNotes"]} == {CASE_NOTE, OTHER_TEAM_NOTE}
    corrections = {c["id"] for c in own["correctionRequests"]}
    assert {c["id"] for c in data["correctionRequests"]} == corrections
    assert {r["id"] for r in data["teamReleases"]} == {r["id"] for r in own["teamReleases"]}
    assert len(data["stakeholderReleases"]) == len(own["stakeholderReleases"]) == 1
    assert len(data["handOvers"]) == 1 and len(data["accessLog"]) == 1
    (consent,) = data["consentRecords"]
    assert consent["document"]["text"] == "Text of the usage."
    assert consent["document"]["version"] == 1 and consent["document"]["language"] == "ar"
    assert [e["succeeded"] for e in data["loginRecord"]] == [True, False]
    assert len(data["answerLog"]) > 50
    # and the owner was told, in Arabic, without any of the data
    (mail,) = [m for m in await outbox.sent_mails() if m["To"] == profile.newcomer.email]
    text = outbox.body(mail) + str(mail["Subject"])
    assert "MoBio" in text and "/account/export" in text
    secrets = [PRIVATE_NOTE, CASE_NOTE, GOAL, "Haddad", "Amina", "Answer own", "Lebenslauf"]
    assert [s for s in secrets if s in text] == []
    assert str(mail["Subject"]) == translate("ar", "mail.data_export.subject")


def _same_biography(data: dict[str, Any], shown: dict[str, Any]) -> None:
    """Every answer of every page: same codes, labels (owner's language and German), values."""
    pages = [("own", shown["own"])]
    pages += [("partner", p) for p in shown["partners"]] + [("child", c) for c in shown["children"]]
    assert len(data["pages"]) == len(pages) == 4
    compared = 0
    for exported, (_, page) in zip(data["pages"], pages, strict=True):
        assert exported["otherAnswers"] == []
        kind = {"newcomer": "NEWCOMER", "partner": "PARTNER", "child": "CHILD"}[exported["kind"]]
        by_section = {
            s["section"]: {a["question"]: a for a in s["answers"]} for s in exported["sections"]
        }
        for section in Section:
            gql_section = page.get(section.value)
            for question in questions_for(section, _subject(kind)):
                value = gql_section[camel(question.code)] if gql_section else None
                answer = by_section.get(section.value, {}).get(question.code)
                if value is None or value == []:
                    assert answer is None, question.code
                    continue
                assert answer is not None, question.code
                _same_value(question, answer["value"], value)
                compared += 1
    assert compared > 100


def _subject(kind: str) -> Subject:
    return Subject[kind]


def _same_value(question: Question, exported: Any, shown: Any) -> None:
    if question.kind is Kind.CHOICE:
        assert exported == {k: shown[k] for k in ("code", "label", "labelDe")}, question.code
    elif question.kind is Kind.MULTI_CHOICE:
        assert exported == [{k: c[k] for k in ("code", "label", "labelDe")} for c in shown]
    elif question.kind is Kind.TEXT:
        assert exported == shown["text"]
    elif question.kind is Kind.ENTRIES:
        assert len(exported) == len(shown)
        for fields, entry in zip(exported, shown, strict=True):
            by_code = {f["question"]: f for f in fields}
            for field in question.fields:
                value = entry[camel(field.code)]
                if value is None:
                    assert field.code not in by_code
                else:
                    _same_value(field, by_code[field.code]["value"], value)
    else:
        assert exported == shown, question.code


async def test_nobody_else_can_request_or_download(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given an owner with a ready export, their caseworker, another newcomer and a link
    owner = await factories.newcomer()
    await client.login(owner.email, factories.PASSWORD)
    pid = {"p": str(owner.person_id)}
    await client.data(REQUEST, pid)
    await queue.drain()
    url = (await client.data(EXPORTS, pid))["dataExports"][0]["downloadUrl"]
    assert (await client.http.get(url)).status_code == 200
    worker = await factories.released_caseworker(TeamKind.SOCIAL_COUNSELLING, owner.person_id)
    stranger = await factories.newcomer()
    token = await factories.stakeholder_release(owner.person_id, Package.EMPLOYER)
    # when each of them tries
    for email in (worker.email, stranger.email):
        client.forget_cookies()
        await client.login(email, factories.PASSWORD)
        # then asking and listing are forbidden, and the file does not exist for them
        assert await client.error_code(REQUEST, pid) == "FORBIDDEN"
        assert await client.error_code(EXPORTS, pid) == "FORBIDDEN"
        assert (await client.http.get(url)).status_code == 404
    client.forget_cookies()
    shared = {RELEASE_TOKEN_HEADER: token}
    assert await client.error_code(REQUEST, pid, headers=shared) == "FORBIDDEN"
    assert (await client.http.get(url, headers=shared)).status_code == 404
    assert await client.error_code(REQUEST, pid) == "UNAUTHENTICATED"
    assert (await client.http.get(url)).status_code == 404


async def test_after_seven_days_the_download_is_refused_and_the_object_gone(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given a ready export
    owner = await factories.newcomer(language="fa")
    await client.login(owner.email, factories.PASSWORD)
    pid = {"p": str(owner.person_id)}
    await client.data(REQUEST, pid)
    await queue.drain()
    (export,) = (await client.data(EXPORTS, pid))["dataExports"]
    row = await DataExport.select(DataExport.storage_key).first()
    assert row is not None and row["storage_key"] in await store_backend.objects()
    # when six days later it is still there, downloaded once (after logging in again)
    timeutil.travel(timedelta(days=6, hours=23))
    await client.login(owner.email, factories.PASSWORD)
    assert (await client.http.get(export["downloadUrl"])).status_code == 200
    await remove_expired_exports({})
    assert row["storage_key"] in await store_backend.objects()
    # and seven days have passed
    timeutil.travel(timedelta(hours=1, minutes=1))
    await client.login(owner.email, factories.PASSWORD)
    # then the owner can no longer fetch it, even before the clean-up has run
    assert (await client.http.get(export["downloadUrl"])).status_code == 404
    (expired,) = (await client.data(EXPORTS, pid))["dataExports"]
    assert expired["state"] == "EXPIRED" and expired["downloadUrl"] is None
    assert expired["downloadedAt"] is not None
    # and the hourly clean-up removes the object from the store
    assert await remove_expired_exports({}) == 1
    assert row["storage_key"] not in await store_backend.objects()
    assert await remove_expired_exports({}) == 0


async def test_asking_again_while_queued_returns_the_queued_export(
    client: GraphQLClient, store_backend: StoreBackend
) -> None:
    # given an owner whose export is queued (both requests in one document: one transaction)
    owner = await factories.newcomer()
    await client.login(owner.email, factories.PASSWORD)
    both = """mutation($p: ID!) { a: requestDataExport(personId: $p) { id }
                                  b: requestDataExport(personId: $p) { id } }"""
    # when they ask twice
    answer = await client.data(both, {"p": str(owner.person_id)})
    await queue.drain()
    # then there is one export, built once
    assert answer["a"]["id"] == answer["b"]["id"]
    assert len(await DataExport.select()) == 1
    assert len(await store_backend.objects()) == 1


async def test_the_schema_of_data_json_is_published(client: GraphQLClient) -> None:
    response = await client.http.get("/exports/data.schema.json")
    assert response.status_code == 200
    assert response.json() == SCHEMA


async def test_the_list_of_exports_costs_a_fixed_number_of_statements(
    client: GraphQLClient, monkeypatch: pytest.MonkeyPatch, store_backend: StoreBackend
) -> None:
    # given an owner with one, then two exports
    owner = await factories.newcomer()
    await client.login(owner.email, factories.PASSWORD)
    pid = {"p": str(owner.person_id)}
    counts = []
    for _ in range(2):
        await client.data(REQUEST, pid)
        await queue.drain()
        # when they list them
        with count_queries(monkeypatch) as queries:
            listed = (await client.data(EXPORTS, pid))["dataExports"]
        counts.append((len(listed), queries.count))
    # then however many there are, the list takes the same statements
    assert [n for n, _ in counts] == [1, 2]
    assert counts[0][1] == counts[1][1] == LIST_STATEMENTS, counts
