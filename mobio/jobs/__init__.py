"""Background work: arq workers on Redis, or in-process tasks when no Redis is set."""
