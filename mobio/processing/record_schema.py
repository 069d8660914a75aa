"""The published JSON Schema (draft 2020-12) of ``mobio processing-record --format json``."""

from __future__ import annotations

from typing import Any

from mobio.auth.grants import Grant
from mobio.processing.categories import DataCategory, Subject
from mobio.processing.record import FORMAT, VERSION
from mobio.processing.text import Language

_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
_GRANTS: dict[str, Any] = {"type": "array", "items": {"enum": [g.value for g in Grant]}}
_CATEGORIES: dict[str, Any] = {
    "type": "array",
    "items": {"enum": [c.value for c in DataCategory]},
}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    """An object with exactly these properties, all required."""
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


_FIELD = _object(
    {
        "field": {"type": "string", "pattern": r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$"},
        "mode": {"enum": ["read", "write"]},
        "grants": _GRANTS,
    }
)
_QUESTION = _object({"section": _TEXT, "section_label": _TEXT, "code": _TEXT, "label": _TEXT})

RECORD_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://mobio.invalid/schemas/processing-record.json",
    "title": "MoBio record of processing activities (Art. 30 GDPR)",
    **_object(
        {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "language": {"enum": [language.value for language in Language]},
            "title": _TEXT,
            "review": _TEXT,
            "sources": _TEXT,
            "controller": _TEXT,
            "purposes": _list(
                _object(
                    {
                        "grant": {"enum": [g.value for g in Grant]},
                        "holder": _TEXT,
                        "purpose": _TEXT,
                        "legal_basis": _TEXT,
                        "reads": _CATEGORIES,
                        "writes": _CATEGORIES,
                    }
                )
            ),
            "subjects": _list(_object({"id": {"enum": [s.value for s in Subject]}, "name": _TEXT})),
            "categories": _list(
                _object(
                    {
                        "id": {"enum": [c.value for c in DataCategory]},
                        "name": _TEXT,
                        "description": _TEXT,
                        "special": {"type": "boolean"},
                        "subjects": {
                            "type": "array",
                            "items": {"enum": [s.value for s in Subject]},
                        },
                        "read_by": _GRANTS,
                        "written_by": _GRANTS,
                        "fields": _list(_FIELD),
                    }
                )
            ),
            "carriers": _object(
                {
                    "note": _TEXT,
                    "fields": _list(
                        {
                            **_FIELD,
                            "properties": {
                                **_FIELD["properties"],
                                "kind": {"enum": ["container", "value"]},
                            },
                            "required": sorted([*_FIELD["required"], "kind"]),
                        }
                    ),
                }
            ),
            "recipients": _object(
                {
                    "teams": _list(
                        _object(
                            {
                                "team_kind": _TEXT,
                                "grant": {"enum": [g.value for g in Grant]},
                                "name": _TEXT,
                                "categories": _CATEGORIES,
                            }
                        )
                    ),
                    "packages": _list(
                        _object(
                            {
                                "package": _TEXT,
                                "grant": {"enum": [g.value for g in Grant]},
                                "name": _TEXT,
                                "recipients": _list(_TEXT),
                                "categories": _CATEGORIES,
                                "questions": _list(_QUESTION),
                                "child_questions": _list(_QUESTION),
                                "documents": _list(_object({"category": _TEXT, "label": _TEXT})),
                            }
                        )
                    ),
                }
            ),
            "transfers": _TEXT,
            "retention": _list(
                _object(
                    {
                        "key": _TEXT,
                        "what": _TEXT,
                        "period": _TEXT,
                        "seconds": {"type": ["integer", "null"], "minimum": 0},
                        "source": {"type": "string"},
                    }
                )
            ),
            "storage": _list(
                _object(
                    {"component": _TEXT, "embedded": _TEXT, "production": _TEXT, "holds": _TEXT}
                )
            ),
            "measures": _list(_TEXT),
        }
    ),
}
"""Describes the JSON record; tests validate the output against it."""
