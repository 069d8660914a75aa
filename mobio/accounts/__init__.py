"""Accounts: registration, activation, login sessions, passwords."""
