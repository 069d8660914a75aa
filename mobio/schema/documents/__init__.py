"""GraphQL of documents: the Document type, uploading and deleting, Person.documents."""
