"""GraphQL face of the "my data" export."""
