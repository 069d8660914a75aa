"""GraphQL face of hand-overs: offering a case to follow-up housing, and deciding on it."""
