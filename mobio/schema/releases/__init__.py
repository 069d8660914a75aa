"""GraphQL face of releases: to teams, to stakeholders, and what the newcomer sees of them."""
