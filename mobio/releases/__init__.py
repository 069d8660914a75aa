"""Releases: what gives a team or a stakeholder a grant on a person's data."""
