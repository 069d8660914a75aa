"""Database engine selection, migrations and the request transaction."""
