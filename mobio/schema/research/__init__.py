"""GraphQL face of research: the newcomer's choice, extract requests and the register."""
