"""The only place that decides access: grants, principals, the permission directive."""
