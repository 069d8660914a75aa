"""GraphQL face of the accounts domain."""
