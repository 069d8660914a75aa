"""Claim codes: how a newcomer takes over a profile a caseworker created for them."""
