"""The catalog API: the REST client and the product creation flow. No Qt.

- `app.api.client.CatalogClient`: every endpoint of the API document.
- `app.api.errors`: `ApiError` and its subclasses, `CreationFailed`, `InvalidDraft`.
- `app.api.creation`: `ProductDraft`, `CreationJournal`, `ProductCreator`.
"""
