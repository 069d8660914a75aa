"""Every message the code can show exists in all five interface languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mobio.documents.tables import DocumentCategory
from mobio.i18n import INTERFACE_LANGUAGES, LOCALES_DIR, language_from_header, translate
from mobio.packages import Package

SOURCE = Path(__file__).resolve().parents[1] / "mobio"
MESSAGE_ID = re.compile(r"""["']((?:error|mail|page|recipient)\.[a-z_.]+)["']""")
PACKAGE_IDS = {f"package.{package.value}" for package in Package}
"""Package names, looked up by the package's code at run time."""
# Prefixes the code completes at run time: mails (subject, body), pages (title, done).
PREFIXES = {
    "mail.activation": ("subject", "body"),
    "mail.already_registered": ("subject", "body"),
    "mail.password_reset": ("subject", "body"),
    "mail.email_change": ("subject", "body"),
    "mail.email_change_taken": ("subject", "body"),
    "mail.email_changed": ("subject", "body"),
    "mail.release": ("subject", "body"),
    "mail.link_expiring": ("subject", "body"),
    "page.activate": ("title", "done"),
    "page.reset": ("title", "done"),
    "page.shared": (
        "title",
        "intro",
        "show",
        "print",
        "noscript",
        "expired",
        "revoked",
        "unknown",
        "newcomer",
        "partner",
        "child",
        "yes",
        "no",
        "documents",
        "document_name",
        "document_category",
        "document_size",
        "document_date",
    ),
    "document.category": tuple(category.value for category in DocumentCategory),
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _used_ids() -> set[str]:
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        found.update(MESSAGE_ID.findall(path.read_text()))
    found |= PACKAGE_IDS
    found -= set(PREFIXES)
    found |= {f"{prefix}.{part}" for prefix, parts in PREFIXES.items() for part in parts}
    return found


def _catalogue(language: str) -> dict[str, str]:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "mobio.po").open("rb") as po_file:
        return {str(m.id): str(m.string) for m in read_po(po_file) if m.id}


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_used_message_is_translated(language: str) -> None:
    # given the message ids the code uses, and one language's catalogue
    catalogue = _catalogue(language)
    # then each has a non-empty text there
    missing = sorted(i for i in _used_ids() if not catalogue.get(i))
    assert missing == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_catalogues_agree_on_ids_and_placeholders(language: str) -> None:
    # given the English catalogue as the reference
    reference, catalogue = _catalogue("en"), _catalogue(language)
    # then every language has the same ids with the same placeholders
    assert set(catalogue) == set(reference)
    for message_id, text in reference.items():
        assert set(PLACEHOLDER.findall(catalogue[message_id])) == set(PLACEHOLDER.findall(text)), (
            message_id
        )


def test_translate_fills_placeholders_and_falls_back_to_german() -> None:
    assert translate("en", "error.password_too_short", min=10).startswith(
        "The password needs at least 10"
    )
    assert translate("xx", "error.unauthenticated") == translate("de", "error.unauthenticated")
    assert language_from_header("fa-IR,fa;q=0.9,en;q=0.5") == "fa"
    assert language_from_header("sw") == "de"
