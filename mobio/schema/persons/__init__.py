"""GraphQL face of the persons domain."""
