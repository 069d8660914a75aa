"""GraphQL face of the consent domain."""
