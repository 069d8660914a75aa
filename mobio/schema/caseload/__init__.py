"""GraphQL of the caseworker's caseload and dashboard."""
