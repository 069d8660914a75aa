"""The web client's texts: every ``client.`` id it uses is in all five catalogues, and no other.

The client writes each id as a full literal (``t("client.nav.home")``), so the ids used are
found by searching ``web-client/src``; generated files are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from mobio.i18n import INTERFACE_LANGUAGES, LOCALES_DIR

CLIENT_SOURCE = Path(__file__).resolve().parents[1] / "web-client" / "src"
GENERATED = ("gql", "generated")
CLIENT_ID = re.compile(r"""["'`](client\.[a-z0-9_]+(?:\.[a-z0-9_]+)*)["'`]""")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _used_ids() -> set[str]:
    found: set[str] = set()
    for path in CLIENT_SOURCE.rglob("*"):
        relative = path.relative_to(CLIENT_SOURCE).parts
        if path.suffix in {".ts", ".tsx"} and relative[0] not in GENERATED:
            found.update(CLIENT_ID.findall(path.read_text(encoding="utf-8")))
    return found


def _client_catalogue(language: str) -> dict[str, str]:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "mobio.po").open("rb") as po_file:
        return {
            str(m.id): str(m.string)
            for m in read_po(po_file)
            if m.id and str(m.id).startswith("client.")
        }


def test_the_client_uses_texts() -> None:
    # the search finds the client's ids at all (guards the regular expression and the path)
    assert "client.nav.home" in _used_ids()


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_client_text_used_is_translated(language: str) -> None:
    # given the ids the client's sources use, and one language's catalogue
    catalogue = _client_catalogue(language)
    # then each has a non-empty text there
    assert sorted(i for i in _used_ids() if not catalogue.get(i)) == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_no_client_text_is_unused(language: str) -> None:
    # given one language's client texts
    catalogue = _client_catalogue(language)
    # then the client's sources use every one of them
    assert sorted(set(catalogue) - _used_ids()) == []


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_client_texts_keep_the_placeholders_of_english(language: str) -> None:
    reference, catalogue = _client_catalogue("en"), _client_catalogue(language)
    for message_id, text in reference.items():
        assert set(PLACEHOLDER.findall(catalogue.get(message_id, ""))) == set(
            PLACEHOLDER.findall(text)
        ), message_id
