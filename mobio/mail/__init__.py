"""Outgoing mail: compose a message, then send it by SMTP or drop it into the outbox folder."""
