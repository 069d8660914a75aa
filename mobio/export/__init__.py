"""The owner's "my data" export: one ZIP (data.json, a readable PDF, every attachment)."""
