"""The caseworker's caseload: who has released data to the caller's teams, and what is due."""
