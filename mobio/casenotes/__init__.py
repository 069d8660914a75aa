"""Case notes: a team's working notes on a newcomer, readable by that team alone."""
