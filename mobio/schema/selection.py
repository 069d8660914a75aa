"""Which fields below a resolver the query selects, so that it can leave the rest unbuilt.

Only ever used to leave work out. A field built but not selected costs time; a field selected
but not built would be a wrong answer. So fragments are followed (their type conditions are
not narrowed), and every alias of a field counts.
"""

from __future__ import annotations

from collections.abc import Iterable

from strawberry.types.nodes import SelectedField, Selection


def selected(selections: Iterable[Selection]) -> dict[str, list[Selection]]:
    """Field name -> its own selections, merged over aliases and fragments."""
    found: dict[str, list[Selection]] = {}
    for selection in selections:
        if isinstance(selection, SelectedField):
            found.setdefault(selection.name, []).extend(selection.selections)
            continue
        for name, below in selected(selection.selections).items():
            found.setdefault(name, []).extend(below)
    return found
