"""GraphQL face of the forms domain: blank certificate forms to list, publish and withdraw."""
