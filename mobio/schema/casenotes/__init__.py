"""GraphQL face of case notes: a team's working notes on a person, read-only to the owner."""
