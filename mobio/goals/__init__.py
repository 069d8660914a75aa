"""Goal agreements: what a newcomer and a team agreed, step by step, confirmed by the newcomer."""
