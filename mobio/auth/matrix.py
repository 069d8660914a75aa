"""The access matrix (field x grant), generated from the schema's directives alone."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mobio.auth.enforce import Rule
from mobio.auth.grants import Grant


def matrix_rows(rules: Sequence[Rule]) -> list[dict[str, object]]:
    """One row per protected field and mode, with the allowed grants in vocabulary order."""
    return [
        {
            "type": rule.type_name,
            "field": rule.field,
            "mode": rule.mode,
            "grants": [grant.value for grant in Grant if grant in rule.grants],
        }
        for rule in sorted(rules, key=lambda r: (r.type_name, r.field, r.mode))
    ]


def as_json(rules: Sequence[Rule]) -> str:
    return json.dumps(
        {"grants": [grant.value for grant in Grant], "fields": matrix_rows(rules)}, indent=2
    )


def as_markdown(rules: Sequence[Rule]) -> str:
    grants = list(Grant)
    header = "| field | mode | " + " | ".join(grant.value for grant in grants) + " |"
    divider = "|---|---|" + "---|" * len(grants)
    lines = [header, divider]
    for rule in sorted(rules, key=lambda r: (r.type_name, r.field, r.mode)):
        marks = " | ".join("✔" if grant in rule.grants else "" for grant in grants)
        lines.append(f"| `{rule.type_name}.{rule.field}` | {rule.mode} | {marks} |")
    return "\n".join(lines) + "\n"
