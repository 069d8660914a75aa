"""Municipalities, teams and team membership."""
