"""The sandbox server: the catalog API of `shared/api/catalog-api.md`, run locally.

It shares only `app.domain` with the rest of the app. Entry points:

- `python -m app serve [--host] [--port 8765] [--db PATH] [--demo] [--token]`
  (`app.sandbox.cli`).
- `app.sandbox.testing.running_server(...)` / `start_in_background(db_path, demo=True)`:
  the same server in a background thread (tests, the GUI's offline mode).
- `app.sandbox.pytest_plugin`: `sandbox_server` and `demo_server` fixtures.
- `app.sandbox.demo.summary()`: what the demo catalog holds.

Endpoints, all under `/api/{locale}/` (`uk` or `en`), all needing
`Authorization: Bearer <token>`:

    GET  groupGoods                     POST groupGoods     PUT groupGoods/{guid}
    GET  price-level                    POST price-level    PUT price-level/{guid}
    GET  units                          (unit dictionary, section 9)
    POST goods/id/last                  (reserve id_goods + guid)
    GET  goods                          POST goods
    GET  goods/{guid}                   PUT goods/{guid}    (assumed, see below)
    GET  goods/{guid}/units             POST goods/{guid}/units
                                        PUT goods/{guid}/units/{guid_unit}
    GET  goods/{guid}/series            POST goods/{guid}/series
    GET  goods/{guid}/goodsPrice/prices POST goods/{guid}/goodsPrice
    GET  goods/{guid}/barcodes          POST goods/{guid}/barcodes
                                        PUT goods/{guid}/barcodes/{guid_barcode}
    GET  /openapi.json                  (the description; also needs the token)

Choices where the document is silent:

- Creating answers 201 with the created entity; PUT answers 200 with it.
- Lists are a bare JSON array; with `new_pagination=true` they are
  `{"data": [...], "meta": {"current_page", "last_page", "per_page", "total"}}`
  (page size 50 by default, at most 1000).
- Errors: 401 (token), 404 (unknown guid), 409 (a second price for one combination,
  a second `POST goods` for one id, a price or barcode for a product that is only
  reserved), 422 (a rule; `errors` names the field), 400 (a body that is not text).
- `GET goods/{guid}` and `PUT goods/{guid}` (name_goods, id_group, free_price,
  active; only the fields sent change) are not in section 9; the app needs them.
- A main `bar_code` belongs to one product; that product may carry it several times
  with different `ext_bar_code` add-ons (a periodical's issues).
- Prices are for the product's default unit; names of entities are stored as given
  (one language); only the Purchase level's name follows the locale.
- The unit dictionary (шт, кг, г, л, мл, м, упак, ящ) and the Purchase level exist
  in every sandbox, demo or not.
"""
