"""Consent documents shipped with MoBio.

Each document is a Markdown file next to this module, named ``<kind>.<language>.md``
(for example ``usage.de.md``). Its first line is ``# <title>``; everything after it is
the body. The German text is the legally authoritative version; the other languages
are translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_DOCUMENT_DIR = Path(__file__).resolve().parent
_TITLE_PREFIX = "# "


@dataclass(frozen=True, slots=True)
class ShippedDocument:
    """One consent text as shipped in the source tree.

    Attributes:
        kind: What the document declares, e.g. ``usage``, ``team_release`` or
            ``stakeholder_release``.
        language: Language code, e.g. ``de`` or ``fa``.
        title: The title from the first ``# `` line, without the marker.
        body: The Markdown body after the title line, stripped of surrounding whitespace.
    """

    kind: str
    language: str
    title: str
    body: str


def _parse(path: Path) -> ShippedDocument:
    """Read one ``<kind>.<language>.md`` file into a :class:`ShippedDocument`.

    Raises:
        ValueError: If the file name or the first line does not have the expected form,
            or the body is empty.
    """
    parts = path.name.split(".")
    if len(parts) != 3 or not parts[0] or not parts[1]:
        raise ValueError(f"{path.name}: expected a name of the form <kind>.<language>.md")
    kind, language, _ = parts
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    first_line, _, rest = text.partition("\n")
    first_line = first_line.rstrip("\r")
    if not first_line.startswith(_TITLE_PREFIX):
        raise ValueError(f"{path.name}: the first line must be '# <title>'")
    title = first_line[len(_TITLE_PREFIX) :].strip()
    body = rest.strip()
    if not title or not body:
        raise ValueError(f"{path.name}: title and body must not be empty")
    return ShippedDocument(kind=kind, language=language, title=title, body=body)


def shipped_documents() -> list[ShippedDocument]:
    """Return all consent documents shipped next to this module.

    The documents are read from the ``*.md`` files in this package directory and
    sorted by kind, then by language.
    """
    documents = [_parse(path) for path in _DOCUMENT_DIR.glob("*.md")]
    return sorted(documents, key=lambda document: (document.kind, document.language))


__all__ = ["ShippedDocument", "shipped_documents"]
