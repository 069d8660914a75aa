"""Anonymised evaluation for analysts: tables read from the protected sets only."""
