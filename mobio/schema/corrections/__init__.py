"""GraphQL face of correction requests for write-once personal pages."""
