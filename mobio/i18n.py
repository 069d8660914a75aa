"""Translations from the Babel catalogues under ``locales/``.

Messages are symbolic ids (``error.forbidden``) with the text in each language's
``locales/<lang>/LC_MESSAGES/mobio.po``. Catalogues are read from the .po files at start,
so there is no compiled file that can go stale.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "mobio"

INTERFACE_LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "ar", "fa")
"""Languages of the whole interface; German first, as officials always read it."""
RTL_LANGUAGES = frozenset({"ar", "fa"})
FALLBACK_LANGUAGE = "de"


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The translations of one language (German as the fallback for missing ids)."""
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return (
            catalogue(FALLBACK_LANGUAGE)
            if language != FALLBACK_LANGUAGE
            else gettext.NullTranslations()
        )
    with path.open("rb") as po_file:
        parsed = read_po(po_file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, parsed)
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    if language != FALLBACK_LANGUAGE:
        translations.add_fallback(catalogue(FALLBACK_LANGUAGE))
    return translations


def normalise_language(language: str | None) -> str:
    """An interface language for a requested one (``fr-CA`` -> ``fr``), German if unknown."""
    if language:
        short = language.split("-")[0].split("_")[0].lower()
        if short in INTERFACE_LANGUAGES:
            return short
    return FALLBACK_LANGUAGE


def translate(language: str, message_id: str, **params: object) -> str:
    """The text of ``message_id`` in ``language``, with ``{name}`` placeholders filled."""
    text = catalogue(normalise_language(language)).gettext(message_id)
    return text.format(**params) if params else text


def language_from_header(accept_language: str | None, default: str = FALLBACK_LANGUAGE) -> str:
    """The best interface language for an Accept-Language header, else ``default``."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip()
        if tag and normalise_language(tag) == tag.split("-")[0].lower():
            return normalise_language(tag)
    return normalise_language(default)
