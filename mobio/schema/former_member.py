"""How a deleted caseworker account shows where its work stays (answer logs, case notes)."""

from __future__ import annotations

from mobio.i18n import translate


def former_member(language: str, team_name: str | None) -> str | None:
    """'Former member of team X' in the reader's language (None when the team is gone too)."""
    if team_name is None:
        return None
    return translate(language, "page.former_member", team=team_name)
