"""GraphQL face of the biography: section types and inputs generated from the catalogue."""
