"""The record of processing activities (Art. 30 GDPR), generated from what the code declares.

Sources: the permission directive of every field of the built schema (who may read or write
it), the questionnaire and the package declarations (which package holds which questions),
the settings and the constants that enforce retention, and the declarations in this package
(data categories, purposes and legal bases, storage, measures). A protected field without a
category or a grant without a purpose is a gap: the record is then refused, and a test fails.

Why the texts live here and not in the Babel catalogues: the record is a legal document,
written for the controller and the supervisory authority in exactly two languages (German,
binding; English). Its passages are reviewed as one text by the data protection officer,
not translated piecemeal into the five interface languages, and keeping both languages side
by side in ``Text(de, en)`` makes a missing translation a type error rather than a silent
fallback. Labels the newcomer already sees (questions, sections, packages, recipients,
document categories) still come from the catalogues, so the record names them exactly as
the consent screens do.
"""

from __future__ import annotations

import json
from enum import StrEnum

from mobio.processing.markdown import render
from mobio.processing.record import RecordIncompleteError, build
from mobio.processing.text import Language
from mobio.settings import Settings

__all__ = ["Format", "Language", "RecordIncompleteError", "processing_record"]


class Format(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"


def processing_record(language: Language, output_format: Format, settings: Settings) -> str:
    """The record as text, built from the process's schema and ``settings``."""
    from mobio.schema import get_schema

    schema = get_schema()
    record = build(schema._schema, schema.rules, settings, language)
    if output_format is Format.JSON:
        return json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    return render(record)
