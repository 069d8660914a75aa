"""Consent documents (per kind, language, version) and the records of consent given."""
