"""Every goal area and status has a label in each interface language (looked up by code)."""

from __future__ import annotations

import pytest

from mobio.goals.tables import GoalArea, GoalStatus
from mobio.i18n import INTERFACE_LANGUAGES, catalogue

LABEL_IDS = [f"goal.area.{a.value}" for a in GoalArea] + [
    f"goal.status.{s.value}" for s in GoalStatus
]


@pytest.mark.parametrize("language", INTERFACE_LANGUAGES)
def test_every_area_and_status_is_labelled(language: str) -> None:
    # gettext answers the id itself when a text is missing
    own = catalogue(language)
    missing = [i for i in LABEL_IDS if own.gettext(i) == i]
    assert missing == []
