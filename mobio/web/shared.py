"""The stakeholder's page behind a release link: the package in German, printable.

GET /shared shows a button; only its click sends the key (from the URL fragment) in a header
to POST /shared/view, which checks the link at that moment and renders exactly the fields
the package's grant may read, every value escaped. The script then lists the documents of
the package's categories (GraphQL ``sharedPerson { documents }`` with the same header) and
downloads one on click from POST /shared/documents/{id}. Its German texts come with the page,
in the ``data-texts`` attribute of the documents section (no inline script: CSP).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from litestar import MediaType, Request, Response, get, post

from mobio.audit.service import record_reads
from mobio.auth import documents as document_rules
from mobio.auth.biography import read_grants
from mobio.auth.grants import PACKAGE_GRANT, PACKAGE_GRANTS, Grant
from mobio.auth.principal import Principal
from mobio.biography.catalogue import questions_for
from mobio.biography.catalogue.labels import option_label, question_label, section_label
from mobio.biography.catalogue.model import Kind, Question, Section
from mobio.biography.pages import Page, biographies
from mobio.documents.tables import DocumentCategory
from mobio.i18n import translate
from mobio.releases.tokens import LinkState, check_token
from mobio.web.context import RELEASE_TOKEN_HEADER

STATIC = Path(__file__).with_name("static")
GERMAN = "de"  # the stakeholders are German offices and employers


@get("/shared", media_type=MediaType.HTML, sync_to_thread=False)
def shared_page() -> str:
    """The page the mailed link opens; nothing is read until the button is pressed."""
    title = _text("title")
    return (
        f'<!doctype html><html lang="de"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{title}</title><link rel="stylesheet" href="/shared.css">'
        f'<script src="/shared.js" defer></script></head><body><main><h1>{title}</h1>'
        f"<p>{_text('intro')}</p>"
        f'<button id="show" type="button">{_text("show")}</button> '
        f'<button id="print" type="button" hidden>{_text("print")}</button>'
        f'<div id="package"></div>{_documents_section()}'
        f"<noscript>{_text('noscript')}</noscript></main></body></html>"
    )


SHARED_CATEGORIES = tuple(
    category for category in DocumentCategory if category in document_rules.readable(PACKAGE_GRANTS)
)
"""Categories some stakeholder package includes (never miscellaneous)."""


def _documents_section() -> str:
    """The (hidden) list the script fills with the package's documents, and its texts."""
    texts = {
        "download": translate(GERMAN, "page.shared.download"),
        "none": translate(GERMAN, "page.shared.no_documents"),
        "failed": translate(GERMAN, "page.shared.documents_failed"),
        "downloadFailed": translate(GERMAN, "page.shared.download_failed"),
        "categories": {
            category.name: translate(GERMAN, f"document.category.{category.value}")
            for category in SHARED_CATEGORIES
        },
    }
    headings = "".join(
        f"<th>{_text(name)}</th>"
        for name in ("document_name", "document_category", "document_size", "document_date")
    )
    return (
        f'<section id="documents" hidden data-texts="{escape(json.dumps(texts))}">'
        f"<h2>{_text('documents')}</h2>"
        f'<table><thead><tr>{headings}<th></th></tr></thead><tbody id="document-rows"></tbody>'
        f'</table><p id="documents-notice" hidden></p></section>'
    )


def _text(name: str) -> str:
    """A text of this page, in German, escaped."""
    return escape(translate(GERMAN, f"page.shared.{name}"))


@get("/shared.js", media_type="text/javascript", sync_to_thread=False)
def shared_script() -> str:
    return (STATIC / "shared.js").read_text()


@get("/shared.css", media_type="text/css", sync_to_thread=False)
def shared_style() -> str:
    return (STATIC / "shared.css").read_text()


@post("/shared/view", media_type=MediaType.HTML, status_code=200)
async def shared_view(request: Request[Any, Any, Any]) -> Response[str]:
    """The package as an HTML fragment, or why the link no longer works."""
    client = request.client.host if request.client else "unknown"
    check = await check_token(request.headers.get(RELEASE_TOKEN_HEADER, ""), client)
    if check.access is None:
        state = check.state if check.state is not LinkState.VALID else LinkState.UNKNOWN
        notice = _text(state.value)
        return Response(f'<p class="notice">{notice}</p>', status_code=410)
    grant = PACKAGE_GRANT[check.access.package]
    found = await biographies([check.access.person_id])
    biography = found.get(check.access.person_id)
    if biography is None:
        return Response("", status_code=410)
    await record_reads(Principal(stakeholder=check.access), {check.access.person_id: {grant}})
    parts = [_page(biography.own, grant)]
    for member in biography.members:
        parts.append(_page(member, grant))
    return Response("".join(part for part in parts if part))


def _page(page: Page, grant: Grant) -> str:
    heading = _text(page.kind.value)
    sections = []
    for section in Section:
        rows = [
            _row(escape(question_label(q, GERMAN)), _value(q, page.answers[q.code]))
            for q in questions_for(section, page.kind)
            if grant in read_grants(q, page.kind) and page.answers.get(q.code) is not None
        ]
        if rows:
            sections.append(
                f"<h3>{escape(section_label(section, GERMAN))}</h3><table>{''.join(rows)}</table>"
            )
    return f"<section><h2>{heading}</h2>{''.join(sections)}</section>" if sections else ""


def _row(label: str, value: str) -> str:
    return f"<tr><th>{label}</th><td>{value}</td></tr>"


def _value(question: Question, stored: Any) -> str:
    kind = question.kind
    if kind is Kind.CHOICE and question.options:
        return escape(_option(question, stored))
    if kind is Kind.MULTI_CHOICE and question.options:
        return escape(", ".join(_option(question, code) for code in stored))
    if kind is Kind.BOOLEAN:
        return _text("yes" if stored else "no")
    if kind is Kind.DATE:
        year, month, day = str(stored).split("-")
        return f"{day}.{month}.{year}"
    if kind is Kind.ENTRIES:
        items = [
            "; ".join(
                f"{escape(question_label(f, GERMAN, question))}: {_value(f, entry[f.code])}"
                for f in question.fields
                if entry.get(f.code) is not None
            )
            for entry in stored
        ]
        return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
    return escape(str(stored))


def _option(question: Question, code: str) -> str:
    assert question.options is not None  # noqa: S101 - callers check
    return option_label(question.options, code, GERMAN) if code in question.options.codes else code


def shared_pages() -> list[Any]:
    return [shared_page, shared_script, shared_style, shared_view]
