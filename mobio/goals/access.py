"""Which teams take part in goal agreements.

Social counselling and integration management agree goals with the newcomer (DESIGN.md
section 1). The municipal integration office does not: with a release it sees only basic
information and may change the personal data only, and a goal agreement is case work, not
basic information. So its grant is left out here and in every goal directive.
"""

from __future__ import annotations

from mobio.auth.grants import Grant

GOAL_TEAM_GRANTS: tuple[Grant, ...] = (Grant.SOCIAL_COUNSELLING, Grant.INTEGRATION_MANAGEMENT)
GOAL_READERS: tuple[Grant, ...] = (Grant.OWNER, *GOAL_TEAM_GRANTS)
