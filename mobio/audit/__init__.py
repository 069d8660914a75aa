"""The access log: every read of a person's data by someone other than the owner."""
