"""Self-service erasure: an undo window, then resumable erasure with notice to recipients."""
