"""Documents' bytes (certificates, CVs): stored in a local folder or an S3-compatible bucket.

``store.build_store(settings)`` picks the backend; both meet ``store.DocumentStore``. Keys are
random and never derived from a file name: what a document is and whose it is lives in the
database, never in a path or object name.
"""
