"""The HTTP face: the Litestar app, the GraphQL endpoint, cookies, small server pages."""
