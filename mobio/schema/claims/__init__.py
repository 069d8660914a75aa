"""GraphQL of claim letters and claiming a profile."""
