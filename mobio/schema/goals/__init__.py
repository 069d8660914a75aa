"""GraphQL face of goal agreements: the team agrees them, the newcomer reads and confirms."""
