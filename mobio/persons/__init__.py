"""The person: a newcomer's profile, separate from any account."""
