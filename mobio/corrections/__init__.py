"""Correction requests for write-once personal pages, decided by a caseworker."""
